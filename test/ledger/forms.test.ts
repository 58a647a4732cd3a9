import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidationResult } from '../../ledger/model';
import { parseYesNo, splitList } from '../../ledger/values/choice';
import { fromSerial, isDateFormat, parseDateText } from '../../ledger/values/date';
import { halfOfDate, parsePeriod, periodDue, periodEnd, periodLabel, periodStart, quarterOfDate } from '../../ledger/values/period';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { addRow, excelSerial, placed, validateFormatted } from '../helpers/ledgerCases';
import { day, moment, validateLedger, type TestCell, type TestLedger } from '../helpers/ledgerWorkbook';

/**
 * Every value form of spec section 1, typed into real workbook cells and read back through the
 * reader. Each group shares one workbook (one row per form) so the suite stays fast; each form is
 * still its own test.
 */

/** Where the rows added to the compliant ledger start: its existing rows come first. */
const firstAdded = (ledger: TestLedger, sheet: string) => ledger[sheet].rows.length + 2;

/** The findings standing in one Excel row of a sheet, as `placed` lines. */
const findingsAt = (result: ValidationResult, sheet: string, row: number) =>
  result.findings.filter((f) => f.sheet === sheet && f.row === row).map(placed);

describe('date forms in a date column (专题研究.会议日期)', () => {
  const forms: Array<[TestCell, string]> = [
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['2026年03月05日', '2026-03-05'],
    ['3月5日', '2026-03-05'],
    ['２０２６年３月５日', '2026-03-05'],
    ['２０２６－０３－０５', '2026-03-05'],
    ['2026/3/5 14:30', '2026-03-05'],
    ['2026年3月5日14时30分', '2026-03-05'],
    [day('2026-03-05'), '2026-03-05'],
  ];
  const failing: Array<[string, string]> = [
    ['2026年13月1日', '2026年13月1日'],
    ['2026-02-30', '2026-02-30'],
    ['2026-2-29', '2026-2-29'],
    ['三月五日', '三月五日'],
  ];
  let result: ValidationResult;
  let start: number;

  beforeAll(async () => {
    const ledger = compliantLedger();
    start = firstAdded(ledger, '专题研究');
    for (const [value] of [...forms, ...failing]) {
      addRow(ledger, '专题研究', { 会议日期: value, 会议名称: '党组会议', 主持人: '张建国', 研究内容: `日期写法 ${String(value)}` });
    }
    result = await validateLedger(ledger, yearClosed);
  });

  forms.forEach(([value, iso], i) => {
    it(`reads ${value instanceof Date ? 'a real Excel date' : `“${value}”`} as ${iso}`, () => {
      expect(findingsAt(result, '专题研究', start + i)).toEqual([]);
      expect(result.ledger.records.research[start + i - 2].data.会议日期).toBe(iso);
    });
  });

  failing.forEach(([value, shown], i) => {
    it(`reports “${value}” as D02 at its cell, quoting it`, () => {
      const row = start + forms.length + i;
      expect(findingsAt(result, '专题研究', row)).toEqual([`D02 error 专题研究!A${row}`]);
      const finding = result.findings.find((f) => f.row === row && f.sheet === '专题研究')!;
      expect(finding.message).toContain(shown);
      expect(finding.message).toContain('会议日期');
      expect(result.ledger.records.research[row - 2].data.会议日期).toBeUndefined();
    });
  });

  it('finds nothing else in the workbook', () => {
    expect(result.findings.filter((f) => f.sheet !== '专题研究')).toEqual([]);
  });
});

