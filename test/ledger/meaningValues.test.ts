import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unitsAbbreviated } from '../../ledger/normalise/unitNames';
import { readDateText } from '../../ledger/values/dateText';
import { parsePeriod } from '../../ledger/values/period';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { ofRules, removeSetting, renameHeader, ruleStatus, setCell, setSetting, withoutSheet } from '../helpers/ledgerCases';
import { day, validateLedger, type TestLedger } from '../helpers/ledgerWorkbook';

/** Issue 19 §4: headers, values, units and the ledger's year as bureaus write them. */

const isoOf = (text: string, year = 2026) => {
  const read = readDateText(text, year);
  if (!read.ok || read.value.kind !== 'day') return null;
  const { date, time } = read.value;
  return `${date.toString()}${time ? ` ${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}` : ''}`;
};

describe('dates, times and years as written', () => {
  it('reads the forms of the issue', () => {
    expect(isoOf('8.13 10:05')).toBe('2026-08-13 10:05');
    expect(isoOf('2026年3月8日9时20分')).toBe('2026-03-08 09:20');
    expect(isoOf('3.19')).toBe('2026-03-19');
    expect(isoOf('2026.1.15')).toBe('2026-01-15');
    expect(isoOf('二〇二六年3月8日')).toBe('2026-03-08');
    expect(isoOf('二零二六年3月8日下午3时')).toBe('2026-03-08 15:00');
    expect(parsePeriod('二〇二六年第三季度', 2025)).toEqual({ ok: true, value: '2026Q3' });
  });

  it('on random wordings of one day and time, every form reads as that moment', () => {
    const chinese = (year: number) => [...String(year)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01T00:00Z'), max: new Date('2026-12-31T23:59Z'), noInvalidDate: true }),
        fc.constantFrom('iso', 'slash', 'dot', 'chinese', 'monthDay', 'dotMonthDay', 'chineseYear'),
        fc.constantFrom('colon', 'chinese', 'dian'),
        (moment, dateForm, timeForm) => {
          const [y, m, d, h, min] = [
            moment.getUTCFullYear(),
            moment.getUTCMonth() + 1,
            moment.getUTCDate(),
            moment.getUTCHours(),
            moment.getUTCMinutes(),
          ];
          const dates: Record<string, string> = {
            iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
            slash: `${y}/${m}/${d}`,
            dot: `${y}.${m}.${d}`,
            chinese: `${y}年${m}月${d}日`,
            monthDay: `${m}月${d}日`,
            dotMonthDay: `${m}.${d}`,
            chineseYear: `${chinese(y)}年${m}月${d}日`,
          };
          const times: Record<string, string> = {
            colon: ` ${h}:${String(min).padStart(2, '0')}`,
            chinese: `${h}时${min}分`,
            dian: `${h}点${min}分`,
          };
          const expected = `${moment.toISOString().slice(0, 10)} ${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
          // After a date ending in a digit a time is set apart by a space: `1.10时` is day 10 or hour 10.
          const gap = /\d$/u.test(dates[dateForm]) && timeForm !== 'colon' ? ' ' : '';
          expect(isoOf(`${dates[dateForm]}${gap}${times[timeForm]}`)).toBe(expected);
        },
      ),
      { seed: 1904, numRuns: 300 },
    );
  });
});

describe('基本信息 and the ledger’s year as bureaus write them', () => {
  it('reads 二〇二六年, 宽限天数 15天, 党组成员 with spaces and 责任股室', async () => {
    const ledger = compliantLedger();
    ledger.基本信息.rows = ledger.基本信息.rows.map(([k, v]) =>
      k === '台账年度'
        ? ['年度', '二〇二六年']
        : k === '党组成员'
          ? [k, '张建国 李明华　王志强']
          : k === '责任部室'
            ? ['责任股室', v]
            : [k, v],
    );
    ledger.基本信息.rows.push(['宽限天数', '15天']);
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(result.ledger.settings).toMatchObject({ 台账年度: 2026, 宽限天数: 15, 党组成员: ['张建国', '李明华', '王志强'] });
  });

  it('without 基本信息: the unit from the 填报单位 line without its office, the year from a title in Chinese numerals', async () => {
    const ledger = withoutSheet(compliantLedger(), '基本信息');
    ledger.专题研究.above = ['县测试局二〇二六年意识形态工作台账', '填报单位：县测试局办公室（盖章）'];
    const result = await validateLedger(ledger, '2027-01-20');
    expect([result.unit, result.year]).toEqual(['县测试局', 2026]);
  });

  it('without 基本信息 or a year anywhere, the year most records fall in — not the validation date’s', async () => {
    const ledger = withoutSheet(compliantLedger(), '基本信息');
    const result = await validateLedger(ledger, '2027-01-20');
    expect(result.year).toBe(2026);
    expect(ruleStatus(result, 'R03').status).toBe('达标');
  });
});

describe('units written short', () => {
  it('counts 城关所 for 城关管理所 and 一支部 for 第一党支部, and asks which of two', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '组织架构', 2, '单位名称', '城关管理所');
    setCell(ledger, '检查抽查', 2, '被检查单位', '城关所');
    setCell(ledger, '专题汇报', 2, '汇报单位', '一支部');
    const result = await validateLedger(ledger, yearClosed);
    expect(ruleStatus(result, 'R06').status).toBe('达标');
    expect(ruleStatus(result, 'R09').status).toBe('达标');
    expect(ofRules(result, 'D06').map((f) => [f.severity, f.sheet, f.cell])).toEqual([
      ['info', '检查抽查', 'C4'],
      ['info', '专题汇报', 'A4'],
    ]);
    expect(ofRules(result, 'D06')[0].message).toContain('按组织架构中的“城关管理所”计');

    const two = compliantLedger();
    setCell(two, '组织架构', 0, '单位名称', '规划管理股');
    setCell(two, '组织架构', 1, '单位名称', '规划建设股');
    setCell(two, '检查抽查', 0, '被检查单位', '规划股');
    setCell(two, '检查抽查', 1, '被检查单位', '规划建设股');
    setCell(two, '检查抽查', 3, '被检查单位', '规划建设股');
    const asked = await validateLedger(two, yearClosed);
    const d06 = ofRules(asked, 'D06');
    expect(d06.map((f) => [f.severity, f.cell])).toEqual([['error', 'C2']]);
    expect(d06[0].message).toContain('“规划管理股”或“规划建设股”');
    // 规划管理股 may have been inspected by that row: not 未达标.
    const r06 = ruleStatus(asked, 'R06').periods.find((p) => p.unit === '规划管理股');
    expect(r06?.status).toBe('无法判断');
  });

  it('on random unit names: a short form reads as the one unit whose name holds it, same ending', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('城关', '新城', '东关', '西街', '南坪'),
        fc.constantFrom('管理', '服务', '执法'),
        fc.constantFrom('所', '股', '站'),
        (place, middle, ending) => {
          const units = [`${place}${middle}${ending}`, `${place}${middle}${ending === '所' ? '站' : '所'}`, '办公室'];
          expect(unitsAbbreviated(`${place}${ending}`, units)).toEqual([units[0]]);
          expect(unitsAbbreviated(`${middle}${place}${ending}`, units)).toEqual([]);
        },
      ),
      { seed: 419, numRuns: 50 },
    );
  });
});

describe('headers read by words and content', () => {
  it('takes no 学习形式 of forms for 类型: the sheet’s name tells it, with the forms under that header on its other sheets', async () => {
    const ledger: TestLedger = withoutSheet(compliantLedger(), '学习培训');
    ledger.中心组学习 = {
      headers: ['学习时间', '主题', '学习形式', '参加人数', '意识形态安全专题'],
      rows: [
        [day('2026-04-15'), '维护意识形态安全专题学习', '传达辅导', 12, '是'],
        [day('2026-06-15'), '学习党的创新理论', '讨论交流', 12, '否'],
        [day('2026-09-15'), '学习全国两会精神', '专家辅导', 12, '否'],
      ],
    };
    // One record: its one 学习形式 cell says little alone, the 中心组学习 sheet's say what the column holds.
    ledger.主题宣讲 = { headers: ['日期', '主题', '学习形式'], rows: [[day('2026-08-15'), '党的创新理论宣讲', '讨论交流']] };
    const result = await validateLedger(ledger, yearClosed);
    expect(result.ledger.records.training.map((r) => r.data.类型)).toEqual([
      '中心组专题学习',
      '中心组专题学习',
      '中心组专题学习',
      '主题宣讲',
    ]);
    expect(ofRules(result, 'D03')).toEqual([]);
    expect([ruleStatus(result, 'R12').status, ruleStatus(result, 'R13').status]).toEqual(['达标', '达标']);
  });

  it('takes 类型 from a column of its values when a 学习形式 column of forms stands beside it', async () => {
    const ledger = compliantLedger();
    ledger.学习培训 = {
      headers: ['日期', '活动类型', '主题', '学习形式', '意识形态安全专题'],
      rows: [
        [day('2026-04-15'), '中心组专题学习', '维护意识形态安全专题学习', '传达辅导', '是'],
        [day('2026-08-15'), '主题宣讲', '党的创新理论宣讲', '讨论交流', '否'],
      ],
    };
    const result = await validateLedger(ledger, yearClosed);
    expect(result.ledger.records.training.map((r) => r.data.类型)).toEqual(['中心组专题学习', '主题宣讲']);
    expect(result.findings).toEqual([]);
  });

  it('reads 支部名称 or 党支部 over 组织架构’s branches as 汇报单位', async () => {
    for (const header of ['支部名称', '党支部']) {
      const ledger = compliantLedger();
      renameHeader(ledger, '专题汇报', '汇报单位', header);
      const result = await validateLedger(ledger, yearClosed);
      expect(result.ledger.records.branchReport.map((r) => r.data.汇报单位)).toEqual([
        '机关党总支',
        '机关党总支',
        '第一党支部',
        '第一党支部',
      ]);
      expect(ruleStatus(result, 'R09').status).toBe('达标');
    }
  });

  it('reads a column whose cells are 类型’s own values as 类型, whatever its header says (形式)', async () => {
    const ledger = compliantLedger();
    renameHeader(ledger, '述职评议', '类型', '形式');
    const result = await validateLedger(ledger, yearClosed);
    expect(result.ledger.records.review.map((r) => r.data.类型)).toEqual(['民主生活会', '组织生活会', '干部考核']);
    expect([ruleStatus(result, 'R10').status, ruleStatus(result, 'R11').status]).toEqual(['达标', '达标']);
  });

  it('takes no column of titles for 分析类型 by likeness: the titles’ words tell each type and quarter', async () => {
    const ledger = compliantLedger();
    ledger.分析研判 = {
      headers: ['分析日期', '研判主题', '主要情况'],
      rows: [1, 2, 3, 4].map((q) => [day(`2026-0${q * 2}-20`), `第${'一二三四'[q - 1]}季度意识形态形势分析研判会`, '总体平稳']),
    };
    ledger.分析研判.rows.push([day('2026-12-22'), '全年意识形态工作综合分析研判会', '总体平稳']);
    const result = await validateLedger(ledger, yearClosed);
    expect(result.ledger.records.analysis.map((r) => [r.data.分析类型, r.data.所属期间])).toEqual([
      ['季度分析', '2026Q1'],
      ['季度分析', '2026Q2'],
      ['季度分析', '2026Q3'],
      ['季度分析', '2026Q4'],
      ['综合分析', undefined],
    ]);
    expect(ofRules(result, 'D03')).toEqual([]);
  });

  it('leaves 含意识形态内容 unread, not 否, for a record whose words do not say it where no column does', async () => {
    const ledger = compliantLedger();
    ledger.述职评议 = {
      headers: ['日期', '类型', '对象', '评议情况'],
      rows: [
        [day('2026-01-20'), '民主生活会', '机关党总支', '查摆意识形态方面问题3条'],
        [day('2026-01-22'), '组织生活会', '第一党支部', '开展批评与自我批评'],
        [day('2026-12-10'), '干部考核', '全体中层干部', '意识形态工作责任制落实情况纳入年度考核'],
      ],
    };
    const result = await validateLedger(ledger, yearClosed);
    expect(result.ledger.records.review.map((r) => r.data.含意识形态内容)).toEqual([true, undefined, true]);
    // 第一党支部's 组织生活会 may have touched 意识形态: not 未达标.
    expect(ruleStatus(result, 'R10').status).toBe('无法判断');
  });

  it('reads a 目录 left as Sheet2, whose 题名 name whole registers, as no register', async () => {
    const ledger = compliantLedger();
    ledger.Sheet2 = {
      headers: ['序号', '题名', '日期', '页号', '备注'],
      rows: ['会议记录', '学习记录', '分析研判报告', '检查记录'].map((words, i) => [
        i + 1,
        `县测试局2026年意识形态工作${words}`,
        '2026年',
        i * 4 + 1,
        null,
      ]),
    };
    const result = await validateLedger(ledger, yearClosed);
    const fromIndex = Object.values(result.ledger.records).flatMap((records) => records.filter((r) => r.sheet === 'Sheet2'));
    expect(fromIndex).toEqual([]);
    expect(result.ledger.account.find((a) => a.sheet === 'Sheet2')).toMatchObject({ topic: null, records: 0, unplaced: 0 });
    expect(result.findings.filter((f) => f.sheet === 'Sheet2')).toEqual([]);
  });

  it('reads an inspection register headed 督查时间/督查对象/整改时限/整改落实情况: an overdue 正在整改 is not passed', async () => {
    const ledger: TestLedger = withoutSheet(compliantLedger(), '检查抽查');
    ledger.督查台账 = {
      headers: ['序号', '督查时间', '督查类型', '督查对象', '督查方式', '发现问题', '整改时限', '整改落实情况', '上报党组日期'],
      rows: [
        [1, day('2026-05-10'), '定期检查', '办公室', '听取汇报', '', null, '', day('2026-05-12')],
        [2, day('2026-05-11'), '定期检查', '业务股', '实地检查', '台账不全', '6.30', '正在整改', day('2026-05-12')],
        [3, day('2026-05-12'), '定期检查', '城关站', '座谈会', '', null, '', day('2026-05-12')],
        [4, day('2026-03-10'), '不定期抽查', '办公室', '查阅资料', '', null, '', day('2026-03-12')],
      ],
    };
    const result = await validateLedger(ledger, '2026-07-20');
    expect(result.ledger.records.inspection.map((r) => r.data.被检查单位)).toEqual(['办公室', '业务股', '城关站', '办公室']);
    expect(ruleStatus(result, 'R19').status).toBe('未达标');
    expect(ofRules(result, 'R19').map((f) => f.cell)).toEqual(['G3']);
    expect(ruleStatus(result, 'R06').status).toBe('达标');
  });

  it('reads a grouped two-row header whose group spans optional columns as its sub-headers', async () => {
    const ledger = compliantLedger();
    ledger.专题研究 = {
      headers: ['会议日期', '会议名称', '主持人', '研究内容', '佐证材料', '佐证材料'],
      rows: [
        [null, null, null, null, '会议纪要', '照片'],
        [day('2026-03-10'), '党组会议', '张建国', '研究部署全年意识形态工作', '有', '有'],
        [day('2026-09-10'), '党组会议', '张建国', '研究意识形态阵地管理', '有', '无'],
      ],
      merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:F1'],
    };
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(result.ledger.records.research).toHaveLength(2);
    expect(result.ledger.account.find((a) => a.sheet === '专题研究')).toMatchObject({ records: 2, nonRecords: 2, unplaced: 0 });
  });

  it('year and unit survive a missing setting: 台账年度 read from the title when 基本信息 lacks it', async () => {
    const ledger = compliantLedger();
    removeSetting(ledger, '单位名称');
    setSetting(ledger, '党组书记', '张建国');
    const result = await validateLedger(ledger, yearClosed);
    expect(result.year).toBe(2026);
  });
});
