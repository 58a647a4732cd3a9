import type { Finding } from '../../../ledger/findings';
import type { Ledger, LedgerRecord } from '../../../ledger/model';
import { recordSheets } from '../../../ledger/schema/sheets';
import { fieldsOf } from '../../../ledger/schema/fields';
import { recordDate, recordMonth, type WorkSheetKey } from '../../../ledger/check/placing';
import { periodLabel, periodWithin, type PeriodCode } from '../../../ledger/values/period';
import type { Values } from '../template/phrase';
import { cleanText, listOf, shortDate, shortDateTime } from './text';

type AnyRecord = LedgerRecord<WorkSheetKey>;

export function inPeriod(key: WorkSheetKey, record: AnyRecord, period: PeriodCode): boolean {
  const month = recordMonth(key, record);
  return month !== undefined && periodWithin(month, period);
}

/** `sheet` and row of every record D08 found to repeat an earlier one: a report counts each piece of work once. */
export function duplicateRows(findings: readonly Finding[]): ReadonlySet<string> {
  return new Set(findings.filter((f) => f.rule === 'D08').map((f) => rowKey(f.sheet, f.row)));
}

export const rowKey = (sheet: string, row: number) => `${sheet}\u0000${row}`;

/** A sheet's records of the period, repeats left out, oldest first. */
export function recordsIn<K extends WorkSheetKey>(
  ledger: Ledger,
  key: K,
  period: PeriodCode,
  duplicates: ReadonlySet<string> = new Set(),
): LedgerRecord<K>[] {
  const records = ledger.records[key] as LedgerRecord<K>[];
  return records
    .filter((r) => inPeriod(key, r as AnyRecord, period) && !duplicates.has(rowKey(r.sheet, r.row)))
    .map((record) => ({ record, date: recordDate(key, record as AnyRecord) ?? '' }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.record.row - b.record.row))
    .map(({ record }) => record);
}

/**
 * A record's fields as placeholder values, each printed the way a report writes it: dates as
 * `7月9日`, times as `9时30分`, lists joined with `、`, yes/no as 是/否, periods in words.
 */
export function recordValues(key: WorkSheetKey, record: AnyRecord, year: number): Values {
  const values: Record<string, string | number | undefined> = {};
  for (const field of fieldsOf(recordSheets[key].schema)) {
    const value = (record.data as Record<string, unknown>)[field.name];
    if (value === undefined) continue;
    if (field.kind === 'date' && typeof value === 'string') values[field.name] = shortDate(value, year);
    else if (field.kind === 'datetime' && typeof value === 'string') values[field.name] = shortDateTime(value, year);
    else if (field.kind === 'period' && typeof value === 'string') values[field.name] = periodLabel(value);
    else if (Array.isArray(value)) values[field.name] = listOf(value.map(String));
    else if (typeof value === 'boolean') values[field.name] = value ? '是' : '否';
    else if (typeof value === 'number') values[field.name] = value;
    else if (typeof value === 'string') values[field.name] = cleanText(value);
  }
  const date = recordDate(key, record);
  values.日期 = date === undefined ? undefined : shortDate(date, year);
  return values;
}
