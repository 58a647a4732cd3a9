import type { ValidationResult } from '../../../ledger/model';
import { branchTypes, inspectedTypes, sameUnit, unitsOfType } from '../../../ledger/check/rules/units';
import { chineseDate } from '../../../ledger/values/date';
import { isHalf } from '../../../ledger/values/period';
import type { Block, Imprint, Report } from '../model';
import type { SemiannualTemplate } from '../template/schema';
import { reportContext, reportOf } from './context';
import type { BuildOptions, ReportContext, Section } from './context';
import { nextStepsSection } from './nextSteps';
import { opinionSummary } from './opinions';
import { overviewSection } from './overview';
import { problemsSection, someNames, type Fact } from './problems';
import { recordValues } from './records';
import { recordDate } from '../../../ledger/check/placing';
import { requirementRows } from './requirements';
import { ruleInfo } from '../../../ledger/check/ruleTable';
import { table } from './tables';
import { listOf, shortDate, unlessZero } from './text';
import { parts } from './work';

type T = SemiannualTemplate;

const paragraph = (text: string): Block => ({ kind: 'paragraph', text });

/** 制度落实情况: each requirement of the plan in the half — required, done, state. */
function requirements(ctx: ReportContext, t: T['制度落实']): Section {
  const rows = requirementRows(ctx);
  const count = (status: string | null) =>
    ctx.figure({ of: 'statuses', status, value: rows.filter((r) => status === null || r.status === status).length });
  const intro = ctx.say(t.概述, {
    要求数: count(null),
    达标数: unlessZero(count('达标')),
    进行中数: unlessZero(count('进行中')),
    未达标数: unlessZero(count('未达标')),
    无法判断数: unlessZero(count('无法判断')),
  });
  // A yearly requirement is counted to the half's end and said so: 全年要求2次，上半年已开展1次.
  const body = rows.map((row, i) =>
    row.upTo
      ? [i + 1, row.title, ctx.say(t.全年要求, { 次数: row.required }), ctx.say(t.已开展, { 次数: row.actual }), row.status]
      : [i + 1, row.title, row.required, row.actual, row.status],
  );
  return {
    title: ctx.say(t.标题),
    blocks: [
      paragraph(intro),
      table(t.表头, [[3, 'center'], [14.6, 'left'], [7.6, 'center'], [6.6, 'center'], [5, 'center']], body),
      ...(ctx.scope.ownCounted ? ctx.paragraphs(t.本通报计入) : []),
    ],
  };
}

/** The wording where the template was written before it could be: the table's states, the plan without R09. */
const branchStates = { 次数不足: '次数不足', 进行中: '进行中', 未汇报: '未汇报' };
const branchesUnasked = '{期间}，全局{应汇报数}个{单位类型}中[，向局党组专题汇报意识形态工作的{已汇报数}个][，没有汇报的有{未汇报单位}]。';

/**
 * 专题汇报情况: every unit the plan's 专题汇报 requirement (R09) asks to report — 党总支 and 党支部 by
 * default — whether it reported to the party group as often as the bureau's plan asks in this half
 * (once a half by default; every quarter, or twice, in another bureau's plan). Where the plan has no
 * such requirement the section tells what was reported and judges nothing.
 */
