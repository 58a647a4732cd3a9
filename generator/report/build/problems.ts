import type { Finding } from '../../../ledger/findings';
import type { LedgerRecord } from '../../../ledger/model';
import type { RecordSheetKey } from '../../../ledger/schema/sheets';
import { ruleInfo } from '../../../ledger/check/ruleTable';
import { periodYear } from '../../../ledger/values/period';
import type { Appendix, Block } from '../model';
import type { ProblemsTemplate } from '../template/schema';
import type { Values } from '../template/phrase';
import type { ReportContext, Section } from './context';
import { pointParagraphs, type Point } from './points';
import { rowKey } from './records';
import { nextPeriod as nextPeriodOf, shortfalls, unjudged, type Shortfall } from './requirements';
import { cleanText, excerpt, listOf, shortDate, withoutSpaces } from './text';
import { themeOfRule, themes, type Theme } from './themes';

/** A sentence names this many units or events at most, then counts them. */
const named = 5;

/** Names in a sentence: the first few, then `等N个` of `what`; `等` only when the list was cut. */
export function someNames(ctx: ReportContext, names: readonly string[], what: string, figure: string): string | undefined {
  if (names.length === 0) return undefined;
  if (names.length <= named) return listOf(names);
  return `${listOf(names.slice(0, named))}等${ctx.figure({ of: 'derived', name: figure, value: names.length })}${what}`;
}

/**
 * A found fact, its theme and the units (or 股室) it names, for 下一步 to address; the sheet of the work
 * it is about, and for a requirement what it asks done, so that the measure answers this fact (a
 * missed 中心组学习 is no lecture held without approval, though both are 阵地管理).
 */
export interface Fact {
  theme: Theme;
  text: string;
  units: string[];
  sheet: RecordSheetKey | 'settings';
  what?: string;
}

/** The sentence for a bureau's own requirement where the template was written before they could be. */
const ownFact = '[{单位}]{考核期间}“{要求}”未按期落实';

/** A period requirement overdue: what was not done, by whom, then why — never started, or fell short. */
function shortfallFact(ctx: ReportContext, t: ProblemsTemplate, s: Shortfall): Fact {
  const values: Values = {
    单位: someNames(ctx, s.units, '个单位', `${s.rule.id}单位数`),
    考核期间: s.label,
    到期日期: shortDate(s.due, ctx.year),
  };
  const builtIn = t.事实[s.rule.id as keyof ProblemsTemplate['事实']];
  // A bureau's own requirement has no sentence of its own in the template: the generic one names it.
  const fact = builtIn === undefined ? ctx.say(t.事实.本单位要求 ?? ownFact, { ...values, 要求: s.rule.title }) : ctx.say(builtIn, values);
  // validate gives the rule's count over the report's period: a shorter period's (a month's, one unit's) is the report's own.
  const figure = (field: 'required' | 'actual', value: number) =>
    s.period === ctx.period && s.units.length === 0
      ? ctx.figure({ of: 'rule', rule: s.rule.id, period: ctx.period, unit: null, field, value })
      : ctx.figure({ of: 'derived', name: `${s.rule.id}${s.label}${s.units.join('')}${field}`, value });
  const cause =
    s.actual === 0
      ? ctx.say(t.原因.逾期未开展, values)
      : ctx.say(t.原因.逾期未完成, { ...values, 完成次数: figure('actual', s.actual), 要求次数: figure('required', s.required) });
  // The units of an inspection requirement (R06) are those the party group did not inspect: the party
  // group is the one to act, not they.
  const info = ruleInfo(s.rule.id, ctx.result.ledger.plan);
  const sheet = info.judged?.sheet ?? 'settings';
  return {
    theme: themeOfRule(s.rule.id, ctx.result.ledger),
    text: `${fact}，${cause}`,
    units: sheet === 'inspection' ? [] : s.units,
    sheet,
    ...(info.requirement && { what: info.requirement.what }),
  };
}

