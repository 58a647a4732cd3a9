/**
 * Excel 2019 and other hosts below ExcelApi 1.13: the pane reads the workbook's own file through
 * getFileAsync and the project's reader, marks by fill colour (ExcelApi 1.1) and jumps by
 * `range.select()`. The fake Excel is held to ExcelApi 1.7, so a call above it fails as Excel's would;
 * the fake file follows Microsoft's documentation, under both models of unsaved edits.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { excelHost } from '../../addin/excel/adapter';
import type { HostFeatures } from '../../addin/excel/api';
import { featureNotice, hostCapabilities } from '../../addin/excel/capabilities';
import { workbookFileBytes } from '../../addin/excel/fileBytes';
import { toJsonReport } from '../../ledger/jsonReport';
import { readWorkbookBytes } from '../../ledger/read/portable';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';
import { taizhang } from '../helpers/cli';
import { FakeExcelHost } from './fake/fakeExcel';
import type { UnsavedEdits } from './fake/fakeFile';
import { FakeFileDocument } from './fake/fakeFile';
import { stateFromGrid } from './fake/state';

const asOf = '2026-07-20';
const ledgers = ['templates/示例台账.xlsx', 'test/fixtures/libreoffice-ledger.xlsx', 'test/fixtures/wps-style.xlsx'];

/** What hostCapabilities makes of Office 2019's ExcelApi 1.7 with office.js 1.1.110. */
const office2019: HostFeatures = { notes: false, cellProperties: false, readsFile: true };

async function office2019Host(path: string, unsaved: UnsavedEdits = 'saved') {
  const bytes = new Uint8Array(await readFile(path));
  const fake = new FakeExcelHost(stateFromGrid(await readWorkbookFile(path)), { features: office2019, excelApi: 7 });
  const file = new FakeFileDocument(bytes, { unsaved });
  return { fake, file, host: excelHost(fake.run, fake.features, file) };
}

/** The ledger with one date cell of a record made text: a change the check must see. */
async function editedLedger(path: string): Promise<{ bytes: Uint8Array; sheet: string; cell: string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  for (const ws of workbook.worksheets.slice(1)) {
    for (let r = 4; r <= ws.rowCount; r++) {
      const cell = ws.getRow(r).values;
      const at = Array.isArray(cell) ? cell.findIndex((v) => v instanceof Date) : -1;
      if (at < 0) continue;
      ws.getRow(r).getCell(at).value = '待定';
      return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), sheet: ws.name, cell: ws.getRow(r).getCell(at).address };
    }
  }
  throw new Error('no date cell in a record');
}

describe('capabilities: what each Excel may use', () => {
  const sets = (max: number) => ({ isSetSupported: (name: string, v = '1.1') => name === 'ExcelApi' && Number(v.split('.')[1]) <= max });
  const library = {
    Range: class {
      getMergedAreasOrNullObject() {}
      getCellProperties() {}
      setCellProperties() {}
    },
  };

  it('reads the file and marks by colour at ExcelApi 1.7, the cells at 1.13, whole fills from 1.9', () => {
    expect(hostCapabilities(sets(7), library)).toEqual(office2019);
    expect(hostCapabilities(sets(9), library)).toEqual({ notes: false, cellProperties: true, readsFile: true });
    expect(hostCapabilities(sets(14), library)).toEqual({ notes: false, cellProperties: true, readsFile: false });
  });

  it('uses a capability only where the loaded office.js has it too', () => {
    expect(hostCapabilities(sets(18), { Range: class {} })).toEqual({ notes: false, cellProperties: false, readsFile: true });
  });

  it('tells the clerk what this Excel cannot do', () => {
    const notice = featureNotice(office2019);
    expect(notice).toContain('本机 Excel 不支持注释，标注只加底色');
    expect(notice).toContain('请先保存');
    expect(featureNotice({ notes: true, cellProperties: true, readsFile: false })).toBe('');
  });
});

