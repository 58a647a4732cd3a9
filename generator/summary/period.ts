import { isHalf, isQuarter, parsePeriod, type PeriodCode } from '../../ledger/values/period';
import { UsageError } from '../errors';

/** Stands in for a year left out of `--period`, so its absence can be told. */
const noYear = 1000;

/**
 * The summary's period: a quarter or a half, with its year, since the ledgers it rolls up may be of
 * several years (those of another year are listed apart).
 */
export function summaryPeriod(raw: string): PeriodCode {
  const parsed = parsePeriod(raw, noYear);
  if (!parsed.ok || !(isQuarter(parsed.value) || isHalf(parsed.value))) {
    throw new UsageError(`--period 的值“${raw}”不是有效的期间。汇总期间请写作 2026H1（2026年上半年）或 2026Q3（2026年第三季度）。`);
  }
  if (parsed.value.startsWith(String(noYear))) {
    throw new UsageError(`--period 的值“${raw}”没有写年度。各单位台账可能分属不同年度，请写明年度，如 2026H1、2026年上半年。`);
  }
  return parsed.value;
}
