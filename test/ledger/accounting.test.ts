import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scopeRules } from '../../ledger/check/scope';
import { toJsonReport } from '../../ledger/jsonReport';
import { renderText } from '../../generator/render/text';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { ofRules, ruleStatus, setCell, setSetting, withoutSheet } from '../helpers/ledgerCases';
import { day, validateLedger, type TestLedger, type TestSheet } from '../helpers/ledgerWorkbook';

/** Issue 19 §1–§3: every row accounted for, several sheets of one topic, nothing 未开展 that the ledger holds. */

const accountOf = (result: Awaited<ReturnType<typeof validateLedger>>, sheet: string) =>
  result.ledger.account.find((a) => a.sheet === sheet);

/** The compliant ledger with its 学习培训 records spread over three sheets of the bureau's own names. */
function trainingInThreeSheets(): TestLedger {
  const ledger = withoutSheet(compliantLedger(), '学习培训');
  ledger.中心组学习 = {
    headers: ['学习时间', '学习内容', '参学人员', '意识形态安全专题'],
    rows: [[day('2026-04-15'), '维护意识形态安全专题学习', '党组成员', '是']],
  };
  ledger.主题宣讲 = { headers: ['日期', '宣讲主题', '宣讲人'], rows: [[day('2026-08-15'), '党的创新理论宣讲', '张建国']] };
  ledger.教育培训 = { headers: ['培训日期', '培训内容'], rows: [[day('2026-09-01'), '网络安全培训']] };
  return ledger;
}

describe('several sheets, one topic', () => {
  it('joins 中心组学习, 主题宣讲 and 教育培训 into 学习培训, each finding at its own sheet', async () => {
    const ledger = trainingInThreeSheets();
    setCell(ledger, '主题宣讲', 0, '日期', '2026年13月1日');
    const result = await validateLedger(ledger, yearClosed);
    expect(result.ledger.records.training.map((r) => [r.sheet, r.data.类型])).toEqual([
      ['中心组学习', '中心组专题学习'],
      ['主题宣讲', '主题宣讲'],
      ['教育培训', '教育培训'],
    ]);
    expect(ruleStatus(result, 'R12').status).toBe('达标');
    expect(ofRules(result, 'D02').map((f) => `${f.sheet}!${f.cell}`)).toEqual(['主题宣讲!A2']);
    // The 宣讲 whose date is unreadable might be the year's only one: R13 is not called 未达标.
    expect(ruleStatus(result, 'R13').status).toBe('无法判断');
    expect(ruleStatus(result, 'R13').periods[0]).toMatchObject({ actual: 0, unplaced: 1 });
  });

  it('reads quarter sheets of one topic, and 表名映射 may name several sheets', async () => {
    const base = compliantLedger();
    const quarters = base.分析研判.rows;
    const ledger = withoutSheet(base, '分析研判');
    ['一季度', '二季度', '三季度', '四季度'].forEach((q, i) => {
      ledger[`${q}研判`] = { headers: base.分析研判.headers, rows: i === 3 ? quarters.slice(3) : [quarters[i]] };
    });
    const named = await validateLedger(ledger, yearClosed);
    expect(named.findings).toEqual([]);
    expect(named.ledger.records.analysis).toHaveLength(5);

    const renamed: TestLedger = {};
    for (const [name, sheet] of Object.entries(ledger)) renamed[name.replace('研判', '')] = sheet;
    setSetting(renamed, '表名映射', '分析研判=一季度、二季度、三季度、四季度');
    const mapped = await validateLedger(renamed, yearClosed);
    expect(mapped.findings).toEqual([]);
    expect(ruleStatus(mapped, 'R03').status).toBe('达标');
  });

  it('finds a Sheet1’s topic by its title row, and reads a 目录 or 封面 as no register', async () => {
    const base = compliantLedger();
    const ledger: TestLedger = { 封面: { headers: ['县测试局意识形态工作台账'], rows: [['2026年']] }, ...withoutSheet(base, '专题研究') };
    ledger.目录 = { headers: ['序号', '题名', '日期', '页号'], rows: [[1, '专题研究', day('2026-03-10'), 1]] };
    ledger.Sheet1 = { above: ['县测试局2026年党组会议记录'], headers: base.专题研究.headers, rows: base.专题研究.rows };
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(result.ledger.sheets.research?.name).toBe('Sheet1');
    expect(accountOf(result, '目录')).toEqual({ sheet: '目录', topic: null, records: 0, nonRecords: 2, unplaced: 0, unplacedRows: [] });
    expect(accountOf(result, 'Sheet1')).toEqual({
      sheet: 'Sheet1',
      topic: '专题研究',
      records: 2,
      nonRecords: 2,
      unplaced: 0,
      unplacedRows: [],
    });
  });
});

