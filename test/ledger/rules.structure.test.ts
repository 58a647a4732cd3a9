import { describe, expect, it } from 'vitest';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { allPlaced, ofRules, placed, removeColumn, renameHeader, ruleStatus, setCell, withoutSheet } from '../helpers/ledgerCases';
import { day, validateLedger } from '../helpers/ledgerWorkbook';

describe('S01 a sheet of the ledger is missing', () => {
  it('fires as an error on the first sheet for a missing 讲座论坛, naming the requirement it leaves 无法判断, not the sheets present', async () => {
    const result = await validateLedger(withoutSheet(compliantLedger(), '讲座论坛'), yearClosed);
    expect(allPlaced(result)).toEqual(['S01 error 基本信息!A1']);
    expect(result.findings[0].message).toContain('讲座论坛');
    expect(result.findings[0].message).toContain('表名映射：讲座论坛=');
    expect(result.findings[0].message).toContain('R14');
    expect(result.findings[0].message).not.toContain('专题研究');
    expect(ruleStatus(result, 'R14')).toMatchObject({ status: '无法判断', required: 0, actual: 0 });
  });

  it('is only a warning for a missing 问责追究', async () => {
    const result = await validateLedger(withoutSheet(compliantLedger(), '问责追究'), yearClosed);
    expect(allPlaced(result)).toEqual(['S01 warning 基本信息!A1']);
    expect(result.findings[0].message).toContain('问责追究');
  });

  it('reports each missing sheet once; a missing 基本信息 is only an info saying where 单位名称 and 年度 came from', async () => {
    const ledger = withoutSheet(withoutSheet(compliantLedger(), '讲座论坛'), '基本信息');
    const result = await validateLedger(ledger, yearClosed);
    const s01 = ofRules(result, 'S01');
    expect(s01.map(placed)).toEqual(['S01 info 组织架构!A1', 'S01 error 组织架构!A1']);
    expect(s01[0].message).toContain('“基本信息”');
    // Never the validation date's year (issue 19 §4): the year most of its dates fall in.
    expect(s01[0].message).toContain('台账年度2026年取自记录的日期');
    expect(s01[1].message).toContain('“讲座论坛”');
  });

  it('[core bug] with 基本信息 missing, every finding still names a sheet of the workbook (D01s come with sheet "")', async () => {
    const ledger = withoutSheet(compliantLedger(), '基本信息');
    const result = await validateLedger(ledger, yearClosed);
    expect(ofRules(result, 'S01').map(placed)).toEqual(['S01 info 组织架构!A1']);
    const sheets = Object.keys(ledger);
    expect(result.findings.filter((f) => !sheets.includes(f.sheet)).map(placed)).toEqual([]);
    // Without 党组成员, R18 cannot be judged; it is said once, not passed as 达标 0/0.
    expect(ruleStatus(result, 'R18').status).toBe('无法判断');
  });

  it('does not fire when every sheet is there, even as an empty one', async () => {
    const ledger = compliantLedger();
    ledger.讲座论坛.rows = [];
    const result = await validateLedger(ledger, yearClosed);
    expect(ofRules(result, 'S01')).toEqual([]);
  });
});

