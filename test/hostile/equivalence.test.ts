import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SheetGrid } from '../../ledger/grid/types';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';
import { isDateFormat } from '../../ledger/values/date';
import { readWithExceljs } from './exceljsReference';

/** Every real workbook the project has: the producers' fixtures, the sample ledger and the blank template. */
const workbooks = [
  'test/fixtures/libreoffice-ledger.xlsx',
  'test/fixtures/openpyxl-ledger.xlsx',
  'test/fixtures/openpyxl-1904.xlsx',
  'test/fixtures/wps-style.xlsx',
  'templates/示例台账.xlsx',
  'templates/台账模板.xlsx',
];
const asOf = '2026-07-20';

/** A cell covered by a merge but not its top-left one: exceljs repeats the value there, Office.js does not. */
const coveredByMerge = (sheet: SheetGrid, row: number, column: number) =>
  sheet.merges.some(
    (m) => row >= m.top && row <= m.bottom && column >= m.left && column <= m.right && !(row === m.top && column === m.left),
  );

describe('the reader gives what exceljs gave', () => {
  for (const path of workbooks) {
    it(`${path}: the same findings, rule states and records`, async () => {
      const before = validateGrid(await readWithExceljs(new Uint8Array(readFileSync(path)), basename(path)), { asOf });
      const after = validateGrid(await readWorkbookFile(path), { asOf });
      expect(after.findings).toEqual(before.findings);
      expect(after.rules).toEqual(before.rules);
      expect(after.ledger).toEqual(before.ledger);
    });

    it(`${path}: the same cells, merges and date formats`, async () => {
      const before = await readWithExceljs(new Uint8Array(readFileSync(path)), basename(path));
      const after = await readWorkbookFile(path);
      expect(after.date1904).toBe(before.date1904);
      expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
      after.sheets.forEach((sheet, i) => {
        const old = before.sheets[i];
        expect(sheet.merges).toEqual(old.merges);
        expect(sheet.values.length).toBe(old.values.length);
        for (let r = 0; r < old.values.length; r++) {
          for (let c = 0; c < Math.max(old.values[r].length, sheet.values[r].length); c++) {
            const at = `${sheet.name}!R${r + 1}C${c + 1}`;
            if (coveredByMerge(sheet, r + 1, c + 1)) {
              expect(sheet.values[r][c] ?? null, at).toBeNull();
              continue;
            }
            const value = sheet.values[r][c] ?? null;
            const oldValue = old.values[r][c] ?? null;
            if (typeof oldValue === 'number') expect(value, at).toBeCloseTo(oldValue, 6);
            else expect(value, at).toBe(oldValue);
            expect(isDateFormat(sheet.numberFormats[r][c] ?? ''), at).toBe(isDateFormat(old.numberFormats[r][c] ?? ''));
          }
        }
      });
    });
  }
});