describe('every row accounted for', () => {
  it('tells records from titles, 合计 rows, pre-numbered blanks and hints, and names the row it could not place', async () => {
    const ledger = compliantLedger();
    const sheet: TestSheet = {
      above: ['县测试局2026年学习培训台账', '填报单位：县测试局办公室（盖章）'],
      headers: ['序号', '日期', '类型', '主题', '参加人数', '意识形态安全专题', '备注', '地点'],
      rows: [
        [1, day('2026-04-15'), '中心组专题学习', '维护意识形态安全专题学习', 12, '是'],
        [2, day('2026-08-15'), '主题宣讲', '党的创新理论宣讲', 80, '否'],
        ['合计', null, null, null, 92],
        [3],
        [4, null, null, null, null, null, '因故改期', '三楼会议室'],
        ['注：类型填写中心组专题学习、主题宣讲或教育培训'],
      ],
    };
    ledger.学习培训 = sheet;
    const result = await validateLedger(ledger, yearClosed);
    expect(accountOf(result, '学习培训')).toEqual({
      sheet: '学习培训',
      topic: '学习培训',
      records: 2,
      nonRecords: 6,
      unplaced: 1,
      unplacedRows: [8],
    });
    const unplaced = ofRules(result, 'D10');
    expect(unplaced.map((f) => [f.cell, f.severity])).toEqual([['G8', 'info']]);
    expect(unplaced[0].message).toContain('“因故改期”');
    expect(accountOf(result, '基本信息')?.topic).toBe('基本信息');
    const json = toJsonReport(result);
    expect(json.account.find((a) => a.sheet === '学习培训')).toEqual({
      sheet: '学习培训',
      topic: '学习培训',
      records: 2,
      nonRecords: 6,
      unplaced: 1,
      unplacedRows: [8],
    });
    expect(renderText(result)).toContain('工作表“学习培训”（学习培训）：记录 2 行，非记录 6 行，未能归类 1 行（第8行）\n');
  });

  it('on random registers: records + non-records + 未能归类 is every row with content', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('record', 'total', 'serial', 'hint', 'stray', 'empty'), { minLength: 1, maxLength: 8 }),
        async (kinds) => {
          const ledger = compliantLedger();
          const rows = kinds.map((kind, i) => {
            if (kind === 'record') return [i + 1, day('2026-05-01'), '教育培训', `培训${i}`, 10, '否'];
            if (kind === 'total') return ['小计', null, null, null, 10];
            if (kind === 'serial') return [i + 1];
            if (kind === 'hint') return ['说明：本表按时间顺序填写'];
            if (kind === 'stray') return [i + 1, null, null, null, null, null, '待补', '会议室'];
            return [];
          });
          ledger.学习培训 = { headers: ['序号', '日期', '类型', '主题', '参加人数', '意识形态安全专题', '备注', '地点'], rows };
          const result = await validateLedger(ledger, yearClosed);
          const a = accountOf(result, '学习培训')!;
          const count = (k: string) => kinds.filter((x) => x === k).length;
          expect(a.records).toBe(count('record'));
          expect(a.unplaced).toBe(count('stray'));
          expect(a.nonRecords).toBe(1 + count('total') + count('serial') + count('hint'));
          // Below the header row, in the order drawn: the stray rows, each with its D10.
          expect(a.unplacedRows).toEqual(kinds.flatMap((k, i) => (k === 'stray' ? [i + 2] : [])));
          expect(ofRules(result, 'D10').map((f) => f.row)).toEqual(a.unplacedRows);
        },
      ),
      { seed: 1901, numRuns: 12 },
    );
  });
});

