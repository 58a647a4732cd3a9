import type { ValidationResult } from '../../../ledger/model';
import { branchTypes, inspectedTypes, sameUnit, unitsOfType } from '../../../ledger/check/rules/units';
import { isHalf } from '../../../ledger/values/period';
import type { Block, Report } from '../model';
import type { SemiannualTemplate } from '../template/schema';
import { reportContext, reportOf } from './context';
import type { BuildOptions, ReportContext, Section } from './context';
import { opinionSummary } from './opinions';
import { countsIn, countValues, noWork } from './overview';
import { problemsSection, requirementValues } from './problems';
import { recordValues, recordsIn } from './records';
import { dueSoon, nextPeriod, requirementRows } from './requirements';
import { table } from './tables';
import { listOf, unlessZero } from './text';

type T = SemiannualTemplate;

const paragraph = (text: string): Block => ({ kind: 'paragraph', text });

function overview(ctx: ReportContext, t: T['总体情况']): Section {
  const counts = countsIn(ctx, ctx.period);
  return { title: ctx.say(t.标题), blocks: [paragraph(noWork(counts) ? ctx.say(t.无工作) : ctx.say(t.概述, countValues(counts)))] };
}

/** 制度落实情况: each requirement of the plan in the half — required, done, state. */
function requirements(ctx: ReportContext, t: T['制度落实']): Section {
  const rows = requirementRows(ctx);
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  const intro = ctx.say(t.概述, {
    要求数: rows.length,
    达标数: count('达标'),
    进行中数: unlessZero(count('进行中')),
    未达标数: unlessZero(count('未达标')),
  });
  const body = rows.map((row, i) => [i + 1, row.title, row.required, row.actual, row.status]);
  return {
    title: ctx.say(t.标题),
    blocks: [paragraph(intro), table(t.表头, [[3.2, 'center'], [20.2, 'left'], [4.2, 'center'], [4.2, 'center'], [5, 'center']], body)],
  };
}

/** 专题汇报情况: every 党总支/党支部, whether and how it reported to the party group this half. */
function branchReports(ctx: ReportContext, t: T['专题汇报']): Section {
  const ledger = ctx.result.ledger;
  const units = unitsOfType(ledger, branchTypes);
  if (units.length === 0) return { title: ctx.say(t.标题), blocks: ctx.paragraphs(t.无单位) };
  const reports = recordsIn(ledger, 'branchReport', ctx.period);
  const r09 = ctx.result.rules.find((rule) => rule.id === 'R09');
  const rows = units.map((unit) => {
    const own = reports.filter((r) => sameUnit(r.data.汇报单位, unit));
    const entry = r09?.periods.find((p) => p.period === ctx.period && p.unit !== null && sameUnit(p.unit, unit));
    const state = own.length > 0 ? t.已汇报 : entry?.status === '未达标' ? t.逾期未汇报 : t.尚未汇报;
    const values = own.map((r) => recordValues('branchReport', r, ctx.year));
    const column = (field: string) => listOf([...new Set(values.map((v) => v[field]).filter((v) => v !== undefined).map(String))]) || '—';
    return { unit, reported: own.length > 0, cells: [unit, column('日期'), column('汇报形式'), state] };
  });
  const missing = rows.filter((r) => !r.reported).map((r) => r.unit);
  const intro = ctx.say(t.概述, {
    应汇报数: units.length,
    已汇报数: units.length - missing.length,
    未汇报单位: missing.length > 0 ? listOf(missing) : undefined,
  });
  return {
    title: ctx.say(t.标题),
    blocks: [paragraph(intro), table(t.表头, [[9, 'left'], [7, 'center'], [9, 'center'], [6.5, 'center']], rows.map((r) => r.cells))],
  };
}

/** 检查抽查情况: every 股室/站所 with its inspections, problems found and how far they are put right. */
function inspections(ctx: ReportContext, t: T['检查抽查']): Section {
  const ledger = ctx.result.ledger;
  const units = unitsOfType(ledger, inspectedTypes);
  if (units.length === 0) return { title: ctx.say(t.标题), blocks: ctx.paragraphs(t.无单位) };
  const records = recordsIn(ledger, 'inspection', ctx.period);
  const withProblems = records.filter((r) => r.data.发现问题 !== undefined);
  const stateCount = (list: typeof records, state: string) => list.filter((r) => r.data.整改情况 === state).length;
  const rows = units.map((unit) => {
    const own = records.filter((r) => sameUnit(r.data.被检查单位, unit));
    const problems = own.filter((r) => r.data.发现问题 !== undefined);
    const states = ['已整改', '整改中', '未整改']
      .map((state) => [state, stateCount(problems, state)] as const)
      .filter(([, n]) => n > 0)
      .map(([state, n]) => `${state}${n}个`);
    if (own.length === 0) return [unit, 0, '—', t.未检查];
    return [unit, own.length, problems.length > 0 ? `${problems.length}个` : t.无问题, problems.length > 0 ? listOf(states) : '—'];
  });
  const intro = ctx.say(t.概述, {
    定期检查数: records.filter((r) => r.data.检查类型 === '定期检查').length,
    抽查数: records.filter((r) => r.data.检查类型 === '不定期抽查').length,
    覆盖数: units.filter((unit) => records.some((r) => sameUnit(r.data.被检查单位, unit))).length,
    单位数: units.length,
    问题数: withProblems.length,
    已整改数: stateCount(withProblems, '已整改'),
    整改中数: unlessZero(stateCount(withProblems, '整改中')),
    未整改数: unlessZero(stateCount(withProblems, '未整改')),
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

function nextSteps(ctx: ReportContext, t: T['下一步']): Section {
  const due = dueSoon(ctx, nextPeriod(ctx.period));
  const parts =
    due.length > 0 ? [{ title: ctx.say(t.到期工作.标题), blocks: due.map((g) => paragraph(ctx.say(t.到期工作.条目, requirementValues(g)))) }] : [];
  return { title: ctx.say(t.标题), blocks: ctx.paragraphs(t.概述), parts };
}

/** 半年通报 for one half-year, from a validated ledger and a wording template. */
export function buildSemiannualReport(result: ValidationResult, t: SemiannualTemplate, options: BuildOptions): Report {
  if (!isHalf(options.period)) throw new Error(`not a half-year: ${options.period}`);
  const ctx = reportContext(result, options.period, { 半年: options.period.endsWith('1') ? '上' : '下' });
  const sections = [
    overview(ctx, t.总体情况),
    requirements(ctx, t.制度落实),
    branchReports(ctx, t.专题汇报),
    inspections(ctx, t.检查抽查),
    opinions(ctx, t.舆情处置),
    problemsSection(ctx, t.存在的问题),
    nextSteps(ctx, t.下一步),
  ];
  return reportOf(ctx, t, sections, [], options);
}
