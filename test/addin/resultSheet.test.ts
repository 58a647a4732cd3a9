import { describe, expect, it } from 'vitest';
import { excelHost } from '../../addin/excel/adapter';
import { resultHeader, resultSheetName } from '../../addin/excel/resultSheet';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';
import { FakeExcelHost, payloadLimit } from './fake/fakeExcel';
import { stateFromGrid } from './fake/state';

const asOf = '2026-07-20';

async function validatedSample() {
  const fake = new FakeExcelHost(stateFromGrid(await readWorkbookFile('templates/示例台账.xlsx')));
  // Text a clerk typed that Excel would take for formulas if it were written as it stands.
  fake.sheet('学习培训').cells.B6 = { value: '=1+1' };
  fake.sheet('学习培训').cells.D6 = { value: '-3' };
  const host = excelHost(fake.run, fake.features);
  const result = validateGrid(await host.readWorkbook(), { asOf });
  return { fake, host, result };
}

describe('校验结果 sheet', () => {
  it('lists every finding with a link to its cell: 序号 as numbers, everything else as text', async () => {
    const { fake, host, result } = await validatedSample();
    fake.syncs = 0;
    await host.writeResultSheet(result);
    expect(fake.syncs).toBe(2);
    const sheet = fake.sheet(resultSheetName);
    expect(fake.state.activeSheet).toBe(resultSheetName);
    expect(sheet.frozenRows).toBe(2);
    expect(String(sheet.cells.A1.value)).toContain(`错误 ${result.summary.error} 项`);
    expect(resultHeader.map((_, c) => sheet.cells[`${String.fromCharCode(65 + c)}2`].value)).toEqual([...resultHeader]);
    result.findings.forEach((f, i) => {
      const row = i + 3;
      expect(sheet.cells[`A${row}`]).toMatchObject({ value: i + 1, numberFormat: 'General' });
      expect(sheet.cells[`D${row}`].value).toBe(f.sheet);
      expect(sheet.cells[`E${row}`].hyperlink).toEqual({
        documentReference: `'${f.sheet}'!${f.cell}`,
        textToDisplay: f.cell,
        screenTip: '转到该单元格',
      });
      expect(sheet.cells[`H${row}`].value).toBe(f.message);
    });
    const cells = Object.values(sheet.cells);
    expect(cells.filter((c) => c.formula !== undefined)).toEqual([]);
    expect(cells.filter((c) => typeof c.value !== 'number').every((c) => c.numberFormat === '@')).toBe(true);
    expect(cells.filter((c) => typeof c.value === 'number')).toHaveLength(result.findings.length);
    const typed = result.findings.findIndex((f) => f.value === '=1+1');
    expect(typed).toBeGreaterThanOrEqual(0);
    expect(sheet.cells[`G${typed + 3}`].value).toBe('=1+1');
  });

  it('replaces the sheet on a second write and is not read back as part of the ledger', async () => {
    const { fake, host, result } = await validatedSample();
    await host.writeResultSheet(result);
    await host.writeResultSheet(result);
    expect(fake.state.sheets.filter((s) => s.name === resultSheetName)).toHaveLength(1);
    const again = await host.readWorkbook();
    expect(again.sheets.map((s) => s.name)).not.toContain(resultSheetName);
    expect(validateGrid(again, { asOf }).findings).toEqual(result.findings);
  });

  it('writes 20,000 long findings on Excel on the web in requests under 5 MB', async () => {
    const { result } = await validatedSample();
    const finding = result.findings[0];
    const many = {
      ...result,
      findings: Array.from({ length: 20_000 }, (_, i) => ({
        ...finding,
        cell: `B${i + 6}`,
        message: `第 ${i + 1} 条：${'活动日期晚于校验日期，请核对是否填写有误。'.repeat(5)}`,
      })),
    };
    const web = new FakeExcelHost(stateFromGrid(await readWorkbookFile('templates/示例台账.xlsx')), { web: true });
    await excelHost(web.run, web.features).writeResultSheet(many);
    expect(Math.max(...web.requests)).toBeLessThanOrEqual(payloadLimit);
    expect(web.syncs).toBeGreaterThan(3);
    const sheet = web.sheet(resultSheetName);
    expect(sheet.cells.H20002.value).toBe(many.findings[19_999].message);
    expect(sheet.cells.E20002.hyperlink?.documentReference).toBe(`'${finding.sheet}'!B20005`);
    expect(sheet.frozenRows).toBe(2);
  });
});
