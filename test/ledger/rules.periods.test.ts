import { describe, expect, it } from 'vitest';
import type { Finding } from '../../ledger/findings';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { addRow, allPlaced, ofRules, placed, ruleStatus, setCell, setSetting } from '../helpers/ledgerCases';
import { day, validateLedger, type TestLedger } from '../helpers/ledgerWorkbook';

/** Drops data rows of a sheet by their 0-based indexes. */
function dropRows(ledger: TestLedger, sheet: string, ...indexes: number[]): void {
  ledger[sheet].rows = ledger[sheet].rows.filter((_, i) => !indexes.includes(i));
}

/** `2026年第三季度 城关站` for a per-unit finding, `2026年 ` for one of the whole bureau. */
function periodAndUnit(f: Finding): string {
  const m = /^(\d{4}年(?:第.季度|[上下]半年)?)(?:“(.+?)”)?/u.exec(f.message);
  if (!m) throw new Error(`message names no period: ${f.message}`);
  return `${m[1]} ${m[2] ?? ''}`.trim();
}

describe('R01 two 专题研究 a year, one by the end of the first half', () => {
  it('with only the September meeting: a warning for the half, an error for the year', async () => {
    const ledger = compliantLedger();
    dropRows(ledger, '专题研究', 0);
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R01 warning 专题研究!A1', 'R01 error 专题研究!A1']);
    const [half, year] = result.findings;
    expect(half.message).toContain('2026年上半年');
    expect(half.message).toContain('要求1次，实际0次');
    expect(half.message).toContain('逾期');
    expect(year.message).toMatch(/^2026年未/u);
    expect(year.message).toContain('要求2次，实际1次');
    expect(year.message).toContain('2027年1月15日');
  });

  it('counts a meeting typed twice once: D08 on the repeat, and the year still one short', async () => {
    const ledger = compliantLedger();
    dropRows(ledger, '专题研究', 0);
    ledger.专题研究.rows.push([...ledger.专题研究.rows[0]]);
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R01 warning 专题研究!A1', 'R01 error 专题研究!A1', 'D08 warning 专题研究!A3']);
    expect(ruleStatus(result, 'R01')).toMatchObject({ status: '未达标', required: 2, actual: 1 });
  });

  it('reports its status: 未达标, 2 required, 1 done, by half and year', async () => {
    const ledger = compliantLedger();
    dropRows(ledger, '专题研究', 0);
    const result = await validateLedger(ledger, yearClosed);
    expect(ruleStatus(result, 'R01')).toEqual({
      id: 'R01',
      title: '每年至少开展2次意识形态工作专题研究',
      status: '未达标',
      required: 2,
      actual: 1,
      periods: [
        { period: '2026H1', label: '2026年上半年', unit: null, status: '未达标', required: 1, actual: 0, due: '2026-07-15' },
        { period: '2026', label: '2026年', unit: null, status: '未达标', required: 2, actual: 1, due: '2027-01-15' },
      ],
    });
  });

  it('the half-year checkpoint is info until 宽限天数 after June, then a warning', async () => {
    const ledger = compliantLedger();
    dropRows(ledger, '专题研究', 0, 1);
    const before = await validateLedger(ledger, '2026-07-15');
    expect(ofRules(before, 'R01').map(placed)).toEqual(['R01 info 专题研究!A1', 'R01 info 专题研究!A1']);
    expect(ofRules(before, 'R01')[0].message).toContain('进行中');
    expect(ruleStatus(before, 'R01').status).toBe('进行中');
    const after = await validateLedger(ledger, '2026-07-16');
    expect(ofRules(after, 'R01').map(placed)).toEqual(['R01 warning 专题研究!A1', 'R01 info 专题研究!A1']);
    expect(ruleStatus(after, 'R01').status).toBe('未达标');
  });

  it('does not fire for one meeting on the last day of the first half and one in the second', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '专题研究', 0, '会议日期', day('2026-06-30'));
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });
});

