import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sha256, taizhang, type CliRun } from '../helpers/cli';

/** One Chinese line on stderr, naming what it should, nothing on stdout, no stack trace. */
function expectUsageFailure(run: CliRun, names: string): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/[\u4e00-\u9fff]/u);
  expect(lines[0]).toContain(names);
  expect(run.stderr).not.toMatch(/\n\s+at /u);
}

describe('unreadable workbooks end with exit 2 and one Chinese line', () => {
  const cases: Array<[string, string]> = [
    ['test/fixtures/not-a-zip.xlsx', '不是 .xlsx'],
    ['test/fixtures/legacy.xls', '旧版 .xls'],
    ['test/fixtures/libreoffice-ledger.ods', 'OpenDocument 表格（.ods）'],
    ['test/fixtures/empty.xlsx', '文件为空'],
    ['test/fixtures/truncated.xlsx', '损坏或不完整'],
    ['test/fixtures/no-ledger-sheets.xlsx', '不是意识形态工作台账'],
  ];
  for (const [path, reason] of cases) {
    it(`${path}`, () => {
      const before = sha256(path);
      const run = taizhang(['validate', path]);
      expectUsageFailure(run, path.split('/').pop()!);
      expect(run.stderr).toContain(reason);
      expect(sha256(path)).toBe(before);
    });
  }

  it('a path that does not exist', () => {
    expectUsageFailure(taizhang(['validate', 'no/such/台账.xlsx']), 'no/such/台账.xlsx');
  });

  it('a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taizhang-dir-'));
    expectUsageFailure(taizhang(['validate', dir]), '文件夹');
  });

  it('an .xlsb, whose binary workbook part is not mistaken for damage', () => {
    // The package of [MS-XLSB] 2.1.7: a zip like .xlsx whose workbook part is BIFF12 records, here the
    // workbook's first record (BrtBeginBook, type 0x0083, no data).
    const relationship = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
    const bytes = zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          `<Relationship Id="rId1" Type="${relationship}" Target="xl/workbook.bin"/></Relationships>`,
      ),
      'xl/workbook.bin': new Uint8Array([0x83, 0x01, 0x00]),
    });
    const path = join(mkdtempSync(join(tmpdir(), 'taizhang-xlsb-')), '台账.xlsb');
    writeFileSync(path, bytes);
    const run = taizhang(['validate', path]);
    expectUsageFailure(run, '台账.xlsb');
    expect(run.stderr).toContain('Excel 二进制工作簿（.xlsb）');
    expect(run.stderr).not.toContain('损坏');
  });
});

describe('wrong arguments end with exit 2 and one Chinese line', () => {
  it('a missing ledger argument', () => expectUsageFailure(taizhang(['validate']), '缺少参数'));
  it('an unknown option', () => expectUsageFailure(taizhang(['validate', 'x.xlsx', '--bogus']), '--bogus'));
  it('an unknown command', () => expectUsageFailure(taizhang(['frobnicate']), 'frobnicate'));
  it('an impossible --as-of', () =>
    expectUsageFailure(taizhang(['validate', 'templates/示例台账.xlsx', '--as-of', '2026-02-30']), '2026-02-30'));
  it('an unknown --format', () => expectUsageFailure(taizhang(['validate', 'templates/示例台账.xlsx', '--format', 'xml']), 'xml'));
  it('a bad --year for the template', () => expectUsageFailure(taizhang(['template', '--year', '26']), '26'));
});
