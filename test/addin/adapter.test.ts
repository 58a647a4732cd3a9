import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeHostError, excelHost, hostFeatures } from '../../addin/excel/adapter';
import { noteMembers } from '../../addin/excel/api';
import { hostErrorMessage } from '../../addin/excel/hostErrors';
import { findingsWorkbook } from '../../addin/page/xlsx/findingsWorkbook';
import { OwnWorkbookError } from '../../ledger/errors';
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

  it('reads a 校验结果 download opened in Excel as it is, so the clerk is told what it is', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'taizhang-results-')), '台账-校验结果.xlsx');
    await writeFile(path, findingsWorkbook([]));
    const { host } = await hostFor(path);
    const grid = await host.readWorkbook();
    expect(grid.sheets.map((s) => s.name)).toEqual(['校验结果']);
    expect(() => validateGrid(grid, { asOf })).toThrow(OwnWorkbookError);
    expect(() => validateGrid(grid, { asOf })).toThrow('是台账助手生成的校验结果表，不是台账');
    // In a ledger the 校验结果 sheet the pane wrote is left out, as before.
    const { fake, host: ledgerHost } = await hostFor(sample);
    fake.state.sheets.push({ ...fake.sheet('问责追究'), name: '校验结果' });
    expect((await ledgerHost.readWorkbook()).sheets.map((s) => s.name)).not.toContain('校验结果');
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

  for (const mergedAreas of ['topLeft', 'clipped'] as const)
    it(`reads merges across the edges of the bands merges are asked in, with Excel returning them ${mergedAreas} (#3611)`, async () => {
      // Eight columns: merges are asked 64 rows at a time, so rows 65 and 129 start bands.
      const merges = [
        { top: 50, left: 3, bottom: 140, right: 4 },
        { top: 60, left: 1, bottom: 70, right: 1 },
        { top: 63, left: 2, bottom: 64, right: 2 },
        { top: 64, left: 5, bottom: 65, right: 5 },
        // Meets the merge above at a band's edge with an empty first cell, as a cut merge would.
        { top: 65, left: 2, bottom: 66, right: 2 },
        { top: 127, left: 6, bottom: 130, right: 7 },
      ];
      const hidden = (row: number, column: number) =>
        merges.some((m) => row >= m.top && row <= m.bottom && column >= m.left && column <= m.right && (row > m.top || column > m.left));
      const cells: Record<string, { value: string }> = {};
      for (let row = 1; row <= 200; row++)
        for (let column = 1; column <= 8; column++)
          if (!hidden(row, column) && !(row === 65 && column === 2))
            cells[`${String.fromCharCode(64 + column)}${row}`] = { value: `${row}` };
      const fake = new FakeExcelHost(
        {
          name: 'x.xlsx',
          date1904: false,
          sheets: [{ name: '表', cells, merges, frozenRows: 0, columnWidths: {} }],
          customXmlParts: [],
          activeSheet: '表',
          selection: null,
        },
        { mergedAreas },
      );
      const grid = await excelHost(fake.run, fake.features).readWorkbook();
      expect(grid.sheets[0].merges).toEqual([...merges].sort((a, b) => a.top - b.top || a.left - b.left));
    });

  it('reads a sheet of long Chinese texts on Excel on the web in answers under 5 MB, as the desktop does in one', async () => {
    const grid = ledgerWithRows(await readWorkbookFile(sample), 5_000);
    const sheet = grid.sheets.find((s) => s.name.includes('专题研究'))!;
    // Three text columns of about 170 characters each: some 7.6 MB in one answer.
    sheet.values = sheet.values.map((row, r) =>
      r < 3 ? row : row.map((v, c) => (c >= 2 && c <= 4 ? `第${r}行：${'围绕意识形态工作责任制落实情况开展专题研究，'.repeat(8)}` : v)),
    );
    const desktop = new FakeExcelHost(stateFromGrid(grid));
    const expected = await excelHost(desktop.run, desktop.features).readWorkbook();
    expect(desktop.syncs).toBe(3);
    const web = new FakeExcelHost(stateFromGrid(grid), { web: true });
    const read = await excelHost(web.run, web.features).readWorkbook();
    expect(read).toEqual(expected);
    expect(web.syncs).toBeGreaterThan(4);
    expect(web.syncs).toBeLessThan(10);
    expect(toJsonReport(validateGrid(read, { asOf }))).toEqual(toJsonReport(validateGrid(grid, { asOf })));
  });

  it('reads 600 vertical merges exactly as the CLI reads the same file, past the 512 a call may return', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(sample);
    const extra = book.addWorksheet('分组登记');
    extra.addRow(['日期', '序号', '内容']);
    for (let i = 0; i < 600; i++) {
      const top = 2 + 2 * i;
      extra.getCell(`A${top}`).value = `2026年${(i % 12) + 1}月`;
      extra.getCell(`B${top}`).value = i + 1;
      extra.getCell(`C${top}`).value = `记录${i + 1}`;
      extra.getCell(`C${top + 1}`).value = `补充${i + 1}`;
      extra.mergeCells(`A${top}:A${top + 1}`);
    }
    const dir = await mkdtemp(join(tmpdir(), 'taizhang-merges-'));
    const path = join(dir, '合并单元格.xlsx');
    await book.xlsx.writeFile(path);
    const fromFile = await readWorkbookFile(path);
    const fake = new FakeExcelHost(stateFromGrid(fromFile));
    const read = await excelHost(fake.run, fake.features).readWorkbook();
    const merges = (g: typeof read) => g.sheets.find((s) => s.name === '分组登记')?.merges;
    expect(merges(read)).toHaveLength(600);
    expect(merges(read)).toEqual(merges(fromFile));
    expect(fake.syncs).toBe(3);
    const cli = taizhang(['validate', path, '--as-of', asOf, '--format', 'json']);
    expect(toJsonReport(validateGrid(read, { asOf }))).toEqual(JSON.parse(cli.stdout));
  });
});

