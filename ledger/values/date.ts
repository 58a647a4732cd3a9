import { CalendarDate, CalendarDateTime, Time } from '@internationalized/date';
import { foldWidth } from '../text/fold';

/**
 * Reading dates as ledgers hold them: Excel serials under a date format, and the text forms of spec
 * section 1. Results are ISO strings (`2026-03-05`, `2026-03-05T14:30:00`), which compare correctly as text.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const msPerDay = 86_400_000;
/** Serial 0 of each date system: 1899-12-30 (so that serial 61 is 1900-03-01) and 1904-01-01. */
const epoch1900 = Date.UTC(1899, 11, 30);
const epoch1904 = Date.UTC(1904, 0, 1);
/**
 * Excel, like Lotus 1-2-3 before it, counts a 1900-02-29 that never was (serial 60), so serials 1–59
 * (1900-01-01 to 1900-02-28) lie one day later in its count than in the calendar's.
 */
const fictitiousLeapDay = 60;

/** A workbook has a handful of number formats and a ledger many date cells, so each is judged once. */
const dateFormats = new Map<string, boolean>();

/** True when an Excel number format shows a date or time (tokens outside quotes, escapes and [..]). */
export function isDateFormat(format: string): boolean {
  let judged = dateFormats.get(format);
  if (judged === undefined) {
    judged = showsDate(format);
    dateFormats.set(format, judged);
  }
  return judged;
}

function showsDate(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/gu, '')
    .replace(/\\./gu, '')
    .replace(/\[[^\]]*\]/gu, '')
    .replace(/;.*$/u, '');
  return /[ymdhsYMDHSe]/u.test(bare) && !/^general$/iu.test(bare.trim());
}

/** True when the format shows a time of day, so a midnight value still carries a time. */
export function formatHasTime(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/gu, '')
    .replace(/\\./gu, '')
    .replace(/\[[^\]]*\]/gu, '');
  return /[hHsS]/u.test(bare);
}

export interface SerialDateTime {
  date: CalendarDate;
  time: Time;
  hasFraction: boolean;
}

export function fromSerial(serial: number, date1904: boolean): SerialDateTime | null {
  // Serial 0 is a day only in the 1904 system (1904-01-01); in the 1900 system Excel shows it as 1900-01-00.
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1) || serial > 2958465) return null;
  const days = Math.floor(serial);
  const seconds = Math.round((serial - days) * 86400);
  let day = days + Math.floor(seconds / 86400);
  if (!date1904 && day <= fictitiousLeapDay) {
    if (day === fictitiousLeapDay) return null;
    day += 1;
  }
  // Stepping a CalendarDate forward by thousands of days walks month by month; Date arithmetic is O(1).
  const utc = new Date((date1904 ? epoch1904 : epoch1900) + day * msPerDay);
  const date = new CalendarDate(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
  const s = seconds % 86400;
  return { date, time: new Time(Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60), hasFraction: seconds > 0 };
}

/** Excel serial of a calendar day (1900 date system), or null for a day that does not exist. */
export function serialOfDay(year: number, month: number, day: number): number | null {
  const utc = new Date(0);
  // setUTCFullYear, unlike Date.UTC, takes years 0–99 as they stand.
  utc.setUTCFullYear(year, month - 1, day);
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null;
  const serial = (utc.getTime() - epoch1900) / msPerDay;
  return serial <= fictitiousLeapDay ? serial - 1 : serial;
}

/** Excel serial of a date, for writing dates back into a workbook. */
export function toSerial(iso: string): number {
  const date = parseIsoDate(iso);
  return serialOfDay(date.year, date.month, date.day) ?? Number.NaN;
}

export function parseIsoDate(iso: string): CalendarDate {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new CalendarDate(y, m, d);
}

export function parseIsoDateTime(iso: string): CalendarDateTime {
  const [date, time = '00:00:00'] = iso.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm, ss] = time.split(':').map(Number);
  return new CalendarDateTime(y, m, d, hh, mm, ss);
}

/**
 * Hours from one ISO date-time to another. Counted in real milliseconds: CalendarDateTime.compare()
 * gives the difference in days when the dates differ, which made a step taken a day late look prompt.
 */
export function hoursBetween(from: string, to: string): number {
  return (isoMs(to) - isoMs(from)) / 3_600_000;
}

/** The digits of `iso` from `at` to `at + length` as a number; ISO text has nothing else there. */
function digits(iso: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) n = n * 10 + iso.charCodeAt(i) - 48;
  return n;
}