describe('S02 a column some rule needs is missing', () => {
  it('fires at the header row for a missing 会议日期, naming the column and the requirement left 无法判断', async () => {
    const ledger = compliantLedger();
    removeColumn(ledger, '专题研究', '会议日期');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['S02 error 专题研究!A1']);
    expect(result.findings[0].message).toContain('会议日期');
    expect(result.findings[0].message).toContain('R01');
    expect(result.findings[0].message).toContain('列名映射：专题研究.会议日期=');
    expect(result.findings[0].field).toBe('会议日期');
    expect(ruleStatus(result, 'R01')).toMatchObject({ status: '无法判断', required: 0, actual: 0 });
  });

  it('does not fire for a column no rule reads (主持人, 研究内容, 检查方式): those are optional', async () => {
    const ledger = compliantLedger();
    removeColumn(ledger, '专题研究', '主持人');
    removeColumn(ledger, '专题研究', '研究内容');
    removeColumn(ledger, '检查抽查', '检查方式');
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(ruleStatus(result, 'R01').status).toBe('达标');
  });

  it('points at the header row below a title and a unit line, naming the likely column', async () => {
    const ledger = compliantLedger();
    ledger.专题研究.above = ['县测试局意识形态工作台账——专题研究', '填报单位：办公室'];
    // 召开日 shares one character only with 会议日期's names: not read by its dates, but offered.
    renameHeader(ledger, '专题研究', '会议日期', '召开日');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['S02 error 专题研究!A3']);
    expect(result.findings[0].message).toContain('第3行');
    expect(result.findings[0].message).toContain('是否为“召开日”列？');
    expect(result.findings[0].message).toContain('列名映射：专题研究.会议日期=召开日');
  });

  it('reports the column once, not once per row, naming every requirement that reads it', async () => {
    const ledger = compliantLedger();
    removeColumn(ledger, '检查抽查', '检查日期');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['S02 error 检查抽查!A1']);
    for (const id of ['R06', 'R07', 'R08']) {
      expect(result.findings[0].message).toContain(id);
      expect(ruleStatus(result, id).status).toBe('无法判断');
    }
  });

  it('fires once for a column required only in some rows (整改情况 once 发现问题 is filled), naming the first such row', async () => {
    const ledger = compliantLedger();
    removeColumn(ledger, '检查抽查', '整改情况');
    const result = await validateLedger(ledger, yearClosed);
    const s02 = ofRules(result, 'S02');
    expect(s02.map(placed)).toEqual(['S02 error 检查抽查!A1']);
    expect(s02[0].field).toBe('整改情况');
    expect(s02[0].message).toContain('缺少列“整改情况”');
    expect(s02[0].message).toContain('R19');
    expect(ofRules(result, 'D01')).toEqual([]);
  });

  it('fires for 所属期间 only when a 季度分析 needs it', async () => {
    const ledger = compliantLedger();
    removeColumn(ledger, '分析研判', '所属期间');
    // Without naming its quarter in words: `一季度…` would give the period itself.
    setCell(ledger, '分析研判', 0, '主要情况', '意识形态领域总体平稳');
    const needed = await validateLedger(ledger, yearClosed);
    expect(ofRules(needed, 'S02').map((f) => `${placed(f)} ${f.field}`)).toEqual(['S02 error 分析研判!A1 所属期间']);
    ledger.分析研判.rows = ledger.分析研判.rows.filter((r) => !r.includes('季度分析'));
    const notNeeded = await validateLedger(ledger, yearClosed);
    expect(ofRules(notNeeded, 'S02')).toEqual([]);
  });

  it('does not fire for a missing optional column or a required one under its synonym', async () => {
    const ledger = compliantLedger();
    removeColumn(ledger, '学习培训', '参加人数');
    renameHeader(ledger, '专题研究', '研究内容', '议题');
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });
});

describe('S03 no header row in the first 10 rows', () => {
  it('fires when the header stands in row 12', async () => {
    const ledger = compliantLedger();
    ledger.讲座论坛.above = Array.from({ length: 11 }, (_, i) => `说明第${i + 1}行`);
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['S03 error 讲座论坛!A1']);
    expect(result.findings[0].message).toContain('前10行');
    expect(result.findings[0].message).toContain('活动名称');
  });

  it('does not fire when the header stands in row 10', async () => {
    const ledger = compliantLedger();
    ledger.讲座论坛.above = Array.from({ length: 9 }, (_, i) => `说明第${i + 1}行`);
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(result.ledger.sheets.lecture?.headerRow).toBe(10);
    expect(result.ledger.records.lecture).toHaveLength(1);
  });

  it('fires for an empty sheet', async () => {
    const ledger = compliantLedger();
    ledger.讲座论坛 = { headers: [], rows: [] };
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['S03 error 讲座论坛!A1']);
  });
});

describe('S04 two columns map to one field', () => {
  it('warns at the second column when 会议日期 and 日期 both stand in 专题研究', async () => {
    const ledger = compliantLedger();
    ledger.专题研究.headers.push('日期');
    ledger.专题研究.rows.forEach((row) => row.push(day('2026-01-01')));
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['S04 warning 专题研究!E1']);
    expect(result.findings[0].message).toContain('日期');
    expect(result.findings[0].message).toContain('A列');
    expect(result.findings[0].message).toContain('会议日期');
    // The first column is the one read.
    expect(result.ledger.records.research.map((r) => r.data.会议日期)).toEqual(['2026-03-10', '2026-09-10']);
  });

  it('does not fire when 日期 stands in place of 会议日期', async () => {
    const ledger = compliantLedger();
    renameHeader(ledger, '专题研究', '会议日期', '日期');
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });
});