describe('nothing 未开展 that the ledger holds', () => {
  it('counts a bureau word for a type as the value it means, with a warning naming the 值映射 line', async () => {
    const ledger = compliantLedger();
    for (let i = 0; i < 4; i++) setCell(ledger, '分析研判', i, '分析类型', '季度研判');
    setCell(ledger, '分析研判', 4, '分析类型', '年度综合研判');
    const result = await validateLedger(ledger, yearClosed);
    expect(ruleStatus(result, 'R03').status).toBe('达标');
    expect(ruleStatus(result, 'R02').status).toBe('达标');
    const warnings = ofRules(result, 'D03');
    expect(warnings.map((f) => [f.severity, f.cell])).toEqual([
      ['warning', 'B2'],
      ['warning', 'B6'],
    ]);
    expect(warnings[0].message).toContain('“季度研判”按“季度分析”计');
    expect(warnings[0].message).toContain('值映射：分析研判.分析类型：季度研判=季度分析');
    setSetting(ledger, '值映射', '分析研判.分析类型：季度研判=季度分析；年度综合研判=综合分析');
    expect((await validateLedger(ledger, yearClosed)).findings).toEqual([]);
  });

  it('a type no reading can settle makes its period 无法判断, never 未达标, and says the least count', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '分析研判', 1, '分析类型', '月度分析');
    const result = await validateLedger(ledger, yearClosed);
    const r03 = ruleStatus(result, 'R03');
    expect(r03.status).toBe('无法判断');
    expect(r03.periods.map((p) => p.status)).toEqual(['达标', '无法判断', '达标', '达标']);
    const finding = ofRules(result, 'R03')[0];
    expect(finding.severity).toBe('warning');
    // The record is 未能归类 in the account (its kind is untold) and the message names what was unread.
    expect(finding.message).toContain('实际至少0次，另有1行“分析类型”未能读懂');
    expect(renderText(result)).toContain('R03 无法判断');
    expect(accountOf(result, '分析研判')).toMatchObject({ records: 4, unplaced: 1 });
    // R02 counts 综合分析 only, and its one record was read: the unreadable row cannot change it.
    expect(ruleStatus(result, 'R02').status).toBe('达标');
    // The quarter's own view (validate --period, the reports' tables) says no more than the year's.
    const quarter = scopeRules(result, '2026Q2').rules.find((r) => r.id === 'R03')!;
    expect(quarter.periods).toMatchObject([{ period: '2026Q2', status: '无法判断', actual: 0, unplaced: 1 }]);
  });

  it('a row 未能归类 in a period that is short leaves it 无法判断; one in another period does not', async () => {
    const ledger = compliantLedger();
    ledger.分析研判.rows.splice(1, 1);
    ledger.分析研判.headers.push('备注', '地点');
    ledger.分析研判.rows.push([null, null, null, null, '二季度分析会', '会议室']);
    const result = await validateLedger(ledger, yearClosed);
    // The row holds no date: it might be the second quarter's.
    expect(ruleStatus(result, 'R03').periods[1]).toMatchObject({ status: '无法判断', actual: 0, unplaced: 1 });

    const dated = compliantLedger();
    dated.分析研判.rows.splice(1, 1);
    dated.分析研判.headers.push('备注', '召开');
    dated.分析研判.rows.push([null, null, null, null, '三季度补充', day('2026-09-30')]);
    const other = await validateLedger(dated, yearClosed);
    expect(ruleStatus(other, 'R03').periods[1]).toMatchObject({ status: '未达标', actual: 0 });
  });
});

describe('a diary whose category column has a header of its own', () => {
  it('reads 活动类型 over category words as the category column: no record is dropped', async () => {
    const ledger = withoutSheet(withoutSheet(compliantLedger(), '学习培训'), '专题研究');
    ledger.工作日志 = {
      above: ['县测试局2026年工作日志'],
      headers: ['序号', '日期', '活动类型', '主要内容', '主持人'],
      rows: [
        [1, day('2026-03-10'), '党组会议', '研究部署全年意识形态工作', '张建国'],
        [2, day('2026-04-15'), '中心组学习', '维护意识形态安全专题学习', '张建国'],
        [3, day('2026-08-15'), '专题宣讲', '党的创新理论宣讲', '李明华'],
        [4, day('2026-09-10'), '党组会议', '研究意识形态阵地管理', '张建国'],
      ],
    };
    const result = await validateLedger(ledger, yearClosed);
    expect(result.ledger.records.research).toHaveLength(2);
    expect(result.ledger.records.training.map((r) => r.data.类型)).toEqual(['中心组专题学习', '主题宣讲']);
    expect(accountOf(result, '工作日志')).toMatchObject({ records: 4, unplaced: 0 });
    for (const id of ['R01', 'R12', 'R13']) expect(ruleStatus(result, id).status).toBe('达标');
  });
});
