import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ValidationResult } from '../../ledger/model';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';
import { parsePeriod, periodLabel } from '../../ledger/values/period';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { addColumn, addRow, allPlaced, ruleStatus } from '../helpers/ledgerCases';
import { day, validateLedger, type TestLedger } from '../helpers/ledgerWorkbook';
import { defaultPlanRows, planSheet, planSheetTitle } from '../helpers/planSheet';

/** What validate says, less the ledger itself: the findings and the requirements' statuses. */
const said = (r: ValidationResult) => ({ findings: r.findings, rules: r.rules });

describe('实施方案要求 that restates the default plan', () => {
  /** A compliant ledger with one shortfall and one unreadable type, so there is something to say. */
  function ledger(): TestLedger {
    const l = compliantLedger();
    l.专题研究.rows.pop();
    addRow(l, '分析研判', { 分析日期: day('2026-08-01'), 分析类型: '季度研判会', 主要情况: '类型读不懂' });
    return l;
  }

  for (const name of [planSheetTitle, '5.实施方案要求', '５．实施方案要求']) {
    it(`judges exactly as the ledger without it (sheet “${name}”)`, async () => {
      for (const asOf of ['2026-07-20', yearClosed]) {
        const without = await validateLedger(ledger(), asOf);
        const withPlan = await validateLedger({ ...ledger(), [name]: planSheet(defaultPlanRows()) }, asOf);
        expect(withPlan.ledger.plan.sheet).toBe(name);
        expect(withPlan.ledger.plan.requirements.every((r) => r.at?.sheet === name)).toBe(true);
        expect(said(withPlan)).toEqual(said(without));
        // Its rows are the plan's, no register's: not a record, not 未能归类.
        expect(withPlan.ledger.account.find((a) => a.sheet === name)).toMatchObject({ topic: planSheetTitle, records: 0, unplaced: 0 });
      }
    });
  }

  it('keeps R06 at 基本信息’s 定期检查周期 where 频次 is empty', async () => {
    const l: TestLedger = { ...compliantLedger(), [planSheetTitle]: planSheet(defaultPlanRows()) };
    l.基本信息.rows.push(['定期检查周期', '半年']);
    const result = await validateLedger(l, yearClosed);
    expect(ruleStatus(result, 'R06').periods.map((p) => p.period)).toContain('2026H2');
  });
});

/**
 * Another bureau's ledger (holdout): R01 raised to 3, R03 judged by half-year, R13 switched off, a
 * monthly 中心组专题学习 of its own for each 党支部, a quarterly 专项研判 of its own placed by 所属期间
 * given as a month, and rows that cannot be understood.
 */
function otherBureau(): TestLedger {
  const l = compliantLedger();
  l.基本信息.rows[0][1] = '县另一局';
  // No 主题宣讲 at all: R13 would be 未达标, were it enabled.
  l.学习培训.rows = l.学习培训.rows.filter((r) => r[1] !== '主题宣讲');
  addColumn(l, '学习培训', '参加对象', ['局领导班子']);
  for (const month of [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12]) {
    const mm = String(month).padStart(2, '0');
    addRow(l, '学习培训', {
      日期: day(`2026-${mm}-05`),
      类型: '中心组专题学习',
      主题: `${month}月专题学习`,
      参加对象: '第一党支部全体党员',
    });
  }
  // Dated in October, but its 所属期间 is August: it counts in the third quarter.
  addRow(l, '分析研判', { 分析日期: day('2026-10-02'), 分析类型: '专项研判', 所属期间: '8月', 主要情况: '八月舆情专项研判' });
  l[planSheetTitle] = planSheet([
    ['R01', '', '专题研究', '', '年', '', 3, '是'],
    ['R03', '', '分析研判', '分析类型=季度分析', '半年', '', 1, ''],
    ['R13', '', '学习培训', '类型=主题宣讲', '年', '', 1, '否'],
    ['本局1', '', '学习培训', '类型=中心组专题学习', '月', '党支部', 1, ''],
    ['本局2', '每季度至少开展1次专项研判', '4.分析研判', '分析类型=专项研判', '季度', '', 1, '是'],
    ['本局3', '', '党建活动', '', '年', '', 1, '是'],
    ['本局4', '', '学习培训', '颜色=红', '年', '', 1, '是'],
    ['R05', '', '情况通报', '通报类型=半年通报', '每两年', '', 1, '是'],
    ['本局5', '', '学习培训', '', '年', '', 0, '是'],
    ['本局6', '', '专题研究', '', '年', '党支部', 1, '是'],
    ['本局7', '', '学习培训', '类型=讲座', '年', '', 1, ''],
    [null, '某项要求', '学习培训', '', '年', '', 1, ''],
  ]);
  return l;
}

