import { beforeAll, describe, expect, it } from 'vitest';
import { buildQuarterlyReport } from '../../generator/report/build/quarterly';
import { buildSemiannualReport } from '../../generator/report/build/semiannual';
import type { Block, Report, Table } from '../../generator/report/model';
import { reportTitle } from '../../generator/report/model';
import { loadTemplateFile } from '../../generator/report/template/file';
import type { QuarterlyTemplate, SemiannualTemplate } from '../../generator/report/template/schema';
import type { ValidationResult } from '../../ledger/model';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { addRow, setCell } from '../helpers/ledgerCases';
import { day, moment, validateLedger } from '../helpers/ledgerWorkbook';

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

/** Paragraphs numbered 一是、二是…: a numbered list has at least two items, or is not numbered. */
function expectWholeLists(report: Report): void {
  const numbered = texts(report.body).filter((t) => /^[一二三四五六七八九十]+是/u.test(t));
  if (numbered.length > 0) expect(numbered.some((t) => t.startsWith('二是'))).toBe(true);
  const parts = report.body.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => (b as { text: string }).text);
  if (parts.length > 0) expect(parts.some((t) => t.startsWith('（二）'))).toBe(true);
}

/** Nothing meant for the clerk: no rule id, no cell address, no data-entry advice. */
function expectNothingForTheClerk(report: Report): void {
  const text = allText(report);
  expect(text).not.toMatch(/\b[SDR]\d{2}\b|[A-Z]{1,3}\d+：|请核对|请填写|无法识别|（未填写）/u);
}

describe('季度分析报告 from a ledger whose counts are known', () => {
  let report: Report;
  beforeAll(() => {
    report = buildQuarterlyReport(closed, quarterly, { period: '2026Q2', docNumber: '测局党组〔2026〕9号' });
  });

  it('has the title, 主送, 发文字号, 落款 and 成文日期 the template and the ledger give', () => {
    expect(report.titleLines).toEqual(['县测试局2026年第二季度', '意识形态领域情况分析报告']);
    expect(reportTitle(report)).toBe('县测试局2026年第二季度意识形态领域情况分析报告');
    expect(report.docNumber).toBe('测局党组〔2026〕9号');
    expect(report.recipients).toBe('县委宣传部：');
    expect(report.issuer).toBe('中共县测试局党组');
    expect(report.date).toBe('2027年1月20日');
    expect(report.draft).toBeUndefined();
    expectClean(report);
    expectWholeLists(report);
    expectNothingForTheClerk(report);
  });

  it('goes to the 报告主送 of 基本信息 where the ledger names one, with or without its colon', async () => {
    const ledger = compliantLedger();
    addRow(ledger, '基本信息', { 项目: '报告主送', 内容: '县委宣传部、县委网信办' });
    const own = buildQuarterlyReport(await validateLedger(ledger, yearClosed), quarterly, { period: '2026Q2' });
    expect(own.recipients).toBe('县委宣传部、县委网信办：');
  });

  it('has the five sections of spec section 5 in order, numbered', () => {
    const headings = report.body.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { text: string }).text);
    expect(headings).toEqual([
      '一、基本情况',
      '二、主要工作开展情况',
      '三、意识形态领域总体态势和倾向性问题',
      '四、存在的问题',
      '五、下一步工作打算',
    ]);
  });

  it('says the quarter’s work in one sentence, leaving out what was not done rather than saying 0次', () => {
    const [overview] = texts(under(report, '一、基本情况'));
    expect(overview).toContain('开展意识形态领域分析研判1次');
    expect(overview).toContain('开展意识形态工作检查抽查3次');
    // The 半年通报 for 上半年 closes the half: it counts in the second quarter, dated 7月5日 or not.
    expect(overview).toContain('通报意识形态领域情况1次');
    expect(overview).not.toMatch(/专题研究|问责|[^\d]0[次起场人个]/u);
    expect(tables(report)).toEqual([]);
  });

  it('groups the work by theme, 一是……二是……, naming the major event and the inspection that found a problem', () => {
    const work = texts(under(report, '二、主要工作开展情况'));
    expect(work[0]).toMatch(/^一是/u);
    expect(work[1]).toMatch(/^二是/u);
    expect(work.join('')).toContain('妥善处置重大舆情“网络不实信息”');
    expect(work.join('')).toContain('对3个单位开展定期检查3次');
    expect(work.join('')).not.toMatch(/问责/u);
    // The totals are 基本情况's: the themes give their parts and names, not the same figure again.
    expect(work.join('')).not.toMatch(/检查抽查3次|分析研判1次/u);
  });

  it('takes the situation from the quarter’s analysis, beside the opinion and inspection figures', () => {
    const situation = texts(under(report, '三、意识形态领域总体态势和倾向性问题'));
    expect(situation[0]).toBe('本季度分析研判认为：第二季度总体平稳。');
    expect(situation[1]).toBe('从网络舆情看，在规定时限内完成研判、报送、处置的1起；其中重大舆情1起。');
    expect(situation[2]).toBe('从监督检查看，本季度检查抽查发现问题1个，已整改1个，其中对业务股的检查发现“台账不全”。');
    expect(situation.join('')).not.toMatch(/未记录|总体规范/u);
  });

  it('says in one short paragraph that every requirement is met, adding no stock problem, and gives three measures', () => {
    const problems = texts(under(report, '四、存在的问题'));
    // The yearly requirements are still open at the quarter's end: nothing overdue, not everything done.
    expect(problems).toEqual(['对照实施方案逐项检查，2026年第二季度没有逾期未完成的工作。']);
    expect(texts(under(report, '五、下一步工作打算'))).toHaveLength(3);
  });

  it('appends the rules’ status, each figure as validate gives it', () => {
    const [appendix] = report.appendices;
    expect(appendix.titleLines).toEqual(['2026年第二季度', '意识形态工作责任制落实情况表']);
    const rows = (appendix.body[0] as Table).rows;
    expect(rows).toHaveLength(19);
    expect(rows[2]).toEqual(['3', '意识形态领域情况季度分析（二（七））', '2026年第二季度', '1', '1', '达标']);
    // R17 judges the quarter's 重大舆情, as validate --period 2026Q2 does.
    expect(rows[16]).toEqual(['17', '重大舆情必须报送和处置（二（五））', '2026年第二季度', '1', '1', '达标']);
    expect(rows[1]).toEqual(['2', '每年至少开展1次综合分析（三（一））', '2026年（截至第二季度）', '1', '0', '进行中']);
    expect(rows.filter((r) => r[5] !== '达标').map((r) => r[0])).toEqual(['2', '7', '11', '13']);
  });
});

