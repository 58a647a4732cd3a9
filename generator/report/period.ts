import { isHalf, isQuarter, parsePeriod, periodLabel, type PeriodCode } from '../../ledger/values/period';
import { UsageError } from '../errors';
import type { ReportKind } from './template/schema';

/** Stands in for the year while the ledger's is not yet known; no ledger year can be this. */
const noYear = 1000;

const noun: Record<ReportKind, string> = { quarterly: '季度分析报告', semiannual: '半年通报' };
const example: Record<ReportKind, string> = { quarterly: '2026Q3（2026年第三季度）', semiannual: '2026H1（2026年上半年）' };

/**
 * The period a report is asked for, checked before any file is read: a quarter for the quarterly
 * report, a half for the notification. A period written without its year (`Q3`, `上半年`) takes the
 * ledger's year, which is only known later: `year` is then null.
 */
export function reportPeriod(kind: ReportKind, raw: string): { period: (year: number) => PeriodCode; year: number | null } {
  const parsed = parsePeriod(raw, noYear);
  const fits = parsed.ok && (kind === 'quarterly' ? isQuarter(parsed.value) : isHalf(parsed.value));
  if (!parsed.ok) {
    throw new UsageError(`--period 的值“${raw}”不是有效的期间。${noun[kind]}请写作 ${example[kind]}。`);
  }
  if (!fits) {
    const other: ReportKind = kind === 'quarterly' ? 'semiannual' : 'quarterly';
    throw new UsageError(
      `${noun[kind]}的期间应为${kind === 'quarterly' ? '季度' : '半年'}，如 --period ${example[kind]}；“${raw}”是${kind === 'quarterly' ? '半年' : '季度'}，生成${noun[other]}请用 taizhang report ${other}。`,
    );
  }
  const code = parsed.value;
  const year = Number(code.slice(0, 4));
  const given = year === noYear ? null : year;
  return { period: (ledgerYear) => `${given ?? ledgerYear}${code.slice(4)}`, year: given };
}

/** A ledger holds one year: a report for another year would come out empty, so it is refused. */
export function checkPeriodYear(period: PeriodCode, ledgerYear: number): void {
  const year = Number(period.slice(0, 4));
  if (year !== ledgerYear) {
    throw new UsageError(
      `--period 为${periodLabel(period)}，但台账年度是${ledgerYear}年。一本台账只含一个年度，请核对期间或选择${year}年的台账。`,
    );
  }
}
