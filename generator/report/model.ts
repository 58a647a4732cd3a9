/**
 * A report as plain data: what it says and in which order. How it looks (fonts, margins, numbering
 * style) is the renderer's business, so the builders can be tested without opening a .docx and the
 * add-in can render the same model in the browser.
 */
export interface Report {
  /** The title as it is set: one entry per line, broken where the wording template says. */
  titleLines: string[];
  /** 发文字号 (`X局发〔2026〕3号`); absent when none was given. */
  docNumber?: string;
  /** 主送机关, ending in a full-width colon; absent when the report has none. */
  recipients?: string;
  body: Block[];
  appendices: Appendix[];
  /** 发文机关署名. */
  issuer: string;
  /** 成文日期 as it is printed (`2026年7月20日`). */
  date: string;
}

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
