import { describe, expect, it } from 'vitest';
import { excelHost } from '../../addin/excel/adapter';
import { toJsonReport } from '../../ledger/jsonReport';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';
import { taizhang } from '../helpers/cli';
import { FakeExcelHost } from './fake/fakeExcel';
import { stateFromGrid } from './fake/state';
import { ledgerWithRows, readFigure } from './syncCounts';

const asOf = '2026-07-20';
const sample = 'templates/示例台账.xlsx';
const ledgers = [
  sample,
  'test/fixtures/libreoffice-ledger.xlsx',
  'test/fixtures/openpyxl-ledger.xlsx',
  'test/fixtures/openpyxl-1904.xlsx',
  'test/fixtures/wps-style.xlsx',
];

async function hostFor(path: string, options?: ConstructorParameters<typeof FakeExcelHost>[1]) {
  const fake = new FakeExcelHost(stateFromGrid(await readWorkbookFile(path)), options);
  return { fake, host: excelHost(fake.run, fake.features) };
}

describe('adapter: reading the open workbook', () => {
  it.each(ledgers)('finds in %s exactly what the CLI finds', async (path) => {
    const { host } = await hostFor(path);
    const report = toJsonReport(validateGrid(await host.readWorkbook(), { asOf }));
    const cli = taizhang(['validate', path, '--as-of', asOf, '--format', 'json']);
    expect(cli.stderr).toBe('');
    expect(report).toEqual(JSON.parse(cli.stdout));
  });

  it('reads the used range of each sheet with its origin, Office-style empties and merges', async () => {
    const { fake, host } = await hostFor(sample);
    // A value far from the rest: the used range then starts at row 1 but reaches to column M.
    fake.sheet('问责追究').cells.M30 = { value: '备查' };
    const grid = await host.readWorkbook();
    const sheet = grid.sheets.find((s) => s.name === '问责追究');
    expect(sheet?.origin).toEqual({ row: 1, column: 1 });
    expect(sheet?.values).toHaveLength(30);
    expect(sheet?.values[29][12]).toBe('备查');
    expect(sheet?.values[29][0]).toBe('');
    expect(sheet?.numberFormats[29][0]).toBe('General');
    const inspection = grid.sheets.find((s) => s.name === '４．检查抽查');
    expect(inspection?.merges).toContainEqual({ top: 5, left: 2, bottom: 6, right: 2 });
  });

  it('starts a sheet whose data begins at C4 at that origin', async () => {
    const fake = new FakeExcelHost({
      name: 'x.xlsx',
      date1904: false,
      sheets: [
        {
          name: '表',
          cells: { C4: { value: 'a' }, D5: { value: 1, numberFormat: 'yyyy-mm-dd' } },
          merges: [],
          frozenRows: 0,
          columnWidths: {},
        },
      ],
      customXmlParts: [],
      activeSheet: '表',
      selection: null,
    });
    const grid = await excelHost(fake.run, fake.features).readWorkbook();
    expect(grid.sheets[0]).toEqual({
      name: '表',
      origin: { row: 4, column: 3 },
      values: [
        ['a', ''],
        ['', 1],
      ],
      numberFormats: [
        ['General', 'General'],
        ['General', 'yyyy-mm-dd'],
      ],
      merges: [],
    });
  });

  it('tells the 1904 date system from DATE(), which Excel answers in the workbook own system', async () => {
    const { host } = await hostFor('test/fixtures/openpyxl-1904.xlsx');
    expect((await host.readWorkbook()).date1904).toBe(true);
    const { host: plain } = await hostFor('test/fixtures/openpyxl-ledger.xlsx');
    expect((await plain.readWorkbook()).date1904).toBe(false);
  });

  it('makes as many round trips for a 100-row ledger as for a 20,000-row one', async () => {
    const grid = await readWorkbookFile(sample);
    const small = await readFigure(ledgerWithRows(grid, 100));
    const large = await readFigure(ledgerWithRows(grid, 20_000));
    expect(large.rows).toBeGreaterThan(20_000);
    expect(small.syncs).toBe(3);
    expect(large.syncs).toBe(small.syncs);
  });

  it('reads a 20,000-row sheet in blocks and joins a merge cut at a block boundary', async () => {
    const grid = ledgerWithRows(await readWorkbookFile(sample), 20_000);
    const sheet = grid.sheets.find((s) => s.name.includes('专题研究'));
    if (!sheet) throw new Error('no 专题研究');
    // Rows 4,999–5,002 merged in column H; a 8-column sheet is read 5,000 rows at a time.
    sheet.merges.push({ top: 4999, left: 8, bottom: 5002, right: 8 });
    for (const r of [5000, 5001, 5002]) sheet.values[r - 1][7] = null;
    const fake = new FakeExcelHost(stateFromGrid(grid));
    const read = await excelHost(fake.run, fake.features).readWorkbook();
    const got = read.sheets.find((s) => s.name === sheet.name);
    expect(got?.merges).toContainEqual({ top: 4999, left: 8, bottom: 5002, right: 8 });
    expect(got?.values).toHaveLength(20_000);
    expect(toJsonReport(validateGrid(read, { asOf }))).toEqual(toJsonReport(validateGrid(grid, { asOf })));
  });

  it('falls back to one block per round trip when Excel on the web refuses the whole answer', async () => {
    const grid = ledgerWithRows(await readWorkbookFile(sample), 12_000);
    const limited = new FakeExcelHost(stateFromGrid(grid), { web: true });
    const read = await excelHost(limited.run, limited.features).readWorkbook();
    expect(limited.syncs).toBeGreaterThan(3);
    expect(toJsonReport(validateGrid(read, { asOf }))).toEqual(toJsonReport(validateGrid(grid, { asOf })));
  });
});

describe('adapter: showing a finding', () => {
  it('activates the sheet and selects the cell', async () => {
    const { fake, host } = await hostFor(sample);
    expect(await host.selectCell('学习培训', 'B6')).toBe(true);
    expect(fake.state.activeSheet).toBe('学习培训');
    expect(fake.state.selection).toEqual({ sheet: '学习培训', address: 'B6' });
    expect(fake.syncs).toBe(1);
  });

  it('answers false for a sheet the workbook does not have', async () => {
    const { fake, host } = await hostFor(sample);
    expect(await host.selectCell('不存在', 'A1')).toBe(false);
    expect(fake.state.selection).toBeNull();
  });
});
