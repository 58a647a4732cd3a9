import { cellAddress } from '../grid/address';
import type { CellValue } from '../grid/types';
import { serialOfDay } from '../values/date';
import { damaged } from './problems';
import { sharedStringsLabel, unescapeOoxml } from './sharedStrings';

/** What every sheet of one workbook is read with. */
export interface SheetContext {
  file: string;
  strings: readonly string[];
  /** Number format of each cell style, by the cell's `s`. */
  formats: readonly string[];
  date1904: boolean;
  /** Grid cells and rows the workbook may still use (limits.gridCells, gridRows), shared by all its sheets. */
  budget: { cells: number; rows: number };
}

/** Days between the 1900 and 1904 date systems. */
const offset1904 = 1462;

/**
 * ISO 8601 as SpreadsheetML's `t="d"` holds it: a date, a date and time, or a time alone. Excel keeps
 * no time zones, so the wall-clock time written is the cell's time, whatever zone designator follows.
 */
const isoForm = /^(?:(\d{4})-(\d\d)-(\d\d))?(?:(?:^|[T ])(\d\d):(\d\d)(?::(\d\d(?:\.\d+)?))?)?(?:Z|[+-]\d\d(?::?\d\d)?)?$/u;

/** A `t="d"` cell as the serial Excel would have stored, or its text when it is no ISO date or time. */
function isoToSerial(text: string, date1904: boolean): number | string {
  const m = isoForm.exec(text);
  if (!m || (m[1] === undefined && m[4] === undefined)) return text;
  let serial = 0;
  if (m[1] !== undefined) {
    const day = serialOfDay(Number(m[1]), Number(m[2]), Number(m[3]));
    if (day === null) return text;
    serial = date1904 ? day - offset1904 : day;
  }
  if (m[4] !== undefined) {
    const [hours, minutes, seconds] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
    if (hours > 23 || minutes > 59 || seconds >= 60) return text;
    serial += (hours * 3600 + minutes * 60 + seconds) / 86400;
  }
  return serial;
}

/**
 * A cell's value from its type, its `<v>` text and its inline string; null when it holds nothing. The
 * sheet and the cell's place name it in a message when it refers to a shared string that is missing.
 */
export function cellValue(
  type: string | null,
  raw: string | null,
  inline: string | null,
  ctx: SheetContext,
  sheet: string,
  row: number,
  column: number,
): CellValue {
  switch (type) {
    case 's': {
      if (raw === null || raw.trim() === '') return null;
      const index = Number(raw);
      const text = Number.isInteger(index) ? ctx.strings[index] : undefined;
      if (text === undefined) {
        throw damaged(
          ctx.file,
          `工作表“${sheet}”的单元格 ${cellAddress(row, column)} 引用的第 ${raw.trim()} 项不在${sharedStringsLabel}中`,
        );
      }
      return text;
    }
    case 'inlineStr':
      return inline ?? raw;
    case 'str':
      return raw === null ? null : unescapeOoxml(raw);
    case 'e':
      return raw;
    case 'b':
      return raw === null ? null : raw.trim() === '1' || raw.trim().toLowerCase() === 'true';
    case 'd':
      return raw === null || raw.trim() === '' ? null : isoToSerial(raw.trim(), ctx.date1904);
    default: {
      if (raw === null || raw.trim() === '') return inline;
      const n = Number(raw);
      // A number cell whose text is no number is damaged; its text is what a clerk could still act on.
      return Number.isFinite(n) ? n : raw;
    }
  }
}

/**
 * The number format of a cell: its style's (`style` is its `s` as a number, -1 when it has none), or for a
 * `t="d"` cell without one, the one its value needs.
 */
export function cellFormat(ctx: SheetContext, style: number, type: string | null, value: CellValue): string {
  // Not `formats[-1]`: an index below 0 is looked up as a property name, along the prototype chain.
  const format = style >= 0 ? (ctx.formats[style] ?? '') : '';
  if (type !== 'd' || typeof value !== 'number' || format !== '') return format;
  if (value < 1) return 'hh:mm:ss';
  return value % 1 === 0 ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss';
}
