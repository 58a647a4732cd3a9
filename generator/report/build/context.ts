import { scopeRules, type OwnDocument, type Scope } from '../../../ledger/check/scope';
import type { LedgerRecord, ValidationResult } from '../../../ledger/model';
import { chineseDate } from '../../../ledger/values/date';
import { periodEnd, periodLabel, periodStart, periodYear, type PeriodCode } from '../../../ledger/values/period';
import type { Values } from '../template/phrase';
import { fillPhrase } from '../template/phrase';
import type { WorkSheetKey } from '../template/fields';
import type { Appendix, Block, Figure, Imprint, Paragraph, Report } from '../model';
import { duplicateRows, recordsIn } from './records';
import { heading, nestQuotes } from './text';

export interface BuildOptions {
  /** `2026Q3` for a quarterly report, `2026H1` for a semiannual one. */
  period: PeriodCode;
  /** 发文字号, printed above the title when given. */
  docNumber?: string;
  /** A period not yet over: the report is printed as a 征求意见稿. */
  draft?: boolean;
  /** An internal draft: the ledger's own data problems are listed under 存在的问题. */
  withDataProblems?: boolean;
  /** 落款 laid out for the 党组's seal (GB/T 9704 7.3.5.1). */
  sealed?: boolean;
}

/** What every section of a report reads: the validation result, the period and the shared placeholders. */
export interface ReportContext {
  result: ValidationResult;
  period: PeriodCode;
  year: number;
  options: BuildOptions;
  /** The requirements as they stand for the report's period, the report itself counted as its own document. */
  scope: Scope;
  /** What the clerk should know of the report and the report does not say (printed by the CLI, shown by the pane). */
  notices: string[];
  /** Placeholders every phrase may use ({单位名称}, {期间}, …). */
  common: Values;
  /** Fills a phrase with the common placeholders and `values`. */
  say(phrase: string, values?: Values): string;
  /** Each line of a filled phrase as a paragraph; empty lines are dropped. */
  paragraphs(phrase: string, values?: Values): Paragraph[];
  /** A sheet's records counted in `period` (the report's own by default), D08's repeats left out. */
  records<K extends WorkSheetKey>(key: K, period?: PeriodCode): LedgerRecord<K>[];
  /** Records a figure the report prints and returns its value, so a test can check every one against validate. */
  figure(figure: Figure): number;
  figures: Figure[];
}

export function reportContext(result: ValidationResult, options: BuildOptions, extra: Values, own?: OwnDocument): ReportContext {
  const { period } = options;
  const { settings } = result.ledger;
  const common: Values = {
    单位名称: settings.单位名称,
    年度: periodYear(period),
    期间: periodLabel(period),
    起始日期: chineseDate(periodStart(period)),
    截止日期: chineseDate(periodEnd(period)),
    成文日期: chineseDate(result.asOf),
    党组书记: settings.党组书记,
    分管领导: settings.分管领导,
    责任部室: settings.责任部室,
    ...extra,
  };
  const say = (phrase: string, values: Values = {}) => nestQuotes(fillPhrase(phrase, values, common));
  const paragraphs = (phrase: string, values: Values = {}): Paragraph[] =>
    say(phrase, values)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((text) => ({ kind: 'paragraph', text }));
  const duplicates = duplicateRows(result.findings);
  const figures: Figure[] = [];
  return {
    result,
    period,
    year: periodYear(period),
    options,
    scope: scopeRules(result, period, own),
    notices: [],
    common,
    say,
    paragraphs,
    records: (key, within = period) => recordsIn(result.ledger, key, within, duplicates),
    figure: (figure) => {
      figures.push(figure);
      return figure.value;
    },
    figures,
  };
}

/** A level-two sub-section: its heading and body, numbered when the report is assembled. */
export interface Part {
  title: string;
  blocks: Block[];
}

/** A level-one section: its opening paragraphs, then its sub-sections. */
export interface Section {
  title: string;
  blocks: Block[];
  parts?: Part[];
}

/** The wording both reports share around their sections: title lines, 主送, opening, 发文机关署名. */
export interface ReportHead {
  标题: readonly string[];
  主送: string;
  开头: string;
  发文机关署名: string;
  /** Printed in the 版头 when the report has a 发文字号. */
  发文机关标志?: string;
}

/** A whole report: the shared head and 落款 around its numbered sections. */
export function reportOf(
  ctx: ReportContext,
  head: ReportHead,
  sections: readonly Section[],
  extra: { appendices?: Appendix[]; imprint?: Imprint },
): Report {
  const { options } = ctx;
  const recipients = ctx.say(head.主送);
  const mark = head.发文机关标志 ? ctx.say(head.发文机关标志) : '';
  return {
    titleLines: head.标题.map((line) => ctx.say(line)),
    ...(options.docNumber ? { docNumber: options.docNumber } : {}),
    ...(mark ? { organMark: mark } : {}),
    ...(options.withDataProblems ? { internal: true } : {}),
    ...(options.draft ? { draft: true } : {}),
    ...(recipients ? { recipients } : {}),
    body: assemble(ctx.paragraphs(head.开头), sections),
    appendices: extra.appendices ?? [],
    issuer: ctx.say(head.发文机关署名),
    date: chineseDate(ctx.result.asOf),
    ...(options.sealed ? { sealed: true } : {}),
    ...(extra.imprint ? { imprint: extra.imprint } : {}),
    figures: ctx.figures,
    notices: ctx.notices,
  };
}

/** The body of a report: sections numbered 一、二、…, their parts （一）（二）…. */
export function assemble(opening: Block[], sections: readonly Section[]): Block[] {
  return [
    ...opening,
    ...sections.flatMap((section, i) => [
      heading(1, i + 1, section.title),
      ...section.blocks,
      ...(section.parts ?? []).flatMap((part, j) => [heading(2, j + 1, part.title), ...part.blocks]),
    ]),
  ];
}
