import { describe, expect, it } from 'vitest';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { addRow, allPlaced, ofRules, placed, removeSetting, setCell, setSetting } from '../helpers/ledgerCases';
import { day, validateLedger, type TestCell } from '../helpers/ledgerWorkbook';

const research = (date: TestCell, content = '研究网络意识形态工作') => ({
  会议日期: date,
  会议名称: '党组会议',
  主持人: '张建国',
  研究内容: content,
});

describe('D01 a required cell is empty', () => {
  it('fires at the empty 主持人 cell', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '专题研究', 0, '主持人', null);
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D01 error 专题研究!C2']);
    expect(result.findings[0].message).toContain('主持人');
    expect(result.findings[0].field).toBe('主持人');
  });

  it('treats a cell of spaces as empty', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '专题研究', 1, '研究内容', '   ');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D01 error 专题研究!D3']);
  });

  it('requires 所属期间 of a 季度分析', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '分析研判', 2, '所属期间', null);
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D01 error 分析研判!C4']);
    expect(result.findings[0].message).toContain('季度分析');
    expect(result.findings[0].message).toContain('所属期间');
  });

  it('does not require 所属期间 of a 专项研判', async () => {
    const ledger = compliantLedger();
    addRow(ledger, '分析研判', { 分析日期: day('2026-08-01'), 分析类型: '专项研判', 主要情况: '网络舆情专项研判' });
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });

  it('requires 整改情况 once 发现问题 is filled', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '检查抽查', 0, '发现问题', '学习记录不全');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D01 error 检查抽查!F2']);
    expect(result.findings[0].message).toContain('发现问题');
    expect(result.findings[0].message).toContain('整改情况');
  });

  it('does not fire when the problem found is marked 无需整改', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '检查抽查', 0, '发现问题', '学习记录不全');
    setCell(ledger, '检查抽查', 0, '整改情况', '无需整改');
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });

  it('requires 所属期间 of a 半年通报', async () => {
    const ledger = compliantLedger();
    // Dated within the half, so the record still counts toward it by its date.
    setCell(ledger, '情况通报', 0, '通报日期', day('2026-06-30'));
    setCell(ledger, '情况通报', 0, '所属期间', null);
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D01 error 情况通报!C2']);
    expect(result.findings[0].message).toContain('半年通报');
  });

  it('does not require 所属期间 of a 年度通报', async () => {
    const ledger = compliantLedger();
    addRow(ledger, '情况通报', { 通报日期: day('2026-12-30'), 通报类型: '年度通报', 通报范围: '全局', 通报内容: '全年情况' });
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });
});

describe('D01 in 基本信息', () => {
  it('fires at the value cell of a key left empty', async () => {
    const ledger = compliantLedger();
    setSetting(ledger, '责任部室', null);
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D01 error 基本信息!B6']);
    expect(result.findings[0].message).toContain('责任部室');
  });

  it('fires at the sheet’s A1 for a key that has no row, naming it', async () => {
    const ledger = compliantLedger();
    removeSetting(ledger, '单位名称');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D01 error 基本信息!A1']);
    expect(result.findings[0].message).toContain('单位名称');
    expect(result.unit).toBe('');
  });

  it('does not fire for optional keys left out (their defaults apply; R18 says once it cannot judge)', async () => {
    const ledger = compliantLedger();
    removeSetting(ledger, '党组成员');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R18 info 基本信息!A1']);
    expect(result.ledger.settings).toMatchObject({ 宽限天数: 15, 讲座审批提前天数: 1, 定期检查周期: '年度', '舆情处置时限（小时）': 24 });
  });
});

describe('D02 a date cannot be read', () => {
  it('fires at 2026年13月1日, quoting it', async () => {
    const ledger = compliantLedger();
    addRow(ledger, '专题研究', research('2026年13月1日'));
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D02 error 专题研究!A4']);
    expect(result.findings[0].message).toContain('2026年13月1日');
    expect(result.findings[0].value).toBe('2026年13月1日');
    expect(result.ledger.records.research).toHaveLength(3);
    expect(result.ledger.records.research[2].data.会议日期).toBeUndefined();
  });

  it('does not fire at 2026年12月1日', async () => {
    const ledger = compliantLedger();
    addRow(ledger, '专题研究', research('2026年12月1日'));
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(result.ledger.records.research[2].data.会议日期).toBe('2026-12-01');
  });
});