describe('R02 one 综合分析 a year', () => {
  it('fires as an error once the year is due when the 综合分析 is missing', async () => {
    const ledger = compliantLedger();
    dropRows(ledger, '分析研判', 4);
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R02 error 分析研判!A1']);
    expect(result.findings[0].message).toContain('2026年');
    expect(result.findings[0].message).toContain('综合分析');
  });

  it('a 专项研判 does not count for it, and before the year is due it is info', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '分析研判', 4, '分析类型', '专项研判');
    setCell(ledger, '分析研判', 4, '分析日期', day('2026-11-22'));
    const result = await validateLedger(ledger, '2026-12-21');
    expect(ofRules(result, 'R02').map(placed)).toEqual(['R02 info 分析研判!A1']);
    expect(ruleStatus(result, 'R02')).toMatchObject({ status: '进行中', required: 1, actual: 0 });
  });

  it('does not fire for a 综合分析 without 所属期间, counted by its date', async () => {
    const result = await validateLedger(compliantLedger(), yearClosed);
    expect(ruleStatus(result, 'R02')).toMatchObject({ status: '达标', required: 1, actual: 1 });
    expect(ofRules(result, 'R02')).toEqual([]);
  });
});

describe('R03 a 季度分析 every quarter', () => {
  const withoutQ3 = () => {
    const ledger = compliantLedger();
    dropRows(ledger, '分析研判', 2);
    return ledger;
  };

  it('fires for the missing third quarter once the year is closed', async () => {
    const result = await validateLedger(withoutQ3(), yearClosed);
    expect(allPlaced(result)).toEqual(['R03 error 分析研判!A1']);
    expect(result.findings[0].message).toContain('2026年第三季度');
    expect(result.findings[0].message).toContain('季度分析');
  });

  it('is info on 2026-10-10 and an error on 2026-10-20 with 15 grace days', async () => {
    const early = await validateLedger(withoutQ3(), '2026-10-10');
    expect(ofRules(early, 'R03').map(placed)).toEqual(['R03 info 分析研判!A1']);
    expect(ofRules(early, 'R03')[0].message).toContain('2026年第三季度');
    expect(ofRules(early, 'R03')[0].message).toContain('进行中');
    expect(ofRules(early, 'R03')[0].message).toContain('2026年10月15日');
    const late = await validateLedger(withoutQ3(), '2026-10-20');
    expect(ofRules(late, 'R03').map(placed)).toEqual(['R03 error 分析研判!A1']);
    expect(ofRules(late, 'R03')[0].message).toContain('逾期');
  });

  it('is due on the last grace day, not before: info on 10-15, error on 10-16', async () => {
    const last = await validateLedger(withoutQ3(), '2026-10-15');
    expect(ofRules(last, 'R03').map(placed)).toEqual(['R03 info 分析研判!A1']);
    const next = await validateLedger(withoutQ3(), '2026-10-16');
    expect(ofRules(next, 'R03').map(placed)).toEqual(['R03 error 分析研判!A1']);
  });

  it('follows 宽限天数: with 30 grace days 2026-10-20 is still info', async () => {
    const ledger = withoutQ3();
    setSetting(ledger, '宽限天数', 30);
    const result = await validateLedger(ledger, '2026-10-20');
    expect(ofRules(result, 'R03').map(placed)).toEqual(['R03 info 分析研判!A1']);
    expect(ofRules(result, 'R03')[0].message).toContain('2026年10月30日');
  });

  it('reports its status by quarter: 进行中 before due, 未达标 after', async () => {
    const ledger = compliantLedger();
    dropRows(ledger, '分析研判', 2, 3);
    const early = await validateLedger(ledger, '2026-10-10');
    expect(ruleStatus(early, 'R03')).toMatchObject({ status: '进行中', required: 4, actual: 2 });
    expect(ruleStatus(early, 'R03').periods.map((p) => [p.label, p.status, p.required, p.actual, p.due])).toEqual([
      ['2026年第一季度', '达标', 1, 1, '2026-04-15'],
      ['2026年第二季度', '达标', 1, 1, '2026-07-15'],
      ['2026年第三季度', '进行中', 1, 0, '2026-10-15'],
      ['2026年第四季度', '进行中', 1, 0, '2027-01-15'],
    ]);
    const late = await validateLedger(ledger, '2026-10-20');
    expect(ruleStatus(late, 'R03').status).toBe('未达标');
    expect(ruleStatus(late, 'R03').periods[2].status).toBe('未达标');
    // The fourth quarter has begun but is not due: info, not error.
    expect(ofRules(late, 'R03').map(placed)).toEqual(['R03 error 分析研判!A1', 'R03 info 分析研判!A1']);
  });

  it('says nothing about a quarter that has not begun', async () => {
    const ledger = compliantLedger();
    dropRows(ledger, '分析研判', 2, 3);
    const result = await validateLedger(ledger, '2026-09-20');
    expect(ofRules(result, 'R03').map(periodAndUnit)).toEqual(['2026年第三季度']);
    expect(ruleStatus(result, 'R03').periods[3].status).toBe('进行中');
  });

  it('counts a 季度分析 by its 所属期间, not its date (Q3 analysed in October)', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '分析研判', 2, '分析日期', day('2026-10-08'));
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });
});

