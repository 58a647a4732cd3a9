import type { Finding } from '../../../ledger/findings';
import type { Ledger, LedgerRecord } from '../../../ledger/model';
import { recordSheets } from '../../../ledger/schema/sheets';
import { fieldsOf } from '../../../ledger/schema/fields';
import { isQuarter, periodLabel, periodWithin, quarterOfDate, type PeriodCode } from '../../../ledger/values/period';
import type { WorkSheetKey } from '../template/fields';
import type { Values } from '../template/phrase';
import { cleanText, listOf, shortDate, shortDateTime } from './text';

/** The field that dates a record of each sheet, and the period field where the sheet has one. */
export const placing: { readonly [K in WorkSheetKey]: { date: string; period?: string } } = {
  research: { date: '会议日期' },
  analysis: { date: '分析日期', period: '所属期间' },
  notification: { date: '通报日期', period: '所属期间' },
  inspection: { date: '检查日期' },
  branchReport: { date: '汇报日期', period: '所属半年' },
  training: { date: '日期' },
  lecture: { date: '活动日期' },
  opinion: { date: '发现时间' },
  review: { date: '日期' },
  accountability: { date: '日期' },
};

type AnyRecord = LedgerRecord<WorkSheetKey>;

function fieldOf(record: AnyRecord, field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  const value = (record.data as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

/** The record's date (ISO, date part only), where it could be read. */
export function recordDate(key: WorkSheetKey, record: AnyRecord): string | undefined {
  return fieldOf(record, placing[key].date)?.slice(0, 10);
}

/**
 * The one quarter a record is counted in. As in the rules (spec section 3), its 所属期间 decides where
 * the sheet has one, otherwise its date. A 所属期间 coarser than a quarter (a 半年通报 for 上半年) counts
 * in the period's last quarter, when the work it concludes is complete: so the record counts once, in
 * the same half and year the rules count it in, whichever report is asked for.
 */
export function recordQuarter(key: WorkSheetKey, record: AnyRecord): PeriodCode | undefined {
  const own = fieldOf(record, placing[key].period);
  if (own !== undefined) {
    if (isQuarter(own)) return own;
    const year = own.slice(0, 4);
    return own.length === 4 ? `${year}Q4` : `${year}Q${Number(own.slice(5)) * 2}`;
  }
  const date = recordDate(key, record);
  return date === undefined ? undefined : quarterOfDate(date);
}

export function inPeriod(key: WorkSheetKey, record: AnyRecord, period: PeriodCode): boolean {
  const quarter = recordQuarter(key, record);
  return quarter !== undefined && periodWithin(quarter, period);
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