function branchReports(ctx: ReportContext, t: T['专题汇报']): Section {
  const ledger = ctx.result.ledger;
  const r09 = ctx.scope.rules.find((rule) => rule.id === 'R09');
  const required = r09 ? ruleInfo('R09', ledger.plan).requirement : undefined;
  const types = required && required.unitTypes.length > 0 ? required.unitTypes : branchTypes;
  const units = unitsOfType(ledger, types);
  if (units.length === 0) {
    ctx.notices.push('台账“组织架构”中没有登记党总支、党支部，通报第三部分“专题汇报情况”无从反映。请在“组织架构”表中补充后重新生成。');
    return { title: ctx.say(t.标题), blocks: ctx.paragraphs(t.无单位) };
  }
  const reports = ctx.records('branchReport');
  const rows = units.map((unit) => {
    const own = reports.filter((r) => sameUnit(r.data.汇报单位, unit));
    const entries = r09?.periods.filter((p) => p.unit !== null && sameUnit(p.unit, unit)) ?? [];
    const counted = entries.reduce((sum, p) => sum + p.actual, 0);
    // Judged by the plan's count where it has one; by whether anything was reported where it has none.
    const state: 'met' | 'none' | 'short' =
      entries.length > 0 ? (entries.every((p) => p.status === '达标') ? 'met' : counted === 0 ? 'none' : 'short') : own.length > 0 ? 'met' : 'none';
    const overdue = entries.some((p) => p.status === '未达标');
    const label =
      state === 'met'
        ? t.已汇报
        : state === 'none'
          ? overdue
            ? t.逾期未汇报
            : r09
              ? t.尚未汇报
              : (t.未汇报 ?? branchStates.未汇报)
          : overdue
            ? (t.次数不足 ?? branchStates.次数不足)
            : (t.进行中 ?? branchStates.进行中);
    const values = own.map((r) => recordValues('branchReport', r, ctx.year));
    const column = (field: string) => listOf([...new Set(values.map((v) => v[field]).filter((v) => v !== undefined).map(String))]) || '—';
    // A branch that reported many times gets its count and last date, not every date: the table stays short.
    const last = own.map((r) => recordDate('branchReport', r)).filter((d) => d !== undefined).sort().at(-1);
    const times = () => ctx.figure({ of: 'derived', name: `${unit}专题汇报次数`, value: own.length });
    const when = own.length > 1 && last ? `${times()}次，最近${shortDate(last, ctx.year)}` : column('日期');
    return { unit, state, cells: [unit, when, column('汇报形式'), label] };
  });
  const of = (state: string) => rows.filter((r) => r.state === state).map((r) => r.unit);
  // Without the requirement nothing was asked: 按要求 and 尚未 would say otherwise.
  const intro = ctx.say(r09 ? t.概述 : (t.无要求 ?? branchesUnasked), {
    要求: r09?.title,
    单位类型: types.join('、'),
    应汇报数: ctx.figure({ of: 'derived', name: '党组织数', value: units.length }),
    已汇报数: unlessZero(ctx.figure({ of: 'derived', name: '已汇报党组织数', value: of('met').length })),
    不足单位: of('short').length > 0 ? listOf(of('short')) : undefined,
    未汇报单位: of('none').length > 0 ? listOf(of('none')) : undefined,
  });
  return {
    title: ctx.say(t.标题),
    blocks: [paragraph(intro), table(t.表头, [[9, 'left'], [7, 'center'], [9, 'center'], [6.5, 'center']], rows.map((r) => r.cells))],
  };
}

/**
 * 检查抽查情况: every 股室/站所 with its inspections, problems found and how far they are put right;
 * inspections of a unit not in 组织架构 (D06) in a row of their own, so the rows add up to the total.
 */
function inspections(ctx: ReportContext, t: T['检查抽查']): Section {
  const ledger = ctx.result.ledger;
  const units = unitsOfType(ledger, inspectedTypes);
  const known = unitsOfType(ledger, [...inspectedTypes, ...branchTypes]);
  if (units.length === 0) {
    ctx.notices.push('台账“组织架构”中没有登记股室、站所，通报第四部分“检查抽查情况”无从反映。请在“组织架构”表中补充后重新生成。');
    return { title: ctx.say(t.标题), blocks: ctx.paragraphs(t.无单位) };
  }
  const records = ctx.records('inspection');
  if (records.length === 0) return { title: ctx.say(t.标题), blocks: ctx.paragraphs(t.无检查) };
  const figure = (extra: { where?: Record<string, string | boolean>; filled?: string[] }, list: typeof records) =>
    ctx.figure({ of: 'records', sheet: 'inspection', period: ctx.period, ...extra, value: list.length });
  const withProblems = records.filter((r) => r.data.发现问题 !== undefined);
  const inState = (list: typeof records, state: string) => list.filter((r) => r.data.整改情况 === state);
  /** A unit's row; `where` names the unit for the figures, null for the row of units not in 组织架构. */
  const row = (label: string, own: typeof records, where: Record<string, string> | null) => {
    const count = (name: string, extra: { where?: Record<string, string>; filled?: string[] }, list: typeof records) =>
      where ? figure({ where: { ...where, ...extra.where }, ...(extra.filled ? { filled: extra.filled } : {}) }, list) : ctx.figure({ of: 'derived', name, value: list.length });
    const problems = own.filter((r) => r.data.发现问题 !== undefined);
    if (own.length === 0) return [label, 0, '—', t.未检查];
    const states = ['已整改', '整改中', '未整改']
      .map((state) => [state, inState(problems, state)] as const)
      .filter(([, list]) => list.length > 0)
      .map(([state, list]) => `${state}${count(`其他单位${state}`, { where: { 整改情况: state }, filled: ['发现问题'] }, list)}个`);
    const found = problems.length > 0 ? `${count('其他单位问题', { filled: ['发现问题'] }, problems)}个` : t.无问题;
    return [label, count('其他单位检查', {}, own), found, problems.length > 0 ? listOf(states) : '—'];
  };
  const rows = units.map((unit) => row(unit, records.filter((r) => sameUnit(r.data.被检查单位, unit)), { 被检查单位: unit }));
  const others = records.filter((r) => !known.some((unit) => sameUnit(r.data.被检查单位, unit)));
  if (others.length > 0) rows.push(row(t.其他单位, others, null));
  const intro = ctx.say(t.概述, {
    检查数: figure({}, records),
    检查构成: parts(
      (['定期检查', '不定期抽查'] as const).map(
        (type) => [type, figure({ where: { 检查类型: type } }, records.filter((r) => r.data.检查类型 === type)), '次'] as const,
      ),
      2,
    ),
    覆盖数: ctx.figure({ of: 'derived', name: '受检单位数', value: units.filter((unit) => records.some((r) => sameUnit(r.data.被检查单位, unit))).length }),
    单位数: ctx.figure({ of: 'derived', name: '股室站所数', value: units.length }),
    问题数: unlessZero(figure({ filled: ['发现问题'] }, withProblems)),
    已整改数: unlessZero(figure({ where: { 整改情况: '已整改' }, filled: ['发现问题'] }, inState(withProblems, '已整改'))),
    整改中数: unlessZero(figure({ where: { 整改情况: '整改中' }, filled: ['发现问题'] }, inState(withProblems, '整改中'))),
    未整改数: unlessZero(figure({ where: { 整改情况: '未整改' }, filled: ['发现问题'] }, inState(withProblems, '未整改'))),
  });
  return {
    title: ctx.say(t.标题),
    blocks: [paragraph(intro), table(t.表头, [[9, 'left'], [5, 'center'], [6, 'center'], [11, 'center']], rows)],
  };
}

