/**
 * 下载校验结果 read back by openpyxl and printed by LibreOffice: numbers are numbers, text stays text,
 * and the printout is one page wide with the header row on every page.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsHeader, findingsWorkbook } from '../../addin/page/xlsx/findingsWorkbook';
import type { Finding } from '../../ledger/findings';
import { libreOfficeConvert, python } from './producers';

const scratch = mkdtempSync(join(tmpdir(), 'taizhang-findings-'));

const values = ['3', '2.5', '-12', '001', '1e5', '110101199003071234', '=1+1', '2026年3月5日', '', '46086'];

const findings: Finding[] = Array.from({ length: 120 }, (_, i) => ({
  rule: `D0${(i % 9) + 1}`,
  severity: (['error', 'warning', 'info'] as const)[i % 3],
  sheet: i % 2 ? '学习培训' : '专题研究',
  cell: `B${i + 3}`,
  row: i + 3,
  column: 'B',
  field: '日期',
  value: values[i % values.length] || null,
  message: `第 ${i + 1} 项问题：“日期”无法识别为日期，请填写 2026-03-05 或 2026年3月5日 这样的日期，以便统计和生成报告。`,
}));

const read = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
print(json.dumps({
  'title': ws.title,
  'cells': [[[c.value, c.data_type] for c in row] for row in ws.iter_rows()],
  'printTitles': ws.print_title_rows,
  'fitToPage': ws.sheet_properties.pageSetUpPr.fitToPage,
  'fitToWidth': ws.page_setup.fitToWidth,
  'fitToHeight': ws.page_setup.fitToHeight,
  'orientation': ws.page_setup.orientation,
}, ensure_ascii=False))
`;

describe('下载校验结果', () => {
  const path = join(scratch, '台账-校验结果.xlsx');
  writeFileSync(path, findingsWorkbook(findings));

  it('writes the 序号 and the plain numbers of 原值 as numbers, and everything else as the text it was', () => {
    const book = JSON.parse(python(read, path)) as { title: string; cells: Array<Array<[unknown, string]>> } & Record<string, unknown>;
    expect(book.title).toBe('校验结果');
    expect(book.cells[0].map(([v]) => v)).toEqual([...findingsHeader]);
    const original = findingsHeader.indexOf('原值');
    for (const [i, f] of findings.entries()) {
      const cells = book.cells[i + 1];
      expect(cells[0]).toEqual([i + 1, 'n']);
      expect(cells.slice(1, original).map(([v]) => v)).toEqual([f.sheet, f.cell, ['错误', '警告', '提示'][i % 3], f.rule, f.message]);
      const numeric = ['3', '2.5', '-12', '46086'].includes(f.value ?? '');
      expect(cells[original], f.value ?? '').toEqual(numeric ? [Number(f.value), 'n'] : [f.value ?? '', 's']);
    }
    expect(book).toMatchObject({ printTitles: '$1:$1', fitToPage: true, fitToWidth: 1, fitToHeight: 0, orientation: 'landscape' });
  });

  it('prints one page wide, the header row repeated on every page', () => {
    const pdf = libreOfficeConvert(path, 'pdf');
    const pages = Number(/Pages:\s+(\d+)/u.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)![1]);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      const text = spawnSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
      // The header's first and last columns on one line: every column is on this page, under its header.
      expect(text, `page ${page}`).toMatch(/序号.*工作表.*说明.*原值/u);
      expect(text, `page ${page}`).toMatch(/第 \d+ 项问题/u);
    }
  });
});
