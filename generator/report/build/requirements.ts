import type { RequirementStatus } from '../../../ledger/model';
import type { ScopedPeriod, ScopedRule } from '../../../ledger/check/scope';
import { isMonth, isQuarter, periodContains, periodEnd, periodYear, type PeriodCode } from '../../../ledger/values/period';
import { ruleInfo } from '../../../ledger/check/ruleTable';
import type { ReportContext } from './context';

/** One line of a rules table: a requirement's state within the report's period, as `validate --period` states it. */
export interface RequirementRow {
  id: string;
  title: string;
  /** `三（一）`: the part of the implementation plan it comes from; empty for a bureau's own requirement. */
  plan: string;
  label: string;
  required: number;
  actual: number;
  status: RequirementStatus;
  /** A yearly requirement counted up to the end of the report's period. */
  upTo: boolean;
}

/** Half-width brackets of the rule table's plan references, set full-width as running text wants them. */
export const planText = (plan: string | null) => (plan ?? '').replace(/\(/gu, '（').replace(/\)/gu, '）');

/** The label of a rule's entries: theirs when they share a period, the report's own otherwise. */
function labelOf(ctx: ReportContext, entries: readonly ScopedPeriod[]): string {
  return entries.length > 0 && entries.every((p) => p.period === entries[0].period) ? entries[0].label : String(ctx.common.期间);
}

/** Every requirement rule's state in the report's period, in the order of the rule table. */
export function requirementRows(ctx: ReportContext): RequirementRow[] {
  return ctx.scope.rules.map((rule) => {
    const figure = (field: 'required' | 'actual', value: number) => ctx.figure({ of: 'rule', rule: rule.id, period: ctx.period, unit: null, field, value });
    return {
      id: rule.id,
      title: rule.title,
      plan: planText(ruleInfo(rule.id, ctx.result.ledger.plan).plan),
      label: labelOf(ctx, rule.periods),
      required: figure('required', rule.required),
      actual: figure('actual', rule.actual),
      status: rule.status,
      upTo: rule.periods.some((p) => p.upTo !== undefined),
    };
  });
}

/** A period requirement overdue in the report's period: its entries of one period, the units they concern. */
export interface Shortfall {
  rule: ScopedRule;
  period: PeriodCode;
  label: string;
  due: string;
  units: string[];
  /** Done and required, for a requirement of the bureau's own (no unit). */
  actual: number;
  required: number;
}

/**
 * The period requirements the scope finds 未达标 (overdue), grouped by rule and period: the units that
 * did none of it together, each unit that did some of it (under a count above 1) on its own, with its count.
 */
export function shortfalls(ctx: ReportContext): Shortfall[] {
  const groups = new Map<string, Shortfall>();
  for (const rule of ctx.scope.rules) {
    if (ruleInfo(rule.id, ctx.result.ledger.plan).judged?.judges !== 'periods') continue;
    for (const entry of rule.periods) {
      if (entry.status !== '未达标') continue;
      const partly = entry.unit !== null && entry.actual > 0 ? entry.unit : '';
      const key = `${rule.id}\u0000${entry.period}\u0000${partly}`;
      const group = groups.get(key) ?? { rule, period: entry.period, label: entry.label, due: entry.due, units: [], actual: 0, required: 0 };
      if (entry.unit) group.units.push(entry.unit);
      if (!entry.unit || partly) {
        group.actual = entry.actual;
        group.required = entry.required;
      }
      groups.set(key, group);
    }
  }
  return [...groups.values()];
}

/** Requirements the ledger cannot judge (their records or column are absent from it). */
export const unjudged = (ctx: ReportContext) => ctx.scope.rules.filter((r) => r.status === '无法判断');

/**
 * Period requirements not yet met whose period ends within the next period: the work the next period
 * must see done. (A rule judged record by record is no piece of work to do: its lapses are problems.)
 */
export function dueNext(ctx: ReportContext): string[] {
  const next = nextPeriod(ctx.period);
  return ctx.result.rules
    .filter((rule) => ruleInfo(rule.id, ctx.result.ledger.plan).judged?.judges === 'periods' && rule.status !== '无法判断')
    .filter((rule) => rule.periods.some((p) => p.status !== '达标' && periodContains(next, periodEnd(p.period))))
    .map((rule) => rule.title);
}

/** The month, quarter or half after `period`: 2026Q4 → 2027Q1, 2026M09 → 2026M10. */
export function nextPeriod(period: PeriodCode): PeriodCode {
  const year = periodYear(period);
  const n = Number(period.slice(5));
  const kind = period.charAt(4);
  if (isMonth(period)) return n === 12 ? `${year + 1}M01` : `${year}M${String(n + 1).padStart(2, '0')}`;
  const last = isQuarter(period) ? 4 : 2;
  return n === last ? `${year + 1}${kind}1` : `${year}${kind}${n + 1}`;
}
