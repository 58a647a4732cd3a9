/**
 * Round trips the add-in makes to read a ledger, counted on the fake host: the figure `npm run bench`
 * prints for a small and a large ledger, and the adapter test holds equal.
 */
import { excelHost } from '../../addin/excel/adapter';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../ledger/grid/types';
import type { FakeOptions } from './fake/fakeExcel';
import { FakeExcelHost } from './fake/fakeExcel';
import { stateFromGrid } from './fake/state';

const filled = (row: readonly CellValue[]) => row.filter((v) => v !== null && v !== '').length;

/** The sheet's rows with its last real record (not a pre-numbered blank) repeated to `rows` rows. */
function grownSheet(sheet: SheetGrid, rows: number): SheetGrid {
  const last = sheet.values.findLastIndex((row) => filled(row) >= 3);
  if (last < 0) throw new Error(`工作表“${sheet.name}”没有可复制的记录行`);
  const template = sheet.values[last];
  const formats = sheet.numberFormats[last];
  // Each copy differs in its longest text, so the copies are records of their own, not duplicates.
  const textColumn = template.reduce<number>(
    (best, v, c) => (typeof v === 'string' && v.length > String(template[best] ?? '').length ? c : best),
    0,
  );
  const values = sheet.values.slice(0, last + 1);
  const numberFormats = sheet.numberFormats.slice(0, last + 1);
  for (let i = 1; values.length < rows; i++) {
    values.push(template.map((v, c) => (c === textColumn ? `${String(v)}（${i}）` : v)));
    numberFormats.push([...formats]);
  }
  return { ...sheet, values, numberFormats };
}

/** The ledger with its 专题研究 sheet grown to `rows` rows (title and header rows included). */
export function ledgerWithRows(grid: WorkbookGrid, rows: number): WorkbookGrid {
  const target = grid.sheets.findIndex((s) => s.name.includes('专题研究'));
  if (target < 0) throw new Error('台账中没有“专题研究”工作表');
  return { ...grid, sheets: grid.sheets.map((s, i) => (i === target ? grownSheet(s, rows) : s)) };
}

export interface ReadFigure {
  /** Rows of all sheets together. */
  rows: number;
  syncs: number;
  milliseconds: number;
}

/** Reads the workbook through the adapter on a fresh fake host; counts its `context.sync()` calls. */
export async function readFigure(grid: WorkbookGrid, options?: FakeOptions): Promise<ReadFigure> {
  const host = new FakeExcelHost(stateFromGrid(grid), options);
  const started = performance.now();
  await excelHost(host.run, host.features).readWorkbook();
  return {
    rows: grid.sheets.reduce((n, s) => n + s.values.length, 0),
    syncs: host.syncs,
    milliseconds: Math.round(performance.now() - started),
  };
}
