import { describe, expect, it } from 'vitest';
import { ruleTable } from '../../ledger/check/ruleTable';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { allPlaced, ofRules, placed, removeSetting, ruleStatus, setCell, setSetting } from '../helpers/ledgerCases';
import { day, moment, validateLedger } from '../helpers/ledgerWorkbook';

describe('R08 inspection results reported to the party group after the inspection', () => {
  it('fires at 上报党组日期 when it precedes 检查日期, naming both dates', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '检查抽查', 0, '上报党组日期', day('2026-05-09'));
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R08 error 检查抽查!H2']);
    expect(result.findings[0].message).toContain('2026年5月9日');
    expect(result.findings[0].message).toContain('2026年5月10日');
    expect(ruleStatus(result, 'R08')).toMatchObject({ status: '未达标', required: 4, actual: 3 });
  });

  it('does not fire for a report on the day of the inspection', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '检查抽查', 0, '上报党组日期', day('2026-05-10'));
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });

  it('a missing 上报党组日期 is D01, not R08', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '检查抽查', 0, '上报党组日期', null);
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D01 error 检查抽查!H2']);
  });
});

describe('R14 lectures registered and approved ahead', () => {
  it('does not fire for approval exactly 讲座审批提前天数 (1) day before the activity', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '讲座论坛', 0, '审批日期', day('2026-05-09'));
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });

  it('fires at 审批日期 for approval on the day of the activity', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '讲座论坛', 0, '审批日期', day('2026-05-10'));
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R14 error 讲座论坛!E2']);
    const { message } = result.findings[0];
    expect(message).toContain('法治讲座');
    expect(message).toContain('提前1天');
    expect(message).toContain('2026年5月9日');
    expect(ruleStatus(result, 'R14')).toMatchObject({ status: '未达标', required: 1, actual: 0 });
  });

  it('follows 讲座审批提前天数 = 3: three days ahead passes, two fail', async () => {
    const ledger = compliantLedger();
    setSetting(ledger, '讲座审批提前天数', 3);
    setCell(ledger, '讲座论坛', 0, '审批日期', day('2026-05-07'));
    expect((await validateLedger(ledger, yearClosed)).findings).toEqual([]);
    setCell(ledger, '讲座论坛', 0, '审批日期', day('2026-05-08'));
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R14 error 讲座论坛!E2']);
    expect(result.findings[0].message).toContain('提前3天');
    expect(result.findings[0].message).toContain('2026年5月7日');
  });

  it('fires at 审批结果 for an activity held although refused', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '讲座论坛', 0, '审批结果', '不同意');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R14 error 讲座论坛!F2']);
    expect(result.findings[0].message).toContain('不同意');
  });

  it('fires at 登记日期 when registration came after approval', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '讲座论坛', 0, '登记日期', day('2026-05-04'));
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R14 error 讲座论坛!D2']);
    expect(result.findings[0].message).toContain('2026年5月4日');
    expect(result.findings[0].message).toContain('2026年5月3日');
  });

  it('does not judge an activity dated after asOf', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '讲座论坛', 0, '审批结果', '不同意');
    const before = await validateLedger(ledger, '2026-05-09');
    expect(ofRules(before, 'R14')).toEqual([]);
    const on = await validateLedger(ledger, '2026-05-10');
    expect(ofRules(on, 'R14').map(placed)).toEqual(['R14 error 讲座论坛!F2']);
  });
});

describe('R15 discovered, assessed, reported, handled in that order', () => {
  it('fires at 研判时间 before 发现时间', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '舆情处置', 0, '研判时间', moment('2026-05-12T09:00'));
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R15 error 舆情处置!D2']);
    expect(result.findings[0].message).toContain('网络不实信息');
    expect(result.findings[0].message).toContain('2026年5月12日 09:00');
    expect(result.findings[0].message).toContain('2026年5月12日 09:30');
  });

  it('fires at 报送时间 before 研判时间', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '舆情处置', 0, '报送时间', moment('2026-05-12T10:00'));
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R15 error 舆情处置!E2']);
    expect(result.findings[0].message).toContain('早于研判时间');
  });

  it('does not fire for steps at the same minute, or a step left empty', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '舆情处置', 0, '研判时间', null);
    setCell(ledger, '舆情处置', 0, '报送时间', moment('2026-05-12T09:30'));
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });
});

describe('R16 each step within its time limit', () => {
  it('warns for a late 研判 of an ordinary event, naming the hours and the limit', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '舆情处置', 0, '是否重大', '否');
    setCell(ledger, '舆情处置', 0, '研判时间', moment('2026-05-12T12:00'));
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R16 warning 舆情处置!D2']);
    expect(result.findings[0].message).toContain('2.5 小时');
    expect(result.findings[0].message).toContain('2小时');
    expect(ruleStatus(result, 'R16')).toMatchObject({ status: '未达标', required: 1, actual: 0 });
  });

  it('is an error for a 重大 event', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '舆情处置', 0, '研判时间', moment('2026-05-12T12:00'));
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R16 error 舆情处置!D2']);
    expect(result.findings[0].message).toContain('重大舆情');
  });

  it('does not fire for a step exactly at its limit', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '舆情处置', 0, '研判时间', moment('2026-05-12T11:30'));
    setCell(ledger, '舆情处置', 0, '报送时间', moment('2026-05-12T13:30'));
    setCell(ledger, '舆情处置', 0, '处置时间', moment('2026-05-13T09:30'));
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });

  it('[core bug] counts hours across midnight: 研判 23.5 hours after discovery is late', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '舆情处置', 0, '是否重大', '否');
    setCell(ledger, '舆情处置', 0, '研判时间', moment('2026-05-13T09:00'));
    setCell(ledger, '舆情处置', 0, '报送时间', moment('2026-05-13T09:10'));
    setCell(ledger, '舆情处置', 0, '处置时间', moment('2026-05-13T09:20'));
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R16 warning 舆情处置!D2', 'R16 warning 舆情处置!E2']);
    expect(result.findings[0].message).toContain('23.5 小时');
  });

  it('[core bug] reports each late step at its own cell, and follows the limits in 基本信息 (处置 22.5 h > 12 h)', async () => {
    const ledger = compliantLedger();
    setSetting(ledger, '舆情报送时限（小时）', 1);
    setSetting(ledger, '舆情处置时限（小时）', 12);
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R16 error 舆情处置!E2', 'R16 error 舆情处置!F2']);
    expect(result.findings[0].message).toContain('1小时');
    expect(result.findings[1].message).toContain('12小时');
  });
});