describe('date-time forms in a date-time column (舆情处置.发现时间)', () => {
  const dates = ['2026-03-05', '2026/3/5', '2026.3.5', '2026年3月5日', '2026年03月05日', '3月5日'];
  const times = ['14:30', '14:30:00', '14时30分', '14点30分'];
  const forms: Array<[TestCell, string]> = [
    ...dates.flatMap((d) => times.map((t): [TestCell, string] => [`${d} ${t}`, '2026-03-05T14:30:00'])),
    // Without a space only after 日: `2026/3/514时` has no reading a clerk would agree on.
    ...dates.filter((d) => d.endsWith('日')).map((d): [TestCell, string] => [`${d}14时30分`, '2026-03-05T14:30:00']),
    ['2026-03-05 14:30:45', '2026-03-05T14:30:45'],
    ['２０２６年３月５日　１４：３０', '2026-03-05T14:30:00'],
    ['2026年3月5日 9点', '2026-03-05T09:00:00'],
    [moment('2026-03-05T14:30'), '2026-03-05T14:30:00'],
  ];
  const failing: Array<[TestCell, string, string]> = [
    ['2026-03-05', '2026-03-05', '缺少时间'],
    ['2026年3月5日', '2026年3月5日', '缺少时间'],
    [day('2026-03-05'), '2026-03-05', '缺少时间'],
    ['2026-03-05 25:10', '2026-03-05 25:10', '发现时间'],
    ['2026-02-30 14:30', '2026-02-30 14:30', '发现时间'],
  ];
  let result: ValidationResult;
  let start: number;

  beforeAll(async () => {
    const ledger = compliantLedger();
    start = firstAdded(ledger, '舆情处置');
    [...forms, ...failing].forEach(([value], i) =>
      addRow(ledger, '舆情处置', { 事件名称: `事件${i + 1}`, 是否重大: '否', 发现时间: value }),
    );
    result = await validateLedger(ledger, yearClosed);
  });

  forms.forEach(([value, iso], i) => {
    it(`reads ${value instanceof Date ? 'a real Excel date-time' : `“${value}”`} as ${iso}`, () => {
      expect(findingsAt(result, '舆情处置', start + i)).toEqual([]);
      expect(result.ledger.records.opinion[start + i - 2].data.发现时间).toBe(iso);
    });
  });

  failing.forEach(([value, shown, says], i) => {
    it(`reports ${value instanceof Date ? 'a real Excel date without time' : `“${value}”`} as D02 (${says})`, () => {
      const row = start + forms.length + i;
      expect(findingsAt(result, '舆情处置', row)).toEqual([`D02 error 舆情处置!C${row}`]);
      const finding = result.findings.find((f) => f.row === row && f.sheet === '舆情处置')!;
      expect(finding.message).toContain(shown);
      expect(finding.message).toContain(says);
    });
  });

  it('finds nothing else in the workbook', () => {
    expect(result.findings.filter((f) => f.sheet !== '舆情处置')).toEqual([]);
  });
});

