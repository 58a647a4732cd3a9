import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../ledger/jsonReport';
import { readLimits } from '../../ledger/read/limits';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { yearClosed } from '../helpers/compliantLedger';
import { sha256, taizhang, type CliRun } from '../helpers/cli';
import { compliantBytes, encryptedWorkbook, noise, partText, parts, rezip, sheetPart, withDeclaredSize, writeScratch } from './files';

/**
 * Hostile input through the real CLI: each case ends with the spec's exit code and a Chinese message,
 * never a stack trace, and the input file is left byte for byte as it was.
 */
const bin = resolve(import.meta.dirname, '../../build/taizhang.mjs');
const peakHook = resolve(import.meta.dirname, '../../bench/peak.mjs');

/** `taizhang validate` with the child's peak memory, as the benchmark measures it. */
function validateMeasured(path: string): CliRun & { peakMB: number } {
  const run = spawnSync(process.execPath, ['--import', peakHook, bin, 'validate', path, '--as-of', yearClosed, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, TAIZHANG_DEBUG: '' },
  });
  const peak = /\n?TAIZHANG_PEAK_RSS_KB=(\d+)\n/u.exec(run.stderr);
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.replace(peak?.[0] ?? '', ''), peakMB: Number(peak?.[1] ?? 0) / 1024 };
}

/** Exit 2, one Chinese line on stderr naming the file (and what else is given), nothing on stdout, the input untouched. */
function expectRefused(path: string, ...names: string[]): string {
  const before = sha256(path);
  const run = taizhang(['validate', path]);
  expect(run.status, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/[\u4e00-\u9fff]/u);
  expect(lines[0]).toContain(path.split('/').pop()!);
  for (const name of names) expect(lines[0]).toContain(name);
  expect(run.stderr).not.toMatch(/\n\s+at /u);
  expect(sha256(path)).toBe(before);
  return lines[0];
}

/** Exit 0 or 1 with a JSON report whose every finding names a sheet of the workbook, a cell and a Chinese message. */
function validated(path: string, sheets: readonly string[]): JsonReport {
  const before = sha256(path);
  const run = taizhang(['validate', path, '--as-of', yearClosed, '--format', 'json']);
  expect([0, 1], run.stderr).toContain(run.status);
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as JsonReport;
  for (const f of report.findings) {
    expect(sheets).toContain(f.sheet);
    expect(f.cell).toBe(`${f.column}${f.row}`);
    expect(f.message).toMatch(/[\u4e00-\u9fff]/u);
  }
  expect(run.status).toBe(report.summary.error > 0 ? 1 : 0);
  expect(sha256(path)).toBe(before);
  return report;
}

/** Where the structure and data findings stand; the plan's rules (R…) follow from them and are left aside. */
const dataFindings = (report: JsonReport) => report.findings.filter((f) => !f.rule.startsWith('R'));
const placed = (report: JsonReport) => dataFindings(report).map((f) => `${f.rule} ${f.sheet}!${f.cell}`);

/** The compliant ledger, altered cell by cell with exceljs. */
async function alteredLedger(name: string, change: (workbook: ExcelJS.Workbook) => void): Promise<{ path: string; sheets: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await compliantBytes()) as unknown as ArrayBuffer);
  change(workbook);
  const path = writeScratch(name, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  return { path, sheets: workbook.worksheets.map((ws) => ws.name) };
}