describe('a quarter without its analysis', () => {
  const withoutQ2Analysis = () => {
    const ledger = compliantLedger();
    ledger.分析研判.rows = ledger.分析研判.rows.filter((r) => r[2] !== '2026Q2');
    return ledger;
  };

  it('is that analysis: never says it is missing, overdue or owed, before or after its deadline', async () => {
    for (const asOf of ['2026-07-05', '2026-07-20']) {
      const report = buildQuarterlyReport(await validateLedger(withoutQ2Analysis(), asOf), quarterly, { period: '2026Q2' });
      const situation = texts(under(report, '三、意识形态领域总体态势和倾向性问题'));
      expect(situation[0]).toMatch(/^从网络舆情看/u);
      expect(allText(report)).not.toMatch(/季度分析尚未|未开展意识形态领域情况季度分析|季度分析未按期|未经分析研判|倾向性、苗头性/u);
      expect(report.notices).toContain('本报告即2026年第二季度的季度分析，已按1次计入。');
    }
  });
});

describe('a quarter with little in it', () => {
  it('says in words what was not done, and leaves no gap', () => {
    const report = buildQuarterlyReport(closed, quarterly, { period: '2026Q1' });
    expectClean(report);
    expectWholeLists(report);
    expect(texts(under(report, '三、意识形态领域总体态势和倾向性问题'))).toContain('从网络舆情看，本季度未发现涉及本单位的网络舆情。');
  });

  it('does not count the 上半年 通报 again in the third quarter, when it was written', () => {
    const report = buildQuarterlyReport(closed, quarterly, { period: '2026Q3' });
    expect(texts(under(report, '一、基本情况'))[0]).not.toContain('通报');
  });

  it('is marked as a draft when asked', () => {
    expect(buildQuarterlyReport(closed, quarterly, { period: '2026Q1', draft: true, sealed: true })).toMatchObject({
      draft: true,
      sealed: true,
    });
  });
});