describe('D03 a value is not one of the allowed values', () => {
  it('fires for an enum value outside the list, listing the allowed ones', async () => {
    const ledger = compliantLedger();
    addRow(ledger, '检查抽查', {
      检查日期: day('2026-06-01'),
      检查类型: '专项检查',
      被检查单位: '业务股',
      检查方式: '查阅资料',
      上报党组日期: day('2026-06-02'),
    });
    const result = await validateLedger(ledger, yearClosed);
    // The record's kind is unread, so its row is also 未能归类 (D10, issue 19 §1).
    expect(allPlaced(result)).toEqual(['D03 error 检查抽查!B6', 'D10 info 检查抽查!B6']);
    expect(result.findings[0].message).toContain('专项检查');
    expect(result.findings[0].message).toContain('定期检查、不定期抽查');
  });

  it('accepts the alias 抽查 for 不定期抽查', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '检查抽查', 3, '检查类型', '抽查');
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(result.ledger.records.inspection[3].data.检查类型).toBe('不定期抽查');
  });

  it('fires for a yes/no cell that is neither', async () => {
    const ledger = compliantLedger();
    addRow(ledger, '学习培训', { 日期: day('2026-09-01'), 类型: '教育培训', 主题: '保密教育', 意识形态安全专题: '不确定' });
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D03 error 学习培训!E4']);
    expect(result.findings[0].message).toContain('不确定');
    expect(result.findings[0].message).toContain('是/否');
  });

  it('does not fire for 检查方式 the plan’s list (ending in 等) does not name, and reads 现场查看 as 实地检查', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '检查抽查', 3, '检查方式', '查阅资料、电话抽查、个别访谈、现场查看、问询谈话');
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(result.ledger.records.inspection[3].data.检查方式).toEqual(['查阅资料', '电话抽查', '个别访谈', '实地检查', '问询谈话']);
  });

  it('fires for a 专题汇报 from a 股室', async () => {
    const ledger = compliantLedger();
    addRow(ledger, '专题汇报', {
      汇报单位: '业务股',
      汇报日期: day('2026-06-22'),
      所属半年: '上半年',
      汇报形式: '综合',
      汇报内容: '工作总结',
    });
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D03 error 专题汇报!A6']);
    expect(result.findings[0].message).toContain('业务股');
    expect(result.findings[0].message).toContain('股室');
  });

  it('does not fire for a 专题汇报 from a 党支部 spelled with a space', async () => {
    const ledger = compliantLedger();
    addRow(ledger, '专题汇报', {
      汇报单位: '第一 党支部',
      汇报日期: day('2026-06-22'),
      所属半年: '上半年',
      汇报形式: '综合',
      汇报内容: '补充汇报',
    });
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });

  it('fires for a setting outside its list (定期检查周期 = 每月) at the setting cell', async () => {
    const ledger = compliantLedger();
    setSetting(ledger, '定期检查周期', '每月');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D03 error 基本信息!B8']);
    expect(result.findings[0].message).toContain('年度、半年、季度');
  });
});

describe('D04 a date lies outside 台账年度', () => {
  it('warns at a 2025 date, naming the date and the year', async () => {
    const ledger = compliantLedger();
    addRow(ledger, '专题研究', research(day('2025-12-20')));
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D04 warning 专题研究!A4']);
    expect(result.findings[0].message).toContain('2025年12月20日');
    expect(result.findings[0].message).toContain('2026年');
    // Nor does it count toward R01 of 2026.
    expect(result.rules.find((r) => r.id === 'R01')?.actual).toBe(2);
  });

  it('warns at a period of another year', async () => {
    const ledger = compliantLedger();
    addRow(ledger, '分析研判', { 分析日期: day('2026-01-05'), 分析类型: '专项研判', 所属期间: '2025Q4', 主要情况: '上年末研判补记' });
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D04 warning 分析研判!C7']);
    expect(result.findings[0].message).toContain('2025年第四季度');
  });

  it('does not fire on the first and last day of the year', async () => {
    const ledger = compliantLedger();
    addRow(ledger, '专题研究', research(day('2026-01-01'), '年初研究'));
    addRow(ledger, '专题研究', research(day('2026-12-31'), '年末研究'));
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });
});

