import { CalendarDate, endOfMonth, Time } from '@internationalized/date';
import { arabicYears, foldWidth } from '../text/fold';
import { parseDateText, type Parsed } from './date';
import { parsePeriod, periodEnd, periodStart } from './period';

/**
 * Dates as clerks write them in registers (real-ledgers.md), around the strict forms of parseDateText:
 * `6.18` (month.day), `4.22（周五）`, `4月17日上午`, `3月18日-19日` (the first day), and spans such as
 * `3月下旬`, `4月底前`, `第二季度`, which say a period but not a day.
 */
export type DateReading =
  | { kind: 'day'; date: CalendarDate; time: Time | null }
  /** A span: it counts for the period it lies in, never for a rule that needs the day. */
  | { kind: 'span'; first: string; last: string };

const weekday = /[(]?(?:周|星期|礼拜)[一二三四五六日天][)]?/gu;
const partOfDay = /(上午|下午|晚上|中午|早上)/u;
/** `3月18日-19日`, `2026.3.18-19`: a range of days, read as its first. */
const dayRange = /^(.*?(?:\d{1,2}\s*[日号]|\d{4}[./]\d{1,2}[./]\d{1,2}))\s*(?:-|~|至|到|—|－)+\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号]?$/u;
/** `6.18`, `8.13 10:05`: month.day, with or without a time after it. */
const monthDay = /^(\d{1,2})\.(\d{1,2})(?![.\d])(.*)$/u;
const monthSpan = /^(?:(\d{4})年)?(\d{1,2})月(上旬|中旬|下旬|初|中|底前|底|末|份|内|前)?$/u;

function spanOfMonth(year: number, month: number, part: string | undefined): DateReading | null {
  if (month < 1 || month > 12) return null;
  const start = new CalendarDate(year, month, 1);
  const end = endOfMonth(start);
  const days: Record<string, [number, number]> = { 上旬: [1, 10], 初: [1, 10], 中旬: [11, 20], 中: [11, 20], 下旬: [21, end.day] };
  const [from, to] = days[part ?? ''] ?? [1, end.day];
  return { kind: 'span', first: start.set({ day: from }).toString(), last: start.set({ day: to }).toString() };
}

export function readDateText(raw: string, ledgerYear: number): Parsed<DateReading> {
  // The strict forms first: they are most of a ledger's dates, and the forms below cost more to try.
  raw = arabicYears(raw);
  const strict = parseDateText(raw, ledgerYear);
  if (strict.ok) return { ok: true, value: { kind: 'day', ...strict.value } };
  let text = foldWidth(raw).replace(weekday, '').trim();
  const span = monthSpan.exec(text.replace(/\s+/gu, ''));
  if (span) {
    const read = spanOfMonth(Number(span[1] ?? ledgerYear), Number(span[2]), span[3]);
    if (read) return { ok: true, value: read };
  }
  const wholeYear = /^(?:(\d{4})年)?全年$/u.exec(text);
  const period = wholeYear ? { ok: true as const, value: wholeYear[1] ?? String(ledgerYear) } : parsePeriod(text, ledgerYear);
  if (period.ok) return { ok: true, value: { kind: 'span', first: periodStart(period.value), last: periodEnd(period.value) } };
  const part = partOfDay.exec(text)?.[1];
  text = text.replace(partOfDay, '').trim();
  const range = dayRange.exec(text);
  if (range) text = range[1];
  const md = monthDay.exec(text);
  if (md) text = `${md[1]}月${md[2]}日${md[3]}`;
  const parsed = parseDateText(text, ledgerYear);
  if (!parsed.ok) return parsed;
  let { time } = parsed.value;
  if (time !== null && (part === '下午' || part === '晚上') && time.hour < 12) time = time.set({ hour: time.hour + 12 });
  return { ok: true, value: { kind: 'day', date: parsed.value.date, time } };
}
