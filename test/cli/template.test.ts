import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { defaultPlan } from '../../ledger/plan/defaults';
import { fieldsOf } from '../../ledger/schema/fields';
import { planRow, planSheetTitle } from '../../ledger/schema/plan';
import { recordSheets } from '../../ledger/schema/sheets';
import { validateGrid } from '../../ledger/validate';
import { sha256, taizhang } from '../helpers/cli';

const committed = 'templates/台账模板.xlsx';

describe('taizhang template', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'taizhang-template-')), '空白台账.xlsx');
  const run = taizhang(['template', '--year', '2026', '--out', out]);

  it('writes a blank ledger the validator reads without a structural finding', async () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(out);
    const result = validateGrid(await readWorkbookFile(out), { asOf: '2026-03-01' });
    expect(result.findings.filter((f) => f.rule.startsWith('S'))).toEqual([]);
    expect(result.year).toBe(2026);
    // Only the clerk's own details are missing.
    expect(new Set(result.findings.filter((f) => f.rule === 'D01').map((f) => f.field))).toEqual(
      new Set(['单位名称', '党组书记', '分管领导', '责任部室']),
    );
  });

  it('lays out every sheet with headers from the schemas, drop-downs and date formats', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    for (const { title, schema } of Object.values(recordSheets)) {
      const ws = workbook.getWorksheet(title)!;
      expect(ws, title).toBeDefined();
      const headers = (ws.getRow(3).values as unknown[]).slice(1).map(String);
      expect(headers).toEqual(['序号', ...fieldsOf(schema).map((f) => (f.required ? `${f.name}*` : f.name))]);
      fieldsOf(schema).forEach((f, i) => {
        const cell = ws.getCell(4, i + 2);
        if (f.kind === 'enum') expect(cell.dataValidation?.formulae?.[0], `${title}.${f.name}`).toBe(`"${f.values!.join(',')}"`);
        if (f.kind === 'date') expect(ws.getColumn(i + 2).numFmt).toBe('yyyy-mm-dd');
      });
    }
  });

  it('fills 实施方案要求 with this plan’s requirements, one row each, in the words a clerk would write', async () => {
    const grid = await readWorkbookFile(out);
    const rows = grid.sheets.find((s) => s.name === planSheetTitle)!.values;
    expect(rows[2]).toEqual(Object.keys(planRow.shape));
    const plan = defaultPlan({ 定期检查周期: '年度' });
    expect(rows.slice(3).map((r) => r[0])).toEqual(plan.map((r) => r.id));
    const row = (id: string) => Object.fromEntries(rows[2].map((h, i) => [h, rows[3 + plan.findIndex((r) => r.id === id)][i] ?? '']));
    expect(row('R01')).toEqual({
      编号: 'R01',
      要求: '每年至少开展2次意识形态工作专题研究',
      工作表: '专题研究',
      条件: '',
      频次: '年',
      对象: '',
      至少次数: 2,
      启用: '是',
    });
    expect(row('R10')).toMatchObject({
      工作表: '述职评议',
      条件: '类型=民主生活会、组织生活会、述职报告；含意识形态内容=是',
      对象: '党总支、党支部',
      频次: '年',
    });
    // R06 follows 基本信息's 定期检查周期, and its empty cell says so.
    expect(row('R06')).toMatchObject({ 频次: '', 对象: '股室、站所', 条件: '检查类型=定期检查' });
    // Read back, the sheet is the plan a ledger without it is judged by: nothing changed, nothing found.
    const result = validateGrid(await readWorkbookFile(out), { asOf: '2026-03-01' });
    expect(result.ledger.plan.sheet).toBe(planSheetTitle);
    expect(result.ledger.plan.requirements.map(({ at: _, ...r }) => r)).toEqual(plan);
    expect(result.findings.filter((f) => f.sheet === planSheetTitle)).toEqual([]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet(planSheetTitle)!;
    expect(String(sheet.getCell(4 + plan.findIndex((r) => r.id === 'R06'), 5).note)).toContain('定期检查周期');
  });

  it('matches the committed template (regenerate with npm run template:update)', async () => {
    const fresh = await readWorkbookFile(out);
    const kept = await readWorkbookFile(committed);
    expect(kept.sheets.map((s) => s.name)).toEqual(fresh.sheets.map((s) => s.name));
    kept.sheets.forEach((sheet, i) => {
      expect(sheet.values, sheet.name).toEqual(fresh.sheets[i].values);
      expect(sheet.merges, sheet.name).toEqual(fresh.sheets[i].merges);
    });
  });
});

describe('taizhang template over an existing file', () => {
  it('refuses, whatever the file is: a filled ledger is never replaced by a blank one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taizhang-template-'));
    const filled = join(dir, '台账.xlsx');
    writeFileSync(filled, readFileSync('templates/示例台账.xlsx'));
    const before = sha256(filled);
    const run = taizhang(['template', '--year', '2026', '--out', filled]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(`文件“${filled}”已存在，不会覆盖。请另选文件名，或先把原文件移走。`);
    expect(sha256(filled)).toBe(before);
  });

  it('refuses an output that is not a workbook', () => {
    const run = taizhang(['template', '--out', join(tmpdir(), '台账.docx')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('应以 .xlsx 结尾');
  });
});
