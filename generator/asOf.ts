import { CalendarDate, today, getLocalTimeZone } from '@internationalized/date';
import { UsageError } from './errors';

/** The validation date: `--as-of YYYY-MM-DD`, or today on this machine's calendar. */
export function resolveAsOf(option: string | undefined): string {
  if (option === undefined) return today(getLocalTimeZone()).toString();
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(option.trim());
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = mo >= 1 && mo <= 12 && d >= 1 ? new CalendarDate(y, mo, d) : null;
    if (date && date.month === mo && date.day === d) return date.toString();
  }
  throw new UsageError(`--as-of 的值“${option}”不是有效日期，应写作 YYYY-MM-DD，如 2026-07-20。`);
}
