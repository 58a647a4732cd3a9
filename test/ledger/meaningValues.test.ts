import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unitsAbbreviated } from '../../ledger/normalise/unitNames';
import { readDateText } from '../../ledger/values/dateText';
import { parsePeriod } from '../../ledger/values/period';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { ofRules, removeSetting, ruleStatus, setCell, setSetting, withoutSheet } from '../helpers/ledgerCases';
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
