import { CalendarDate, endOfMonth } from '@internationalized/date';
import { arabicYears, foldCompact } from '../text/fold';
import type { Parsed } from './date';
import { parseIsoDate } from './date';

/**
 * Periods are coded `2026M08` (a month), `2026Q3` (a quarter), `2026H1` (a half) or `2026` (a year)
 * and labelled in the bureau's words (`2026年8月`, `2026年第三季度`).
 */
export type PeriodCode = string;

export const chineseNumeral = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

const digitOf: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

const quarterForms = [/^(?:(\d{4})-?)?Q([1-4])$/iu, /^(?:(\d{4})年)?第?([一二三四1-4])季度$/u];
const halfForms = [/^(?:(\d{4})-?)?H([12])$/iu];
const halfWords = /^(?:(\d{4})年(?:度)?)?([上下])半年(?:度)?$/u;
const monthForms = [
  /^(?:(\d{4})-?)?M(\d{1,2})$/iu,
  /^(?:(\d{4})年)?(\d{1,2})月份?$/u,
  /^(?:(\d{4})年)?(十[一二]?|[一二三四五六七八九])月份?$/u,
];

/** `八` → 8, `十二` → 12: the month numbers a clerk writes in words. */
function monthNumber(text: string): number {
  if (/^\d+$/u.test(text)) return Number(text);
  const ones = chineseNumeral.indexOf(text.slice(-1) as (typeof chineseNumeral)[number]);
  return text.startsWith('十') ? 10 + (text.length > 1 ? ones : 0) : ones;
}

const monthCode = (year: number | string, month: number): PeriodCode => `${year}M${String(month).padStart(2, '0')}`;

/** Parses the period forms of spec section 1; a period without a year takes `ledgerYear`. */
export function parsePeriod(raw: string, ledgerYear: number): Parsed<PeriodCode> {
  const text = foldCompact(arabicYears(raw));
  for (const form of quarterForms) {
    const m = form.exec(text);
    if (m) return { ok: true, value: `${m[1] ?? ledgerYear}Q${digitOf[m[2]]}` };
  }
  for (const form of halfForms) {
    const m = form.exec(text);
    if (m) return { ok: true, value: `${m[1] ?? ledgerYear}H${m[2]}` };
  }
  const h = halfWords.exec(text);
  if (h) return { ok: true, value: `${h[1] ?? ledgerYear}H${h[2] === '上' ? 1 : 2}` };
  for (const form of monthForms) {
    const m = form.exec(text);
    const month = m ? monthNumber(m[2]) : 0;
    if (m && month >= 1 && month <= 12) return { ok: true, value: monthCode(m[1] ?? ledgerYear, month) };
  }
  return { ok: false, reason: '不是可识别的期间格式' };
}

export function isQuarter(code: PeriodCode): boolean {
  return /^\d{4}Q[1-4]$/u.test(code);
}

export function isHalf(code: PeriodCode): boolean {
  return /^\d{4}H[12]$/u.test(code);
}

export function isMonth(code: PeriodCode): boolean {
  return /^\d{4}M(?:0[1-9]|1[0-2])$/u.test(code);
}

export function periodYear(code: PeriodCode): number {
  return Number(code.slice(0, 4));
}

/** Months of a period, first and last (1-based). Codes come from parsePeriod, so the letter tells. */
function monthSpan(code: PeriodCode): [number, number] {
  const n = Number(code.slice(5));
  const kind = code.charAt(4);
  if (kind === 'Q') return [n * 3 - 2, n * 3];
  if (kind === 'H') return [n * 6 - 5, n * 6];
  if (kind === 'M') return [n, n];
  return [1, 12];
}

/** How many months a period spans: 1 for a month, 3 for a quarter, 6 for a half, 12 for a year. */
export function periodMonths(code: PeriodCode): number {
  const [first, last] = monthSpan(code);
  return last - first + 1;
}

export function periodStart(code: PeriodCode): string {
  return new CalendarDate(periodYear(code), monthSpan(code)[0], 1).toString();
}

export function periodEnd(code: PeriodCode): string {
  return endOfMonth(new CalendarDate(periodYear(code), monthSpan(code)[1], 1)).toString();
}

/** The day a period's requirement falls due: its last day plus the grace days. */
export function periodDue(code: PeriodCode, graceDays: number): string {
  return parseIsoDate(periodEnd(code)).add({ days: graceDays }).toString();
}

export function periodLabel(code: PeriodCode): string {
  const year = periodYear(code);
  const n = Number(code.slice(5));
  if (isQuarter(code)) return `${year}年第${chineseNumeral[n]}季度`;
  if (isHalf(code)) return `${year}年${n === 1 ? '上' : '下'}半年`;
  if (isMonth(code)) return `${year}年${n}月`;
  return `${year}年`;
}

export function quarterOfDate(iso: string): PeriodCode {
  return `${iso.slice(0, 4)}Q${Math.ceil(Number(iso.slice(5, 7)) / 3)}`;
}

export function halfOfDate(iso: string): PeriodCode {
  return `${iso.slice(0, 4)}H${Number(iso.slice(5, 7)) <= 6 ? 1 : 2}`;
}

export function monthOfDate(iso: string): PeriodCode {
  return monthCode(iso.slice(0, 4), Number(iso.slice(5, 7)));
}

export function monthsOf(year: number): PeriodCode[] {
  return Array.from({ length: 12 }, (_, i) => monthCode(year, i + 1));
}

export function quartersOf(year: number): PeriodCode[] {
  return [1, 2, 3, 4].map((q) => `${year}Q${q}`);
}

export function halvesOf(year: number): PeriodCode[] {
  return [`${year}H1`, `${year}H2`];
}

/**
 * True when a date lies within the period. Compared by year and month, since periods are whole months:
 * reports and rules ask this of every record, and building the period's first and last day each time
 * was most of a report's cost.
 */
export function periodContains(code: PeriodCode, iso: string): boolean {
  const [first, last] = monthSpan(code);
  const month = Number(iso.slice(5, 7));
  return Number(iso.slice(0, 4)) === periodYear(code) && month >= first && month <= last;
}

/** True when period `inner` lies within `outer` (a month within its quarter, a quarter within its half, a half within its year). */
export function periodWithin(inner: PeriodCode, outer: PeriodCode): boolean {
  const [innerFirst, innerLast] = monthSpan(inner);
  const [outerFirst, outerLast] = monthSpan(outer);
  return periodYear(inner) === periodYear(outer) && innerFirst >= outerFirst && innerLast <= outerLast;
}
