import { describe, expect, it } from 'vitest';
import { excelHost } from '../../addin/excel/adapter';
import { sameFindings } from '../../addin/pane/recheck';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';
import { FakeExcelHost } from './fake/fakeExcel';
import { stateFromGrid } from './fake/state';

const asOf = '2026-07-20';

async function checkedSample() {
  const fake = new FakeExcelHost(stateFromGrid(await readWorkbookFile('templates/示例台账.xlsx')));
  const host = excelHost(fake.run, fake.features);
  const check = async () => validateGrid(await host.readWorkbook(), { asOf }).findings;
  return { fake, host, check, shown: await check() };
}

describe('checking again before writing', () => {
  it('finds the same findings in a workbook nobody touched, and others once the clerk inserted or deleted rows', async () => {
    const { fake, check, shown } = await checkedSample();
    expect(sameFindings(shown, await check())).toBe(true);
    fake.insertRows('学习培训', 2);
    expect(sameFindings(shown, await check())).toBe(false);
    fake.deleteRows('学习培训', 2);
    expect(sameFindings(shown, await check())).toBe(true);
    fake.deleteRows('二、分析研判', 8);
    expect(sameFindings(shown, await check())).toBe(false);
  });

  it('marks the problem cells from the new check, where the old one would mark other records', async () => {
    const { fake, host, check, shown } = await checkedSample();
    fake.insertRows('学习培训', 2, 3);
    const now = await check();
    await host.applyMarks(now);
    const noted = (sheet: string) =>
      Object.entries(fake.sheet(sheet).cells)
        .filter(([, cell]) => cell.note?.startsWith('【台账校验】'))
        .map(([address]) => address)
        .sort();
    const at = (findings: typeof now) => [...new Set(findings.filter((f) => f.sheet === '学习培训').map((f) => f.cell))].sort();
    expect(noted('学习培训')).toEqual(at(now));
    expect(at(now)).not.toEqual(at(shown));
  });
});
