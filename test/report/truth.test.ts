import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildQuarterlyReport } from '../../generator/report/build/quarterly';
import { buildSemiannualReport } from '../../generator/report/build/semiannual';
import { renderReport } from '../../generator/report/docx/document';
import type { Report } from '../../generator/report/model';
import { loadTemplateFile } from '../../generator/report/template/file';
import type { QuarterlyTemplate, SemiannualTemplate } from '../../generator/report/template/schema';
import { recordMonth } from '../../ledger/check/placing';
import { scopeRules } from '../../ledger/check/scope';
import { periodWithin } from '../../ledger/values/period';
import type { ValidationResult } from '../../ledger/model';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { addRow, setCell, withoutSheet } from '../helpers/ledgerCases';
import type { TestLedger } from '../helpers/ledgerWorkbook';
import { day, validateLedger } from '../helpers/ledgerWorkbook';
import { paragraphsOf, tablesOf, unzipDocx } from './docxXml';

/**
 * Issue 20: a report true to itself. Each case builds the report, renders the .docx and reads its
 * text back, on the sample ledger and on ledgers that lack the report's own document.
 */

let quarterly: QuarterlyTemplate;
let semiannual: SemiannualTemplate;
beforeAll(async () => {
  quarterly = await loadTemplateFile('quarterly');
  semiannual = await loadTemplateFile('semiannual');
});

interface Read {
  report: Report;
  paragraphs: string[];
  tables: string[][][];
  text: string;
}

async function read(report: Report): Promise<Read> {
  const { document } = unzipDocx(await renderReport(report));
  const paragraphs = paragraphsOf(document.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/gu, '')).map((p) => p.text);
  const tables = tablesOf(document);
  return { report, paragraphs, tables, text: [...paragraphs, ...tables.flat(2)].join('\n') };
}

const q = (result: ValidationResult, period: string) => read(buildQuarterlyReport(result, quarterly, { period, draft: true }));
const h = (result: ValidationResult, period: string) => read(buildSemiannualReport(result, semiannual, { period, draft: true }));

/** The paragraphs of a section: from its heading to the next level-one heading. */
function section(doc: Read, title: string): string[] {
  const start = doc.paragraphs.findIndex((p) => /^[一二三四五六七八九十]+、/u.test(p) && p.endsWith(title));
  if (start < 0) throw new Error(`no section ${title}`);
  const end = doc.paragraphs.findIndex((p, i) => i > start && /^[一二三四五六七八九十]+、/u.test(p));
  return doc.paragraphs.slice(start + 1, end < 0 ? undefined : end);
}

function without(ledger: TestLedger, sheet: string, keep: (row: unknown[]) => boolean): TestLedger {
  ledger[sheet].rows = ledger[sheet].rows.filter(keep);
  return ledger;
}

const sample = async (asOf: string) => validateGrid(await readWorkbookFile('templates/示例台账.xlsx'), { asOf });

describe('1. the report is its period’s 季度分析 / 半年通报', () => {
  it('counts itself when the ledger lacks it, says so to the clerk, and never denies its own existence', async () => {
    const ledger = without(compliantLedger(), '分析研判', (row) => row[2] !== '2026Q2');
    const result = await validateLedger(ledger, '2026-07-20');
    const doc = await q(result, '2026Q2');
    expect(doc.report.notices).toContain('本报告即2026年第二季度的季度分析，已按1次计入。');
    expect(doc.text).not.toMatch(/未开展意识形态领域情况季度分析|季度分析未按期|态势未经分析研判|尚未开展|未记录/u);
    const row = doc.tables.at(-1)!.find((r) => r[1].startsWith('意识形态领域情况季度分析'))!;
    expect(row.slice(2)).toEqual(['2026年第二季度', '1', '1', '达标']);
    expect(doc.paragraphs).toContain('注：本报告即2026年第二季度意识形态领域情况季度分析，已按1次计入。');
    // Nothing of the quarter's analysis to quote: the clerk is warned, the section says what the other records show.
    expect(doc.report.notices?.some((n) => n.includes('报告第三部分'))).toBe(true);
    expect(section(doc, '意识形态领域总体态势和倾向性问题').join('')).toMatch(/^从网络舆情看/u);
  });

  it('does not count itself twice where the ledger already holds it', async () => {
    const doc = await q(await sample('2026-07-20'), '2026Q2');
    expect(doc.report.notices).toEqual([]);
    expect(doc.paragraphs.some((p) => p.startsWith('注：本报告即'))).toBe(false);
  });

  it('a 半年通报 is its half’s 通报: never 进行中 or owed in itself', async () => {
    const ledger = without(compliantLedger(), '情况通报', (row) => row[2] !== '2026H1');
    const result = await validateLedger(ledger, '2026-07-20');
    const doc = await h(result, '2026H1');
    expect(doc.report.notices).toContain('本通报即2026年上半年的半年通报，已按1次计入。');
    const row = doc.tables[0].find((r) => r[1] === '意识形态领域情况半年通报')!;
    expect(row.slice(2)).toEqual(['1', '1', '达标']);
    expect(doc.text).not.toMatch(/半年通报未按期|半年通报”各项工作/u);
  });
});