describe('files that are no readable workbook end with exit 2 and one Chinese line', () => {
  it('a truncated .xlsx', async () => {
    const bytes = await compliantBytes();
    expectRefused(writeScratch('截断.xlsx', bytes.subarray(0, Math.floor(bytes.length * 0.7))), '损坏或不完整');
  });

  it('an .xlsx whose sheet data is corrupted while its zip directory is intact', async () => {
    const bytes = (await compliantBytes()).slice();
    const name = new TextEncoder().encode('xl/worksheets/sheet3.xml');
    const at = bytes.findIndex(
      (_, i) => bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 3 && name.every((b, j) => bytes[i + 30 + j] === b),
    );
    bytes.set(noise(200, 3), at + 30 + name.length + 20);
    expectRefused(writeScratch('损坏.xlsx', bytes), '损坏或不完整');
  });

  it('random bytes named .xlsx', () => expectRefused(writeScratch('随机.xlsx', noise(65536, 5)), '不是 .xlsx'));

  it('random bytes behind a zip signature', () => {
    const bytes = noise(65536, 9);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    expectRefused(writeScratch('假压缩包.xlsx', bytes), '损坏或不完整');
  });

  it('a legacy .xls', () => expectRefused('test/fixtures/legacy.xls', '旧版 .xls'));

  it('a password-protected .xlsx (an encrypted OLE container)', () =>
    expectRefused(writeScratch('加密.xlsx', encryptedWorkbook()), '打开密码'));

  it('a zip that holds no workbook (a renamed .docx) and an empty zip', () => {
    expectRefused(writeScratch('文档.xlsx', rezip(new Map([['word/document.xml', '<w:document/>']]))), '不是 Excel 工作簿');
    const empty = new Uint8Array(22);
    empty.set([0x50, 0x4b, 0x05, 0x06]);
    expectRefused(writeScratch('空压缩包.xlsx', empty), '不是 Excel 工作簿');
  });

  it(`a sheet whose zip entry declares a huge uncompressed size is refused before inflating`, async () => {
    const all = parts(await compliantBytes());
    const part = sheetPart(all, '专题研究');
    const path = writeScratch('巨大声明.xlsx', withDeclaredSize(await compliantBytes(), part, 3 * 1024 * 1024 * 1024));
    expectRefused(path, '工作表“专题研究”', '超过上限', `${readLimits.partBytes / 1024 / 1024} MB`);
    expect(validateMeasured(path).peakMB).toBeLessThan(250);
  });

  it('a zip bomb: a sheet inflating to far more than its entry declares is stopped', async () => {
    const all = parts(await compliantBytes());
    const part = sheetPart(all, '专题研究');
    const sheet = partText(all, part);
    const filler = '<row r="9999" s="0"><c r="A9999" s="0"/></row>'.repeat(1_000_000);
    const bomb = rezip(new Map<string, Uint8Array | string>([...all, [part, sheet.replace('</sheetData>', `${filler}</sheetData>`)]]), 1);
    const path = writeScratch('炸弹.xlsx', withDeclaredSize(bomb, part, 2048));
    expectRefused(path, '损坏或不完整', '工作表“专题研究”');
    expect(validateMeasured(path).peakMB).toBeLessThan(250);
  });

  it('data reaching so far that the grid would pass the cell limit', async () => {
    const all = parts(await compliantBytes());
    const part = sheetPart(all, '学习培训');
    const far = Array.from(
      { length: 700 },
      (_, i) => `<row r="${i + 100}"><c r="XFD${i + 100}" t="inlineStr"><is><t>备注</t></is></c></row>`,
    ).join('');
    const path = writeScratch(
      '过宽.xlsx',
      rezip(new Map<string, Uint8Array | string>([...all, [part, partText(all, part).replace('</sheetData>', `${far}</sheetData>`)]])),
    );
    expectRefused(path, '工作表“学习培训”', '数据区域过大', 'XFD');
  });
});

