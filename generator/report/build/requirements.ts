import type { Finding } from '../../../ledger/findings';
import type { LedgerRecord, PeriodStatus, RequirementStatus, RuleStatus } from '../../../ledger/model';
import { ruleInfo } from '../../../ledger/check/ruleTable';
import { isQuarter, periodEnd, periodLabel, periodStart, periodWithin, periodYear, type PeriodCode } from '../../../ledger/values/period';
import type { WorkSheetKey } from '../template/fields';
import type { ReportContext } from './context';
import { recordsIn } from './records';

/**
 * The sheet of a rule judged record by record (R08, R14–R17, R19), or null. Such a rule's year status
 * counts every record of the year, so a report of one period recounts it from the period's own records
 * and the findings against those records.
 */
export function recordRuleSheet(id: string): WorkSheetKey | null {
  const judged = ruleInfo(id).judged;
  return judged?.judges === 'records' && judged.sheet !== 'organization' ? judged.sheet : null;
}

/** One line of a rules table: a requirement's state within the report's period. */
export interface RequirementRow {
  id: string;
  title: string;
  /** `三（一）`: the part of the implementation plan it comes from. */
  plan: string;
  label: string;
  required: number;
  actual: number;
  status: RequirementStatus;
}

const severityOrder: RequirementStatus[] = ['达标', '进行中', '无法判断', '未达标'];
const worst = (statuses: RequirementStatus[]) =>
  statuses.reduce<RequirementStatus>((a, b) => (severityOrder.indexOf(b) > severityOrder.indexOf(a) ? b : a), '达标');

const span = (code: PeriodCode) => Date.parse(periodEnd(code)) - Date.parse(periodStart(code));

/**
 * The rule's periods that speak for the report's period: those within it (the quarters of a half,
 * each unit's half), or else the narrowest period containing it (the year, for a yearly requirement).
 */
export function entriesFor(rule: RuleStatus, period: PeriodCode): PeriodStatus[] {
  const within = rule.periods.filter((p) => periodWithin(p.period, period));
  if (within.length > 0) return within;
  const containing = rule.periods.filter((p) => periodWithin(period, p.period));
  if (containing.length === 0) return [];
  const narrowest = containing.reduce((a, b) => (span(b.period) < span(a.period) ? b : a));
  return containing.filter((p) => p.period === narrowest.period);
}

export const planText = (plan: string | null) => (plan ?? '').replace(/\(/gu, '（').replace(/\)/gu, '）');

/** Rows of the period's records that a rule found fault with. */
export function faultyRows(findings: readonly Finding[], rule: string, records: readonly LedgerRecord[]): Set<number> {
  const rows = new Set(records.map((r) => `${r.sheet}\u0000${r.row}`));
  return new Set(findings.filter((f) => f.rule === rule && rows.has(`${f.sheet}\u0000${f.row}`)).map((f) => f.row));
}

function recordRuleRow(ctx: ReportContext, rule: RuleStatus, sheet: WorkSheetKey): RequirementRow {
  const records = recordsIn(ctx.result.ledger, sheet, ctx.period);
  const faulty = faultyRows(ctx.result.findings, rule.id, records).size;
  return {
    id: rule.id,
    title: rule.title,
    plan: planText(ruleInfo(rule.id).plan),
    label: periodLabel(ctx.period),
    required: records.length,
    actual: records.length - faulty,
    status: faulty > 0 ? '未达标' : '达标',
  };
}

/** Every requirement rule's state in the report's period, in the order of the rule table. */
export function requirementRows(ctx: ReportContext): RequirementRow[] {
  return ctx.result.rules.flatMap((rule): RequirementRow[] => {
    const sheet = recordRuleSheet(rule.id);
    if (sheet) return [recordRuleRow(ctx, rule, sheet)];
    const entries = entriesFor(rule, ctx.period);
    if (entries.length === 0) return [];
    const single = entries.length === 1 ? entries[0] : null;
    const samePeriod = entries.every((p) => p.period === entries[0].period);
    return [
      {
        id: rule.id,
        title: rule.title,
        plan: planText(ruleInfo(rule.id).plan),
        label: samePeriod ? entries[0].label : periodLabel(ctx.period),
        required: single ? single.required : entries.reduce((n, p) => n + p.required, 0),
        actual: single ? single.actual : entries.reduce((n, p) => n + Math.min(p.actual, p.required), 0),
        status: worst(entries.map((p) => p.status)),
      },
    ];
  });
}

/** Per-unit entries of one rule and period, gathered into one sentence's worth. */
export interface EntryGroup {
  rule: RuleStatus;
  period: PeriodCode;
  label: string;
  due: string;
  units: string[];
  /** Set when the group is a single entry, whose counts can be quoted. */
  counts?: { required: number; actual: number };
}

function groupEntries(pairs: Array<{ rule: RuleStatus; entry: PeriodStatus }>): EntryGroup[] {
  const groups = new Map<string, EntryGroup & { size: number }>();
  for (const { rule, entry } of pairs) {
    const key = `${rule.id}\u0000${entry.period}`;
    const group = groups.get(key) ?? { rule, period: entry.period, label: entry.label, due: entry.due, units: [], size: 0 };
    if (entry.unit) group.units.push(entry.unit);
    group.size += 1;
    group.counts = group.size === 1 ? { required: entry.required, actual: entry.actual } : undefined;
    groups.set(key, group);
  }
  return [...groups.values()];
}

const periodRules = (ctx: ReportContext) => ctx.result.rules.filter((rule) => ruleInfo(rule.id).judged?.judges === 'periods');

/** Period requirements overdue and unmet, in periods that had begun by the end of the report's period. */
export function shortfalls(ctx: ReportContext): EntryGroup[] {
  const end = periodEnd(ctx.period);
  return groupEntries(
    periodRules(ctx).flatMap((rule) =>
      rule.periods.filter((p) => p.status === '未达标' && periodStart(p.period) <= end).map((entry) => ({ rule, entry })),
    ),
  );
}

/** Requirements still open that fall due by the end of `next`, the period after the report's. */
export function dueSoon(ctx: ReportContext, next: PeriodCode): EntryGroup[] {
  const end = periodEnd(next);
  return groupEntries(
    periodRules(ctx).flatMap((rule) =>
      rule.periods.filter((p) => p.status === '进行中' && periodEnd(p.period) <= end).map((entry) => ({ rule, entry })),
    ),
  );
}

/** The quarter or half after `period`: 2026Q4 → 2027Q1. */
export function nextPeriod(period: PeriodCode): PeriodCode {
  const year = periodYear(period);
  const n = Number(period.slice(5));
  const last = isQuarter(period) ? 4 : 2;
  const kind = period.charAt(4);
  return n === last ? `${year + 1}${kind}1` : `${year}${kind}${n + 1}`;
}