describe('1. … but not where the ledger cannot judge its kind of record', () => {
  it('keeps the row 无法判断 and claims no count when the ledger has no 情况通报 sheet', async () => {
    const result = await validateLedger(withoutSheet(compliantLedger(), '情况通报'), '2026-07-20');
    const doc = await h(result, '2026H1');
    expect(doc.tables[0].find((r) => r[1] === '意识形态领域情况半年通报')?.[4]).toBe('无法判断');
    expect(doc.report.notices?.join('')).not.toContain('已按1次计入');
    expect(doc.paragraphs.some((p) => p.startsWith('注：'))).toBe(false);
  });

  it('tells the clerk, not the 党组, that 组织架构 lists no branch or 股室', async () => {
    const ledger = compliantLedger();
    ledger.组织架构.rows = [];
    const doc = await h(await validateLedger(ledger, '2026-07-20'), '2026H1');
    expect(section(doc, '专题汇报情况')).toEqual(['台账未登记党总支、党支部，专题汇报情况无从反映。']);
    expect(doc.text).not.toContain('请在台账');
    expect(doc.report.notices?.join('')).toContain('请在“组织架构”表中补充后重新生成');
  });
});

describe('2. every row counts the report’s period, as validate --period does', () => {
  it('a yearly requirement in the 半年通报 is 全年要求N次，上半年已开展M次 and 进行中, not 未达标 at mid-year', async () => {
    const ledger = compliantLedger();
    ledger.学习培训.rows = ledger.学习培训.rows.filter((r) => r[1] !== '主题宣讲');
    addRow(ledger, '学习培训', { 日期: day('2026-10-15'), 类型: '教育培训', 主题: '保密教育', 参加人数: 20, 意识形态安全专题: '否' });
    const result = await validateLedger(ledger, yearClosed);
    expect(result.rules.find((r) => r.id === 'R13')?.status).toBe('未达标');
    const doc = await h(result, '2026H1');
    const row = doc.tables[0].find((r) => r[1] === '组织开展意识形态主题宣讲活动')!;
    expect(row.slice(2)).toEqual(['全年要求1次', '上半年0次', '进行中']);
    const scoped = scopeRules(result, '2026H1', {
      sheet: 'notification',
      data: { 通报类型: '半年通报', 所属期间: '2026H1', 通报日期: yearClosed },
    });
    const numbers = doc.tables[0].slice(1).map((r) => r.slice(2, 4).map((c) => Number(/\d+/u.exec(c)![0])));
    expect(numbers).toEqual(scoped.rules.map((r) => [r.required, r.actual]));
  });

  it('record rules count the period’s own records: a Q4 lecture approved late is no problem of Q2', async () => {
    const ledger = compliantLedger();
    addRow(ledger, '讲座论坛', {
      活动名称: '冬季论坛',
      活动类型: '论坛',
      主讲人: '赵老师',
      登记日期: day('2026-11-01'),
      审批日期: day('2026-11-20'),
      审批结果: '同意',
      活动日期: day('2026-11-10'),
    });
    const result = await validateLedger(ledger, yearClosed);
    const q2 = await q(result, '2026Q2');
    expect(q2.text).not.toContain('冬季论坛');
    expect(
      q2.tables
        .at(-1)!
        .find((r) => r[1].startsWith('讲座'))!
        .slice(3),
    ).toEqual(['1', '1', '达标']);
    const q4 = await q(result, '2026Q4');
    expect(section(q4, '存在的问题').join('')).toContain('“冬季论坛”于11月10日举办，11月20日才报局党组审批');
  });
});