/**
 * The periods a requirement was never started in by the same units (or the bureau as a whole), told
 * in one sentence (`第一党支部、第二党支部2026年1月至6月“每月……”未按期落实`): a monthly requirement would
 * otherwise repeat itself six times in a half-year's 通报. Periods partly done keep their own sentence,
 * which gives their count.
 */
function notStarted(list: readonly Shortfall[]): Shortfall[] {
  const joined = new Map<string, { first: Shortfall; periods: Shortfall[] }>();
  const out: Shortfall[] = [];
  for (const s of list) {
    const key = `${s.rule.id}\u0000${s.units.join('\u0000')}`;
    const group = joined.get(key);
    if (s.actual > 0) out.push(s);
    else if (!group) {
      const first = { ...s };
      joined.set(key, { first, periods: [s] });
      out.push(first);
    } else group.periods.push(s);
  }
  for (const { first, periods } of joined.values()) first.label = periodsLabel(periods);
  return out;
}

/**
 * Periods in a sentence: `2026年1月至6月` where they run on without a gap (three or more), else
 * `2026年1月、3月`; the year said once where they share it.
 */
function periodsLabel(periods: readonly Shortfall[]): string {
  if (periods.length === 1) return periods[0].label;
  const year = (s: Shortfall) => `${periodYear(s.period)}年`;
  const sameYear = periods.every((s) => periodYear(s.period) === periodYear(periods[0].period));
  const short = (s: Shortfall, i: number) => (i > 0 && sameYear ? s.label.replace(year(s), '') : s.label);
  const consecutive = periods.every((s, i) => i === 0 || nextPeriodOf(periods[i - 1].period) === s.period);
  if (sameYear && consecutive && periods.length >= 3) return `${periods[0].label}至${short(periods.at(-1)!, 1)}`;
  return periods.map(short).join('、');
}

type Sheet = 'inspection' | 'lecture' | 'opinion' | 'organization';

/** The records the period's findings of a rule stand on, each once, in the ledger's order. */
function recordsOf<K extends Sheet>(ctx: ReportContext, key: K, findings: readonly Finding[]): Array<{ record: LedgerRecord<K>; findings: Finding[] }> {
  const byRow = new Map<string, Finding[]>();
  for (const f of findings) byRow.set(rowKey(f.sheet, f.row), [...(byRow.get(rowKey(f.sheet, f.row)) ?? []), f]);
  return (ctx.result.ledger.records[key] as LedgerRecord<K>[]).flatMap((record) => {
    const own = byRow.get(rowKey(record.sheet, record.row));
    return own ? [{ record, findings: own }] : [];
  });
}

