import { columnLetter } from '../grid/address';
import { foldCompact } from '../text/fold';
import { cellText, isEmpty } from '../values/cell';
import { fromSerial, isDateFormat, isoDate } from '../values/date';
import { readDateText } from '../values/dateText';
import type { ConvertContext } from './convert';
import type { SheetReader } from './sheetReader';

/** What a row of a register became (spec section 1); empty rows are none of these and are not counted. */
export type RowKind = 'record' | 'nonRecord' | 'unplaced';

/** A row with content that is neither a record nor plainly not one: what it holds, for its finding. */
export interface UnplacedCells {
  row: number;
  /** The first column with content. */
  column: number;
  /** `B列“…”、D列“…”`: the cells as the clerk sees them. */
  what: string;
}

const totalWords = /^(?:合计|小计|总计|共计|累计)/u;

/** A 合计/小计 row: a sum of the records above it, not a record. */
export function isTotalRow(sheet: SheetReader, row: number): boolean {
  for (let column = sheet.firstColumn; column <= sheet.lastColumn; column++) {
    const value = sheet.value(row, column);
    if (typeof value === 'string' && value.length <= 12 && totalWords.test(foldCompact(value))) return true;
  }
  return false;
}

/** The distinct non-empty cells of a row (a merged cell once), left to right. */
function contentOf(sheet: SheetReader, row: number): Array<{ column: number; text: string }> {
  const cells: Array<{ column: number; text: string }> = [];
  let previous = '';
  for (let column = sheet.firstColumn; column <= sheet.lastColumn; column++) {
    const value = sheet.value(row, column);
    if (isEmpty(value)) {
      previous = '';
      continue;
    }
    const text = cellText(value);
    // A merged cell reads the same in every column it spans: it is one cell of content.
    if (text !== previous) cells.push({ column, text });
    previous = text;
  }
  return cells;
}

export function hasContent(sheet: SheetReader, row: number): boolean {
  for (let column = sheet.firstColumn; column <= sheet.lastColumn; column++) if (!isEmpty(sheet.value(row, column))) return true;
  return false;
}

/**
 * A row none of whose field columns holds anything: empty; not a record when it holds only a 序号
 * (a pre-numbered blank), a 合计 line or one text across the row (a title or a filling hint); else
 * 未能归类, as it holds content in columns the reader did not take for any field.
 */
export function rowWithoutFields(
  sheet: SheetReader,
  row: number,
  serialColumn: number | null,
): { kind: 'empty' } | { kind: 'nonRecord' } | { kind: 'unplaced'; cells: UnplacedCells } {
  const cells = contentOf(sheet, row).filter((c) => c.column !== serialColumn);
  if (cells.length === 0) return contentOf(sheet, row).length === 0 ? { kind: 'empty' } : { kind: 'nonRecord' };
  if (cells.length === 1 || isTotalRow(sheet, row)) return { kind: 'nonRecord' };
  const what = cells
    .slice(0, 3)
    .map((c) => `${columnLetter(c.column)}列“${c.text.length > 12 ? `${c.text.slice(0, 12)}…` : c.text}”`)
    .join('、');
  return { kind: 'unplaced', cells: { row, column: cells[0].column, what } };
}

/** The day a row's cells give (a date column the reader could not place), so it counts only in its period. */
export function dateOf(sheet: SheetReader, row: number, ctx: ConvertContext): { date?: string } {
  for (let column = sheet.firstColumn; column <= sheet.lastColumn; column++) {
    const value = sheet.value(row, column);
    if (typeof value === 'number') {
      const serial = isDateFormat(sheet.format(row, column)) ? fromSerial(value, ctx.date1904) : null;
      if (serial) return { date: isoDate(serial.date) };
    } else if (typeof value === 'string' && value.length <= 24) {
      const read = readDateText(value, ctx.year);
      if (read.ok) return { date: read.value.kind === 'day' ? isoDate(read.value.date) : read.value.first };
    }
  }
  return {};
}
