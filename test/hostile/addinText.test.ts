import { describe, expect, it } from 'vitest';
import { excelHost } from '../../addin/excel/adapter';
import { resultSheetName } from '../../addin/excel/resultSheet';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';
import { FakeExcelHost } from '../addin/fake/fakeExcel';
import { stateFromGrid } from '../addin/fake/state';

/**
 * Whatever a clerk typed reaches the `校验结果` sheet in the finding's 单元格内容 column, and sheet names
 * and messages quote it too. Text that Excel would parse — `=`, `+`, `-`, `@` first — must land as text.
 */
const planted: Array<[sheet: string, cell: string, value: string]> = [
  ['二、分析研判', 'C5', '=HYPERLINK("http://example.invalid","点此")'],
  ['1.专题研究', 'B5', '+86 0551 1234567'],
  ['学习培训', 'F5', '-5'],
  ['４．检查抽查', 'C5', '@全体党员'],
  ['述职评议', 'C5', '=1+1'],
];

describe('the add-in writes typed text as text', () => {
  it('every cell of 校验结果 but the 序号 is text-formatted and none holds a formula, whatever the ledger holds', async () => {
    const fake = new FakeExcelHost(stateFromGrid(await readWorkbookFile('templates/示例台账.xlsx')));
    for (const [sheet, cell, value] of planted) fake.sheet(sheet).cells[cell] = { value };
    const host = excelHost(fake.run, fake.features);
    const result = validateGrid(await host.readWorkbook(), { asOf: '2026-07-20' });
    for (const [sheet, cell, value] of planted) {
      expect(
        result.findings.some((f) => f.sheet === sheet && f.cell === cell && f.value === value),
        `${sheet}!${cell}`,
      ).toBe(true);
    }
    await host.writeResultSheet(result);
    const cells = Object.entries(fake.sheet(resultSheetName).cells);
    expect(cells.length).toBeGreaterThan(result.findings.length);
    for (const [address, cell] of cells) {
      expect(cell.formula, address).toBeUndefined();
      // 序号 below the title and header is a number in the general format; everything else text.
      const serial = /^A(\d+)$/u.exec(address) !== null && Number(address.slice(1)) > 2;
      expect(cell.numberFormat, address).toBe(serial ? 'General' : '@');
      expect(serial ? typeof cell.value === 'number' : typeof cell.value === 'string' || cell.value === null, address).toBe(true);
    }
    const written = cells.map(([, cell]) => cell.value);
    for (const [, , value] of planted) expect(written).toContain(value);
    const risky = cells.filter(([, cell]) => typeof cell.value === 'string' && /^[=+\-@]/u.test(cell.value));
    expect(risky.length).toBeGreaterThanOrEqual(planted.length);
  });
});
