import { beforeAll, describe, expect, it } from 'vitest';
import { buildQuarterlyReport } from '../../generator/report/build/quarterly';
import { buildSemiannualReport } from '../../generator/report/build/semiannual';
import type { Block, Report, Table } from '../../generator/report/model';
import { reportTitle } from '../../generator/report/model';
import { loadTemplateFile } from '../../generator/report/template/file';
import type { QuarterlyTemplate, SemiannualTemplate } from '../../generator/report/template/schema';
import type { ValidationResult } from '../../ledger/model';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { setCell } from '../helpers/ledgerCases';
import { moment, validateLedger } from '../helpers/ledgerWorkbook';

let quarterly: QuarterlyTemplate;
let semiannual: SemiannualTemplate;
let closed: ValidationResult;

beforeAll(async () => {
  quarterly = await loadTemplateFile('quarterly');
  semiannual = await loadTemplateFile('semiannual');
  closed = await validateLedger(compliantLedger(), yearClosed);
});

const texts = (blocks: readonly Block[]) => blocks.flatMap((b) => (b.kind === 'table' ? [] : [b.text]));
const tables = (report: Report) => report.body.filter((b): b is Table => b.kind === 'table');

/** The blocks under a heading, up to the next heading of the same or a higher level. */
function under(report: Report, headingText: string): Block[] {
  const start = report.body.findIndex((b) => b.kind === 'heading' && b.text === headingText);
  if (start < 0) throw new Error(`no heading ${headingText}`);
  const level = (report.body[start] as { level: number }).level;
  const end = report.body.findIndex((b, i) => i > start && b.kind === 'heading' && b.level <= level);
  return report.body.slice(start + 1, end < 0 ? undefined : end);
}

/** Every sentence of a report, for checks that no placeholder or gap leaked into it. */
const allText = (report: Report) =>
  [
    ...report.titleLines,
    report.recipients ?? '',
    ...texts(report.body),
    ...tables(report).flatMap((t) => [...t.columns.map((c) => c.header), ...t.rows.flat()]),
    ...report.appendices.flatMap((a) => [...a.titleLines, ...texts(a.body)]),
    report.issuer,
    report.date,
  ].join('\n');

function expectClean(report: Report): void {
  const text = allText(report);
  expect(text).not.toMatch(/undefined|null|NaN|\{|\}|\[|\]|（未填写）/u);
}

describe('季度分析报告 from a ledger whose counts are known', () => {
  let report: Report;
  beforeAll(() => {
    report = buildQuarterlyReport(closed, quarterly, { period: '2026Q2', docNumber: '测局党组〔2026〕9号' });
  });

  it('has the title, 发文字号, 落款 and 成文日期 the template and the ledger give', () => {
    expect(report.titleLines).toEqual(['县测试局2026年第二季度', '意识形态领域情况分析报告']);
    expect(reportTitle(report)).toBe('县测试局2026年第二季度意识形态领域情况分析报告');
    expect(report.docNumber).toBe('测局党组〔2026〕9号');
    expect(report.recipients).toBeUndefined();
    expect(report.issuer).toBe('中共县测试局党组');
    expect(report.date).toBe('2027年1月20日');
    expectClean(report);
  });

  it('has the five sections of spec section 5 in order, numbered', () => {
    const headings = report.body.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { text: string }).text);
    expect(headings).toEqual([
      '一、基本情况',
      '二、主要工作开展情况',
      '三、意识形态领域主要情况和倾向性问题',
      '四、存在的问题',
      '五、下一步工作打算',
    ]);
  });

  it('counts the quarter’s work by sheet, and the year to date', () => {
    const [counts] = tables(report);
    expect(counts.columns.map((c) => c.header)).toEqual(['工作事项', '本季度', '本年累计']);
    expect(counts.rows).toEqual([
      ['意识形态工作专题研究', '0', '1'],
      ['意识形态领域分析研判', '1', '2'],
      // The 半年通报 is dated 7月5日: it belongs to the half by its 所属期间, to the third quarter by its date.
      ['意识形态领域情况通报', '0', '0'],
      ['意识形态工作检查抽查', '3', '3'],
      ['党组织专题汇报', '2', '2'],
      ['学习培训和主题宣讲', '1', '1'],
      ['讲座论坛审批', '1', '1'],
      ['网络舆情处置', '1', '1'],
      ['述职评议', '0', '2'],
      ['问责追究', '0', '0'],
    ]);
    expect(texts(under(report, '一、基本情况'))[0]).toContain('召开意识形态工作专题研究会议0次，开展分析研判1次、情况通报0次、检查抽查3次');
  });

  it('lists each record of the quarter with its date, and says so where a sheet has none', () => {
    expect(texts(under(report, '（四）开展意识形态工作检查抽查'))).toEqual([
      '5月10日，对办公室开展定期检查，采取听取汇报、查阅资料等方式，检查结果于5月12日上报局党组。',
      '5月11日，对业务股开展定期检查，采取实地检查等方式，发现问题：台账不全，目前已整改，检查结果于5月12日上报局党组。',
      '5月12日，对城关站开展定期检查，采取座谈会等方式，检查结果于5月12日上报局党组。',
    ]);
    expect(texts(under(report, '（一）专题研究意识形态工作'))).toEqual(['本季度未召开意识形态工作专题研究会议。']);
    expect(texts(under(report, '（三）通报意识形态领域情况'))).toEqual(['本季度未开展意识形态领域情况通报。']);
  });

  it('takes the main situation from the quarter’s analysis and reports the public-opinion events', () => {
    expect(texts(under(report, '（一）主要情况'))).toEqual(['第二季度总体平稳。']);
    expect(texts(under(report, '（三）网络舆情'))).toEqual([
      '本季度共发现涉及本单位的网络舆情1起，其中重大舆情1起；研判、报送、处置均在规定时限内完成的1起。',
      '5月12日9时30分，发现重大舆情“网络不实信息”。',
    ]);
  });

  it('says there are no problems when every requirement is met', () => {
    expect(texts(under(report, '四、存在的问题'))).toEqual(['对照实施方案，本季度各项制度落实到位，台账记录完整，未发现明显问题。']);
  });

  it('appends the rules’ status for the quarter', () => {
    const [appendix] = report.appendices;
    expect(appendix.titleLines).toEqual(['2026年第二季度意识形态工作', '责任制落实情况表']);
    const rows = (appendix.body[0] as Table).rows;
    expect(rows).toHaveLength(19);
    expect(rows[2]).toEqual(['3', '意识形态领域情况季度分析（二（七））', '2026年第二季度', '1', '1', '达标']);
    expect(rows[0]).toEqual(['1', '每年至少开展2次意识形态工作专题研究（三（一））', '2026年上半年', '1', '1', '达标']);
    expect(rows.every((r) => r[5] === '达标')).toBe(true);
  });
});