describe('半年通报 from a ledger whose counts are known', () => {
  let report: Report;
  beforeAll(() => {
    report = buildSemiannualReport(closed, semiannual, { period: '2026H1' });
  });

  it('has the title broken by meaning, 主送, sections, 落款 and 版记', () => {
    expect(report.titleLines).toEqual(['关于2026年上半年', '意识形态工作情况的通报']);
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
    expect(report.imprint).toEqual({ copyTo: '县委宣传部', issuedBy: '中共县测试局党组办公室', issuedOn: '2027年1月20日' });
    expectClean(report);
    expectWholeLists(report);
    expectNothingForTheClerk(report);
  });

  it('tabulates the requirements of the half as validate counts them', () => {
    const [rules] = tables(report);
    expect(rules.columns.map((c) => c.header)).toEqual(['序号', '工作要求', '应完成', '已完成', '落实情况']);
    const byTitle = new Map(rules.rows.map((r) => [r[1], r.slice(2)]));
    expect(byTitle.get('意识形态领域情况季度分析')).toEqual(['2', '2', '达标']);
    expect(byTitle.get('党总支、各支部每半年专题汇报1次')).toEqual(['2', '2', '达标']);
    // 定期检查周期 is the year: counted to the half's end, and said so.
    expect(byTitle.get('定期对各股室站所开展检查')).toEqual(['全年要求3次', '上半年3次', '达标']);
    expect(byTitle.get('组织开展意识形态主题宣讲活动')).toEqual(['全年要求1次', '上半年0次', '进行中']);
    // Judged on the half's own inspections: three, the fourth is October's.
    expect(byTitle.get('检查、抽查结果上报党组')).toEqual(['3', '3', '达标']);
    expect(texts(under(report, '二、制度落实情况'))).toEqual([
      '对照实施方案，2026年上半年应落实的19项制度中，已达标15项，进行中4项，具体情况如下表。',
    ]);
  });

  it('tabulates the reports of each 党总支/党支部', () => {
    expect(tables(report)[1].rows).toEqual([
      ['机关党总支', '6月20日', '综合性工作总结', '已汇报'],
      ['第一党支部', '6月21日', '综合性工作总结', '已汇报'],
    ]);
  });

  it('tabulates the inspections of each 股室/站所, saying nothing of what did not happen', () => {
    expect(tables(report)[2].rows).toEqual([
      ['办公室', '1', '未发现问题', '—'],
      ['业务股', '1', '1个', '已整改1个'],
      ['城关站', '1', '未发现问题', '—'],
    ]);
    expect(texts(under(report, '四、检查抽查情况'))[0]).toBe(
      '2026年上半年，共开展检查抽查3次，覆盖股室站所3个（共3个），发现问题1个，已整改1个。各股室站所检查情况如下表。',
    );
  });

  it('asks for no 整改 when it points out no problem', () => {
    expect(texts(under(report, '七、下一步工作要求')).join('')).not.toContain('对本通报指出的问题');
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
    expect(texts(under(quarter, '三、意识形态领域总体态势和倾向性问题'))[1]).toBe(
      '从网络舆情看，超出时限的1起：“网络不实信息”；其中重大舆情1起。',
    );
    expect(texts(under(quarter, '四、存在的问题'))[0]).toBe('网络舆情处置还不够及时规范。“网络不实信息”的报送、处置超出规定时限。');
    const half = buildSemiannualReport(result, semiannual, { period: '2026H1' });
    expect(texts(under(half, '五、网络舆情处置情况'))[1]).toContain('超出时限的1起：“网络不实信息”。');
  });
});

