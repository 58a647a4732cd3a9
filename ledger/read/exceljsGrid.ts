import type ExcelJS from 'exceljs';
import { columnNumber } from '../grid/address';
import type { CellValue, MergedRange, SheetGrid, WorkbookGrid } from '../grid/types';

const msPerDay = 86_400_000;
/** Days from 1899-12-30 (serial 0 of the 1900 system) to 1970-01-01. */
const unixEpochSerial = 25569;
/** Days between the 1900 and 1904 date systems. */
const offset1904 = 1462;

/** exceljs hands dates back as UTC wall-clock `Date`s; Office.js as serials. We keep serials. */
function dateToSerial(date: Date, date1904: boolean): number {
  const serial = date.getTime() / msPerDay + unixEpochSerial;
  return date1904 ? serial - offset1904 : serial;
}

function hasTime(date: Date): boolean {
  return date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() > 0;
}

function richText(value: { richText: Array<{ text: string }> }): string {
  return value.richText.map((run) => run.text).join('');
}

/** One normaliser for every shape exceljs gives a cell value. */
function plainValue(value: ExcelJS.CellValue, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateToSerial(value, date1904);
  if ('richText' in value) return richText(value);
  if ('error' in value) return value.error;
  if ('hyperlink' in value) {
    const text = value.text as unknown;
    return typeof text === 'object' && text !== null && 'richText' in text ? richText(text as { richText: Array<{ text: string }> }) : String(text ?? '');
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? null : plainValue(result, date1904);
  }
  return null;
}

function parseRange(ref: string): MergedRange | null {
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/u.exec(ref);
  if (!m) return null;
  return { top: Number(m[2]), left: columnNumber(m[1]), bottom: Number(m[4]), right: columnNumber(m[3]) };
}

function sheetGrid(ws: ExcelJS.Worksheet, date1904: boolean): SheetGrid {
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const rowValues: CellValue[] = [];
    const rowFormats: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const raw = cell.value;
      const value = plainValue(raw, date1904);
      if (value === null) return;
      const result = raw instanceof Date ? raw : ((raw as { result?: unknown } | null)?.result ?? null);
      let format = cell.numFmt ?? '';
      if (result instanceof Date && format === '') format = hasTime(result) ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd';
      rowValues[column - 1] = value;
      rowFormats[column - 1] = format;
    });
    if (rowValues.length === 0) return;
    values[rowNumber - 1] = rowValues;
    numberFormats[rowNumber - 1] = rowFormats;
  });
  // Sparse arrays become dense, so every consumer may index any cell inside the grid.
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    const formats = numberFormats[r] ?? [];
    values[r] = Array.from(row, (v) => v ?? null);
    numberFormats[r] = Array.from(formats, (f) => f ?? '');
  }
  const merges = (ws.model.merges ?? []).map(parseRange).filter((m): m is MergedRange => m !== null);
  return { name: ws.name, origin: { row: 1, column: 1 }, values, numberFormats, merges };
}

/** An exceljs workbook as plain grids. */
export function exceljsToGrid(workbook: ExcelJS.Workbook, name: string): WorkbookGrid {
  const date1904 = Boolean(workbook.properties?.date1904);
  return { name, date1904, sheets: workbook.worksheets.map((ws) => sheetGrid(ws, date1904)) };
}