describe('a quarter with little in it', () => {
  it('says in words what was not done, and leaves no gap', () => {
    const report = buildQuarterlyReport(closed, quarterly, { period: '2026Q1' });
    expectClean(report);
    expect(texts(under(report, '（三）网络舆情'))).toEqual(['本季度未发现涉及本单位的网络舆情。']);
    expect(texts(under(report, '（二）倾向性、苗头性问题'))).toEqual(['本季度分析研判未发现明显的倾向性、苗头性问题。']);
    expect(texts(under(report, '（五）听取党组织意识形态工作专题汇报'))).toEqual(['本季度未听取党总支、党支部意识形态工作专题汇报。']);
  });

  it('lists a 半年通报 in the quarter of its date', () => {
    const report = buildQuarterlyReport(closed, quarterly, { period: '2026Q3' });
    expect(texts(under(report, '（三）通报意识形态领域情况'))).toEqual(['7月5日，向全局党员干部开展半年通报，上半年意识形态工作情况。']);
  });
});

describe('半年通报 from a ledger whose counts are known', () => {
  let report: Report;
  beforeAll(() => {
    report = buildSemiannualReport(closed, semiannual, { period: '2026H1' });
  });

  it('has the title, 主送, sections and 落款', () => {
    expect(report.titleLines).toEqual(['关于2026年上半年意识形态工作情况的通报']);
    expect(report.recipients).toBe('机关各股室、各站所，机关党总支、各党支部：');
    const headings = report.body.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { text: string }).text);
    expect(headings).toEqual([
      '一、总体情况',
      '二、制度落实情况',
      '三、专题汇报情况',
      '四、检查抽查情况',
      '五、网络舆情处置情况',
      '六、存在的问题',
      '七、下一步工作要求',
    ]);
    expect(report.appendices).toEqual([]);
    expect(report.issuer).toBe('中共县测试局党组');
    expectClean(report);
  });

  it('counts the half’s work, the 半年通报 by its 所属期间', () => {
    expect(texts(under(report, '一、总体情况'))[0]).toContain(
      '召开意识形态工作专题研究会议1次，开展分析研判2次、情况通报1次、检查抽查3次，听取党组织专题汇报2次，组织学习培训和主题宣讲1次，审批讲座论坛1场，处置网络舆情1起，开展述职评议2次，问责0人次',
    );
  });

  it('tabulates the requirements of the half', () => {
    const [rules] = tables(report);
    expect(rules.columns.map((c) => c.header)).toEqual(['序号', '工作要求', '应完成', '已完成', '落实情况']);
    const byTitle = new Map(rules.rows.map((r) => [r[1], r.slice(2)]));
    expect(byTitle.get('意识形态领域情况季度分析')).toEqual(['2', '2', '达标']);
    expect(byTitle.get('党总支、各支部每半年专题汇报1次')).toEqual(['2', '2', '达标']);
    expect(byTitle.get('定期对各股室站所开展检查')).toEqual(['3', '3', '达标']);
    expect(byTitle.get('检查、抽查结果上报党组')).toEqual(['3', '3', '达标']);
    expect(texts(under(report, '二、制度落实情况'))).toEqual([
      '对照实施方案，2026年上半年应落实的19项制度中，已达标19项，具体情况如下表。',
    ]);
  });

  it('tabulates the reports of each 党总支/党支部', () => {
    expect(tables(report)[1].rows).toEqual([
      ['机关党总支', '6月20日', '综合性工作总结', '已汇报'],
      ['第一党支部', '6月21日', '综合性工作总结', '已汇报'],
    ]);
  });

  it('tabulates the inspections of each 股室/站所', () => {
    expect(tables(report)[2].rows).toEqual([
      ['办公室', '1', '未发现问题', '—'],
      ['业务股', '1', '1个', '已整改1个'],
      ['城关站', '1', '未发现问题', '—'],
    ]);
    expect(texts(under(report, '四、检查抽查情况'))[0]).toBe(
      '2026年上半年，共开展定期检查3次、不定期抽查0次，覆盖股室站所3个（共3个），发现问题1个，已整改1个。各股室站所检查情况如下表。',
    );
  });

  it('counts the public-opinion events and how promptly they were handled', () => {
    expect(texts(under(report, '五、网络舆情处置情况'))).toEqual([
      '2026年上半年，共发现涉及本单位的网络舆情1起，其中重大舆情1起。',
      '按照“第一时间发现、第一时间研判、第一时间报送、第一时间处置”的要求，在规定时限（研判2小时、报送4小时、处置24小时）内完成研判、报送、处置的1起。',
    ]);
  });
});