describe('another bureau’s plan', () => {
  it('reports each row it cannot understand at its cell, and applies the rest', async () => {
    const result = await validateLedger(otherBureau(), yearClosed);
    const onPlan = result.findings.filter((f) => f.sheet === planSheetTitle);
    expect(onPlan.map((f) => `${f.rule} ${f.cell}`)).toEqual(['D03 C7', 'D03 D8', 'D03 E9', 'D07 G10', 'D03 F11', 'D03 D12', 'D01 A13']);
    expect(onPlan.every((f) => f.severity === 'error')).toBe(true);
    expect(onPlan[0].message).toContain('工作表“党建活动”不是台账的记录表');
    expect(onPlan[1].message).toContain('“学习培训”没有字段“颜色”');
    expect(onPlan[2].message).toContain('频次“每两年”不在允许范围内');
    expect(onPlan[2].message).toContain('R05仍按默认的实施方案');
    expect(onPlan[3].message).toContain('至少次数“0”应为1到1000之间的整数');
    expect(onPlan[4].message).toContain('没有记录单位的列');
    expect(onPlan[5].message).toContain('“类型”的值“讲座”不在允许范围内');
    // The broken rows' own requirements are not judged; R05 stays as the default plan has it.
    const ids = result.rules.map((r) => r.id);
    for (const id of ['本局3', '本局4', '本局5', '本局6', '本局7']) expect(ids).not.toContain(id);
    expect(ruleStatus(result, 'R05')).toMatchObject({ title: '意识形态领域情况半年通报', status: '达标', required: 2 });
  });

  it('judges the changed counts and frequencies, leaves out the disabled requirement and adds its own after the built-ins', async () => {
    const result = await validateLedger(otherBureau(), yearClosed);
    const ids = result.rules.map((r) => r.id);
    expect(ids.slice(-3)).toEqual(['R19', '本局1', '本局2']);
    expect(ids).not.toContain('R13');
    expect(result.findings.filter((f) => f.rule === 'R13')).toEqual([]);

    expect(ruleStatus(result, 'R01')).toMatchObject({
      title: '每年至少开展3次意识形态工作专题研究',
      status: '未达标',
      required: 3,
      actual: 2,
    });
    const r03 = ruleStatus(result, 'R03');
    expect(r03.title).toBe('每半年至少开展1次意识形态领域情况季度分析');
    expect(r03.periods.map((p) => [p.period, p.status, p.actual])).toEqual([
      ['2026H1', '达标', 2],
      ['2026H2', '达标', 2],
    ]);

    const own = ruleStatus(result, '本局1');
    expect(own.title).toBe('各党支部每月至少1次中心组专题学习');
    expect(own.status).toBe('未达标');
    expect(own.periods).toHaveLength(12);
    expect(own.periods.every((p) => p.unit === '第一党支部')).toBe(true);
    expect(own.periods.filter((p) => p.status !== '达标').map((p) => [p.label, p.actual])).toEqual([['2026年8月', 0]]);

    const quarterly = ruleStatus(result, '本局2');
    expect(quarterly.title).toBe('每季度至少开展1次专项研判');
    expect(quarterly.periods.map((p) => p.actual)).toEqual([0, 0, 1, 0]);

    // Shortfalls of the plan's requirements stand at the header row of the sheet they count.
    const shortfalls = result.findings.filter((f) => f.rule.startsWith('R') || f.rule.startsWith('本局'));
    expect(shortfalls.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`)).toEqual([
      'R01 warning 专题研究!A1',
      'R01 error 专题研究!A1',
      '本局2 error 分析研判!A1',
      '本局2 error 分析研判!A1',
      '本局2 error 分析研判!A1',
      '本局1 error 学习培训!A1',
    ]);
    const august = result.findings.find((f) => f.rule === '本局1')!;
    expect(august.message).toContain('2026年8月“第一党支部”未开展中心组专题学习（要求1次，实际0次）');
    expect(result.findings.find((f) => f.rule === 'R01' && f.severity === 'error')!.message).toContain(
      '未开展3次意识形态工作专题研究（要求3次，实际2次）',
    );
  });

  it('asks by mid-year for half of a yearly 专题研究 count of 3, rounded up: 2, where 1 was held', async () => {
    const result = await validateLedger(otherBureau(), yearClosed);
    expect(ruleStatus(result, 'R01').periods.find((p) => p.period === '2026H1')).toMatchObject({
      required: 2,
      actual: 1,
      status: '未达标',
    });
    const midYear = result.findings.find((f) => f.rule === 'R01' && f.severity === 'warning')!;
    expect(midYear.message).toContain('未开展2次意识形态工作专题研究（要求2次，实际1次）');
  });

  it('says while a month is open that its requirement is in progress', async () => {
    const result = await validateLedger(otherBureau(), '2026-08-20');
    const own = ruleStatus(result, '本局1');
    expect(own.periods.find((p) => p.period === '2026M08')).toMatchObject({ status: '进行中', due: '2026-09-15' });
    expect(allPlaced(result)).toContain('本局1 info 学习培训!A1');
  });
});

describe('the bureau’s own words in 实施方案要求', () => {
  it('reads a condition in its 列名映射 and 值映射 as its records are read', async () => {
    const l = compliantLedger();
    l.基本信息.rows.push(['值映射', '学习培训.类型：中心组学习=中心组专题学习'], ['列名映射', '学习培训.类型=学习形式']);
    l[planSheetTitle] = planSheet([['本局1', '', '学习培训', '学习形式=中心组学习', '年', '', 1, '']]);
    const result = await validateLedger(l, yearClosed);
    expect(result.findings.filter((f) => f.sheet === planSheetTitle)).toEqual([]);
    expect(result.ledger.plan.requirements.at(-1)?.conditions).toEqual([{ field: '类型', values: ['中心组专题学习'] }]);
    expect(ruleStatus(result, '本局1')).toMatchObject({ status: '达标', actual: 1 });
  });

  it('falls back to the default plan, saying so, where the sheet has no header it can find', async () => {
    const l: TestLedger = { ...compliantLedger(), [planSheetTitle]: { headers: ['说明'], rows: [['本局按县委实施方案执行']] } };
    const result = await validateLedger(l, yearClosed);
    expect(result.ledger.plan.sheet).toBeNull();
    expect(allPlaced(result)).toEqual([`S03 error ${planSheetTitle}!A1`]);
    expect(result.rules.map((r) => r.id)).toEqual((await validateLedger(compliantLedger(), yearClosed)).rules.map((r) => r.id));
  });
});

describe('a requirement of the bureau’s own on a column the sheet lacks', () => {
  it('is 无法判断, and the S02 for the column names it', async () => {
    const l = compliantLedger();
    l[planSheetTitle] = planSheet([['本局1', '', '学习培训', '类型=中心组专题学习', '季度', '党支部', 1, '']]);
    const result = await validateLedger(l, yearClosed);
    expect(ruleStatus(result, '本局1').status).toBe('无法判断');
    const s02 = result.findings.filter((f) => f.rule === 'S02' && f.field === '参加对象');
    expect(s02.map((f) => `${f.sheet}!${f.cell}`)).toEqual(['学习培训!A1']);
    expect(s02[0].message).toContain('本局1 各党支部每季度至少1次中心组专题学习');
    expect(result.findings.filter((f) => f.rule === '本局1')).toEqual([]);
  });
});

describe('a unit named inside a text field', () => {
  it('leaves the unit’s period 无法判断 while a row naming it has a type not understood', async () => {
    const l = compliantLedger();
    l.述职评议.rows = l.述职评议.rows.filter((r) => r[2] !== '第一党支部');
    addRow(l, '述职评议', { 日期: day('2026-05-01'), 类型: '其他', 对象: '第一党支部全体党员', 含意识形态内容: '是' });
    const result = await validateLedger(l, yearClosed);
    const branch = ruleStatus(result, 'R10').periods.find((p) => p.unit === '第一党支部');
    expect(branch).toMatchObject({ status: '无法判断', actual: 0, unplaced: 1 });
  });
});

describe('a period field holding a month', () => {
  it('reads the forms a clerk writes', () => {
    expect(['2026年8月', '8月', '八月', '2026M08', '8月份'].map((t) => parsePeriod(t, 2026))).toEqual(
      Array(5).fill({ ok: true, value: '2026M08' }),
    );
    expect(parsePeriod('13月', 2026).ok).toBe(false);
    expect(periodLabel('2026M12')).toBe('2026年12月');
  });

  it('counts a 情况通报 toward the month its 所属期间 names, not by its date', async () => {
    const l = compliantLedger();
    addRow(l, '情况通报', {
      通报日期: day('2027-01-05'),
      通报类型: '专项通报',
      所属期间: '2026年12月',
      通报范围: '全局',
      通报内容: '十二月专项通报',
    });
    l[planSheetTitle] = planSheet([['本局1', '', '情况通报', '通报类型=专项通报', '月', '', 1, '']]);
    const result = await validateLedger(l, yearClosed);
    const own = ruleStatus(result, '本局1');
    expect(own.periods.filter((p) => p.actual > 0).map((p) => p.period)).toEqual(['2026M12']);
    // A 半年通报's 所属期间 must still be a half: a month there is the same D03 as before.
    expect(result.findings.filter((f) => f.rule === 'D03' && f.sheet === '情况通报')).toEqual([]);
  });
});

describe('a plan sheet written by openpyxl', () => {
  it('is read with its ordinal, full-width digits and Excel numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taizhang-plan-'));
    const out = join(dir, 'openpyxl-plan.xlsx');
    const script = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.create_sheet('６．实施方案要求')
ws.append(['实施方案要求（本局）'])
ws.append(['编号', '要求内容', '记录表', '计数条件', '频率', '适用对象', '最少次数', '是否启用'])
ws.append(['R01', None, '专题研究', None, '每年', None, 3, '是'])
ws.append(['R13', None, '学习培训', '类型=主题宣讲', '年度', None, 1, '否'])
ws.append(['本局1', None, '学习培训', '类型＝中心组专题学习；意识形态安全专题＝√', '每季度', None, '１', None])
ws.append(['本局2', None, '学习培训', None, '每两年', None, 1, None])
wb.save(sys.argv[2])
`;
    const run = spawnSync('/usr/bin/python3', ['-c', script, resolve(import.meta.dirname, '../fixtures/openpyxl-ledger.xlsx'), out], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const result = validateGrid(await readWorkbookFile(out), { asOf: '2026-07-20' });
    expect(result.ledger.plan.sheet).toBe('６．实施方案要求');
    expect(ruleStatus(result, 'R01').periods.find((p) => p.period === '2026')).toMatchObject({ required: 3, actual: 2, status: '进行中' });
    expect(result.rules.map((r) => r.id)).not.toContain('R13');
    const own = ruleStatus(result, '本局1');
    expect(own.title).toBe('每季度至少1次中心组专题学习');
    expect(own.periods.map((p) => p.period)).toEqual(['2026Q1', '2026Q2', '2026Q3', '2026Q4']);
    expect(result.findings.filter((f) => f.sheet === '６．实施方案要求').map((f) => `${f.rule} ${f.cell}`)).toEqual(['D03 E6']);
  });
});
