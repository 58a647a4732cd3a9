import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ValidationResult } from '../../ledger/model';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';
import { planSheetTitle } from '../../ledger/schema/plan';
import { bureauPlanRows, writeWithPlan } from '../helpers/bureauPlan';
import { sha256, taizhang } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'taizhang-rollover-'));
const validate = async (path: string, asOf: string): Promise<ValidationResult> => validateGrid(await readWorkbookFile(path), { asOf });
const placed = (r: ValidationResult) => r.findings.filter((f) => /^[SD]/u.test(f.rule)).map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
const records = (r: ValidationResult) => Object.values(r.ledger.records).reduce((n, list) => n + list.length, 0);

function roll(source: string, ...args: string[]): { out: string; run: ReturnType<typeof taizhang> } {
  const out = join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
  return { out, run: taizhang(['template', '--from', source, '--out', out, ...args]) };
}

describe('taizhang template --from: next year’s ledger from this year’s', () => {
  it('keeps 基本信息 (year changed), 组织架构 and the layout, empties every register, and leaves the source as it was', async () => {
    const source = 'templates/示例台账.xlsx';
    const before = sha256(source);
    const { out, run } = roll(source);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('已按2026年台账生成2027年空白台账');
    expect(sha256(source)).toBe(before);

    const old = await validate(source, '2026-07-20');
    const next = await validate(out, '2027-01-10');
    expect(next.year).toBe(2027);
    expect(placed(next)).toEqual([]);
    expect({ ...next.ledger.settings, 台账年度: 2026 }).toEqual(old.ledger.settings);
    expect(next.ledger.records.organization.map((r) => r.data)).toEqual(old.ledger.records.organization.map((r) => r.data));
    expect(records(next)).toBe(next.ledger.records.organization.length);
    // Each register keeps its sheet and header row, so the bureau's column names and mappings still meet.
    for (const [key, where] of Object.entries(old.ledger.sheets)) {
      expect(next.ledger.sheets[key as keyof typeof old.ledger.sheets], key).toEqual(where);
    }
  });

  it('carries a bureau’s own 实施方案要求 over as it stands: changed counts, a switched-off row, its own requirement', async () => {
    const source = join(dir, '本局台账2026.xlsx');
    await writeWithPlan('templates/示例台账.xlsx', source);
    const { out, run } = roll(source);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(planSheetTitle);
    const sheet = async (path: string) => (await readWorkbookFile(path)).sheets.find((s) => s.name === planSheetTitle)!.values;
    expect(await sheet(out)).toEqual(await sheet(source));
    expect((await sheet(out)).slice(1).map((r) => r[0])).toEqual(bureauPlanRows().map((r) => r.编号));
    const next = await validate(out, '2027-01-10');
    expect(next.year).toBe(2027);
    expect(placed(next)).toEqual([]);
    // The new year is judged by the same plan: 3 专题研究, no 不定期抽查, the monthly 中心组学习.
    const old = await validate(source, '2026-07-20');
    expect(old.ledger.plan.requirements.find((r) => r.id === 'R01')?.atLeast).toBe(3);
    expect(next.ledger.plan).toEqual(old.ledger.plan);
    expect(next.rules.map((r) => r.id)).toEqual(old.rules.map((r) => r.id));
    expect(next.rules.map((r) => r.id)).toContain('本局1');
    expect(next.rules.map((r) => r.id)).not.toContain('R07');
  });

  it('names the new year in title rows, in digits or Chinese numerals, but not in a date', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile('templates/示例台账.xlsx');
    workbook.getWorksheet('二、分析研判')!.getCell('A1').value = '县XX局二〇二六年意识形态工作台账——分析研判';
    const source = join(dir, '台账2026.xlsx');
    await workbook.xlsx.writeFile(source);
    const { out, run } = roll(source);
    expect(run.status).toBe(0);
    const grid = await readWorkbookFile(out);
    const text = (sheet: string, row: number) => String(grid.sheets.find((s) => s.name === sheet)!.values[row - 1][0]);
    expect(text('二、分析研判', 1)).toBe('县XX局二〇二七年意识形态工作台账——分析研判');
    expect(text('1.专题研究', 2)).toContain('填报时间：2026年7月16日');
  });

  it('reads back with no structure or data finding from ledgers of other producers', async () => {
    for (const name of ['wps-style', 'libreoffice-ledger', 'openpyxl-1904']) {
      const { out, run } = roll(`test/fixtures/${name}.xlsx`, '--year', '2027');
      expect(run.status, name).toBe(0);
      const next = await validate(out, '2027-01-10');
      expect(next.year, name).toBe(2027);
      expect(placed(next), name).toEqual([]);
      expect(records(next), name).toBe(next.ledger.records.organization.length);
    }
  });

  it('keeps a register in the bureau’s own layout as it was read: no new structure finding', async () => {
    const source = 'test/fixtures/real-own-sheets.xlsx';
    const { out, run } = roll(source);
    expect(run.status).toBe(0);
    const old = await validate(source, '2026-07-20');
    const next = await validate(out, '2027-01-10');
    expect(next.year).toBe(2027);
    expect(placed(next).filter((f) => f.startsWith('D'))).toEqual([]);
    expect(new Set(placed(next))).toEqual(new Set(placed(old).filter((f) => f.startsWith('S'))));
  });

  it('never overwrites a file, nor writes a year that is not later than the ledger’s', () => {
    const taken = join(dir, '已有.xlsx');
    writeFileSync(taken, 'x');
    const over = taizhang(['template', '--from', 'templates/示例台账.xlsx', '--out', taken]);
    expect(over.status).toBe(2);
    expect(readFileSync(taken, 'utf8')).toBe('x');
    const same = roll('templates/示例台账.xlsx', '--year', '2026').run;
    expect(same.status).toBe(2);
    expect(same.stderr.trim()).toBe('--year 2026 不晚于原台账的年度 2026：--from 用于生成下一年的台账。');
    const missing = roll(join(dir, '没有.xlsx')).run;
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('找不到文件');
  });
});