describe('3. only claims the ledger supports', () => {
  it('a clean period: a short, honest 存在的问题 with no stock self-criticism', async () => {
    const result = await validateLedger(compliantLedger(), yearClosed);
    const doc = await h(result, '2026H1');
    const problems = section(doc, '存在的问题');
    expect(problems).toHaveLength(1);
    // The yearly requirements are still open at mid-year, and the one problem found was put right.
    expect(problems[0]).toBe('对照实施方案逐项检查，2026年上半年没有逾期未完成的工作。');
    const open = compliantLedger();
    setCell(open, '检查抽查', 1, '整改情况', '整改中');
    setCell(open, '检查抽查', 1, '整改期限', day('2026-12-30'));
    const pending = await h(await validateLedger(open, '2026-07-20'), '2026H1');
    expect(section(pending, '存在的问题')).toEqual([
      '对照实施方案逐项检查，2026年上半年没有逾期未完成的工作，但工作中仍有需要注意的问题：“台账不全”。',
    ]);
    expect(doc.text).not.toMatch(/重业务、轻意识形态|软任务|还有差距|不够紧密/u);
  });

  it('严格落实 only beside a met requirement, 总体规范 only where no check found a problem', async () => {
    const clean = await q(await validateLedger(compliantLedger(), yearClosed), '2026Q2');
    expect(clean.text).toContain('严格落实讲座、报告、论坛审批制度');
    expect(clean.text).not.toContain('总体规范');
    const late = compliantLedger();
    setCell(late, '讲座论坛', 0, '审批日期', day('2026-05-12'));
    setCell(late, '检查抽查', 1, '发现问题', '');
    const doc = await q(await validateLedger(late, yearClosed), '2026Q2');
    expect(doc.text).not.toContain('严格落实讲座');
    expect(doc.text).toContain('各单位意识形态工作总体规范');
    expect(section(doc, '存在的问题').join('')).toContain('“法治讲座”于5月10日举办，5月12日才报局党组审批');
  });
});

describe('4. overdue units are named, units not yet due are not', () => {
  it('names the unit past its 整改期限 and not the one still within it', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '检查抽查', 1, '整改情况', '整改中');
    setCell(ledger, '检查抽查', 1, '整改期限', day('2026-07-10'));
    addRow(ledger, '检查抽查', {
      检查日期: day('2026-06-10'),
      检查类型: '不定期抽查',
      被检查单位: '城关站',
      检查方式: '查阅资料',
      发现问题: '制度未公示',
      整改情况: '未整改',
      整改期限: day('2026-08-30'),
      上报党组日期: day('2026-06-11'),
    });
    const doc = await h(await validateLedger(ledger, '2026-07-20'), '2026H1');
    const problems = section(doc, '存在的问题').join('');
    expect(problems).toContain('业务股对检查发现的问题未按期整改，整改期限已过，仍未整改到位');
    expect(problems).not.toContain('城关站');
  });
});

describe('5. counted phrases from parts', () => {
  it('no string of zeros, no part said as if a whole, 等 only where a list was cut', async () => {
    const ledger = compliantLedger();
    ledger.检查抽查.rows = [];
    const docs = [await h(await validateLedger(ledger, yearClosed), '2026H1'), await q(await validateLedger(ledger, yearClosed), '2026Q2')];
    for (const doc of docs) {
      // Sentences, that is: a table's cell may well say 0.
      expect(doc.paragraphs.join('\n')).not.toMatch(/(?<!\d)0[次个起场人]/u);
      // The template's own “三会一课”等载体 is wording, not a list of the ledger's.
      expect(doc.text).not.toMatch(/”等(?!载体)/u);
    }
    expect(section(docs[0], '检查抽查情况')).toEqual(['2026年上半年未开展检查抽查。']);
    const training = section(docs[1], '主要工作开展情况').join('');
    expect(training).toContain('组织中心组专题学习1次，围绕“维护意识形态安全专题学习”开展学习');
    const sample2 = await h(await sample('2026-07-20'), '2026H1');
    expect(section(sample2, '检查抽查情况')[0]).toContain('共开展检查抽查8次，其中定期检查4次、不定期抽查4次');
  });
});

