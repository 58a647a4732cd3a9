import type { Finding } from '../../../ledger/findings';
import { ruleInfo } from '../../../ledger/check/ruleTable';
import { chineseDate } from '../../../ledger/values/date';
import type { Appendix, Block } from '../model';
import type { ProblemsTemplate } from '../template/schema';
import type { Values } from '../template/phrase';
import type { ReportContext, Section } from './context';
import { fillPoints, pointParagraphs, type Point } from './points';
import { planText, shortfalls, unjudged, type EntryGroup } from './requirements';
import { listOf, unlessZero, withoutSpaces } from './text';

/** The aspect of the work each requirement belongs to: a 存在的问题 point gathers one aspect's shortfalls. */
export type Aspect = '责任落实' | '检查整改' | '学习阵地' | '舆情应对';
const aspectOf: Record<string, Aspect> = {
  R01: '责任落实',
  R02: '责任落实',
  R03: '责任落实',
  R04: '责任落实',
  R05: '责任落实',
  R09: '责任落实',
  R10: '责任落实',
  R11: '责任落实',
  R18: '责任落实',
  R06: '检查整改',
  R07: '检查整改',
  R08: '检查整改',
  R19: '检查整改',
  R12: '学习阵地',
  R13: '学习阵地',
  R14: '学习阵地',
  R15: '舆情应对',
  R16: '舆情应对',
  R17: '舆情应对',
};
export const aspects: readonly Aspect[] = ['责任落实', '检查整改', '学习阵地', '舆情应对'];
export const aspectOfRule = (id: string): Aspect => aspectOf[id] ?? '责任落实';

/** A sentence names this many units at most, then counts them. */
const namedUnits = 5;

/** Units named in a sentence: the first few, then how many in all. */
function unitList(ctx: ReportContext, units: readonly string[], name: string): string | undefined {
  if (units.length === 0) return undefined;
  const more = units.length > namedUnits ? `等${ctx.figure({ of: 'derived', name, value: units.length })}个单位` : '';
  return `${listOf(units.slice(0, namedUnits))}${more}`;
}

/** Placeholders of a requirement sentence ({要求} {单位} {考核期间} …). */
export function requirementValues(ctx: ReportContext, group: EntryGroup): Values {
  return {
    要求: group.rule.title,
    依据: planText(ruleInfo(group.rule.id).plan),
    单位: unitList(ctx, group.units, `${group.rule.id}单位数`),
    考核期间: group.label,
    到期日期: chineseDate(group.due),
    未达标数: unlessZero(group.short),
  };
}

/** Inspections of the period whose problems are not yet put right, and how many of them R19 found overdue. */
function openRectification(ctx: ReportContext): Values | null {
  const open = ['整改中', '未整改'];
  const records = ctx.records('inspection').filter((r) => r.data.发现问题 !== undefined && open.includes(r.data.整改情况 ?? ''));
  if (records.length === 0) return null;
  const count = ctx.figure({
    of: 'records',
    sheet: 'inspection',
    period: ctx.period,
    where: { 整改情况: open },
    filled: ['发现问题'],
    value: records.length,
  });
  const units = [...new Set(records.flatMap((r) => (r.data.被检查单位 ? [r.data.被检查单位] : [])))];
  return { 未整改数: count, 单位: unitList(ctx, units, '未整改单位数') };
}

/** The sentence a requirement's shortfall gets: per period and unit, or by how many records fell short. */
function shortfallSentence(ctx: ReportContext, t: ProblemsTemplate, group: EntryGroup): string {
  const values = requirementValues(ctx, group);
  return ctx.say(ruleInfo(group.rule.id).judged?.judges === 'periods' ? t.未按期 : t.未达要求, values);
}

/** The points derived from validate's statuses: one per aspect that falls short, then one for what cannot be judged. */
export function problemPoints(ctx: ReportContext, t: ProblemsTemplate): Point[] {
  const byAspect = new Map<Aspect, string[]>();
  const add = (aspect: Aspect, sentence: string) => byAspect.set(aspect, [...(byAspect.get(aspect) ?? []), sentence]);
  for (const group of shortfalls(ctx)) add(aspectOfRule(group.rule.id), shortfallSentence(ctx, t, group));
  const rectification = openRectification(ctx);
  if (rectification) add('检查整改', ctx.say(t.整改, rectification));
  const points: Point[] = aspects.filter((a) => byAspect.has(a)).map((a) => ({ lead: ctx.say(t.方面[a]), sentences: byAspect.get(a) ?? [] }));
  const unknown = unjudged(ctx);
  if (unknown.length > 0) {
    points.push({ lead: ctx.say(t.方面.台账记录), sentences: [ctx.say(t.无法判断, { 要求: listOf(unknown.map((g) => `“${g.rule.title}”`)) })] });
  }
  return points;
}

/**
 * Errors in the ledger's own data, for an internal draft only (`--with-data-problems`): an attachment
 * at the end, so that the draft's body has the formal report's headings and no more.
 */
function dataAppendix(ctx: ReportContext, t: ProblemsTemplate['台账数据']): Appendix | null {
  const errors = ctx.result.findings.filter((f: Finding) => ruleInfo(f.rule).kind !== 'requirement' && f.severity === 'error');
  if (errors.length === 0) return null;
  const blocks: Block[] = [
    { kind: 'paragraph', text: ctx.say(t.概述, { 错误数: ctx.figure({ of: 'derived', name: '数据错误', value: errors.length }) }) },
    ...errors.map((f, i): Block => ({ kind: 'paragraph', text: ctx.say(t.条目, { 序号: i + 1, 说明: withoutSpaces(f.message), 工作表: f.sheet, 单元格: f.cell }) })),
  ];
  return { titleLines: [ctx.say(t.标题)], body: blocks };
}

/**
 * 存在的问题: 3–4 points, those validate's statuses bear out first, then the template's general ones.
 * `derived` says whether the report points out problems of its own (a 通报 then asks for 整改).
 */
export function problemsSection(ctx: ReportContext, t: ProblemsTemplate): { section: Section; derived: boolean; data: Appendix | null } {
  const derived = problemPoints(ctx, t);
  const points = fillPoints(derived, t.一般问题, 3, 4);
  return {
    section: { title: ctx.say(t.标题), blocks: pointParagraphs(points) },
    derived: derived.length > 0,
    data: ctx.options.withDataProblems ? dataAppendix(ctx, t.台账数据) : null,
  };
}