describe('D05 a date lies after asOf', () => {
  it('warns at each date after the validation date', async () => {
    const result = await validateLedger(compliantLedger(), '2026-12-21');
    expect(ofRules(result, 'D05').map((f) => `${f.sheet}!${f.cell} ${f.severity}`)).toEqual(['分析研判!A6 warning', '情况通报!A3 warning']);
    expect(ofRules(result, 'D05')[0].message).toContain('2026年12月22日');
    expect(ofRules(result, 'D05')[0].message).toContain('2026年12月21日');
  });

  it('does not fire for a 整改期限 or an approved 活动日期 still ahead (they are plans)', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '检查抽查', 1, '整改情况', '整改中');
    setCell(ledger, '检查抽查', 1, '整改期限', day('2026-12-30'));
    setCell(ledger, '讲座论坛', 0, '登记日期', day('2026-12-01'));
    setCell(ledger, '讲座论坛', 0, '审批日期', day('2026-12-05'));
    setCell(ledger, '讲座论坛', 0, '活动日期', day('2026-12-31'));
    const result = await validateLedger(ledger, '2026-12-29');
    expect(result.findings).toEqual([]);
  });

  it('fires for an approval dated after the validation date', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '讲座论坛', 0, '登记日期', day('2026-12-01'));
    setCell(ledger, '讲座论坛', 0, '审批日期', day('2026-12-30'));
    setCell(ledger, '讲座论坛', 0, '活动日期', day('2026-12-31'));
    const result = await validateLedger(ledger, '2026-12-29');
    expect(allPlaced(result)).toEqual(['D05 warning 讲座论坛!E2']);
  });
});

describe('D06 a unit name is not in 组织架构', () => {
  it('fires at 业务骨 and suggests 业务股', async () => {
    const ledger = compliantLedger();
    addRow(ledger, '检查抽查', {
      检查日期: day('2026-11-01'),
      检查类型: '不定期抽查',
      被检查单位: '业务骨',
      检查方式: '实地检查',
      上报党组日期: day('2026-11-02'),
    });
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D06 error 检查抽查!C6']);
    expect(result.findings[0].message).toContain('业务骨');
    expect(result.findings[0].message).toContain('是否应为“业务股”');
  });

  it('fires at a 汇报单位 第二党支部 and suggests 第一党支部', async () => {
    const ledger = compliantLedger();
    addRow(ledger, '专题汇报', {
      汇报单位: '第二党支部',
      汇报日期: day('2026-06-22'),
      所属半年: '上半年',
      汇报形式: '专题',
      汇报内容: '汇报',
    });
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D06 error 专题汇报!A6']);
    expect(result.findings[0].message).toContain('是否应为“第一党支部”');
  });

  it('lists the units when no name is close', async () => {
    const ledger = compliantLedger();
    addRow(ledger, '检查抽查', {
      检查日期: day('2026-11-01'),
      检查类型: '不定期抽查',
      被检查单位: '县人民医院药剂科',
      检查方式: '实地检查',
      上报党组日期: day('2026-11-02'),
    });
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D06 error 检查抽查!C6']);
    expect(result.findings[0].message).toContain('办公室、业务股、城关站、机关党总支、第一党支部');
  });

  it('does not fire for a known unit typed with a space', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '检查抽查', 2, '被检查单位', '城关 站');
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });
});

