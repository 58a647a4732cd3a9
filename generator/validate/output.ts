import { scopeRules, type Scope } from '../../ledger/check/scope';
import { toJsonReport } from '../../ledger/jsonReport';
import type { ValidationResult } from '../../ledger/model';
import { isHalf, isMonth, isQuarter, parsePeriod, periodLabel } from '../../ledger/values/period';
import { UsageError } from '../errors';
import { renderText } from '../render/text';

/** Stands in for the year while the ledger's is not yet known; no ledger year can be this. */
const noYear = 1000;

/**
 * `--period` checked before any file is read: a month, a quarter or a half, with or without its year —
 * a month since a plan may require something monthly (issue 22).
 */
export function checkPeriodOption(raw: string | undefined): void {
  if (raw === undefined) return;
  const parsed = parsePeriod(raw, noYear);
  if (!parsed.ok || !(isMonth(parsed.value) || isQuarter(parsed.value) || isHalf(parsed.value))) {
    throw new UsageError(
      `--period 的值“${raw}”不是有效的期间，请写作月份（如 2026M08、8月）、季度（如 2026Q2、第二季度）或半年（如 2026H1、上半年）。`,
    );
  }
}

/** The rules for `--period` in the ledger's year; a period of another year is refused, as a ledger holds one year. */
function scopeOf(result: ValidationResult, raw: string | undefined): Scope | undefined {
  if (raw === undefined) return undefined;
  const parsed = parsePeriod(raw, result.year);
  if (!parsed.ok) throw new UsageError(`--period 的值“${raw}”不是有效的期间。`);
  if (Number(parsed.value.slice(0, 4)) !== result.year) {
    throw new UsageError(`--period 为${periodLabel(parsed.value)}，但台账年度是${result.year}年。一本台账只含一个年度，请核对期间。`);
  }
  return scopeRules(result, parsed.value);
}

/** What `validate` prints for one ledger: text or JSON, its rules stated for `--period` when given. */
export function validationOutput(result: ValidationResult, format: 'text' | 'json', period: string | undefined, indent?: number): string {
  const scope = scopeOf(result, period);
  if (format === 'json') return `${JSON.stringify(toJsonReport(result, scope), null, indent)}\n`;
  return renderText(scope ? { ...result, rules: scope.rules } : result, scope?.label);
}