describe('adapter: what the pane may use and say', () => {
  it('uses notes only where the host supports them and the loaded office.js has them', () => {
    const library = Object.fromEntries(
      Object.entries(noteMembers).map(([name, members]) => [name, { prototype: Object.fromEntries(members.map((m) => [m, null])) }]),
    );
    expect(hostFeatures(true, library)).toEqual({ notes: true });
    expect(hostFeatures(false, library)).toEqual({ notes: false });
    expect(hostFeatures(true, { Worksheet: class {} })).toEqual({ notes: false });
    expect(hostFeatures(true, undefined)).toEqual({ notes: false });
  });

  it('never shows the clerk English: a TypeError or an Office error becomes Chinese, reading told from writing', async () => {
    const typeError = new TypeError("Cannot read properties of undefined (reading 'getItemOrNullObject')");
    const office = Object.assign(new Error('The request payload size has exceeded the limit.'), {
      code: 'RequestPayloadSizeLimitExceeded',
    });
    const messages = [
      hostErrorMessage('mark', typeError),
      hostErrorMessage('read', office),
      hostErrorMessage('write', office),
      hostErrorMessage('clear', { code: 'AccessDenied' }),
      describeHostError(typeError),
    ];
    for (const m of messages) expect(m.replace(/Excel|taizhang validate/gu, '')).not.toMatch(/[A-Za-z]{2,}/u);
    expect(messages[1]).toMatch(/^读取工作簿未完成/u);
    expect(messages[2]).toMatch(/^写入“校验结果”工作表未完成/u);
    const broken = new FakeExcelHost(stateFromGrid(await readWorkbookFile(sample)));
    broken.failAtWrite = 1;
    const failure = excelHost(broken.run, broken.features).writeResultSheet(validateGrid(await readWorkbookFile(sample), { asOf }));
    await expect(failure).rejects.toThrow(/^写入“校验结果”工作表未完成。/u);
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