describe('serial numbers under a number format', () => {
  const serial = excelSerial('2026-03-05');
  const dateFormats = ['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', 'm/d/yyyy', 'mm-dd-yy', '[$-804]yyyy"年"m"月"d"日";@', 'yyyy/m/d;@'];
  let result: ValidationResult;
  let researchStart: number;
  let opinionStart: number;

  beforeAll(async () => {
    const ledger = compliantLedger();
    researchStart = firstAdded(ledger, '专题研究');
    opinionStart = firstAdded(ledger, '舆情处置');
    const formats = dateFormats.map((numFmt, i) => {
      addRow(ledger, '专题研究', { 会议日期: serial, 会议名称: '党组会议', 主持人: '张建国', 研究内容: `格式 ${numFmt}` });
      return { sheet: '专题研究', cell: `A${researchStart + i}`, numFmt };
    });
    // A number under General is a count, not a date.
    addRow(ledger, '专题研究', { 会议日期: serial, 会议名称: '党组会议', 主持人: '张建国', 研究内容: '常规格式的数字' });
    const halfPast2 = serial + 14.5 / 24;
    addRow(ledger, '舆情处置', { 事件名称: '序列号日期时间', 是否重大: '否', 发现时间: halfPast2 });
    addRow(ledger, '舆情处置', { 事件名称: '只有日期的序列号', 是否重大: '否', 发现时间: serial });
    addRow(ledger, '舆情处置', { 事件名称: '零点整的日期时间', 是否重大: '否', 发现时间: serial });
    formats.push(
      { sheet: '舆情处置', cell: `C${opinionStart}`, numFmt: 'yyyy-mm-dd hh:mm' },
      { sheet: '舆情处置', cell: `C${opinionStart + 1}`, numFmt: 'yyyy-mm-dd' },
      { sheet: '舆情处置', cell: `C${opinionStart + 2}`, numFmt: 'yyyy/m/d h:mm' },
    );
    result = await validateFormatted(ledger, yearClosed, formats);
  });

  dateFormats.forEach((numFmt, i) => {
    it(`reads serial ${serial} under ${numFmt} as 2026-03-05`, () => {
      expect(findingsAt(result, '专题研究', researchStart + i)).toEqual([]);
      expect(result.ledger.records.research[researchStart + i - 2].data.会议日期).toBe('2026-03-05');
    });
  });

  it('reports a plain number under General in a date column as D02, quoting it', () => {
    const row = researchStart + dateFormats.length;
    expect(findingsAt(result, '专题研究', row)).toEqual([`D02 error 专题研究!A${row}`]);
    const finding = result.findings.find((f) => f.row === row && f.sheet === '专题研究')!;
    expect(finding.message).toContain(String(serial));
    expect(finding.message).toContain('日期格式');
  });

  it('reads a serial with a fraction under a date-time format as a date-time', () => {
    expect(findingsAt(result, '舆情处置', opinionStart)).toEqual([]);
    expect(result.ledger.records.opinion[opinionStart - 2].data.发现时间).toBe('2026-03-05T14:30:00');
  });

  it('reports a whole serial under a date-only format in a date-time column as D02', () => {
    expect(findingsAt(result, '舆情处置', opinionStart + 1)).toEqual([`D02 error 舆情处置!C${opinionStart + 1}`]);
    expect(result.findings.find((f) => f.row === opinionStart + 1 && f.sheet === '舆情处置')!.message).toContain('缺少时间');
  });

  it('reads a whole serial under a date-time format as midnight', () => {
    expect(findingsAt(result, '舆情处置', opinionStart + 2)).toEqual([]);
    expect(result.ledger.records.opinion[opinionStart].data.发现时间).toBe('2026-03-05T00:00:00');
  });
});