describe('reading the workbook through getFileAsync (Excel 2019, ExcelApi 1.7)', () => {
  it.each(ledgers)('finds in %s exactly what the CLI finds', async (path) => {
    const { host } = await office2019Host(path);
    const report = toJsonReport(validateGrid(await host.readWorkbook(), { asOf }));
    const cli = taizhang(['validate', path, '--as-of', asOf, '--format', 'json']);
    expect(cli.stderr).toBe('');
    expect(report).toEqual(JSON.parse(cli.stdout));
  });

  it('never asks a 1.7 host for merged areas: the cell reader fails there as Excel would', async () => {
    const path = ledgers[0];
    const { fake } = await office2019Host(path);
    const cells = excelHost(fake.run, { ...office2019, readsFile: false });
    await expect(cells.readWorkbook()).rejects.toThrow('读取工作簿未完成');
  });

  it('joins the slices in order and closes the file, also when a slice fails', async () => {
    const bytes = new Uint8Array(await readFile(ledgers[0]));
    const file = new FakeFileDocument(bytes, { unsaved: 'saved' });
    expect(await workbookFileBytes(file, 4096)).toEqual(bytes);
    expect(Math.ceil(bytes.length / 4096)).toBeGreaterThan(3);
    expect(file.open).toBe(0);
    // Two files open at once is the documented most: every read closed its file, so a third works.
    for (let i = 0; i < 3; i++) await workbookFileBytes(file);
    expect(file.sliceSizes.slice(1)).toEqual([4_194_304, 4_194_304, 4_194_304]);
    const failing = new FakeFileDocument(bytes, { unsaved: 'saved', failSlice: 2 });
    await expect(workbookFileBytes(failing, 4096)).rejects.toThrow('本机 Excel 没有交出工作簿文件');
    expect(failing.open).toBe(0);
  });

  it('says in Chinese what to do when Excel refuses the file (Permission Denied, #757)', async () => {
    const { fake } = await office2019Host(ledgers[0]);
    const refusing = new FakeFileDocument(new Uint8Array(), { unsaved: 'saved', refuse: true });
    const error = await excelHost(fake.run, fake.features, refusing)
      .readWorkbook()
      .catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^读取工作簿未完成：本机 Excel 没有交出工作簿文件。.*台账助手\.html/u);
  });

  it('names the file in the reader’s own refusal', async () => {
    const { fake } = await office2019Host(ledgers[0]);
    const notXlsx = new FakeFileDocument(new TextEncoder().encode('not a workbook'), { unsaved: 'saved' });
    await expect(excelHost(fake.run, fake.features, notXlsx).readWorkbook()).rejects.toThrow(`无法读取“${fake.state.name}”：不是 .xlsx`);
  });

  it.each<UnsavedEdits>(['saved', 'live'])(
    'with unsaved edits (model: the file holds the %s workbook) the findings are those of that file, and the clerk is asked to save',
    async (unsaved) => {
      const path = ledgers[0];
      const { fake, host, file } = await office2019Host(path, unsaved);
      const edited = await editedLedger(path);
      const before = validateGrid(await readWorkbookBytes(new Uint8Array(await readFile(path)), fake.state.name), { asOf });
      const after = validateGrid(await readWorkbookBytes(edited.bytes, fake.state.name), { asOf });
      const at = (r: typeof before) => r.findings.filter((f) => f.sheet === edited.sheet && f.cell === edited.cell).length;
      expect(at(after)).toBeGreaterThan(at(before));

      file.edit(edited.bytes);
      const unsavedCheck = validateGrid(await host.readWorkbook(), { asOf });
      expect(at(unsavedCheck)).toBe(unsaved === 'live' ? at(after) : at(before));
      expect(featureNotice(host.features)).toContain('改动台账后请先保存（Ctrl+S）');

      file.save();
      expect(at(validateGrid(await host.readWorkbook(), { asOf }))).toBe(at(after));
    },
  );
});

describe('marks on ExcelApi 1.7: fills by colour alone (ExcelApi 1.1)', () => {
  it('marks by format.fill, restores a coloured fill and clears where there was none', async () => {
    const path = ledgers[0];
    const { fake, host } = await office2019Host(path);
    const result = validateGrid(await host.readWorkbook(), { asOf });
    const targets = result.findings.filter((f) => fake.state.sheets.some((s) => s.name === f.sheet)).slice(0, 2);
    expect(targets).toHaveLength(2);
    const [coloured, plain] = targets;
    const green = { color: '#00B050', pattern: 'Solid', patternColor: null, tintAndShade: 0, patternTintAndShade: 0 };
    fake.sheet(coloured.sheet).cells[coloured.cell] = { ...(fake.cell(coloured.sheet, coloured.cell) ?? { value: '' }), fill: green };

    const outcome = await host.applyMarks(targets);
    expect(outcome.marked).toBe(2);
    for (const t of targets) expect(fake.cell(t.sheet, t.cell)?.fill?.pattern).toBe('Solid');
    expect(fake.cell(plain.sheet, plain.cell)?.fill?.color).not.toBe('#FFFFFF');
    expect(fake.cell(plain.sheet, plain.cell)?.note).toBeUndefined();

    const cleared = await host.clearMarks();
    expect(cleared.restored).toBe(2);
    expect(fake.cell(coloured.sheet, coloured.cell)?.fill?.color).toBe('#00B050');
    expect(fake.cell(plain.sheet, plain.cell)?.fill).toBeUndefined();
  });

  it('jumps to a finding by range.select()', async () => {
    const { fake, host } = await office2019Host(ledgers[0]);
    const [finding] = validateGrid(await host.readWorkbook(), { asOf }).findings;
    expect(await host.selectCell(finding.sheet, finding.cell)).toBe(true);
    expect(fake.state.selection).toEqual({ sheet: finding.sheet, address: finding.cell });
  });
});
