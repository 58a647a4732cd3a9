import type { LedgerRecord } from '../../model';
import type { RecordSheetKey } from '../../schema/sheets';
import { periodWithin, type PeriodCode } from '../../values/period';

/**
 * How many of `records` count toward each period they name. A rule asks for several periods of the
 * same records (quarters, halves, each unit's), so each record's period is worked out once.
 */
export function periodTally<K extends RecordSheetKey>(
  records: readonly LedgerRecord<K>[],
  periodOf: (r: LedgerRecord<K>) => PeriodCode | undefined,
): Map<PeriodCode, number> {
  const tally = new Map<PeriodCode, number>();
  // Indexed, as are other loops over every record: a for-of loop run once per check allocates an
  // iterator result per record until the optimiser takes it up.
  for (let i = 0; i < records.length; i++) {
    const p = periodOf(records[i]);
    if (p !== undefined) tally.set(p, (tally.get(p) ?? 0) + 1);
  }
  return tally;
}

/** How many of the tallied records count toward `period`. */
export function countIn(tally: ReadonlyMap<PeriodCode, number>, period: PeriodCode): number {
  let n = 0;
  for (const [p, count] of tally) if (periodWithin(p, period)) n += count;
  return n;
}