describe('D07 a number is not a whole number in range', () => {
  for (const [value, shown] of [
    [0, '0'],
    [3.5, '3.5'],
    ['三十', '三十'],
  ] as const) {
    it(`fires for 参加人数 ${shown}`, async () => {
      const ledger = compliantLedger();
      setCell(ledger, '学习培训', 0, '参加人数', value);
      const result = await validateLedger(ledger, yearClosed);
      expect(allPlaced(result)).toEqual(['D07 error 学习培训!D2']);
      expect(result.findings[0].message).toContain(shown);
      expect(result.findings[0].message).toContain('整数');
    });
  }

  it('does not fire for 30人 or full-width digits', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '学习培训', 0, '参加人数', '30人');
    setCell(ledger, '学习培训', 1, '参加人数', '１２');
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(result.ledger.records.training.map((r) => r.data.参加人数)).toEqual([30, 12]);
  });

  it('does not fire for settings written with their unit: 2026年, 10天, 30小时', async () => {
    const ledger = compliantLedger();
    setSetting(ledger, '台账年度', '2026年');
    setSetting(ledger, '宽限天数', '10天');
    setSetting(ledger, '舆情处置时限（小时）', '30小时');
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(result.ledger.settings).toMatchObject({ 台账年度: 2026, 宽限天数: 10, '舆情处置时限（小时）': 30 });
  });

  it('fires for a setting that is not a whole number (宽限天数 十五) at its cell', async () => {
    const ledger = compliantLedger();
    setSetting(ledger, '宽限天数', '十五');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D07 error 基本信息!B8']);
    expect(result.findings[0].message).toContain('十五');
    expect(result.ledger.settings.宽限天数).toBe(15);
  });
});

describe('D07 for a required setting', () => {
  it('[core bug] 台账年度 that is not a number is one D07 at its cell, not also a D01 (the cell is not empty)', async () => {
    const ledger = compliantLedger();
    setSetting(ledger, '台账年度', '二〇二六');
    const result = await validateLedger(ledger, yearClosed);
    const atCell = result.findings.filter((f) => f.sheet === '基本信息');
    expect(atCell.map(placed)).toEqual(['D07 error 基本信息!B3']);
    expect(atCell[0].message).toContain('二〇二六');
  });

  it('台账年度 out of range is one D07 at its cell', async () => {
    const ledger = compliantLedger();
    setSetting(ledger, '台账年度', 1999);
    const result = await validateLedger(ledger, yearClosed);
    const atCell = result.findings.filter((f) => f.sheet === '基本信息');
    expect(atCell.map(placed)).toEqual(['D07 error 基本信息!B3']);
    expect(atCell[0].message).toContain('2000 到 2100');
  });
});

describe('D08 two records of a sheet are identical', () => {
  it('warns at the repeated row, naming both rows', async () => {
    const ledger = compliantLedger();
    ledger.专题研究.rows.push([...ledger.专题研究.rows[0]]);
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D08 warning 专题研究!A4']);
    expect(result.findings[0].message).toContain('第4行');
    expect(result.findings[0].message).toContain('第2行');
  });

  it('does not fire when one field differs', async () => {
    const ledger = compliantLedger();
    const copy = [...ledger.专题研究.rows[0]];
    copy[3] = '研究部署意识形态阵地建设';
    ledger.专题研究.rows.push(copy);
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });

  it('does not fire when a text differs only inside, keeping its length and ends', async () => {
    const ledger = compliantLedger();
    const copy = [...ledger.专题研究.rows[0]];
    copy[3] = '研究部署网络意识形态阵地建设工作';
    ledger.专题研究.rows[0][3] = '研究部署基层意识形态阵地建设工作';
    ledger.专题研究.rows.push(copy);
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });
});

describe('D09 组织架构 lists a unit twice', () => {
  it('fires at the second 办公室, naming the first row', async () => {
    const ledger = compliantLedger();
    ledger.组织架构.rows.push(['办公室', '股室', '陈七', '陈七', '李明华']);
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D09 error 组织架构!A7']);
    expect(result.findings[0].message).toContain('办公室');
    expect(result.findings[0].message).toContain('第2行');
  });

  it('fires for the same name typed with spaces', async () => {
    const ledger = compliantLedger();
    ledger.组织架构.rows.push(['办 公 室', '股室', '陈七', '陈七', '李明华']);
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D09 error 组织架构!A7']);
  });

  it('does not fire for a new name', async () => {
    const ledger = compliantLedger();
    ledger.组织架构.rows.push(['办公室二组', '股室', '陈七', '陈七', '李明华']);
    const result = await validateLedger(ledger, yearClosed);
    expect(ofRules(result, 'D09')).toEqual([]);
    // The new 股室 had no 定期检查, which is R06's business, not D09's.
    expect(allPlaced(result)).toEqual(['R06 error 检查抽查!A1']);
  });
});
