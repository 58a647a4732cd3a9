import { describe, expect, it } from 'vitest';
import { excelHost } from '../../addin/excel/adapter';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';
import { FakeExcelHost } from './fake/fakeExcel';
import type { FakeWorkbookState } from './fake/state';
import { reopen, stateFromGrid } from './fake/state';

const asOf = '2026-07-20';

async function hostFor(path: string) {
  const fake = new FakeExcelHost(stateFromGrid(await readWorkbookFile(path)));
  return { fake, host: excelHost(fake.run, fake.features) };
}

/** Every cell value of the workbook, as `sheet!A1`, except the cells named in `except`. */
function cellValues(state: FakeWorkbookState, except: readonly string[] = []): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const sheet of state.sheets)
    for (const [address, cell] of Object.entries(sheet.cells)) {
      const key = `${sheet.name}!${address}`;
      if (!except.includes(key)) values.set(key, cell.value);
    }
  return values;
}

describe('adapter: 保存对应关系', () => {
  it('adds 基本信息 with its header row where the workbook has none, and 一键校验 then follows the lines', async () => {
    const { fake, host } = await hostFor('test/fixtures/real-combined.xlsx');
    const before = reopen(fake.state);
    const unplaced = (findings: ReturnType<typeof validateGrid>['findings']) => findings.filter((f) => f.message.includes('阵地管理'));
    expect(unplaced(validateGrid(await host.readWorkbook(), { asOf }).findings)).not.toEqual([]);

    const checked = validateGrid(await host.readWorkbook(), { asOf });
    fake.syncs = 0;
    const outcome = await host.saveMappings([{ key: '类别映射', value: '学习培训=阵地管理' }], {
      单位名称: checked.unit,
      台账年度: checked.year,
    });
    expect(outcome).toEqual({ created: true, replaced: 0, added: 1 });
    expect(fake.syncs).toBe(2);
    const column = (letter: string) =>
      Object.entries(fake.sheet('基本信息').cells)
        .filter(([address]) => address.startsWith(letter))
        .map(([, cell]) => cell.value);
    expect(column('A')).toEqual(['项目', '单位名称', '台账年度', '党组书记', '分管领导', '责任部室', '类别映射']);
    expect(column('B')).toEqual(['内容', checked.unit, checked.year, '', '', '', '学习培训=阵地管理']);
    expect(checked.unit).not.toBe('');
    // Every other sheet as it was.
    expect({ ...fake.state, sheets: fake.state.sheets.filter((s) => s.name !== '基本信息') }).toEqual(before);

    const after = validateGrid(await host.readWorkbook(), { asOf });
    expect(unplaced(after.findings)).toEqual([]);
    // 单位名称 and 台账年度 still those of the title; the keys left for the clerk are pointed at.
    expect([after.unit, after.year]).toEqual([checked.unit, checked.year]);
    expect(after.findings.filter((f) => f.rule === 'D01').map((f) => `${f.sheet}!${f.cell}`)).toEqual([
      '基本信息!B4',
      '基本信息!B5',
      '基本信息!B6',
    ]);
  });

  it('replaces the 内容 of an existing row, appends the others below the last used row, and touches no other cell', async () => {
    const { fake, host } = await hostFor('templates/示例台账.xlsx');
    const before = cellValues(fake.state);
    expect(fake.cell('基本信息', 'A14')?.value).toBe('列名映射');

    fake.syncs = 0;
    const outcome = await host.saveMappings(
      [
        { key: '表名映射', value: '述职评议=问责追究' },
        { key: '列名映射', value: '专题汇报.听取人=听取领导；检查抽查.整改要求=整改情况' },
      ],
      { 单位名称: '县XX局', 台账年度: 2026 },
    );
    expect(outcome).toEqual({ created: false, replaced: 1, added: 1 });
    expect(fake.syncs).toBe(3);
    expect(fake.cell('基本信息', 'B14')?.value).toBe('专题汇报.听取人=听取领导；检查抽查.整改要求=整改情况');
    expect(fake.cell('基本信息', 'A15')?.value).toBe('表名映射');
    expect(fake.cell('基本信息', 'B15')?.value).toBe('述职评议=问责追究');
    const changed = ['基本信息!B14', '基本信息!A15', '基本信息!B15'];
    expect(cellValues(fake.state, changed)).toEqual(new Map([...before].filter(([key]) => !changed.includes(key))));

    const ledger = validateGrid(await host.readWorkbook(), { asOf }).ledger;
    expect(ledger.settings.表名映射).toBe('述职评议=问责追究');
    expect(ledger.settings.列名映射).toContain('检查抽查.整改要求=整改情况');
  });

  it('refuses a protected 基本信息 by name and changes nothing', async () => {
    const { fake, host } = await hostFor('templates/示例台账.xlsx');
    fake.sheet('基本信息').protected = true;
    const before = reopen(fake.state);
    await expect(
      host.saveMappings([{ key: '表名映射', value: '述职评议=问责追究' }], { 单位名称: '县XX局', 台账年度: 2026 }),
    ).rejects.toThrow(/工作表“基本信息”受保护，对应关系未保存/u);
    expect(fake.state).toEqual(before);
  });
});