describe('R04 one 情况通报 a year', () => {
  it('fires (with both halves of R05) when there is no 通报 at all', async () => {
    const ledger = compliantLedger();
    ledger.情况通报.rows = [];
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R04 error 情况通报!A1', 'R05 error 情况通报!A1', 'R05 error 情况通报!A1']);
    expect(result.findings[0].message).toContain('2026年');
    expect(result.findings[0].message).toContain('通报');
    expect(ruleStatus(result, 'R04')).toMatchObject({ status: '未达标', required: 1, actual: 0 });
  });

  it('does not fire for one 专项通报, which R05 does not count', async () => {
    const ledger = compliantLedger();
    ledger.情况通报.rows = [[day('2026-09-01'), '专项通报', '', '全局', '网络安全专项通报']];
    const result = await validateLedger(ledger, yearClosed);
    expect(ofRules(result, 'R04')).toEqual([]);
    expect(ofRules(result, 'R05').map(periodAndUnit)).toEqual(['2026年上半年', '2026年下半年']);
  });
});

describe('R05 a 半年通报 each half', () => {
  it('fires for the second half when its 通报 is a 年度通报', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '情况通报', 1, '通报类型', '年度通报');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R05 error 情况通报!A1']);
    expect(result.findings[0].message).toContain('2026年下半年');
    expect(result.findings[0].message).toContain('半年通报');
    expect(ruleStatus(result, 'R05')).toMatchObject({ status: '未达标', required: 2, actual: 1 });
  });

  it('does not fire for 所属期间 written 上半年 and 下半年', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '情况通报', 0, '所属期间', '上半年');
    setCell(ledger, '情况通报', 1, '所属期间', '2026年下半年');
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });
});

