import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../ledger/jsonReport';
import { compliantLedger } from '../helpers/compliantLedger';
import { taizhang } from '../helpers/cli';
import { writeLedger } from '../helpers/ledgerWorkbook';
import { tablesOf, unzipDocx } from './docxXml';

/**
 * Issue 20, points 1 and 2 on the command line: `validate --period` states the rules for a quarter or
 * half exactly as that period's report tabulates them, and `report` says when it counted itself.
 */

let withoutOwn: string;
beforeAll(async () => {
  const ledger = compliantLedger();
  ledger.分析研判.rows = ledger.分析研判.rows.filter((r) => r[2] !== '2026Q2');
  ledger.情况通报.rows = ledger.情况通报.rows.filter((r) => r[2] !== '2026H1');
  withoutOwn = await writeLedger(ledger, 'period-without-own.xlsx');
});

const json = (args: string[]): JsonReport =>
  JSON.parse(taizhang(['validate', withoutOwn, '--format', 'json', ...args]).stdout) as JsonReport;

describe('taizhang validate --period', () => {
  it('states each rule for the half in text and JSON: yearly rules to date, 进行中 rather than 未达标', () => {
    const whole = json(['--as-of', '2027-01-20']);
    const half = json(['--as-of', '2027-01-20', '--period', '2026H1']);
    expect(half.period).toBe('2026H1');
    expect(whole.rules.find((r) => r.id === 'R05')?.status).toBe('未达标');
    const r13 = half.rules.find((r) => r.id === 'R13')!;
    expect(r13).toMatchObject({ status: '进行中', required: 1, actual: 0 });
    expect(r13.periods[0]).toMatchObject({ period: '2026', label: '2026年（截至上半年）', upTo: '2026H1' });
    // R08 over the half's own inspections: three of the year's four.
    expect(half.rules.find((r) => r.id === 'R08')).toMatchObject({ required: 3, actual: 3 });
    const text = taizhang(['validate', withoutOwn, '--as-of', '2027-01-20', '--period', '上半年']);
    expect(text.stdout).toContain('【制度落实情况】2026年上半年（全年要求的项目按截至期末的完成情况统计）');
    expect(text.stdout).toMatch(/R13 进行中 {2}完成 0\/1 {2}组织开展意识形态主题宣讲活动/u);
  });

  it('refuses a period that is not a quarter or half, and one of another year', () => {
    const wrong = taizhang(['validate', withoutOwn, '--period', '2026Q5']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--period 的值“2026Q5”不是有效的期间');
    const other = taizhang(['validate', withoutOwn, '--period', '2025H1']);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain('台账年度是2026年');
  });

  it('gives the figures the same period’s report tabulates, but for the report itself', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taizhang-period-'));
    const out = join(dir, 'q2.docx');
    const run = taizhang(['report', 'quarterly', withoutOwn, '--period', '2026Q2', '--as-of', '2026-07-20', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('本报告即2026年第二季度的季度分析，已按1次计入');
    expect(run.stdout).toContain('报告第三部分');
    const rows = tablesOf(unzipDocx(readFileSync(out)).document)
      .at(-1)!
      .slice(1);
    const scoped = json(['--as-of', '2026-07-20', '--period', '2026Q2']);
    for (const [i, rule] of scoped.rules.entries()) {
      const own = rule.id === 'R03' ? 1 : 0;
      expect([rows[i][3], rows[i][4]], rule.id).toEqual([String(rule.required), String(rule.actual + own)]);
    }
    const half = taizhang([
      'report',
      'semiannual',
      withoutOwn,
      '--period',
      '2026H1',
      '--as-of',
      '2026-07-20',
      '--out',
      join(dir, 'h1.docx'),
    ]);
    expect(half.stdout).toContain('本通报即2026年上半年的半年通报，已按1次计入');
  });
});