describe('period forms', () => {
  const quarters: Array<[string, string]> = [
    ['2026Q3', '2026Q3'],
    ['2026-Q3', '2026Q3'],
    ['2026年第三季度', '2026Q3'],
    ['2026年三季度', '2026Q3'],
    ['第三季度', '2026Q3'],
    ['三季度', '2026Q3'],
    ['Q3', '2026Q3'],
    ['2026q3', '2026Q3'],
    ['２０２６Ｑ３', '2026Q3'],
    ['2026年第3季度', '2026Q3'],
    ['第一季度', '2026Q1'],
    ['2026年第四季度', '2026Q4'],
  ];
  const halves: Array<[string, string]> = [
    ['2026H1', '2026H1'],
    ['2026年上半年', '2026H1'],
    ['上半年', '2026H1'],
    ['2026年下半年', '2026H2'],
    ['下半年', '2026H2'],
    ['2026-H2', '2026H2'],
    ['ｈ２', '2026H2'],
  ];
  let result: ValidationResult;
  let analysisStart: number;
  let reportStart: number;
  let notificationStart: number;

  beforeAll(async () => {
    const ledger = compliantLedger();
    analysisStart = firstAdded(ledger, '分析研判');
    reportStart = firstAdded(ledger, '专题汇报');
    notificationStart = firstAdded(ledger, '情况通报');
    for (const [text] of quarters) {
      addRow(ledger, '分析研判', { 分析日期: day('2026-12-01'), 分析类型: '专项研判', 所属期间: text, 主要情况: `期间写法 ${text}` });
    }
    addRow(ledger, '分析研判', { 分析日期: day('2026-12-01'), 分析类型: '专项研判', 所属期间: '第五季度', 主要情况: '错误期间' });
    addRow(ledger, '分析研判', { 分析日期: day('2026-12-01'), 分析类型: '季度分析', 所属期间: '上半年', 主要情况: '半年而非季度' });
    addRow(ledger, '分析研判', { 分析日期: day('2026-07-10'), 分析类型: '综合分析', 所属期间: '2026年上半年', 主要情况: '上半年综合分析' });
    for (const [text] of halves) {
      addRow(ledger, '专题汇报', {
        汇报单位: '机关党总支',
        汇报日期: day('2026-12-01'),
        所属半年: text,
        汇报形式: '专题',
        汇报内容: `期间写法 ${text}`,
      });
    }
    addRow(ledger, '专题汇报', {
      汇报单位: '机关党总支',
      汇报日期: day('2026-12-01'),
      所属半年: '2026Q3',
      汇报形式: '专题',
      汇报内容: '季度而非半年',
    });
    addRow(ledger, '情况通报', {
      通报日期: day('2026-12-01'),
      通报类型: '半年通报',
      所属期间: '第三季度',
      通报范围: '全局',
      通报内容: '季度而非半年',
    });
    addRow(ledger, '情况通报', {
      通报日期: day('2026-12-01'),
      通报类型: '专项通报',
      所属期间: '第三季度',
      通报范围: '全局',
      通报内容: '专项通报可按季度',
    });
    result = await validateLedger(ledger, yearClosed);
  });

  quarters.forEach(([text, code], i) => {
    it(`reads “${text}” as ${code}`, () => {
      expect(findingsAt(result, '分析研判', analysisStart + i)).toEqual([]);
      expect(result.ledger.records.analysis[analysisStart + i - 2].data.所属期间).toBe(code);
    });
  });

  halves.forEach(([text, code], i) => {
    it(`reads “${text}” as ${code}`, () => {
      expect(findingsAt(result, '专题汇报', reportStart + i)).toEqual([]);
      expect(result.ledger.records.branchReport[reportStart + i - 2].data.所属半年).toBe(code);
    });
  });

  it('reports 第五季度 as D02 at its cell', () => {
    const row = analysisStart + quarters.length;
    expect(findingsAt(result, '分析研判', row)).toEqual([`D02 error 分析研判!C${row}`]);
    expect(result.findings.find((f) => f.sheet === '分析研判' && f.row === row)!.message).toContain('第五季度');
  });

  it('reports a half as the 所属期间 of a 季度分析 as D03', () => {
    const row = analysisStart + quarters.length + 1;
    expect(findingsAt(result, '分析研判', row)).toEqual([`D03 error 分析研判!C${row}`]);
    expect(result.findings.find((f) => f.sheet === '分析研判' && f.row === row)!.message).toContain('季度');
  });

  it('[core bug] accepts a half as the 所属期间 of a 综合分析 (spec: 所属期间 is any period, required only for 季度分析)', () => {
    const row = analysisStart + quarters.length + 2;
    expect(findingsAt(result, '分析研判', row)).toEqual([]);
    expect(result.ledger.records.analysis[row - 2].data.所属期间).toBe('2026H1');
  });

  it('reports a quarter in 所属半年 as D03', () => {
    const row = reportStart + halves.length;
    expect(findingsAt(result, '专题汇报', row)).toEqual([`D03 error 专题汇报!C${row}`]);
    const { message } = result.findings.find((f) => f.sheet === '专题汇报' && f.row === row)!;
    expect(message).toContain('2026Q3');
    expect(message).toContain('半年');
  });

  it('reports a quarter as the 所属期间 of a 半年通报 as D03, and accepts it for a 专项通报', () => {
    expect(findingsAt(result, '情况通报', notificationStart)).toEqual([`D03 error 情况通报!C${notificationStart}`]);
    expect(result.findings.find((f) => f.sheet === '情况通报' && f.row === notificationStart)!.message).toMatch(/上半年|半年/u);
    expect(findingsAt(result, '情况通报', notificationStart + 1)).toEqual([]);
    expect(result.ledger.records.notification[notificationStart - 1].data.所属期间).toBe('2026Q3');
  });

  it('finds nothing else in the workbook', () => {
    const rows: Record<string, number[]> = {
      分析研判: [analysisStart + quarters.length, analysisStart + quarters.length + 1, analysisStart + quarters.length + 2],
      专题汇报: [reportStart + halves.length],
      情况通报: [notificationStart],
    };
    expect(result.findings.filter((f) => !rows[f.sheet]?.includes(f.row))).toEqual([]);
  });
});

