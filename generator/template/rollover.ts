import type ExcelJS from 'exceljs';
import type { WorkbookGrid } from '../../ledger/grid/types';
import { normaliseWorkbook, type Normalised } from '../../ledger/normalise';
import { recordSheets } from '../../ledger/schema/sheets';

/** What `template --from` did, for the line the clerk reads. */
export interface Rollover {
  workbook: ExcelJS.Workbook;
  fromYear: number;
  year: number;
  /** Register sheets emptied below their header rows. */
  emptied: string[];
  /** Sheets carried over as they are (基本信息 with its year changed, 组织架构, the plan, any other). */
  kept: string[];
}

const chineseDigits = '〇一二三四五六七八九';

/**
 * A year as bureaus write it in titles: `2026`, `二〇二六`, `二零二六`; not where it begins a date
 * (`填报时间：2026年7月16日`), which a new year does not make true.
 */
function yearForms(year: number): Array<[RegExp, (next: number) => string]> {
  const digits = String(year);
  const chinese = [...digits].map((d) => chineseDigits[Number(d)]).join('');
  return [
    [new RegExp(`(?<!\\d)${digits}(?!\\d)(?!\\s*[-/年.]\\s*\\d{1,2}\\s*[-/月.])`, 'gu'), (next) => String(next)],
    [
      new RegExp(`${chinese.replaceAll('〇', '[〇零○]')}(?!年[一二三四五六七八九十]+月)`, 'gu'),
      (next) => [...String(next)].map((d) => chineseDigits[Number(d)]).join(''),
    ],
  ];
}

/** The text of a cell with the old year changed to the new one; null where it holds no year. */
function withYear(value: ExcelJS.CellValue, from: number, to: number): string | null {
  if (typeof value !== 'string') return null;
  let text = value;
  for (const [pattern, next] of yearForms(from)) text = text.replace(pattern, next(to));
  return text === value ? null : text;
}

/**
 * Each register sheet and the last row of its header: records of whatever topic start below it. A
 * topic may be kept in several sheets, and a combined register holds several topics on one sheet.
 */
function registerHeaders(normalised: Normalised): Map<string, number> {
  const headers = new Map<string, number>();
  const add = (name: string, row: number) => headers.set(name, Math.max(headers.get(name) ?? 0, row));
  for (const [key, where] of Object.entries(normalised.ledger.sheets)) {
    // 组织架构 lists the bureau's units, which stay from year to year; 基本信息 and the plan are carried over.
    if (key === 'organization' || !(key in recordSheets) || !where) continue;
    for (const sheet of [where, ...(where.also ?? [])]) if (sheet.headerRow > 0) add(sheet.name, sheet.headerRow);
  }
  for (const { sheet } of normalised.recognition.uncategorised) {
    const rows = Object.values(normalised.ledger.records).flatMap((list) => list.filter((r) => r.sheet === sheet).map((r) => r.row - 1));
    if (!headers.has(sheet) && rows.length > 0) add(sheet, Math.min(...rows));
  }
  return headers;
}

function emptyBelow(ws: ExcelJS.Worksheet, headerRow: number): void {
  // A date merged down a day's rows, or a record over several rows, leaves a merge that would only be
  // in the way of next year's rows.
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const top = Number(/\d+/u.exec(range.split(':')[0])?.[0]);
    if (top > headerRow) ws.unMergeCells(range);
  }
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    if (number <= headerRow) return;
    row.eachCell({ includeEmpty: false }, (cell) => {
      cell.value = null;
      cell.note = undefined as unknown as string;
    });
  });
}

/** Title rows name the year (`县XX局2026年…台账`): the new ledger's name the new year. */
function renameYear(ws: ExcelJS.Worksheet, lastTitleRow: number, from: number, to: number): void {
  for (let r = 1; r <= lastTitleRow; r++) {
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell) => {
      const text = withYear(cell.value, from, to);
      if (text !== null) cell.value = text;
    });
  }
}

/**
 * Next year's ledger from this year's, in the bureau's own layout: every register emptied below its
 * header, 基本信息's year changed, 组织架构, the mappings and any plan sheet carried over as they are.
 * The workbook is the bureau's own, so its column names and 列名映射 still meet.
 */
export async function rollover(bytes: Uint8Array, grid: WorkbookGrid, nextYear?: number): Promise<Rollover> {
  const { default: Excel } = await import('exceljs');
  // A ledger that names no year anywhere is taken as last year's when no year is asked for.
  const normalised = normaliseWorkbook(grid, (nextYear ?? new Date().getFullYear()) - 1);
  const fromYear = normalised.ledger.settings.台账年度;
  const year = nextYear ?? fromYear + 1;
  const workbook = new Excel.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const headers = registerHeaders(normalised);
  const settings = normalised.ledger.sheets.settings;
  const yearCell = normalised.settingPositions.get('台账年度');
  const emptied: string[] = [];
  const kept: string[] = [];
  for (const ws of workbook.worksheets) {
    const headerRow = headers.get(ws.name);
    if (headerRow !== undefined) {
      emptyBelow(ws, headerRow);
      renameYear(ws, headerRow - 1, fromYear, year);
      emptied.push(ws.name);
      continue;
    }
    if (settings && ws.name === settings.name && yearCell) ws.getCell(yearCell.row, yearCell.column).value = year;
    const own = normalised.ledger.sheets;
    const titleRows =
      (settings && ws.name === settings.name ? settings.headerRow : ws.name === own.organization?.name ? own.organization.headerRow : 0) -
      1;
    if (titleRows > 0) renameYear(ws, titleRows, fromYear, year);
    kept.push(ws.name);
  }
  workbook.created = new Date(Date.UTC(year, 0, 1));
  workbook.modified = new Date(Date.UTC(year, 0, 1));
  return { workbook, fromYear, year, emptied, kept };
}