/** A name as a sentence quotes it: in quotation marks unless it brings its own. */
const quoted = (name: string | undefined) => (name === undefined ? '' : /[“”"]/u.test(name) ? cleanText(name) : `“${cleanText(name)}”`);

/** R19: units whose problems are past their deadline and not put right, by what was done about them. */
function rectificationFacts(ctx: ReportContext, t: ProblemsTemplate, findings: readonly Finding[]): Fact[] {
  const records = recordsOf(ctx, 'inspection', findings).map((r) => r.record);
  return (['未整改', '整改中'] as const).flatMap((state) => {
    const units = [...new Set(records.filter((r) => r.data.整改情况 === state).map((r) => r.data.被检查单位 ?? '有关单位'))];
    if (units.length === 0) return [];
    const values = { 单位: someNames(ctx, units, '个单位', `逾期${state}单位数`) };
    const cause = state === '未整改' ? t.原因.未启动整改 : t.原因.整改未到位;
    return [{ theme: '问题整改' as const, text: `${ctx.say(t.事实.R19, values)}，${ctx.say(cause, values)}`, units, sheet: 'inspection' as const }];
  });
}

/** R08: inspections whose result reached the party group, by the ledger's dates, before the inspection itself. */
function reportingFacts(ctx: ReportContext, t: ProblemsTemplate, findings: readonly Finding[]): Fact[] {
  const units = [...new Set(recordsOf(ctx, 'inspection', findings).map((r) => r.record.data.被检查单位 ?? '有关单位'))];
  if (units.length === 0) return [];
  const values = { 单位: someNames(ctx, units, '个单位', '上报不符单位数') };
  return [{ theme: '问题整改', text: `${ctx.say(t.事实.R08, values)}，${ctx.say(t.原因.未按程序报送, values)}`, units, sheet: 'inspection' }];
}

/** R14: each activity held without the approval the plan asks for, saying which step was missed. */
function lectureFacts(ctx: ReportContext, t: ProblemsTemplate, findings: readonly Finding[]): Fact[] {
  const items = recordsOf(ctx, 'lecture', findings).map(({ record, findings: own }) => {
    const d = record.data;
    const values: Values = {
      活动名称: quoted(d.活动名称) || '有关活动',
      活动日期: d.活动日期 ? shortDate(d.活动日期, ctx.year) : undefined,
      审批日期: d.审批日期 ? shortDate(d.审批日期, ctx.year) : undefined,
    };
    const field = own[0].field;
    const phrase = field === '审批结果' ? t.事实.R14未同意 : field === '登记日期' ? t.事实.R14先批后登 : t.事实.R14审批滞后;
    return ctx.say(phrase, values);
  });
  const kept = items.slice(0, named);
  if (kept.length === 0) return [];
  const more = items.length > named ? `等${ctx.figure({ of: 'derived', name: '审批不符活动数', value: items.length })}场活动` : '';
  return [{ theme: '阵地管理', text: `${kept.join('，')}${more}`, units: [], sheet: 'lecture' }];
}

const stepOf: Record<string, string> = { 研判时间: '研判', 报送时间: '报送', 处置时间: '处置' };

/** R15–R17: events handled out of order, late, or — a 重大舆情 — not reported up or handled. */
function opinionFacts(ctx: ReportContext, t: ProblemsTemplate, byRule: ReadonlyMap<string, Finding[]>): Fact[] {
  const events = (rule: string, say: (r: LedgerRecord<'opinion'>, own: Finding[]) => string): string[] =>
    recordsOf(ctx, 'opinion', byRule.get(rule) ?? []).map(({ record, findings }) => say(record, findings));
  const steps = (own: Finding[]) => listOf([...new Set(own.map((f) => stepOf[f.field ?? ''] ?? ''))].filter((s) => s !== ''));
  const texts = [
    ...events('R17', (r, own) =>
      ctx.say(t.事实.R17, { 事件名称: quoted(r.data.事件名称) || '有关舆情', 步骤: steps(own), 处置时限: ctx.result.ledger.settings['舆情处置时限（小时）'] }),
    ),
    ...events('R16', (r, own) => ctx.say(t.事实.R16, { 事件名称: quoted(r.data.事件名称) || '有关舆情', 步骤: steps(own) })),
    ...events('R15', (r) => ctx.say(t.事实.R15, { 事件名称: quoted(r.data.事件名称) || '有关舆情' })),
  ];
  return texts.length === 0 ? [] : [{ theme: '舆情处置', text: texts.join('；'), units: [], sheet: 'opinion' }];
}

/** R18: units whose 分管领导 is not a member of the party group (judged on 组织架构, not on a period). */
function leadershipFacts(ctx: ReportContext, t: ProblemsTemplate): Fact[] {
  if (ctx.scope.rules.find((r) => r.id === 'R18')?.status !== '未达标') return [];
  const findings = ctx.result.findings.filter((f) => f.rule === 'R18');
  const units = recordsOf(ctx, 'organization', findings).map(({ record }) => record.data.单位名称 ?? '有关单位');
  if (units.length === 0) return [];
  return [{ theme: '责任落实', text: ctx.say(t.事实.R18, { 单位: someNames(ctx, units, '个单位', '分管领导单位数') }), units, sheet: 'settings' }];
}

/** Every problem the ledger bears out for the period, as facts in the 党组's voice. */
export function problemFacts(ctx: ReportContext, t: ProblemsTemplate): Fact[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of ctx.scope.findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  return [
    ...notStarted(shortfalls(ctx)).map((s) => shortfallFact(ctx, t, s)),
    ...leadershipFacts(ctx, t),
    ...lectureFacts(ctx, t, byRule.get('R14') ?? []),
    ...opinionFacts(ctx, t, byRule),
    ...reportingFacts(ctx, t, byRule.get('R08') ?? []),
    ...rectificationFacts(ctx, t, byRule.get('R19') ?? []),
  ];
}

/**
 * The period's own words on what still needs attention: the analyses' 倾向性问题, and the 发现问题 of
 * inspections not yet put right (within their deadline, or R19 would have made them a problem).
 */
function ledgerConcerns(ctx: ReportContext): string | undefined {
  const open = ['整改中', '未整改'];
  const texts = [
    ...ctx.records('analysis').map((r) => r.data.倾向性问题),
    ...ctx.records('inspection').flatMap((r) => (open.includes(r.data.整改情况 ?? '') ? [r.data.发现问题] : [])),
  ].flatMap((text) => (text ? [excerpt(cleanText(text), 40)] : []));
  const distinct = [...new Set(texts)];
  return distinct.length === 0 ? undefined : distinct.slice(0, 3).map((text) => `“${text}”`).join('；');
}

/** Errors in the ledger's own data, for an internal draft only (`--with-data-problems`). */
function dataAppendix(ctx: ReportContext, t: ProblemsTemplate['台账数据']): Appendix | null {
  const errors = ctx.result.findings.filter((f: Finding) => ruleInfo(f.rule, ctx.result.ledger.plan).kind !== 'requirement' && f.severity === 'error');
  if (errors.length === 0) return null;
  const blocks: Block[] = [
    { kind: 'paragraph', text: ctx.say(t.概述, { 错误数: ctx.figure({ of: 'derived', name: '数据错误', value: errors.length }) }) },
    ...errors.map((f, i): Block => ({ kind: 'paragraph', text: ctx.say(t.条目, { 序号: i + 1, 说明: withoutSpaces(f.message), 工作表: f.sheet, 单元格: f.cell }) })),
  ];
  return { titleLines: [ctx.say(t.标题)], body: blocks };
}

/**
 * 存在的问题: the facts the ledger bears out, one point per theme (一是……), each naming who did not do
 * what and why; a period without any says so in a short paragraph, adding only the concerns the
 * ledger's own analyses and inspections wrote down. `facts` go on to 下一步.
 */
export function problemsSection(ctx: ReportContext, t: ProblemsTemplate): { section: Section; facts: Fact[]; data: Appendix | null } {
  const facts = problemFacts(ctx, t);
  const points: Point[] = themes
    .filter((theme) => facts.some((f) => f.theme === theme))
    .map((theme) => ({ lead: ctx.say(t.方面[theme]), sentences: facts.filter((f) => f.theme === theme).map((f) => f.text) }));
  const blocks = pointParagraphs(points);
  if (facts.length === 0) {
    const allMet = ctx.scope.rules.every((r) => r.status === '达标');
    blocks.push({ kind: 'paragraph', text: ctx.say(allMet ? t.无问题.均已落实 : t.无问题.无逾期, { 台账问题: ledgerConcerns(ctx) }) });
  }
  const unknown = unjudged(ctx);
  if (unknown.length > 0) blocks.push({ kind: 'paragraph', text: ctx.say(t.无法判断, { 要求: listOf(unknown.map((r) => `“${r.title}”`)) }) });
  return {
    section: { title: ctx.say(t.标题), blocks },
    facts,
    data: ctx.options.withDataProblems ? dataAppendix(ctx, t.台账数据) : null,
  };
}