describe('yes/no forms (学习培训.意识形态安全专题)', () => {
  const forms: Array<[TestCell, boolean]> = [
    ['是', true],
    ['否', false],
    ['√', true],
    ['×', false],
    ['Y', true],
    ['N', false],
    ['y', true],
    ['n', false],
    ['有', true],
    ['无', false],
    ['Ｙ', true],
    [' 是 ', true],
    [true, true],
    [false, false],
  ];
  let result: ValidationResult;
  let start: number;

  beforeAll(async () => {
    const ledger = compliantLedger();
    start = firstAdded(ledger, '学习培训');
    forms.forEach(([value], i) =>
      addRow(ledger, '学习培训', { 日期: day('2026-09-01'), 类型: '教育培训', 主题: `是否写法${i + 1}`, 意识形态安全专题: value }),
    );
    addRow(ledger, '学习培训', { 日期: day('2026-09-01'), 类型: '教育培训', 主题: '空白即否' });
    addRow(ledger, '学习培训', { 日期: day('2026-09-01'), 类型: '教育培训', 主题: '无法识别', 意识形态安全专题: '可能' });
    result = await validateLedger(ledger, yearClosed);
  });

  forms.forEach(([value, yes], i) => {
    it(`reads “${String(value)}” as ${yes ? '是' : '否'}`, () => {
      expect(findingsAt(result, '学习培训', start + i)).toEqual([]);
      expect(result.ledger.records.training[start + i - 2].data.意识形态安全专题).toBe(yes);
    });
  });

  it('leaves a blank optional yes/no cell without a finding', () => {
    expect(findingsAt(result, '学习培训', start + forms.length)).toEqual([]);
  });

  it('reports 可能 as D03, listing the accepted forms', () => {
    const row = start + forms.length + 1;
    expect(findingsAt(result, '学习培训', row)).toEqual([`D03 error 学习培训!E${row}`]);
    const { message } = result.findings.find((f) => f.sheet === '学习培训' && f.row === row)!;
    expect(message).toContain('可能');
    for (const form of ['是/否', '√/×', 'Y/N', '有/无']) expect(message).toContain(form);
  });
});

describe('multi-value cells (检查抽查.检查方式)', () => {
  const separated: Array<[string, string]> = [
    ['、', '听取汇报、查阅资料'],
    ['full-width comma', '听取汇报，查阅资料'],
    ['comma', '听取汇报,查阅资料'],
    ['full-width semicolon', '听取汇报；查阅资料'],
    ['semicolon', '听取汇报;查阅资料'],
    ['slash', '听取汇报/查阅资料'],
    ['line break', '听取汇报\n查阅资料'],
    ['CR LF', '听取汇报\r\n查阅资料'],
    ['spaces around', '听取汇报 、 查阅资料'],
    ['a trailing separator', '听取汇报、查阅资料、'],
  ];
  let result: ValidationResult;
  let start: number;

  beforeAll(async () => {
    const ledger = compliantLedger();
    start = firstAdded(ledger, '检查抽查');
    separated.forEach(([, text], i) => {
      addRow(ledger, '检查抽查', {
        // Distinct dates, or the rows would be identical once split (D08).
        检查日期: day(`2026-11-${String(i + 1).padStart(2, '0')}`),
        检查类型: '不定期抽查',
        被检查单位: '办公室',
        检查方式: text,
        上报党组日期: day('2026-11-30'),
      });
    });
    result = await validateLedger(ledger, yearClosed);
  });

  separated.forEach(([name, text], i) => {
    it(`splits on ${name}: ${JSON.stringify(text)}`, () => {
      expect(findingsAt(result, '检查抽查', start + i)).toEqual([]);
      expect(result.ledger.records.inspection[start + i - 2].data.检查方式).toEqual(['听取汇报', '查阅资料']);
    });
  });

  it('reads the 党组成员 setting the same way', async () => {
    const ledger = compliantLedger();
    ledger.基本信息.rows = ledger.基本信息.rows.map((r) => (r[0] === '党组成员' ? ['党组成员', '张建国，李明华/王志强\n赵六；钱七'] : r));
    const settings = (await validateLedger(ledger, yearClosed)).ledger.settings;
    expect(settings.党组成员).toEqual(['张建国', '李明华', '王志强', '赵六', '钱七']);
  });
});

