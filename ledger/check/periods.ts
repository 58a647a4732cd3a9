import type { Finding } from '../findings';
import type { PeriodStatus, RequirementStatus, RuleStatus, UnsureRows } from '../model';
import type { RecordSheetKey } from '../schema/sheets';
import { unsureCount } from '../unsureText';
import { chineseDate } from '../values/date';
import { periodDue, periodLabel, periodStart, type PeriodCode } from '../values/period';
import { atSheet, type CheckContext, type RuleOutcome } from './context';

const total = (unsure: readonly UnsureRows[]) => unsure.reduce((n, u) => n + u.rows, 0);

export interface PeriodNeed {
  period: PeriodCode;
  unit?: string;
  required: number;
  actual: number;
  /** What must be done, in a clerk's words: `开展意识形态领域情况季度分析`. */
  what: string;
  /** Overrides the shortfall's severity once due (R01's half-year checkpoint is a warning). */
  overdueSeverity?: 'error' | 'warning';
}

/**
 * A period requirement's state: met, in progress until its due day (period end + 宽限天数), unmet after.
 * A shortfall in a period that has begun becomes a finding at the header of `sheet`, whose records it
 * counts: info while in progress, error when overdue.
 */
export function checkPeriod(
  ctx: CheckContext,
  id: string,
  sheet: RecordSheetKey,
  need: PeriodNeed,
): { status: PeriodStatus; finding: Finding | null } {
  const due = periodDue(need.period, ctx.graceDays);
  const met = need.actual >= need.required;
  const overdue = ctx.asOf > due;
  // Rows not understood that might count here: the shortfall is not known, only its least count.
  const unsure = met ? [] : (ctx.unsure?.(id, need.period, need.unit) ?? []);
  const unplaced = total(unsure);
  const state: RequirementStatus = met ? '达标' : !overdue ? '进行中' : unplaced > 0 ? '无法判断' : '未达标';
  const label = periodLabel(need.period);
  const status: PeriodStatus = {
    period: need.period,
    label,
    unit: need.unit ?? null,
    status: state,
    required: need.required,
    actual: need.actual,
    due,
    ...(unplaced > 0 && { unplaced, unsure }),
  };
  if (met || ctx.asOf < periodStart(need.period)) return { status, finding: null };
  const who = need.unit ? `“${need.unit}”` : '';
  const count = `要求${need.required}次，实际${need.actual}次`;
  const least = `要求${need.required}次，实际至少${need.actual}次，${unsureCount(unsure)}`;
  let message: string;
  if (unplaced > 0 && overdue) {
    message = `${label}${who}是否${need.what}无法判断（${least}）：这些行可能计入，请按各行的提示核对后再看是否完成。`;
  } else if (overdue) {
    message = `${label}${who}未${need.what}（${count}），已逾期未完成（应于${chineseDate(due)}前完成）。`;
  } else {
    message = `${label}${who}尚未${need.what}（${unplaced > 0 ? least : count}），进行中，应于${chineseDate(due)}前完成。`;
  }
  const severity = !overdue ? 'info' : unplaced > 0 ? 'warning' : (need.overdueSeverity ?? 'error');
  return { status, finding: atSheet(id, ctx, sheet, message, { severity }) };
}

/**
 * A rule's state for the year from its periods: unmet if any is, met if all are. The counts are the
 * periods' own unless the rule gives its year totals.
 */
export function yearStatus(id: string, periods: PeriodStatus[], totals?: { required: number; actual: number }): Omit<RuleStatus, 'title'> {
  const status: RequirementStatus = periods.some((p) => p.status === '未达标')
    ? '未达标'
    : periods.some((p) => p.status === '无法判断')
      ? '无法判断'
      : periods.every((p) => p.status === '达标')
        ? '达标'
        : '进行中';
  return {
    id,
    status,
    required: totals?.required ?? periods.reduce((n, p) => n + p.required, 0),
    // One period: its real count (4 抽查 done of 1 required). Several: how many periods are covered.
    actual: totals?.actual ?? (periods.length === 1 ? periods[0].actual : periods.reduce((n, p) => n + Math.min(p.actual, p.required), 0)),
    periods,
  };
}

/** Runs period needs and gathers their statuses and findings into one rule outcome. */
export function periodRule(
  ctx: CheckContext,
  id: string,
  sheet: RecordSheetKey,
  needs: PeriodNeed[],
  totals?: { required: number; actual: number },
): RuleOutcome {
  const checked = needs.map((need) => checkPeriod(ctx, id, sheet, need));
  return {
    findings: checked.flatMap((c) => (c.finding ? [c.finding] : [])),
    status: yearStatus(
      id,
      checked.map((c) => c.status),
      totals,
    ),
  };
}

/**
 * A rule over individual records: met when no record fails it, 无法判断 when none fails but records
 * whose fields it reads could not be read.
 */
export function recordRuleStatus(id: string, ctx: CheckContext, checked: number, failed: number): Omit<RuleStatus, 'title'> {
  const unsure = failed > 0 ? [] : (ctx.unsure?.(id, String(ctx.year)) ?? []);
  const unplaced = total(unsure);
  const status: RequirementStatus = failed > 0 ? '未达标' : unplaced > 0 ? '无法判断' : '达标';
  const period: PeriodStatus = {
    period: String(ctx.year),
    label: `${ctx.year}年`,
    unit: null,
    status,
    required: checked,
    actual: checked - failed,
    due: periodDue(String(ctx.year), ctx.graceDays),
    ...(unplaced > 0 && { unplaced, unsure }),
  };
  return { id, status, required: checked, actual: checked - failed, periods: [period] };
}