describe('odd but real workbooks are read and checked, every finding at a cell', () => {
  it('a sheet with 1,048,576 formatted empty rows: the grid holds only the data, the findings are those without them', async () => {
    const all = parts(await compliantBytes());
    const part = sheetPart(all, '专题研究');
    const sheet = partText(all, part);
    const last = Number([...sheet.matchAll(/<row r="(\d+)"/gu)].pop()?.[1] ?? 1);
    const empty: string[] = [];
    for (let r = last + 1; r <= 1_048_576; r++)
      empty.push(
        `<row r="${r}" spans="1:4" s="1" customFormat="1" ht="20" customHeight="1"><c r="A${r}" s="1"/><c r="D${r}" s="1"/></row>`,
      );
    const formatted = sheet
      .replace('</sheetData>', `${empty.join('')}</sheetData>`)
      .replace(/<dimension ref="[^"]*"\/>/u, '<dimension ref="A1:D1048576"/>');
    const path = writeScratch('百万空行.xlsx', rezip(new Map<string, Uint8Array | string>([...all, [part, formatted]]), 1));
    const run = validateMeasured(path);
    expect(run.status, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as JsonReport).findings).toEqual([]);
    // Memory, not time: a test that timed it failed on a busy machine; the bench measures speed.
    expect(run.peakMB).toBeLessThan(600);
  });

  it('formulas: their cached results are read, cached errors (#REF!, #N/A) are findings at their cells', async () => {
    const { path, sheets } = await alteredLedger('公式.xlsx', (wb) => {
      const research = wb.getWorksheet('专题研究')!;
      research.getCell('A2').value = { formula: 'DATE(2026,3,10)', result: new Date(Date.UTC(2026, 2, 10)) };
      research.getCell('A2').numFmt = 'yyyy-mm-dd';
      research.getCell('C2').value = { formula: '"张"&"建国"', result: '张建国' };
      research.getCell('A3').value = { formula: 'Sheet9!A1', result: { error: '#REF!' } };
      research.getCell('D3').value = { formula: 'VLOOKUP(1,X:Y,2,0)', result: { error: '#N/A' } };
    });
    const report = validated(path, sheets);
    expect(placed(report)).toEqual(['D02 专题研究!A3', 'D02 专题研究!D3']);
    expect(dataFindings(report)[0].message).toContain('#REF!');
    expect(dataFindings(report)[1].message).toContain('#N/A');
  });

  it('rich-text and hyperlink cells read as their text', async () => {
    const { path, sheets } = await alteredLedger('富文本.xlsx', (wb) => {
      const research = wb.getWorksheet('专题研究')!;
      research.getCell('B2').value = { richText: [{ text: '党组' }, { font: { bold: true, color: { argb: 'FFFF0000' } }, text: '会议' }] };
      research.getCell('D2').value = { text: '研究部署全年意识形态工作', hyperlink: 'https://example.invalid/纪要.pdf' };
    });
    expect(validated(path, sheets).findings).toEqual([]);
  });

  it('numbers in date columns with a General format are findings at their cells', async () => {
    const { path, sheets } = await alteredLedger('数字日期.xlsx', (wb) => {
      for (const [sheet, address, serial] of [
        ['专题研究', 'A2', 46091],
        ['舆情处置', 'C2', 46154.4],
      ] as const) {
        const cell = wb.getWorksheet(sheet)!.getCell(address);
        cell.value = serial;
        // exceljs shares one style object among the cells it loaded alike; this cell gets its own.
        cell.style = { ...cell.style, numFmt: 'General' };
      }
    });
    const report = validated(path, sheets);
    expect(placed(report)).toEqual(['D02 专题研究!A2', 'D02 舆情处置!C2']);
    expect(dataFindings(report)[0].message).toContain('未设置日期格式');
  });

  it('text starting with =, +, - or @ is kept as typed', async () => {
    const typed = ['=SUM(A1:A9)', '+86 0551 1234567', '-（见附件）', '@全体党员'];
    const { path, sheets } = await alteredLedger('公式样文本.xlsx', (wb) => {
      const research = wb.getWorksheet('专题研究')!;
      research.getCell('B2').value = typed[0];
      research.getCell('C2').value = typed[1];
      research.getCell('D2').value = typed[2];
      research.getCell('B3').value = typed[3];
      research.getCell('A3').value = '=2026-09-10';
    });
    const report = validated(path, sheets);
    expect(placed(report)).toEqual(['D02 专题研究!A3']);
    expect(dataFindings(report)[0].value).toBe('=2026-09-10');
    const grid = await readWorkbookFile(path);
    const research = grid.sheets.find((s) => s.name === '专题研究')!;
    expect([research.values[1][1], research.values[1][2], research.values[1][3], research.values[2][1]]).toEqual(typed);
  });

  it('10,000-character cells are read whole', async () => {
    const long = '加强意识形态阵地管理，'.repeat(910).slice(0, 10_000);
    const { path, sheets } = await alteredLedger('长文本.xlsx', (wb) => {
      wb.getWorksheet('专题研究')!.getCell('D2').value = long;
      wb.getWorksheet('专题研究')!.getCell('A3').value = `2026年${long}`;
    });
    const report = validated(path, sheets);
    expect(placed(report)).toEqual(['D02 专题研究!A3']);
    expect(dataFindings(report)[0].value).toHaveLength(10_005);
    const grid = await readWorkbookFile(path);
    expect(grid.sheets.find((s) => s.name === '专题研究')!.values[1][3]).toBe(long);
  });

  it('sheet names with odd characters are read and named exactly', async () => {
    const odd = ['备注 & <说明> "2026"', "张三's 表", '数据（临时）😀', '＃１　全角'];
    const { path, sheets } = await alteredLedger('怪名.xlsx', (wb) => {
      for (const name of odd) wb.addWorksheet(name).getCell('A1').value = name;
      wb.getWorksheet('专题研究')!.name = '（一）专题研究';
      wb.getWorksheet('（一）专题研究')!.getCell('A2').value = '2026年13月1日';
      wb.removeWorksheet(wb.getWorksheet('问责追究')!.id);
    });
    const report = validated(path, sheets);
    expect(placed(report)).toEqual(['S01 基本信息!A1', 'D02 （一）专题研究!A2']);
    expect(report.findings[0].message).toContain('问责追究');
    const grid = await readWorkbookFile(path);
    expect(grid.sheets.map((s) => s.name)).toEqual(sheets);
  });
});

describe('validate reads only', () => {
  it('leaves the sample ledger byte for byte as it was', () => {
    const path = writeScratch('示例台账.xlsx', new Uint8Array(readFileSync('templates/示例台账.xlsx')));
    const before = sha256(path);
    for (const format of ['text', 'json']) expect(taizhang(['validate', path, '--as-of', '2026-07-20', '--format', format]).status).toBe(1);
    expect(sha256(path)).toBe(before);
  });
});