describe('R06 every 股室/站所 inspected every 定期检查周期', () => {
  it('fires once for 城关站 without a 定期检查, naming it', async () => {
    const ledger = compliantLedger();
    dropRows(ledger, '检查抽查', 2);
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R06 error 检查抽查!A1']);
    expect(result.findings[0].message).toContain('“城关站”');
    expect(periodAndUnit(result.findings[0])).toBe('2026年 城关站');
  });

  it('reports one finding per unit, and a 不定期抽查 does not count', async () => {
    const ledger = compliantLedger();
    dropRows(ledger, '检查抽查', 0);
    setCell(ledger, '检查抽查', 1, '检查类型', '不定期抽查');
    const result = await validateLedger(ledger, yearClosed);
    expect(ofRules(result, 'R06').map(periodAndUnit)).toEqual(['2026年 办公室', '2026年 城关站']);
    const status = ruleStatus(result, 'R06');
    expect(status).toMatchObject({ status: '未达标', required: 3, actual: 1 });
    expect(status.periods.map((p) => [p.unit, p.status])).toEqual([
      ['办公室', '未达标'],
      ['业务股', '达标'],
      ['城关站', '未达标'],
    ]);
  });

  it('with 定期检查周期 = 半年 every unit needs a second-half inspection', async () => {
    const ledger = compliantLedger();
    setSetting(ledger, '定期检查周期', '半年');
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings.map((f) => `${placed(f)} ${periodAndUnit(f)}`)).toEqual([
      'R06 error 检查抽查!A1 2026年下半年 办公室',
      'R06 error 检查抽查!A1 2026年下半年 业务股',
      'R06 error 检查抽查!A1 2026年下半年 城关站',
    ]);
    expect(ruleStatus(result, 'R06').periods.map((p) => `${p.period} ${p.unit} ${p.status}`)).toEqual([
      '2026H1 办公室 达标',
      '2026H2 办公室 未达标',
      '2026H1 业务股 达标',
      '2026H2 业务股 未达标',
      '2026H1 城关站 达标',
      '2026H2 城关站 未达标',
    ]);
  });

  it('with 定期检查周期 = 半年 and a second-half round it does not fire', async () => {
    const ledger = compliantLedger();
    setSetting(ledger, '定期检查周期', '半年');
    for (const unit of ['办公室', '业务股', '城关站']) {
      addRow(ledger, '检查抽查', {
        检查日期: day('2026-11-10'),
        检查类型: '定期检查',
        被检查单位: unit,
        检查方式: '查阅资料',
        上报党组日期: day('2026-11-12'),
      });
    }
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });

  it('with 定期检查周期 = 季度 each unit is reported for each quarter it was not inspected', async () => {
    const ledger = compliantLedger();
    setSetting(ledger, '定期检查周期', '季度');
    const result = await validateLedger(ledger, yearClosed);
    const expected = ['办公室', '业务股', '城关站'].flatMap((unit) => ['第一', '第三', '第四'].map((q) => `2026年${q}季度 ${unit}`));
    expect(ofRules(result, 'R06').map(periodAndUnit)).toEqual(expected);
    expect(result.findings.every((f) => f.rule === 'R06' && f.severity === 'error' && f.cell === 'A1')).toBe(true);
    expect(ruleStatus(result, 'R06')).toMatchObject({ status: '未达标', required: 12, actual: 3 });
  });

  it('with 定期检查周期 = 季度 the second quarter, before it is due, is info per unit', async () => {
    const ledger = compliantLedger();
    setSetting(ledger, '定期检查周期', '季度');
    dropRows(ledger, '检查抽查', 2);
    const result = await validateLedger(ledger, '2026-07-10');
    expect(ofRules(result, 'R06').map((f) => `${f.severity} ${periodAndUnit(f)}`)).toEqual([
      'error 2026年第一季度 办公室',
      'info 2026年第三季度 办公室',
      'error 2026年第一季度 业务股',
      'info 2026年第三季度 业务股',
      'error 2026年第一季度 城关站',
      'info 2026年第二季度 城关站',
      'info 2026年第三季度 城关站',
    ]);
  });
});

describe('R07 one 不定期抽查 a year', () => {
  it('fires when the only 抽查 is typed as a 定期检查', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '检查抽查', 3, '检查类型', '定期检查');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R07 error 检查抽查!A1']);
    expect(result.findings[0].message).toContain('2026年');
    expect(result.findings[0].message).toContain('抽查');
  });

  it('does not fire for 抽查 written short', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '检查抽查', 3, '检查类型', '抽查');
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(ruleStatus(result, 'R07')).toMatchObject({ status: '达标', required: 1, actual: 1 });
  });
});

