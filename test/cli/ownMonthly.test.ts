import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../ledger/jsonReport';
import { compliantLedger } from '../helpers/compliantLedger';
import { taizhang } from '../helpers/cli';
import { addColumn, addRow } from '../helpers/ledgerCases';
import { day, writeLedger } from '../helpers/ledgerWorkbook';
import { planSheet, planSheetTitle } from '../helpers/planSheet';

/**
 * A bureau's own monthly requirement per unit on the command line (issue 22 §4 and validate --period):
 * each 党总支 and 党支部 holds a 中心组学习 every month; the 党总支 missed July.
 */
let ledger: string;
beforeAll(async () => {
  const l = compliantLedger();
  addColumn(l, '学习培训', '参加对象', []);
  for (const [unit, months] of [
    ['第一党支部', [1, 2, 3, 4, 5, 6, 7]],
    ['机关党总支', [1, 2, 3, 4, 5, 6]],
  ] as const) {
    for (const month of months) {
      const mm = String(month).padStart(2, '0');
      addRow(l, '学习培训', { 日期: day(`2026-${mm}-06`), 类型: '中心组专题学习', 主题: `${month}月学习`, 参加对象: unit });
    }
  }
  l[planSheetTitle] = planSheet([['本局1', '', '学习培训', '类型=中心组专题学习', '每月', '党总支、党支部', 1, '']]);
  ledger = await writeLedger(l, 'own-monthly.xlsx');
});

const asOf = '2026-08-20';

describe('taizhang due with a monthly requirement of the bureau’s own', () => {
  it('lists each unit’s open months, the overdue July first, then by due date', () => {
    const run = taizhang(['due', ledger, '--as-of', asOf, '--format', 'json']);
    expect(run.status).toBe(0);
    const items = (
      JSON.parse(run.stdout) as { items: { rule: string; period: string; unit: string | null; due: string; needed: number }[] }
    ).items;
    const dues = items.map((i) => i.due);
    const overdue = dues.filter((d) => d < asOf).length;
    expect(dues.slice(0, overdue).every((d) => d < asOf)).toBe(true);
    expect(dues.slice(overdue)).toEqual([...dues.slice(overdue)].sort());
    const own = items.filter((i) => i.rule === '本局1').map((i) => `${i.period} ${i.unit} ${i.due} ${i.needed}`);
    expect(own.slice(0, 3)).toEqual([
      '2026M07 机关党总支 2026-08-15 1',
      '2026M08 机关党总支 2026-09-15 1',
      '2026M08 第一党支部 2026-09-15 1',
    ]);
    expect(own).toHaveLength(3 + 2 * 4);
    const text = taizhang(['due', ledger, '--as-of', asOf]).stdout;
    expect(text).toContain('2026年8月15日前　2026年7月　机关党总支　各党总支、党支部每月至少1次中心组专题学习：还需1次（应1次，已0次）');
  });
});

describe('taizhang validate --period with a month', () => {
  it('states the month: the monthly requirement per unit, a quarterly one up to the month’s end', () => {
    for (const period of ['2026M07', '7月', '2026年7月']) {
      const run = taizhang(['validate', ledger, '--as-of', asOf, '--period', period, '--format', 'json']);
      // Exit 1: the 党总支's July is an error of the whole ledger.
      expect(run.status, run.stderr).toBe(1);
      const json = JSON.parse(run.stdout) as JsonReport;
      expect(json.period).toBe('2026M07');
      const own = json.rules.find((r) => r.id === '本局1')!;
      expect(own.periods.map((p) => `${p.period} ${p.unit} ${p.status} ${p.actual}`)).toEqual([
        '2026M07 机关党总支 未达标 0',
        '2026M07 第一党支部 达标 1',
      ]);
      const r03 = json.rules.find((r) => r.id === 'R03')!;
      expect(r03.periods[0]).toMatchObject({ period: '2026Q3', label: '2026年第三季度（截至7月）', upTo: '2026M07' });
    }
    const text = taizhang(['validate', ledger, '--as-of', asOf, '--period', '7月']);
    expect(text.stdout).toContain('【制度落实情况】2026年7月');
  });

  it('still refuses what is no period', () => {
    const run = taizhang(['validate', ledger, '--period', '2026M13']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('请写作月份（如 2026M08、8月）');
  });
});
