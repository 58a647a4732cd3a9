/**
 * A report as plain data: what it says and in which order. How it looks (fonts, margins, numbering
 * style) is the renderer's business, so the builders can be tested without opening a .docx and the
 * add-in can render the same model in the browser.
 */
export interface Report {
  /** The title as it is set: one entry per line, broken where the wording template says. */
  titleLines: string[];
  /** 发文字号 (`X局发〔2026〕3号`); absent when none was given. With it the report has a 版头. */
  docNumber?: string;
  /** 发文机关标志 printed in red in the 版头; absent: the 版头 is left blank for the bureau's 红头 paper. */
  organMark?: string;
  /** 内部稿 (`--with-data-problems`): marked at the top, not for circulation. */
  internal?: boolean;
  /** 主送机关, ending in a full-width colon; absent when the report has none. */
  recipients?: string;
  body: Block[];
  appendices: Appendix[];
  /** 发文机关署名. */
  issuer: string;
  /** 成文日期 as it is printed (`2026年7月20日`). */
  date: string;
  /** 征求意见稿: the period has not ended, so the report is a draft for comment. */
  draft?: boolean;
  /** 落款 for a sealed document (GB/T 9704 7.3.5.1) instead of the unsealed one (7.3.5.2). */
  sealed?: boolean;
  /** 版记 (GB/T 9704 7.4), printed at the foot of the last page. */
  imprint?: Imprint;
  /** Every figure the report prints, with what it counts: a test checks each against `validate`. */
  figures?: Figure[];
  /** What the clerk should know of the report and the report does not say: the CLI prints it, the pane shows it. */
  notices?: string[];
}

/** 版记: 抄送机关, 印发机关 and 印发日期. */
export interface Imprint {
  /** Without the label and the full stop: `县委宣传部`. Absent: no 抄送 line. */
  copyTo?: string;
  issuedBy: string;
  /** `2026年7月20日`. */
  issuedOn: string;
}

/**
 * A figure and what it counts. `records`: records of a sheet counted in a period (by the rules' own
 * period rule, repeats found by D08 left out), optionally those whose fields hold given values or are
 * filled. `rule`: a requirement's figure for a period (and unit) exactly as validate gives it.
 * `statuses`: how many rows of the report's requirement table have a status. `derived`: figures
 * computed from findings (how promptly events were handled), checked for consistency only.
 */
export type Figure =
  | {
      of: 'records';
      sheet: string;
      period: string;
      where?: Record<string, string | boolean | string[]>;
      filled?: string[];
      /** Distinct values of this field among the records, instead of the records. */
      distinct?: string;
      value: number;
    }
  /** As `validate --period` states the rule for the report's period (the report counted as its own document); `unit` picks one entry. */
  | { of: 'rule'; rule: string; period: string; unit: string | null; field: 'required' | 'actual'; value: number }
  | { of: 'statuses'; status: string | null; value: number }
  | { of: 'derived'; name: string; value: number };

export type HeadingLevel = 1 | 2 | 3 | 4;

/** A heading with its number already in front (`一、基本情况`, `（二）倾向性问题`). */
export interface Heading {
  kind: 'heading';
  level: HeadingLevel;
  text: string;
}

export interface Paragraph {
  kind: 'paragraph';
  text: string;
}

export interface TableColumn {
  header: string;
  /** Share of the table's width, relative to the other columns. */
  weight: number;
  align: 'left' | 'center';
}

export interface Table {
  kind: 'table';
  columns: TableColumn[];
  rows: string[][];
}

export type Block = Heading | Paragraph | Table;

/** An attachment printed after the 落款 on a page of its own (`附件1`). */
export interface Appendix {
  /** Its title, one entry per line as set on its page; joined, it names the attachment in 附件说明. */
  titleLines: string[];
  body: Block[];
}

export function reportTitle(report: Pick<Report, 'titleLines'>): string {
  return report.titleLines.join('');
}