describe('public-opinion events handled late', () => {
  it('counts a step taken more than a day after discovery as late, in both reports', async () => {
    const ledger = compliantLedger();
    // Reported 25 hours after discovery: a day and an hour, against a 4-hour limit.
    setCell(ledger, '舆情处置', 0, '报送时间', moment('2026-05-13T10:30'));
    setCell(ledger, '舆情处置', 0, '处置时间', moment('2026-05-13T11:00'));
    const result = await validateLedger(ledger, yearClosed);
    const quarter = buildQuarterlyReport(result, quarterly, { period: '2026Q2' });
    expect(texts(under(quarter, '（三）网络舆情'))[0]).toBe(
      '本季度共发现涉及本单位的网络舆情1起，其中重大舆情1起；研判、报送、处置均在规定时限内完成的0起，超出时限的1起。',
    );
    const half = buildSemiannualReport(result, semiannual, { period: '2026H1' });
    expect(texts(under(half, '五、网络舆情处置情况'))[1]).toContain('内完成研判、报送、处置的0起；超出时限的1起：“网络不实信息”。');
  });
});

describe('a ledger that falls short', () => {
  let report: Report;
  beforeAll(async () => {
    const ledger = compliantLedger();
    // 第一党支部 never reports in the first half, and one training date cannot be read.
    ledger.专题汇报.rows = ledger.专题汇报.rows.filter((r) => !(r[0] === '第一党支部' && r[2] === '2026H1'));
    setCell(ledger, '学习培训', 0, '日期', '2026年13月1日');
    const result = await validateLedger(ledger, '2026-07-20');
    report = buildSemiannualReport(result, semiannual, { period: '2026H1' });
  });

  it('shows the unit as overdue in the table and names it in 存在的问题', () => {
    expect(tables(report)[1].rows[1]).toEqual(['第一党支部', '—', '—', '逾期未汇报']);
    expect(texts(under(report, '（一）制度落实方面'))).toContain(
      '2026年上半年“党总支、各支部每半年专题汇报1次”未落实到位（涉及第一党支部），应完成1次、实际完成0次，已超过2026年7月15日的完成期限。',
    );
  });

  it('still yields a report, whose 存在的问题 lists the ledger’s errors', () => {
    const ledgerPart = texts(under(report, '（二）台账记录方面'));
    expect(ledgerPart[0]).toMatch(/^台账校验发现需要更正的错误1处[，、]/u);
    expect(ledgerPart[1]).toMatch(/^1\.“学习培训”A2：“日期”无法识别为日期/u);
    expectClean(report);
  });

  it('lists what falls due by the end of the next half', () => {
    // The one 中心组 study on 维护意识形态安全 is the row whose date cannot be read, so it does not count.
    expect(texts(under(report, '（一）抓好到期工作落实'))).toEqual([
      '2026年“中心组每年至少1次维护意识形态安全的专题学习”尚未完成，还需1次，须于2027年1月15日前完成。',
    ]);
  });
});
