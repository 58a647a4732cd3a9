import { cellAddress } from '../grid/address';
import type { CellValue, MergedRange, SheetGrid } from '../grid/types';
import { cellFormat, cellValue, type SheetContext } from './cellValue';
import { readCommonCells } from './commonCells';
import { excelMaxColumn, excelMaxRow } from './limits';
import { damaged, tooManyCells } from './problems';
import { SheetCells } from './sheetCells';
import { stringItem } from './sharedStrings';
import { CLOSE, END, OPEN, XmlScanner } from './xml';

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
const cellAttrs: Array<string | null> = [null, null, null];

/** The cell whose start tag the scanner has just read, in any form XML allows. */
function readCell(scanner: XmlScanner, cells: SheetCells): void {
  scanner.attrs(cellAttributes, cellAttrs);
  const [ref, type, style] = cellAttrs;
  const address = ref === null ? null : parseAddress(ref);
  if (address) [cells.row, cells.column] = address;
  else if (cells.row === 0) [cells.row, cells.column] = [1, cells.column + 1];
  else cells.column++;
  const { row, column, ctx, name } = cells;
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
  const value = cellValue(type, raw, inline, ctx, name, row, column);
  if (value !== null) cells.put(value, cellFormat(ctx, style === null ? -1 : Number(style), type, value));
}

/**
 * One worksheet part as a grid. Cells in the forms Excel and most tools write are read by a fast path
 * (commonCells.ts), which hands anything else to the scanner here; `fast` false reads every cell here,
 * for the tests that hold the two to the same grids.
 */
export function worksheetGrid(xml: string, name: string, ctx: SheetContext, fast = true): SheetGrid {
  const cells = new SheetCells(name, ctx);
  const merges: MergedRange[] = [];
  const scanner = new XmlScanner(xml);
  let section = '';
  for (;;) {
    if (fast && section === 'sheetData') scanner.position = readCommonCells(xml, scanner.position, cells);
    const kind = scanner.next();
    if (kind === END) break;
    if (kind === CLOSE) {
      if (scanner.name === section) section = '';
      continue;
    }
    const tag = scanner.name;
    if (section === 'sheetData') {
      if (tag === 'row') {
        const r = Number(scanner.attr('r'));
        cells.row = Number.isInteger(r) && r > 0 ? r : cells.row + 1;
        cells.column = 0;
      } else if (tag === 'c') readCell(scanner, cells);
    } else if (section === 'mergeCells') {
      const range = tag === 'mergeCell' ? parseRange(scanner.attr('ref') ?? '') : null;
      if (range) merges.push(range);
    } else if ((tag === 'sheetData' || tag === 'mergeCells') && !scanner.selfClosing) section = tag;
  }
  const { values, numberFormats } = cells.grid();
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