function opinions(ctx: ReportContext, t: T['舆情处置']): Section {
  const summary = opinionSummary(ctx);
  const blocks =
    summary.records.length === 0
      ? ctx.paragraphs(t.无记录)
      : [paragraph(ctx.say(t.概述, summary.values)), paragraph(ctx.say(t.时效, summary.values))];
  return { title: ctx.say(t.标题), blocks };
}

/**
 * 表扬: the branches and 股室/站所 that did every piece of their own work of the half on time — every
 * per-unit requirement 达标 and no problem of the half naming them.
 */
function praise(ctx: ReportContext, phrase: string, facts: readonly Fact[]): Block[] {
  const entries = ctx.scope.rules.flatMap((rule) => rule.periods.filter((p) => p.unit !== null));
  const named = new Set(facts.flatMap((f) => f.units));
  const units = unitsOfType(ctx.result.ledger, [...branchTypes, ...inspectedTypes]).filter((unit) => {
    const own = entries.filter((p) => sameUnit(p.unit ?? undefined, unit));
    return own.length > 0 && own.every((p) => p.status === '达标') && ![...named].some((n) => sameUnit(n, unit));
  });
  return units.length === 0 ? [] : ctx.paragraphs(phrase, { 单位: someNames(ctx, units, '个单位', '表扬单位数') });
}

function imprint(ctx: ReportContext, t: T['版记']): Imprint | undefined {
  if (!t.印发) return undefined;
  const copyTo = ctx.say(t.抄送);
  return { ...(copyTo ? { copyTo } : {}), issuedBy: ctx.say(t.印发机关), issuedOn: chineseDate(ctx.result.asOf) };
}

/** 半年通报 for one half-year, from a validated ledger and a wording template. */
export function buildSemiannualReport(result: ValidationResult, t: SemiannualTemplate, options: BuildOptions): Report {
  if (!isHalf(options.period)) throw new Error(`not a half-year: ${options.period}`);
  // The 通报 is the half's 半年通报: it counts as one while the ledger does not yet hold it.
  const own = { sheet: 'notification' as const, data: { 通报类型: '半年通报' as const, 所属期间: options.period, 通报日期: result.asOf } };
  const ctx = reportContext(result, options, { 半年: options.period.endsWith('1') ? '上' : '下' }, own);
  if (ctx.scope.ownCounted) ctx.notices.push(`本通报即${ctx.common.期间}的半年通报，已按1次计入。`);
  const problems = problemsSection(ctx, t.存在的问题);
  const next = nextStepsSection(ctx, t.下一步, { facts: problems.facts, measures: null });
  // The closing call for 整改 belongs to a 通报 that points out problems, and only to one.
  if (problems.facts.length > 0) next.blocks.push(...ctx.paragraphs(t.下一步.整改要求));
  const overview = overviewSection(ctx, t.总体情况);
  overview.blocks.push(...praise(ctx, t.总体情况.表扬, problems.facts));
  const sections = [
    overview,
    requirements(ctx, t.制度落实),
    branchReports(ctx, t.专题汇报),
    inspections(ctx, t.检查抽查),
    opinions(ctx, t.舆情处置),
    problems.section,
    next,
  ];
  return reportOf(ctx, t, sections, { imprint: imprint(ctx, t.版记), ...(problems.data ? { appendices: [problems.data] } : {}) });
}