describe('6. a half-year record counts in the quarter of its date within the half', () => {
  it('a branch’s 上半年 report made in March is Q1’s, not Q2’s', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '专题汇报', 2, '汇报日期', day('2026-03-20'));
    const result = await validateLedger(ledger, yearClosed);
    const branch = (report: Report) =>
      report.figures?.find((f) => f.of === 'records' && f.sheet === 'branchReport' && !f.where && !f.distinct)?.value;
    const [q1, q2, h1] = [await q(result, '2026Q1'), await q(result, '2026Q2'), await h(result, '2026H1')];
    expect([branch(q1.report), branch(q2.report), branch(h1.report)]).toEqual([1, 1, 2]);
    expect(section(q1, '主要工作开展情况').join('')).toContain('听取第一党支部意识形态工作专题汇报');
  });
});

describe('7. problems as facts by theme, measures addressed to those who act', () => {
  it('names the branch that did not report and why; 下一步 tells it to act, without deadlines', async () => {
    const doc = await h(await sample('2026-07-20'), '2026H1');
    const problems = section(doc, '存在的问题');
    expect(problems[0]).toMatch(
      /^一是意识形态工作责任制落实还有差距。第三党支部未按期向局党组专题汇报2026年上半年意识形态工作，已逾期，至今未开展/u,
    );
    expect(problems.join('')).not.toMatch(/有\d+项未达到要求|“[^”]*要求[^”]*”未按期完成/u);
    const next = section(doc, '下一步工作要求');
    expect(next[0]).toMatch(/^一是压紧压实工作责任。第三党支部要/u);
    expect(next.join('')).not.toMatch(/须于\d+月\d+日前完成/u);
  });
});

describe('11. smaller defects', () => {
  it('quotes an 问责 reason, 表扬s units that did everything, full-width brackets, opening framing', async () => {
    const ledger = compliantLedger();
    addRow(ledger, '问责追究', { 日期: day('2026-05-20'), 被问责对象: '某某', 问责事由: '转发不实信息', 处理方式: '诫勉谈话' });
    const result = await validateLedger(ledger, yearClosed);
    const doc = await q(result, '2026Q2');
    expect(doc.text).toContain('问责事由为“转发不实信息”');
    expect(doc.text).not.toContain('落实意识形态工作责任制不力');
    expect(doc.text).not.toMatch(/[()]/u);
    expect(doc.paragraphs.find((p) => p.startsWith('2026年第二季度，局党组坚持以习近平新时代中国特色社会主义思想为指导'))).toBeDefined();
    const half = await h(result, '2026H1');
    expect(section(half, '总体情况').join('')).toContain(
      '办公室、业务股、城关站、机关党总支、第一党支部按时完成2026年上半年各项意识形态工作任务，予以通报表扬',
    );
  });

  it('says each figure once: the totals in 基本情况 / 总体情况, their parts and names in the sections after', async () => {
    const result = await sample('2026-07-20');
    const quarter = await q(result, '2026Q2');
    const [overview] = section(quarter, '基本情况');
    const later = [...section(quarter, '主要工作开展情况'), ...section(quarter, '意识形态领域总体态势和倾向性问题')]
      .join('')
      // The analysis's own words are quoted as the ledger has them.
      .replace(/本季度分析研判认为：[^。]*。/u, '');
    for (const [, phrase] of overview.matchAll(/(\p{Script=Han}{2}\d+[次起场人])/gu)) expect(later).not.toContain(phrase);
    const half = await h(result, '2026H1');
    expect(section(half, '总体情况')[0]).not.toMatch(/检查抽查|网络舆情|专题汇报/u);
    expect(section(half, '检查抽查情况')[0]).toContain('共开展检查抽查8次');
  });

  it('a Q3 report cites no Q4 event, and 讲座 is not a 舆情 matter', async () => {
    const ledger = compliantLedger();
    addRow(ledger, '舆情处置', { 事件名称: '冬季谣言', 是否重大: '是', 发现时间: day('2026-11-02') });
    const doc = await q(await validateLedger(ledger, yearClosed), '2026Q3');
    expect(doc.text).not.toContain('冬季谣言');
    for (const p of doc.paragraphs) if (p.includes('舆情')) expect(p).not.toMatch(/讲座/u);
  });
});

