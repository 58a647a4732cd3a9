import { cellAddress } from '../grid/address';
import type { CellValue, MergedRange, SheetGrid } from '../grid/types';
import { excelMaxColumn, excelMaxRow } from './limits';
import { damaged, tooManyCells, tooManyRows } from './problems';
import { serialOfDay } from '../values/date';
import { sharedStringsLabel, stringItem, unescapeOoxml } from './sharedStrings';
import { CLOSE, END, OPEN, XmlScanner } from './xml';

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

/** `A1` → [row, column], or null for anything that is not a plain cell address. */
function parseAddress(ref: string): [number, number] | null {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    column = Math.min(column * 26 + (c - 96), Number.MAX_SAFE_INTEGER / 32);
  }
  const letters = i;
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = Math.min(row * 10 + (c - 48), Number.MAX_SAFE_INTEGER / 16);
  }
  return letters === 0 || letters === ref.length ? null : [row, column];
}

function parseRange(ref: string): MergedRange | null {
  const [from, to] = ref.replace(/\$/gu, '').split(':');
  const a = parseAddress(from ?? '');
  const b = parseAddress(to ?? '');
  if (!a || !b) return null;
  return { top: Math.min(a[0], b[0]), left: Math.min(a[1], b[1]), bottom: Math.max(a[0], b[0]), right: Math.max(a[1], b[1]) };
}

const cellAttributes = ['r', 't', 's'] as const;

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

/** A cell's value from its type, its `<v>` text and its inline string; null when it holds nothing. */
function cellValue(type: string | null, raw: string | null, inline: string | null, ctx: SheetContext, where: () => string): CellValue {
  switch (type) {
    case 's': {
      if (raw === null || raw.trim() === '') return null;
      const index = Number(raw);
      const text = Number.isInteger(index) ? ctx.strings[index] : undefined;
      if (text === undefined) {
        throw damaged(ctx.file, `${where()}引用的第 ${raw.trim()} 项不在${sharedStringsLabel}中`);
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

function dateFormatFor(serial: number): string {
  if (serial < 1) return 'hh:mm:ss';
  return serial % 1 === 0 ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss';
}

/**
 * One worksheet part as a grid. Rows and cells that hold no value cost nothing, however many formatted
 * empty ones the part declares. Each cell of a row up to its last filled one counts against the
 * workbook's cell budget; each row up to the last filled one against its row budget, and the rows
 * without a value all share one empty row, so a stray value in Excel's last row costs two slots a row.
 */
export function worksheetGrid(xml: string, name: string, ctx: SheetContext): SheetGrid {
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const noValues: CellValue[] = [];
  const noFormats: string[] = [];
  const merges: MergedRange[] = [];
  const scanner = new XmlScanner(xml);
  let row = 0;
  let column = 0;
  let section = '';

  const cellAttrs: Array<string | null> = [null, null, null];
  const readCell = () => {
    scanner.attrs(cellAttributes, cellAttrs);
    const [ref, type, style] = cellAttrs;
    const address = ref === null ? null : parseAddress(ref);
    if (address) [row, column] = address;
    else if (row === 0) [row, column] = [1, column + 1];
    else column++;
    if (row < 1 || row > excelMaxRow || column < 1 || column > excelMaxColumn) {
      throw damaged(ctx.file, `工作表“${name}”中的单元格地址 ${ref ?? cellAddress(row, column)} 超出了 Excel 的范围`);
    }
    // A cell with no content (a formatted empty cell) only moves the position.
    if (scanner.selfClosing) return;
    let raw: string | null = null;
    let inline: string | null = null;
    for (;;) {
      const kind = scanner.next();
      if (kind === END || (kind === CLOSE && scanner.name === 'c')) break;
      if (kind !== OPEN) continue;
      if (scanner.name === 'v') raw = scanner.text();
      else if (scanner.name === 'is') inline = stringItem(scanner);
      else scanner.skip();
    }
    const value = cellValue(type, raw, inline, ctx, () => `工作表“${name}”的单元格 ${cellAddress(row, column)} `);
    if (value === null) return;
    let format = style === null ? '' : (ctx.formats[Number(style)] ?? '');
    if (type === 'd' && typeof value === 'number' && format === '') format = dateFormatFor(value);
    let rowValues = values[row - 1];
    let rowFormats = numberFormats[row - 1];
    if (rowValues === undefined || rowValues === noValues) {
      if (row > values.length) {
        ctx.budget.rows -= row - values.length;
        if (ctx.budget.rows < 0) throw tooManyRows(ctx.file, name, row);
      }
      const filled = values.length;
      if (filled < row - 1) {
        values.length = numberFormats.length = row - 1;
        values.fill(noValues, filled);
        numberFormats.fill(noFormats, filled);
      }
      rowValues = values[row - 1] = [];
      rowFormats = numberFormats[row - 1] = [];
    }
    if (column <= rowValues.length) {
      rowValues[column - 1] = value;
      rowFormats[column - 1] = format;
      return;
    }
    ctx.budget.cells -= column - rowValues.length;
    if (ctx.budget.cells < 0) throw tooManyCells(ctx.file, name, cellAddress(row, column));
    while (rowValues.length < column - 1) {
      rowValues.push(null);
      rowFormats.push('');
    }
    rowValues.push(value);
    rowFormats.push(format);
  };

  for (let kind = scanner.next(); kind !== END; kind = scanner.next()) {
    if (kind === CLOSE) {
      if (scanner.name === section) section = '';
      continue;
    }
    const tag = scanner.name;
    if (section === 'sheetData') {
      if (tag === 'row') {
        const r = Number(scanner.attr('r'));
        row = Number.isInteger(r) && r > 0 ? r : row + 1;
        column = 0;
      } else if (tag === 'c') readCell();
    } else if (section === 'mergeCells') {
      const range = tag === 'mergeCell' ? parseRange(scanner.attr('ref') ?? '') : null;
      if (range) merges.push(range);
    } else if ((tag === 'sheetData' || tag === 'mergeCells') && !scanner.selfClosing) section = tag;
  }
  return { name, origin: { row: 1, column: 1 }, values, numberFormats, merges: checkedMerges(merges, values, name, ctx) };
}

/**
 * Merges as declared. Every reader of the grid spreads a merge's value over the cells it covers inside
 * the grid, so that area counts against the budget too: Excel never lets merges overlap, and a forged
 * file that stacks them must not make the reading run forever.
 */
function checkedMerges(merges: MergedRange[], values: CellValue[][], name: string, ctx: SheetContext): MergedRange[] {
  let width = 0;
  for (const r of values) if (r.length > width) width = r.length;
  for (const m of merges) {
    const rows = Math.min(m.bottom, values.length) - m.top + 1;
    const columns = Math.min(m.right, width) - m.left + 1;
    if (rows <= 0 || columns <= 0) continue;
    ctx.budget.cells -= rows * columns;
    if (ctx.budget.cells < 0) throw tooManyCells(ctx.file, name, cellAddress(m.top, m.left));
  }
  return merges;
}
