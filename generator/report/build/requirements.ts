import type { PeriodStatus, RequirementStatus, RuleStatus } from '../../../ledger/model';
import { ruleInfo } from '../../../ledger/check/ruleTable';
import { isQuarter, periodEnd, periodStart, periodWithin, periodYear, type PeriodCode } from '../../../ledger/values/period';
import type { ReportContext } from './context';

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

/** 无法判断 ranks between 进行中 and 未达标: it is not a shortfall, but the row is not met either. */
const severityOrder: RequirementStatus[] = ['达标', '进行中', '无法判断', '未达标'];
const worst = (statuses: RequirementStatus[]) =>
  statuses.reduce<RequirementStatus>((a, b) => (severityOrder.indexOf(b) > severityOrder.indexOf(a) ? b : a), '达标');

const span = (code: PeriodCode) => Date.parse(periodEnd(code)) - Date.parse(periodStart(code));

/**
 * The rule's periods that speak for the report's period: those within it (the quarters of a half,
 * each unit's half), or else the narrowest period containing it (the year, for a yearly requirement
 * and for the rules judged record by record, whose one period is the year).
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

/**
 * Every requirement rule's state in the report's period, in the order of the rule table. One entry
 * is quoted as validate gives it; several (each quarter of a half, each unit) are added up the way
 * validate adds a rule's periods into its year figure: required in full, done up to what each needs.
 */
export function requirementRows(ctx: ReportContext): RequirementRow[] {
  return ctx.result.rules.flatMap((rule): RequirementRow[] => {
    const entries = entriesFor(rule, ctx.period);
    if (entries.length === 0) return [];
    const single = entries.length === 1 ? entries[0] : null;
    const samePeriod = entries.every((p) => p.period === entries[0].period);
    const period = single ? single.period : samePeriod ? entries[0].period : ctx.period;
    const unit = single ? single.unit : null;
    const figure = (field: 'required' | 'actual', value: number) => ctx.figure({ of: 'rule', rule: rule.id, period, unit, field, value });
    return [
      {
        id: rule.id,
        title: rule.title,
        plan: planText(ruleInfo(rule.id).plan),
        label: single || samePeriod ? entries[0].label : ctx.common.期间 as string,
        required: figure('required', entries.reduce((n, p) => n + p.required, 0)),
        actual: figure('actual', single ? single.actual : entries.reduce((n, p) => n + Math.min(p.actual, p.required), 0)),
        status: worst(entries.map((p) => p.status)),
      },
    ];
  });
}

/** Entries of one rule and period, gathered into one sentence's worth: the units they concern. */
export interface EntryGroup {
  rule: RuleStatus;
  period: PeriodCode;
  label: string;
  due: string;
  units: string[];
  /** Items of a rule judged record by record (or on 组织架构) that fall short (required − done), quoted from validate. */
  short: number;
}

function groupEntries(ctx: ReportContext, pairs: Array<{ rule: RuleStatus; entry: PeriodStatus }>): EntryGroup[] {
  const groups = new Map<string, EntryGroup>();
  for (const { rule, entry } of pairs) {
    const key = `${rule.id}\u0000${entry.period}`;
    const group = groups.get(key) ?? { rule, period: entry.period, label: entry.label, due: entry.due, units: [], short: 0 };
    if (entry.unit) group.units.push(entry.unit);
    else if (ruleInfo(rule.id).judged?.judges !== 'periods') {
      const required = ctx.figure({ of: 'rule', rule: rule.id, period: entry.period, unit: null, field: 'required', value: entry.required });
      const actual = ctx.figure({ of: 'rule', rule: rule.id, period: entry.period, unit: null, field: 'actual', value: entry.actual });
      group.short = required - actual;
    }
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Entries of a status in periods that `keep` accepts. */
function entriesWith(ctx: ReportContext, status: RequirementStatus, keep: (p: PeriodStatus) => boolean): EntryGroup[] {
  return groupEntries(
    ctx,
    ctx.result.rules.flatMap((rule) => rule.periods.filter((p) => p.status === status && keep(p)).map((entry) => ({ rule, entry }))),
  );
}

const begunBy = (ctx: ReportContext) => (p: PeriodStatus) => periodStart(p.period) <= periodEnd(ctx.period);

/** Requirements validate found unmet, in periods that had begun by the end of the report's period. */
export const shortfalls = (ctx: ReportContext) => entriesWith(ctx, '未达标', begunBy(ctx));

/** Requirements the ledger cannot judge (their records or column are absent from it). */
export const unjudged = (ctx: ReportContext) => entriesWith(ctx, '无法判断', begunBy(ctx));

/** Requirements still open that fall due by the end of the period after the report's. */
export const dueSoon = (ctx: ReportContext) => entriesWith(ctx, '进行中', (p) => periodEnd(p.period) <= periodEnd(nextPeriod(ctx.period)));

/** The quarter or half after `period`: 2026Q4 → 2027Q1. */
export function nextPeriod(period: PeriodCode): PeriodCode {
  const year = periodYear(period);
  const n = Number(period.slice(5));
  const last = isQuarter(period) ? 4 : 2;
  const kind = period.charAt(4);
  return n === last ? `${year + 1}${kind}1` : `${year}${kind}${n + 1}`;
}
