import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import type { ValidationResult } from '../../ledger/model';
import { validateGrid } from '../../ledger/validate';

/** A cell as a test writes it: a Date becomes a real Excel date cell, anything else is written as is. */
export type TestCell = string | number | boolean | Date | null | undefined;

export interface TestSheet {
  /** Rows written above the header (a title, a unit line); the first is merged across the header. */
  above?: string[];
  headers: string[];
  rows: TestCell[][];
  /** Extra merged ranges, such as `B5:B6`. */
  merges?: string[];
}

/** A workbook description: sheet name → sheet. The settings sheet is a sheet like any other. */
export type TestLedger = Record<string, TestSheet>;

export const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
export const moment = (iso: string): Date => new Date(`${iso}:00Z`);

/** Rows for 基本信息 from a key → value map. */
export function settingsSheet(values: Record<string, TestCell>): TestSheet {
  return { headers: ['项目', '内容'], rows: Object.entries(values).map(([k, v]) => [k, v]) };
}

export async function ledgerBytes(ledger: TestLedger): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, sheet] of Object.entries(ledger)) {
    const ws = workbook.addWorksheet(name);
    const above = sheet.above ?? [];
    above.forEach((text, i) => {
      ws.getCell(i + 1, 1).value = text;
      if (i === 0 && sheet.headers.length > 1) ws.mergeCells(1, 1, 1, sheet.headers.length);
    });
    const headerRow = above.length + 1;
    sheet.headers.forEach((h, i) => (ws.getCell(headerRow, i + 1).value = h));
    sheet.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === undefined || value === null) return;
        const cell = ws.getCell(headerRow + 1 + r, c + 1);
        cell.value = value;
        if (value instanceof Date) {
          cell.numFmt = value.getUTCHours() + value.getUTCMinutes() > 0 ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd';
        }
      });
    });
    for (const range of sheet.merges ?? []) ws.mergeCells(range);
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const scratch = mkdtempSync(join(tmpdir(), 'taizhang-test-'));
let written = 0;

/** Writes the workbook to a real .xlsx file and returns its path. */
export async function writeLedger(ledger: TestLedger, name = `ledger-${++written}.xlsx`): Promise<string> {
  const path = join(scratch, name);
  await writeFile(path, await ledgerBytes(ledger));
  return path;
}

/** Writes, reads back from disk and validates: the whole pipeline a clerk's file goes through. */
export async function validateLedger(ledger: TestLedger, asOf: string): Promise<ValidationResult> {
  return validateGrid(await readWorkbookFile(await writeLedger(ledger)), { asOf });
}
