import type { Ledger, PeriodStatus, RequirementStatus, RuleStatus } from './model';
import { parseIsoDate } from './values/date';

/** One period (and unit) of a requirement that still needs records: what the clerk has to organise. */
export interface DueItem {
  rule: string;
  title: string;
  period: string;
  /** `2026年第三季度`, `2026年下半年`, `2026年`. */
  label: string;
  unit: string | null;
  /** Last day of the period plus 宽限天数 (ISO date). */
  due: string;
  /** 进行中 (not yet due), 未达标 (overdue) or 无法判断 (the ledger cannot tell how many it holds). */
  status: RequirementStatus;
  required: number;
  actual: number;
  /** How many more records the period needs; null where the ledger cannot tell. */
  needed: number | null;
}

export interface DueList {
  asOf: string;
  /** The last due date listed (asOf + days), or null for every open period. */
  until: string | null;
  /** Overdue first, then by due date; within a date in the order of the rules, units as 组织架构 lists them. */
  items: DueItem[];
}

const open = (p: PeriodStatus): boolean => p.status === '无法判断' || (p.status !== '达标' && p.actual < p.required);

/**
 * The requirement periods still open on `asOf`. Only the counting requirements of the ledger's plan
 * are listed, a bureau's own included: a record rule (a lecture approved late, a 整改 overdue) is a
 * problem of a record already there, shown by `validate`, not work still to be organised.
 */
export function dueItems(result: { rules: readonly RuleStatus[]; ledger: Pick<Ledger, 'plan'> }, asOf: string, days?: number): DueList {
  const { rules } = result;
  const counting = new Set(result.ledger.plan.requirements.filter((r) => r.enabled).map((r) => r.id));
  const until = days === undefined ? null : parseIsoDate(asOf).add({ days }).toString();
  const order = new Map(rules.map((r, i) => [r.id, i]));
  const items: DueItem[] = [];
  for (const rule of rules) {
    if (!counting.has(rule.id)) continue;
    for (const p of rule.periods) {
      if (!open(p)) continue;
      const overdue = p.due < asOf;
      if (until !== null && !overdue && p.due > until) continue;
      items.push({
        rule: rule.id,
        title: rule.title,
        period: p.period,
        label: p.label,
        unit: p.unit,
        due: p.due,
        status: p.status,
        required: p.required,
        actual: p.actual,
        needed: p.status === '无法判断' ? null : p.required - p.actual,
      });
    }
  }
  items.sort(
    (a, b) => Number(b.due < asOf) - Number(a.due < asOf) || a.due.localeCompare(b.due) || order.get(a.rule)! - order.get(b.rule)!,
  );
  return { asOf, until, items };
}

/** The list as the clerk reads it: what is overdue, then what falls due. */
export function splitDue(list: DueList): { overdue: DueItem[]; coming: DueItem[] } {
  return { overdue: list.items.filter((i) => i.due < list.asOf), coming: list.items.filter((i) => i.due >= list.asOf) };
}

/** What a period still needs, as the CLI and the pane say it; `seeFindings` says where to read why a count cannot be told. */
export function stillNeeded(item: DueItem, seeFindings: string): string {
  return item.needed === null
    ? `台账无法判断已开展几次，${seeFindings}`
    : `还需${item.needed}次（应${item.required}次，已${item.actual}次）`;
}