describe('the value functions by themselves', () => {
  it('parseDateText reads the spec forms and refuses impossible dates', () => {
    expect(parseDateText('2026年3月5日 14点30分', 2026)).toMatchObject({ ok: true });
    const parsed = parseDateText('3月5日', 2025);
    expect(parsed.ok && parsed.value.date.toString()).toBe('2025-03-05');
    expect(parseDateText('2026-02-29', 2026).ok).toBe(false);
    expect(parseDateText('2028-02-29', 2026).ok).toBe(true);
    expect(parseDateText('2026年13月1日', 2026).ok).toBe(false);
    expect(parseDateText('下周三', 2026).ok).toBe(false);
  });

  it('parseDateText reads a time typed straight after the day as the reading where both exist', () => {
    const at = (text: string) => {
      const parsed = parseDateText(text, 2026);
      return parsed.ok ? `${parsed.value.date.toString()} ${parsed.value.time?.toString() ?? ''}` : parsed.reason;
    };
    expect(at('2026/3/514时30分')).toBe('2026-03-05 14:30:00');
    expect(at('3月514:30')).toBe('2026-03-05 14:30:00');
    expect(at('2026/3/1514时')).toBe('2026-03-15 14:00:00');
    // Both readings exist: the day is read whole, as before.
    expect(at('2026/3/123时')).toBe('2026-03-12 03:00:00');
    expect(at('2026/3/5')).toBe('2026-03-05 ');
    expect(at('2026/3/51')).toBe('2026年3月51日不是存在的日期');
  });

  it('parsePeriod takes the ledger year for a period without one', () => {
    expect(parsePeriod('三季度', 2025)).toEqual({ ok: true, value: '2025Q3' });
    expect(parsePeriod('下半年', 2025)).toEqual({ ok: true, value: '2025H2' });
    expect(parsePeriod('第五季度', 2026).ok).toBe(false);
    expect(parsePeriod('Q5', 2026).ok).toBe(false);
  });

  it('periods have labels, bounds and due days', () => {
    expect(periodLabel('2026Q3')).toBe('2026年第三季度');
    expect(periodLabel('2026H1')).toBe('2026年上半年');
    expect(periodLabel('2026')).toBe('2026年');
    expect([periodStart('2026Q1'), periodEnd('2026Q1')]).toEqual(['2026-01-01', '2026-03-31']);
    expect([periodStart('2026H2'), periodEnd('2026H2')]).toEqual(['2026-07-01', '2026-12-31']);
    expect(periodEnd('2028Q1')).toBe('2028-03-31');
    expect(periodDue('2026Q3', 15)).toBe('2026-10-15');
    expect(periodDue('2026', 15)).toBe('2027-01-15');
    expect(quarterOfDate('2026-09-30')).toBe('2026Q3');
    expect(quarterOfDate('2026-10-01')).toBe('2026Q4');
    expect(halfOfDate('2026-06-30')).toBe('2026H1');
    expect(halfOfDate('2026-07-01')).toBe('2026H2');
  });

  it('parseYesNo and splitList', () => {
    expect(['是', '√', 'Y', '有'].map(parseYesNo)).toEqual([true, true, true, true]);
    expect(['否', '×', 'N', '无'].map(parseYesNo)).toEqual([false, false, false, false]);
    expect(parseYesNo('也许')).toBeNull();
    expect(splitList('甲、乙，丙,丁；戊;己/庚\n辛')).toEqual(['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛']);
  });

  it('date formats and serials', () => {
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat('0.00')).toBe(false);
    expect(isDateFormat('"第"0"号"')).toBe(false);
    expect(fromSerial(excelSerial('2026-03-05'), false)?.date.toString()).toBe('2026-03-05');
    expect(fromSerial(excelSerial('2026-03-05') - 1462, true)?.date.toString()).toBe('2026-03-05');
  });
});