describe('a ledger that falls short', () => {
  let result: ValidationResult;
  let report: Report;
  beforeAll(async () => {
    const ledger = compliantLedger();
    // 第一党支部 never reports in the first half, one training date cannot be read, and an inspection
    // names a unit 组织架构 does not list.
    ledger.专题汇报.rows = ledger.专题汇报.rows.filter((r) => !(r[0] === '第一党支部' && r[2] === '2026H1'));
    setCell(ledger, '学习培训', 0, '日期', '2026年13月1日');
    addRow(ledger, '检查抽查', {
      检查日期: day('2026-06-01'),
      检查类型: '不定期抽查',
      被检查单位: '财务股',
      检查方式: '查阅资料',
      上报党组日期: day('2026-06-02'),
    });
    result = await validateLedger(ledger, '2026-07-20');
    report = buildSemiannualReport(result, semiannual, { period: '2026H1' });
  });

  it('shows the unit as overdue in the table and names it, not a person, in 存在的问题', () => {
    expect(tables(report)[1].rows[1]).toEqual(['第一党支部', '—', '—', '逾期未汇报']);
    expect(texts(under(report, '六、存在的问题'))[0]).toBe(
      '意识形态工作责任制落实还有差距。第一党支部未按期向局党组专题汇报2026年上半年意识形态工作，已逾期，至今未开展。',
    );
  });

  it('puts an inspection of a unit not in 组织架构 in a row of its own, so the rows add up to the total', () => {
    const rows = tables(report)[2].rows;
    expect(rows.at(-1)).toEqual(['其他（未在组织架构中）', '1', '未发现问题', '—']);
    expect(rows.reduce((n, r) => n + Number(r[1]), 0)).toBe(4);
    expect(texts(under(report, '四、检查抽查情况'))[0]).toContain('共开展检查抽查4次');
  });

  it('keeps the ledger’s data errors out of the report, and asks for 整改 at the end', () => {
    expectNothingForTheClerk(report);
    expect(report.body.some((b) => b.kind === 'heading' && b.text.includes('台账数据'))).toBe(false);
    expect(texts(under(report, '七、下一步工作要求')).at(-1)).toMatch(/^对本通报指出的问题，/u);
  });

  it('lists them in an internal draft (--with-data-problems), marked 内部稿, as an attachment after the same headings', () => {
    const draft = buildSemiannualReport(result, semiannual, { period: '2026H1', withDataProblems: true });
    expect(draft.internal).toBe(true);
    const headings = (r: Report) => r.body.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
    expect(headings(draft)).toEqual(headings(report));
    expect(draft.appendices.map((a) => a.titleLines.join(''))).toEqual(['台账数据问题（内部稿）']);
    const part = draft.appendices[0].body.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(part[0]).toMatch(/^台账校验发现需要更正的数据错误\d+处/u);
    expect(part.some((t) => /^\d+\.“学习培训”A2：“日期”无法识别为日期/u.test(t))).toBe(true);
  });

  it('addresses its measures to the unit that must act, and names the next half’s work without deadlines', () => {
    const measures = texts(under(report, '七、下一步工作要求'));
    expect(measures[0]).toMatch(/^一是压紧压实工作责任。第一党支部要/u);
    expect(texts(under(report, '六、存在的问题'))).toHaveLength(1);
    // The one 中心组 study on 维护意识形态安全 is the row whose date cannot be read, so it does not count.
    expect(measures.join('')).toContain('统筹做好2026年下半年工作。按时完成');
    expect(measures.join('')).toContain('“中心组每年至少1次维护意识形态安全的专题学习”');
    expect(measures.join('')).not.toMatch(/须于|前完成/u);
  });
});

describe('records entered twice', () => {
  it('count once', async () => {
    const ledger = compliantLedger();
    ledger.学习培训.rows.push([...ledger.学习培训.rows[0]]);
    const report = buildQuarterlyReport(await validateLedger(ledger, yearClosed), quarterly, { period: '2026Q2' });
    expect(texts(under(report, '一、基本情况'))[0]).toContain('组织学习培训和主题宣讲1次');
  });
});

describe('a requirement the ledger cannot judge (无法判断)', () => {
  it('is neither a failure nor met: so shown in the table, and named once as a gap in the records', () => {
    const unjudged: ValidationResult = {
      ...closed,
      rules: closed.rules.map((rule) =>
        rule.id === 'R11'
          ? { ...rule, status: '无法判断', actual: 0, periods: rule.periods.map((p) => ({ ...p, status: '无法判断', actual: 0 })) }
          : rule,
      ),
    };
    const report = buildSemiannualReport(unjudged, semiannual, { period: '2026H1' });
    const row = tables(report)[0].rows.find((r) => r[1] === '意识形态工作责任制落实情况纳入干部考核');
    expect(row?.[4]).toBe('无法判断');
    expect(texts(under(report, '二、制度落实情况'))[0]).toContain('，因台账缺少相应记录无法判断1项');
    const problems = texts(under(report, '六、存在的问题'));
    expect(problems.at(-1)).toBe('此外，“意识形态工作责任制落实情况纳入干部考核”在台账中没有相应记录，落实情况无法反映。');
    expect(problems.join('')).not.toMatch(/未按期|均已落实/u);
  });
});
