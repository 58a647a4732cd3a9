import { describe, expect, it } from 'vitest';
import { defaultPeriod, groupFindings, localToday, reportPeriods, ruleRows } from '../../addin/pane/viewModel';
import type { Finding } from '../../ledger/findings';
import type { RuleStatus } from '../../ledger/model';

const finding = (sheet: string, severity: Finding['severity'], cell: string): Finding => ({
  rule: 'D01',
  severity,
  sheet,
  cell,
  row: Number(cell.slice(1)),
  column: cell[0],
  field: null,
  value: null,
  message: `${sheet}${cell}`,
});

describe('pane view model', () => {
  it('groups findings by sheet in their order, keeping each one’s index, and filters by severity', () => {
    const findings = [
      finding('专题研究', 'error', 'B3'),
      finding('专题研究', 'info', 'A1'),
      finding('学习培训', 'warning', 'C4'),
      finding('缺失表', 'error', 'A1'),
    ];
    const all = groupFindings(findings, 'all');
    expect(all.map((g) => [g.sheet, g.items.map((i) => i.index)])).toEqual([
      ['专题研究', [0, 1]],
      ['学习培训', [2]],
      ['缺失表', [3]],
    ]);
    expect(groupFindings(findings, 'error').map((g) => [g.sheet, g.items.map((i) => i.index)])).toEqual([
      ['专题研究', [0]],
      ['缺失表', [3]],
    ]);
    expect(groupFindings(findings, 'warning')).toHaveLength(1);
    // One sheet's, as 读取情况 shows them for a sheet with rows 未能归类.
    expect(groupFindings(findings, 'all', '专题研究').map((g) => [g.sheet, g.items.map((i) => i.index)])).toEqual([['专题研究', [0, 1]]]);
    expect(groupFindings(findings, 'info', '学习培训')).toEqual([]);
  });

  it('shows a requirement’s periods only where it has several or is per unit, with when each falls due', () => {
    const rules: RuleStatus[] = [
      {
        id: 'R02',
        title: '综合分析',
        status: '达标',
        required: 1,
        actual: 1,
        periods: [{ period: '2026', label: '2026年', unit: null, status: '达标', required: 1, actual: 1, due: '2027-01-15' }],
      },
      {
        id: 'R03',
        title: '季度分析',
        status: '未达标',
        required: 4,
        actual: 1,
        periods: [
          { period: '2026Q1', label: '2026年第一季度', unit: null, status: '达标', required: 1, actual: 1, due: '2026-04-15' },
          { period: '2026Q2', label: '2026年第二季度', unit: null, status: '未达标', required: 1, actual: 0, due: '2026-07-15' },
          { period: '2026Q3', label: '2026年第三季度', unit: '办公室', status: '进行中', required: 1, actual: 0, due: '2026-10-15' },
        ],
      },
    ];
    const [r02, r03] = ruleRows(rules);
    expect(r02).toEqual({ id: 'R02', title: '综合分析', status: '达标', count: '1/1', periods: [] });
    expect(r03.count).toBe('1/4');
    expect(r03.periods).toEqual([
      { label: '2026年第一季度', status: '达标', count: '1/1', due: null },
      { label: '2026年第二季度', status: '未达标', count: '0/1', due: '已逾期（应于2026年7月15日前完成）' },
      { label: '2026年第三季度 · 办公室', status: '进行中', count: '0/1', due: '应于2026年10月15日前完成' },
    ]);
  });

  it('offers the quarters or halves of the ledger year, defaulting to the one asOf falls in', () => {
    expect(reportPeriods('quarterly', 2026).map((p) => p.label)).toEqual([
      '2026年第一季度',
      '2026年第二季度',
      '2026年第三季度',
      '2026年第四季度',
    ]);
    expect(reportPeriods('semiannual', 2026)).toEqual([
      { code: '2026H1', label: '2026年上半年' },
      { code: '2026H2', label: '2026年下半年' },
    ]);
    // The latest period ended by asOf (its last day included), not the one still running.
    expect(defaultPeriod('quarterly', 2026, '2026-07-20')).toBe('2026Q2');
    expect(defaultPeriod('semiannual', 2026, '2026-07-20')).toBe('2026H1');
    expect(defaultPeriod('semiannual', 2026, '2026-06-30')).toBe('2026H1');
    expect(defaultPeriod('quarterly', 2026, '2026-09-30')).toBe('2026Q3');
    expect(defaultPeriod('quarterly', 2026, '2026-09-29')).toBe('2026Q2');
    expect(defaultPeriod('semiannual', 2026, '2026-12-31')).toBe('2026H2');
    expect(defaultPeriod('quarterly', 2026, '2027-01-10')).toBe('2026Q4');
    // Before any period of the ledger's year has ended: its first.
    expect(defaultPeriod('quarterly', 2026, '2026-03-15')).toBe('2026Q1');
    expect(defaultPeriod('semiannual', 2026, '2025-12-31')).toBe('2026H1');
  });

  it('takes today in local time', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
