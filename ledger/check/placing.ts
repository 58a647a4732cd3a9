import type { LedgerRecord } from '../model';
import type { RecordSheetKey } from '../schema/sheets';
import { isMonth, monthOfDate, periodContains, periodEnd, type PeriodCode } from '../values/period';

/** The record sheets that hold dated work: every sheet but 组织架构. */
export type WorkSheetKey = Exclude<RecordSheetKey, 'organization'>;

/**
 * The field that dates a record of each sheet, the field that names its period where the sheet has
 * one (spec section 3: records count toward a period by their 所属期间 where the sheet has one,
 * otherwise by their date), and the field that names the units of 组织架构 a record is for, where a
 * requirement may be per unit (issue 22). The rules, validate --period and the reports all place
 * records by it.
 */
export const placing: { readonly [K in WorkSheetKey]: { date: string; period?: string; unit?: string } } = {
  research: { date: '会议日期' },
  analysis: { date: '分析日期', period: '所属期间' },
  notification: { date: '通报日期', period: '所属期间' },
  inspection: { date: '检查日期', unit: '被检查单位' },
  branchReport: { date: '汇报日期', period: '所属半年', unit: '汇报单位' },
  training: { date: '日期', unit: '参加对象' },
  lecture: { date: '活动日期', unit: '主办单位' },
  opinion: { date: '发现时间' },
  review: { date: '日期', unit: '对象' },
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
 * The one month a record counts in. Its 所属期间 decides where the sheet has one, otherwise its date.
 * A 所属期间 coarser than a month (a 专题汇报 for 上半年) counts in the month of its date when the
 * date lies within that period — the branch reported in March, in the first quarter — and otherwise
 * in the period's last month, when the work it concludes is complete. Each record thus counts once,
 * in the same quarter, half and year whichever period is asked for.
 */
export function recordMonth(key: WorkSheetKey, record: AnyRecord): PeriodCode | undefined {
  const own = fieldOf(record, placing[key].period);
  const date = recordDate(key, record);
  if (own === undefined) return date === undefined ? undefined : monthOfDate(date);
  if (isMonth(own)) return own;
  if (date !== undefined && periodContains(own, date)) return monthOfDate(date);
  return monthOfDate(periodEnd(own));
}

/** `recordMonth` for one sheet, as the rules pass it to a tally. */
export const monthOn =
  <K extends WorkSheetKey>(key: K) =>
  (record: LedgerRecord<K>): PeriodCode | undefined =>
    recordMonth(key, record as AnyRecord);