/**
 * The year of an ISO date or date-time, `Number(iso.slice(0, 4))`, without copying the four characters
 * for each of a ledger's dates: a date from normalise starts with four digits, anything else is left to
 * Number.
 */
export function isoYear(iso: string): number {
  for (let i = 0; i < 4; i++) {
    const c = iso.charCodeAt(i);
    if (!(c >= 48 && c <= 57)) return Number(iso.slice(0, 4));
  }
  return digits(iso, 0, 4);
}

/**
 * Milliseconds of an ISO date or date-time as read on UTC, which has no daylight-saving jumps to
 * count. R16 asks it of every 舆情 record's times, so the digits are read in place.
 */
function isoMs(iso: string): number {
  const time = iso.length >= 19;
  const year = isoYear(iso);
  // Date.UTC takes years 0–99 as 1900–1999.
  if (year < 100) return Date.parse(`${iso}Z`);
  return Date.UTC(
    year,
    digits(iso, 5, 2) - 1,
    digits(iso, 8, 2),
    time ? digits(iso, 11, 2) : 0,
    time ? digits(iso, 14, 2) : 0,
    time ? digits(iso, 17, 2) : 0,
  );
}

export function isoDate(date: CalendarDate): string {
  return date.toString();
}

export function isoDateTime(date: CalendarDate, time: Time): string {
  return new CalendarDateTime(date.year, date.month, date.day, time.hour, time.minute, time.second).toString();
}

/** `2026年3月5日`: the form official documents write dates in. */
export function chineseDate(iso: string): string {
  const d = parseIsoDate(iso);
  return `${d.year}年${d.month}月${d.day}日`;
}

/** `2026年3月5日 14:30`. */
export function chineseDateTime(iso: string): string {
  const t = parseIsoDateTime(iso);
  return `${chineseDate(iso)} ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

const datePart = String.raw`(?:(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?)`;
const timePart = String.raw`(?:[\sT]*(?:(\d{1,2}):(\d{2})(?::(\d{2}))?|(\d{1,2})\s*[时点]\s*(?:(\d{1,2})\s*分)?(?:\s*(\d{1,2})\s*秒)?))?`;
const dateTimeText = new RegExp(`^${datePart}${timePart}$`, 'u');
/**
 * The same forms with the day read as short as it can be. A time typed straight after the day
 * (`2026/3/514时30分`) reads first as day 51 at 4 o'clock; this reads it as day 5 at 14 o'clock.
 */
const shortDayDateTimeText = new RegExp(`^${datePart.replaceAll(String.raw`(\d{1,2})`, String.raw`(\d{1,2}?)`)}${timePart}$`, 'u');

interface TextDateTime {
  date: CalendarDate;
  time: Time | null;
}

function validDate(year: number, month: number, day: number): CalendarDate | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const date = new CalendarDate(year, month, day);
  // CalendarDate clamps an impossible day (2月30日 → 2月28日); a clamped date was not a real one.
  return date.day === day && date.month === month ? date : null;
}

function validTime(h: number, m: number, s: number): Time | null {
  return h <= 23 && m <= 59 && s <= 59 ? new Time(h, m, s) : null;
}

/** Parses the text forms of spec section 1; a bare `3月5日` takes `ledgerYear`. */
export function parseDateText(raw: string, ledgerYear: number): Parsed<TextDateTime> {
  const text = foldWidth(raw).trim();
  const m = dateTimeText.exec(text);
  if (!m) return { ok: false, reason: '不是可识别的日期格式' };
  const read = dateTimeOf(m, ledgerYear);
  if (read.ok) return read;
  const short = shortDayDateTimeText.exec(text);
  const shortRead = short ? dateTimeOf(short, ledgerYear) : null;
  return shortRead?.ok ? shortRead : read;
}

function dateTimeOf(m: RegExpExecArray, ledgerYear: number): Parsed<TextDateTime> {
  const year = Number(m[1] ?? m[4] ?? ledgerYear);
  const month = Number(m[2] ?? m[5]);
  const day = Number(m[3] ?? m[6]);
  const date = validDate(year, month, day);
  if (!date) return { ok: false, reason: `${year}年${month}月${day}日不是存在的日期` };
  const hour = m[7] ?? m[10];
  if (hour === undefined) return { ok: true, value: { date, time: null } };
  const time = validTime(Number(hour), Number(m[8] ?? m[11] ?? 0), Number(m[9] ?? m[12] ?? 0));
  if (!time) return { ok: false, reason: '时间不存在' };
  return { ok: true, value: { date, time } };
}