describe('property: every number equals the core’s for the period; no compliance the core denies', () => {
  it('on random ledgers and periods', async () => {
    const base = compliantLedger();
    const sheets = Object.keys(base).filter((name) => !['基本信息', '组织架构'].includes(name) && base[name].rows.length > 0);
    const arb = fc.record({
      drop: fc.record(Object.fromEntries(sheets.map((s) => [s, fc.array(fc.nat(6), { maxLength: 3 })]))),
      shift: fc.integer({ min: -100, max: 100 }),
      asOf: fc.constantFrom('2026-04-10', '2026-07-20', '2026-10-20', yearClosed),
      period: fc.constantFrom('2026Q1', '2026Q2', '2026Q3', '2026Q4', '2026H1', '2026H2'),
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ drop, shift, asOf, period }) => {
        const ledger: TestLedger = structuredClone(compliantLedger());
        for (const name of sheets) {
          ledger[name].rows = ledger[name].rows
            .filter((_, i) => !drop[name].includes(i))
            .map((row, i) => (i === 0 ? row.map((c) => (c instanceof Date ? new Date(c.getTime() + shift * 86_400_000) : c)) : row));
        }
        const result = await validateLedger(ledger, asOf);
        const half = period.includes('H');
        const doc = half ? await h(result, period) : await q(result, period);
        const own = half
          ? ({ sheet: 'notification', data: { 通报类型: '半年通报', 所属期间: period, 通报日期: asOf } } as const)
          : ({ sheet: 'analysis', data: { 分析类型: '季度分析', 所属期间: period, 分析日期: asOf } } as const);
        const scope = scopeRules(result, period, own);
        const table = half ? doc.tables[0] : doc.tables.at(-1)!;
        const cells = table.slice(1).map((r) => (half ? r.slice(2, 5) : r.slice(3, 6)));
        expect(cells.map((c) => [Number(/\d+/u.exec(c[0])![0]), Number(/\d+/u.exec(c[1])![0]), c[2]])).toEqual(
          scope.rules.map((r) => [r.required, r.actual, r.status]),
        );
        for (const figure of doc.report.figures ?? []) {
          if (figure.of !== 'rule') continue;
          const rule = scope.rules.find((r) => r.id === figure.rule)!;
          const entry = figure.unit === null ? rule : rule.periods.find((p) => p.unit === figure.unit)!;
          expect(figure.value, JSON.stringify(figure)).toBe(entry[figure.field]);
        }
        const status = (id: string) => scope.rules.find((r) => r.id === id)?.status;
        if (status('R14') !== '达标') expect(doc.text).not.toContain('严格落实讲座');
        const inspections = result.ledger.records.inspection.filter((r) => {
          const month = recordMonth('inspection', r);
          return month !== undefined && periodWithin(month, period) && r.data.发现问题 !== undefined;
        });
        if (inspections.length > 0) expect(doc.text).not.toContain('总体规范');
        if (scope.rules.some((r) => r.status !== '达标')) expect(doc.text).not.toContain('各项要求均已落实');
        if (scope.rules.some((r) => r.status === '未达标')) expect(section(doc, '存在的问题')[0]).toMatch(/^一是|^[^对]/u);
        expect(doc.paragraphs.join('\n')).not.toMatch(/(?<![\d.])0[次个起场人项]/u);
        expect(doc.text).not.toMatch(/undefined|\{|\}/u);
      }),
      { numRuns: 25 },
    );
  }, 180_000);
});
