import { describe, expect, it } from 'vitest';
import { dueItems } from '../../ledger/due';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { removeColumn } from '../helpers/ledgerCases';
import { validateLedger, writeLedger } from '../helpers/ledgerWorkbook';
import { taizhang } from '../helpers/cli';

const sample = 'templates/示例台账.xlsx';

describe('taizhang due', () => {
  it('lists overdue periods first, then what falls due by date, each with what it still needs', () => {
    const run = taizhang(['due', sample, '--as-of', '2026-07-20', '--format', 'json']);
    expect(run.status).toBe(0);
    const list = JSON.parse(run.stdout) as {
      asOf: string;
      items: { rule: string; due: string; unit: string | null; needed: number; status: string }[];
    };
    const overdue = list.items.filter((i) => i.due < list.asOf);
    // Overdue first, and none after the first item that is not.
    expect(list.items.slice(0, overdue.length)).toEqual(overdue);
    expect(overdue.map((i) => `${i.rule} ${i.unit}`)).toEqual(['R06 业务管理股', 'R09 第三党支部']);
    const dues = list.items.slice(overdue.length).map((i) => i.due);
    expect(dues).toEqual([...dues].sort());
    expect(list.items.every((i) => i.needed > 0)).toBe(true);
  });

  it('agrees with validate: every overdue item is an error finding of its rule, every open period an item', () => {
    const validate = JSON.parse(taizhang(['validate', sample, '--as-of', '2026-07-20', '--format', 'json']).stdout) as {
      rules: { id: string; periods: { period: string; unit: string | null; status: string; due: string }[] }[];
    };
    const due = JSON.parse(taizhang(['due', sample, '--as-of', '2026-07-20', '--format', 'json']).stdout) as {
      items: { rule: string; period: string; unit: string | null }[];
    };
    const counting = new Set(['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R09', 'R10', 'R11', 'R12', 'R13']);
    const open = validate.rules
      .filter((r) => counting.has(r.id))
      .flatMap((r) => r.periods.filter((p) => p.status !== '达标').map((p) => `${r.id} ${p.period} ${p.unit}`));
    expect(due.items.map((i) => `${i.rule} ${i.period} ${i.unit}`).sort()).toEqual(open.sort());
  });

  it('limits to what falls due within --days, always keeping what is overdue', () => {
    const run = taizhang(['due', sample, '--as-of', '2026-07-20', '--days', '30']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('【已逾期】2 项');
    expect(run.stdout).not.toContain('【即将到期】');
    expect(run.stdout).toContain('2026年7月15日前　2026年上半年　第三党支部　党总支、各支部每半年专题汇报1次：还需1次（应1次，已0次）');
    const later = taizhang(['due', sample, '--as-of', '2026-09-20', '--days', '30']);
    expect(later.stdout).toContain('【即将到期】1 项');
    expect(later.stdout).toContain('2026年第三季度');
  });

  it('has nothing to list for a ledger that met every requirement', async () => {
    const run = taizhang(['due', await writeLedger(compliantLedger()), '--as-of', yearClosed]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('各项要求均已完成。');
  });

  it('says where the ledger cannot tell instead of counting what it could not read', async () => {
    const ledger = compliantLedger();
    removeColumn(ledger, '检查抽查', '检查类型');
    const result = await validateLedger(ledger, '2026-07-20');
    const items = dueItems(result, '2026-07-20').items.filter((i) => i.rule === 'R06' || i.rule === 'R07');
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.status === '无法判断' && i.needed === null)).toBe(true);
  });

  it('refuses a --days that is not a number, in Chinese', () => {
    const run = taizhang(['due', sample, '--days', '三十']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('--days 的值“三十”不是有效天数，应为 0 到 9999 之间的整数，如 30。');
  });
});
