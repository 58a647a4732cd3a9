import type { LedgerRecord } from '../../model';
import type { RecordSheetKey } from '../../schema/sheets';
import { periodWithin, quarterOfDate, type PeriodCode } from '../../values/period';

/**
 * The period a record counts toward: its 所属期间 where the sheet has one and it is filled, otherwise
 * the quarter of its date (which lies within its half and year too).
 */
export function recordPeriod(period: PeriodCode | undefined, date: string | undefined): PeriodCode | undefined {
  if (period !== undefined) return period;
  return date === undefined ? undefined : quarterOfDate(date);
}

/** How many of `records` count toward `period`. */
export function countIn<K extends RecordSheetKey>(
  records: readonly LedgerRecord<K>[],
  period: PeriodCode,
  periodOf: (r: LedgerRecord<K>) => PeriodCode | undefined,
): number {
  let n = 0;
  for (const r of records) {
    const p = periodOf(r);
    if (p !== undefined && periodWithin(p, period)) n++;
  }
  return n;
}
