import { describe, expect, it } from 'vitest';
import type { ValidationResult } from '../../ledger/model';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';

/**
 * Ledgers in the layouts bureaus really keep (test/fixtures/make_real_ledgers.py, real-ledgers.md):
 * they give their real findings, and 无法判断 where the workbook lacks what a rule judges, without
 * being retyped.
 */
const asOf = '2026-07-20';
const validate = async (file: string) => validateGrid(await readWorkbookFile(`test/fixtures/${file}`), { asOf });
const placed = (r: ValidationResult) =>
  r.findings.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}${f.field ? ` ${f.field}` : ''}`);
const statuses = (r: ValidationResult) => Object.fromEntries(r.rules.map((s) => [s.id, s.status]));

const ownSheetsFindings = [
  'S01 info 1.会议记录台账!A1',
  'R18 info 1.会议记录台账!A1 党组成员',
  'S01 error 1.会议记录台账!A1',
  'S01 error 1.会议记录台账!A1',
  'S01 error 1.会议记录台账!A1',
  'S01 error 1.会议记录台账!A1',
  'S01 warning 1.会议记录台账!A1',
  'S02 info 2.中心组学习台账!A3 类型',
  'S02 info 3.意识形态分析研判!A3 分析类型',
  'R03 info 3.意识形态分析研判!A3',
  'R17 error 4.网络舆情处置台账!H6 处置时间',
  'S02 error 6.督查检查台账!A3 整改期限',
  'D02 info 6.督查检查台账!B4 检查日期',
  'D02 info 6.督查检查台账!B5 检查日期',
];

describe.each(['real-own-sheets.xlsx', 'real-own-sheets-libreoffice.xlsx'])('a bureau’s own sheets (%s)', (file) => {
  it('finds every sheet by meaning and gives the real findings, 无法判断 for what the workbook lacks', async () => {
    const result = await validate(file);
    expect(placed(result)).toEqual(ownSheetsFindings);
    expect(statuses(result)).toEqual({
      R01: '达标',
      R02: '无法判断',
      R03: '进行中',
      R04: '无法判断',
      R05: '无法判断',
      R06: '无法判断',
      R07: '达标',
      R08: '达标',
      R09: '无法判断',
      R10: '无法判断',
      R11: '无法判断',
      R12: '达标',
      R13: '无法判断',
      R14: '达标',
      R15: '达标',
      R16: '达标',
      R17: '未达标',
      R18: '无法判断',
      R19: '无法判断',
    });
    // 3月下旬 counts for the first quarter but is no day to compare a report date with.
    expect(result.rules.find((r) => r.id === 'R08')).toMatchObject({ required: 1, actual: 1 });
    // Never 达标 0/0, never 未开展…已逾期 for what is merely absent.
    for (const rule of result.rules.filter((r) => r.status === '无法判断')) expect([rule.required, rule.actual]).toEqual([0, 0]);
    expect(result.findings.some((f) => f.message.includes('已逾期'))).toBe(false);
  });

  it('takes 单位名称 and 年度 from the title row, saying so', async () => {
    const result = await validate(file);
    expect([result.unit, result.year]).toEqual(['县XX局', 2026]);
    expect(result.findings[0].message).toContain('单位名称“县XX局”取自工作表“1.会议记录台账”第1行');
  });

  it('reads the clerk’s dates, hints, two-row header, 舆情性质 and — as the records say', async () => {
    const { ledger } = await validate(file);
    expect(ledger.records.research.map((r) => r.data.会议日期)).toEqual(['2026-02-26', '2026-06-18']);
    expect(ledger.records.research[1].data.形成决议).toBeUndefined();
    expect(ledger.records.training.map((r) => [r.data.日期, r.data.类型, r.data.意识形态安全专题])).toEqual([
      ['2026-03-18', '中心组专题学习', undefined],
      ['2026-04-17', '中心组专题学习', true],
    ]);
    expect(ledger.records.analysis.map((r) => [r.data.分析日期, r.data.分析类型, r.data.所属期间])).toEqual([
      ['2026-04-22', '季度分析', '2026Q1'],
      ['2026-07-10', '季度分析', '2026Q2'],
    ]);
    expect(ledger.records.opinion.map((r) => [r.data.是否重大, r.data.发现时间, r.data.研判时间, r.data.处置时间])).toEqual([
      [false, '2026-03-05T09:30:00', '2026-03-05T10:00:00', '2026-03-05T16:00:00'],
      [true, '2026-05-06T15:00:00', '2026-05-06T16:00:00', undefined],
    ]);
    expect(ledger.records.lecture[0].data).toMatchObject({ 活动类型: '讲座', 活动日期: '2026-04-10', 审批结果: '同意' });
    expect(ledger.records.inspection.map((r) => [r.data.检查日期, r.spans?.检查日期, r.data.检查类型, r.data.检查方式])).toEqual([
      ['2026-03-21', '3月下旬', '定期检查', ['听取汇报', '个别访谈', '实地检查']],
      ['2026-03-21', '3月下旬', '定期检查', ['问询谈话', '查阅资料']],
      ['2026-06-12', undefined, '不定期抽查', ['实地检查']],
    ]);
  });

  it('S01 and S02 say what to add and which requirements wait for it, without listing the sheets', async () => {
    const result = await validate(file);
    const s01 = result.findings.find((f) => f.rule === 'S01' && f.message.includes('“组织架构”'))!;
    expect(s01.message).toContain('表名映射：组织架构=');
    expect(s01.message).toContain('R06');
    expect(s01.message).not.toContain('2.中心组学习台账');
    const s02 = result.findings.find((f) => f.field === '整改期限')!;
    expect(s02.message).toContain('列名映射：检查抽查.整改期限=');
    expect(s02.message).toContain('R19');
  });
});

describe('one combined register with a 工作类别 column merged down its rows', () => {
  it('splits rows into topics, judges each at its own cells, and lists rows of no topic once', async () => {
    const result = await validate('real-combined.xlsx');
    const sheet = '意识形态工作台账';
    expect(placed(result).filter((p) => !p.startsWith('S01 error') && !p.startsWith('S01 warning'))).toEqual([
      `S01 info ${sheet}!A1`,
      `R18 info ${sheet}!A1 党组成员`,
      `S02 info ${sheet}!A3 分析类型`,
      `R03 info ${sheet}!A3`,
      `D03 info ${sheet}!B10 类别`,
      // The 阵地管理 row itself is 未能归类, at its own row (issue 19 §1).
      `D10 info ${sheet}!B10`,
    ]);
    expect(result.findings.find((f) => f.rule === 'D03')!.message).toContain('阵地管理');
    const { records } = result.ledger;
    expect(records.research.map((r) => [r.row, r.data.会议日期, r.data.会议名称])).toEqual([
      [4, '2026-03-05', '党组会专题研究意识形态工作'],
      [5, '2026-06-18', '党组会研究意识形态工作责任制落实'],
    ]);
    expect(records.training.map((r) => [r.row, r.data.类型, r.data.意识形态安全专题])).toEqual([
      [6, '中心组专题学习', true],
      [9, '主题宣讲', undefined],
    ]);
    expect(records.analysis.map((r) => [r.row, r.data.所属期间])).toEqual([
      [7, '2026Q1'],
      [8, '2026Q2'],
    ]);
    expect(statuses(result)).toMatchObject({ R01: '达标', R02: '无法判断', R03: '进行中', R12: '达标', R13: '达标', R04: '无法判断' });
    const missing = result.findings.find((f) => f.rule === 'S01' && f.message.includes('“舆情处置”'))!;
    expect(missing.message).toContain('类别映射：舆情处置=');
  });
});