describe('R17 a 重大 event reported and handled once its limit has passed', () => {
  it('does not fire before the limit, and fires at each empty step after it', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '舆情处置', 0, '报送时间', null);
    setCell(ledger, '舆情处置', 0, '处置时间', null);
    // Found 2026-05-12 09:30, limit 24 hours: passed only from 2026-05-14 on.
    const within = await validateLedger(ledger, '2026-05-13');
    expect(ofRules(within, 'R17')).toEqual([]);
    const after = await validateLedger(ledger, '2026-05-14');
    expect(ofRules(after, 'R17').map(placed)).toEqual(['R17 error 舆情处置!E2', 'R17 error 舆情处置!F2']);
    expect(ofRules(after, 'R17')[0].message).toContain('报送时间');
    expect(ofRules(after, 'R17')[0].message).toContain('24小时');
    expect(ruleStatus(after, 'R17')).toMatchObject({ status: '未达标', required: 1, actual: 0 });
  });

  it('fires for a missing 处置时间 once the year is closed', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '舆情处置', 0, '处置时间', null);
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R17 error 舆情处置!F2']);
    expect(result.findings[0].message).toContain('网络不实信息');
  });

  it('does not fire for an ordinary event left unhandled', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '舆情处置', 0, '是否重大', '否');
    setCell(ledger, '舆情处置', 0, '报送时间', null);
    setCell(ledger, '舆情处置', 0, '处置时间', null);
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });
});

describe('R18 分管领导 are 党组成员', () => {
  it('warns at the 分管领导 of a unit who is not a member', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '组织架构', 2, '分管领导', '赵六');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R18 warning 组织架构!E4']);
    expect(result.findings[0].message).toContain('赵六');
    expect(result.findings[0].message).toContain('城关站');
    expect(result.findings[0].message).toContain('张建国、李明华、王志强');
  });

  it('is 无法判断 when 党组成员 is not filled: one info, no accusation, never 达标 0/0', async () => {
    const ledger = compliantLedger();
    removeSetting(ledger, '党组成员');
    setCell(ledger, '组织架构', 2, '分管领导', '赵六');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R18 info 基本信息!A1']);
    expect(result.findings[0].message).toContain('党组成员');
    expect(ruleStatus(result, 'R18')).toMatchObject({ status: '无法判断', required: 0, actual: 0 });
  });

  it('does not fire for members listed with other separators and spaces', async () => {
    const ledger = compliantLedger();
    setSetting(ledger, '党组成员', '张建国；李 明华\n王志强');
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(result.ledger.settings.党组成员).toEqual(['张建国', '李 明华', '王志强']);
  });
});

describe('R19 problems put right by their deadline', () => {
  it('warns at 整改期限 once it has passed with 整改中', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '检查抽查', 1, '整改情况', '整改中');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R19 warning 检查抽查!G3']);
    expect(result.findings[0].message).toContain('业务股');
    expect(result.findings[0].message).toContain('2026年6月30日');
    expect(result.findings[0].message).toContain('整改中');
  });

  it('does not fire on the deadline itself, and fires the day after', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '检查抽查', 1, '整改情况', '未整改');
    expect(ofRules(await validateLedger(ledger, '2026-06-30'), 'R19')).toEqual([]);
    expect(ofRules(await validateLedger(ledger, '2026-07-01'), 'R19').map(placed)).toEqual(['R19 warning 检查抽查!G3']);
  });

  it('does not fire once 已整改', async () => {
    const result = await validateLedger(compliantLedger(), yearClosed);
    expect(ruleStatus(result, 'R19')).toMatchObject({ status: '达标', required: 1, actual: 1 });
    expect(ofRules(result, 'R19')).toEqual([]);
  });
});

describe('the rule table says what each requirement judges', () => {
  it('R08, R14–R17 and R19 judge records one by one, R18 the settings, the other requirements counts per period', () => {
    const judges = (kind: string) => ruleTable.filter((r) => r.judged?.judges === kind).map((r) => r.id);
    expect(judges('records')).toEqual(['R08', 'R14', 'R15', 'R16', 'R17', 'R19']);
    expect(judges('settings')).toEqual(['R18']);
    expect(judges('periods')).toEqual(['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R09', 'R10', 'R11', 'R12', 'R13']);
    expect(ruleTable.filter((r) => r.kind !== 'requirement').every((r) => r.judged === null)).toBe(true);
  });
});
