import ExcelJS from 'exceljs';
import { createRequire } from 'node:module';
import { columnNumber } from '../../ledger/grid/address';
import type { CellValue, MergedRange, SheetGrid, WorkbookGrid } from '../../ledger/grid/types';

/**
 * The project's first reader, kept here as the reference the new one is held to: exceljs loads the
 * workbook and every shape of exceljs cell value becomes a grid value. Only tests use it.
 */
const require = createRequire(import.meta.url);

/** exceljs knows the East Asian built-in formats 27–36 and 50–58 per locale only; give it zh-CN's. */
function installEastAsianFormats(): void {
  const xform = require('exceljs/lib/xlsx/xform/style/numfmt-xform.js') as { getDefaultFmtCode(id: number): string | undefined };
  const defaults = require('exceljs/lib/xlsx/defaultnumformats.js') as Record<string, { 'zh-cn'?: string }>;
  const original = xform.getDefaultFmtCode.bind(xform);
  xform.getDefaultFmtCode = (id: number) => original(id) ?? defaults[id]?.['zh-cn'];
}

const msPerDay = 86_400_000;
const unixEpochSerial = 25569;
const offset1904 = 1462;

function dateToSerial(date: Date, date1904: boolean): number {
  const serial = date.getTime() / msPerDay + unixEpochSerial;
  return date1904 ? serial - offset1904 : serial;
}

const richText = (value: { richText: Array<{ text: string }> }) => value.richText.map((run) => run.text).join('');

function plainValue(value: ExcelJS.CellValue, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateToSerial(value, date1904);
  if ('richText' in value) return richText(value);
  if ('error' in value) return value.error;
  if ('hyperlink' in value) {
    const text = value.text as unknown;
    return typeof text === 'object' && text !== null && 'richText' in text
      ? richText(text as { richText: Array<{ text: string }> })
      : String(text ?? '');
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? null : plainValue(result, date1904);
  }
  return null;
}

function parseRange(ref: string): MergedRange | null {
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/u.exec(ref);
  return m ? { top: Number(m[2]), left: columnNumber(m[1]), bottom: Number(m[4]), right: columnNumber(m[3]) } : null;
}

function sheetGrid(ws: ExcelJS.Worksheet, date1904: boolean): SheetGrid {
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const rowValues: CellValue[] = [];
    const rowFormats: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const value = plainValue(cell.value, date1904);
      if (value === null) return;
      rowValues[column - 1] = value;
      rowFormats[column - 1] = cell.numFmt ?? '';
    });
    if (rowValues.length === 0) return;
    values[rowNumber - 1] = rowValues;
    numberFormats[rowNumber - 1] = rowFormats;
  });
  for (let r = 0; r < values.length; r++) {
    values[r] = Array.from(values[r] ?? [], (v) => v ?? null);
    numberFormats[r] = Array.from(numberFormats[r] ?? [], (f) => f ?? '');
  }
  const merges = (ws.model.merges ?? []).map(parseRange).filter((m): m is MergedRange => m !== null);
  return { name: ws.name, origin: { row: 1, column: 1 }, values, numberFormats, merges };
}

export async function readWithExceljs(bytes: Uint8Array, name: string): Promise<WorkbookGrid> {
  installEastAsianFormats();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const date1904 = Boolean(workbook.properties?.date1904);
  return { name, date1904, sheets: workbook.worksheets.map((ws) => sheetGrid(ws, date1904)) };
}