describe('R09 every 党总支/党支部 reports each half', () => {
  it('fires for 第一党支部 in the second half, naming unit and half', async () => {
    const ledger = compliantLedger();
    dropRows(ledger, '专题汇报', 3);
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R09 error 专题汇报!A1']);
    expect(periodAndUnit(result.findings[0])).toBe('2026年下半年 第一党支部');
  });

  it('reports one finding per unit and half; info before the half is due', async () => {
    const ledger = compliantLedger();
    dropRows(ledger, '专题汇报', 1, 3);
    const closed = await validateLedger(ledger, yearClosed);
    expect(closed.findings.map((f) => `${placed(f)} ${periodAndUnit(f)}`)).toEqual([
      'R09 error 专题汇报!A1 2026年下半年 机关党总支',
      'R09 error 专题汇报!A1 2026年下半年 第一党支部',
    ]);
    expect(ruleStatus(closed, 'R09').periods.map((p) => `${p.label} ${p.unit} ${p.status}`)).toEqual([
      '2026年上半年 机关党总支 达标',
      '2026年下半年 机关党总支 未达标',
      '2026年上半年 第一党支部 达标',
      '2026年下半年 第一党支部 未达标',
    ]);
    const running = await validateLedger(ledger, '2026-12-20');
    expect(ofRules(running, 'R09').map((f) => `${f.severity} ${periodAndUnit(f)}`)).toEqual([
      'info 2026年下半年 机关党总支',
      'info 2026年下半年 第一党支部',
    ]);
    expect(ruleStatus(running, 'R09').status).toBe('进行中');
  });

  it('counts a report by its 所属半年, not its date', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '专题汇报', 2, '汇报日期', day('2026-07-03'));
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });
});

describe('R10 every 党总支/党支部 has ideology work in a 民主生活会, 组织生活会 or 述职报告', () => {
  it('fires for 第一党支部 when its 组织生活会 had none', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '述职评议', 1, '含意识形态内容', '否');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R10 error 述职评议!A1']);
    expect(periodAndUnit(result.findings[0])).toBe('2026年 第一党支部');
  });

  it('a 干部考核 naming the unit does not count', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '述职评议', 0, '类型', '干部考核');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R10 error 述职评议!A1']);
    expect(periodAndUnit(result.findings[0])).toBe('2026年 机关党总支');
  });

  it('does not fire for a 述职报告 whose 对象 names the unit within longer text', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '述职评议', 1, '类型', '述职报告');
    setCell(ledger, '述职评议', 1, '对象', '第一党支部书记孙五');
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });
});

describe('R11 ideology work in 干部考核', () => {
  it('fires when the 干部考核 had no ideology content', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '述职评议', 2, '含意识形态内容', '否');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R11 error 述职评议!A1']);
    expect(result.findings[0].message).toContain('干部考核');
  });

  it('does not fire with 含意识形态内容 = √', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '述职评议', 2, '含意识形态内容', '√');
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });
});

describe('R12 a 中心组专题学习 on ideological security', () => {
  for (const [value, shown] of [
    ['否', '否'],
    [null, 'blank'],
  ] as const) {
    it(`fires when 意识形态安全专题 is ${shown}`, async () => {
      const ledger = compliantLedger();
      setCell(ledger, '学习培训', 0, '意识形态安全专题', value);
      const result = await validateLedger(ledger, yearClosed);
      expect(allPlaced(result)).toEqual(['R12 error 学习培训!A1']);
      expect(result.findings[0].message).toContain('中心组');
    });
  }

  it('a 主题宣讲 on security does not count', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '学习培训', 0, '意识形态安全专题', '否');
    setCell(ledger, '学习培训', 1, '意识形态安全专题', '是');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R12 error 学习培训!A1']);
  });

  it('does not fire with 意识形态安全专题 = Y', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '学习培训', 0, '意识形态安全专题', 'Y');
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });
});

describe('R13 one 主题宣讲 a year', () => {
  it('fires when the only 宣讲 is typed 教育培训', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '学习培训', 1, '类型', '教育培训');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['R13 error 学习培训!A1']);
    expect(result.findings[0].message).toContain('主题宣讲');
    expect(ruleStatus(result, 'R13')).toMatchObject({ status: '未达标', required: 1, actual: 0 });
  });

  it('does not fire for one in December', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '学习培训', 1, '日期', day('2026-12-31'));
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
  });
});
