import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultTemplatePath } from '../../generator/report/template/file';
import { bureauPlanRows, withPlanSheet } from '../helpers/bureauPlan';
import { addColumn } from '../helpers/ledgerCases';
import { taizhang } from '../helpers/cli';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { writeLedger, type TestLedger } from '../helpers/ledgerWorkbook';
import { paragraphsOf, tablesOf, unzipDocx } from './docxXml';

const dir = mkdtempSync(join(tmpdir(), 'taizhang-own-plan-'));
let ledger: string;

/** The report's paragraphs and tables, read back from the .docx the CLI wrote. */
function report(
  kind: 'quarterly' | 'semiannual',
  period: string,
  template?: string,
): { texts: string[]; tables: string[][][]; all: string } {
  const out = join(dir, `${kind}-${period}${template ? '-own-template' : ''}.docx`);
  const run = taizhang([
    'report',
    kind,
    ledger,
    '--period',
    period,
    '--as-of',
    yearClosed,
    '--out',
    out,
    ...(template ? ['--template', template] : []),
  ]);
  expect(run.status, run.stderr).toBe(0);
  const { document } = unzipDocx(readFileSync(out));
  const texts = paragraphsOf(document).map((p) => p.text);
  return { texts, tables: tablesOf(document), all: texts.join('\n') };
}

beforeAll(async () => {
  // This bureau's plan: 专题研究 three times a year (its ledger holds two), 不定期抽查 off, and a monthly
  // 中心组学习 of its own (its ledger holds one, in April).
  ledger = await writeLedger(withPlanSheet(compliantLedger()));
});

describe('reports of a bureau with its own 实施方案要求', () => {
  it('list its own requirement in 制度落实 like the built-ins, the changed count by its count, the disabled one not at all', () => {
    const { tables, all } = report('semiannual', '2026H1');
    const rows = tables[0].slice(1);
    expect(rows.find((r) => r[1] === '每月至少开展1次中心组学习')?.slice(2)).toEqual(['6', '1', '未达标']);
    expect(rows.map((r) => r[1])).toContain('每年至少开展3次意识形态工作专题研究');
    expect(rows.map((r) => r[1])).not.toContain('不定期开展抽查');
    expect(all).toContain('2026年1月、2月、3月、5月、6月“每月至少开展1次中心组学习”未按期落实，已逾期，至今未开展');
    // Told under the theme of the sheet it counts (学习培训), as R12 and R13 are.
    expect(all).toMatch(/理论学习和阵地管理还有薄弱环节。2026年1月、2月/u);
    expect(all).not.toMatch(/2次意识形态工作专题研究|开展2次/u);
  });

  it('report a changed built-in by the bureau’s count when its year falls short', () => {
    const { tables, all } = report('semiannual', '2026H2');
    const r01 = tables[0].find((r) => r[1] === '每年至少开展3次意识形态工作专题研究');
    expect(r01?.slice(2)).toEqual(['3', '2', '未达标']);
    expect(all).toContain('2026年局党组专题研究意识形态工作未达到要求，已逾期，仅开展2次，少于要求的3次');
    expect(all).not.toMatch(/2次意识形态工作专题研究|要求的2次/u);
  });

  it('give its own requirement a row of the quarterly report’s appendix, without a plan section it does not have', () => {
    const { tables, all } = report('quarterly', '2026Q2');
    const appendix = tables.at(-1)!.slice(1);
    expect(appendix.find((r) => r[1] === '每月至少开展1次中心组学习')?.slice(2)).toEqual(['2026年第二季度', '3', '1', '未达标']);
    expect(appendix.map((r) => r[1])).toContain('每年至少开展3次意识形态工作专题研究（三（一））');
    expect(all).toContain('2026年5月、6月“每月至少开展1次中心组学习”未按期落实');
    expect(all).toContain('按时完成“每月至少开展1次中心组学习”各项工作任务');
  });
});

describe('下一步 of a bureau with its own 实施方案要求', () => {
  it('answers a missed 中心组学习 with a measure for learning, naming it, not with the lectures’ approval', () => {
    const { texts } = report('semiannual', '2026H1');
    const next = texts.slice(texts.findIndex((t) => /^[一二三四五六七]、下一步/u.test(t)));
    expect(next.length).toBeGreaterThan(1);
    expect(next.join('\n')).toContain('按期组织中心组专题学习');
    expect(next.join('\n')).not.toMatch(/讲座、报告、论坛/u);
  });

  it('does so with a wording template edited before that measure had a line of its own', () => {
    const edited = readFileSync(defaultTemplatePath('semiannual'), 'utf8')
      .split('\n')
      .filter((line) => !/^ {4}(学习宣讲|一岗双责):/u.test(line))
      .join('\n');
    expect(edited).not.toContain('学习宣讲:');
    const file = join(dir, '半年通报-旧.yaml');
    writeFileSync(file, edited);
    expect(report('semiannual', '2026H1', file).all).toContain('按期组织中心组专题学习');
  });
});

/** The report of `kind` for `period` of `source` with the plan's rows changed by `change`, read back. */
async function reportOf(
  name: string,
  source: TestLedger,
  kind: 'quarterly' | 'semiannual',
  period: string,
): Promise<{ tables: string[][][]; all: string }> {
  const file = await writeLedger(source);
  const out = join(dir, `${name}.docx`);
  const run = taizhang(['report', kind, file, '--period', period, '--as-of', yearClosed, '--out', out]);
  expect(run.status, run.stderr).toBe(0);
  const { document } = unzipDocx(readFileSync(out));
  return {
    tables: tablesOf(document),
    all: paragraphsOf(document)
      .map((p) => p.text)
      .join('\n'),
  };
}

const planWith = (change: (row: PlanRows[number]) => PlanRows[number], extra: PlanRows = []): PlanRows => [
  ...bureauPlanRows().map(change),
  ...extra,
];
type PlanRows = ReturnType<typeof bureauPlanRows>;

describe('专题汇报 in the 半年通报 of a bureau whose plan asks more of its branches', () => {
  it('judges each branch by a quarterly report, not by having reported once in the half', async () => {
    const rows = planWith((row) => (row.编号 === 'R09' ? { ...row, 要求: '', 频次: '季度' } : row));
    const { tables, all } = await reportOf('r09-quarterly', withPlanSheet(compliantLedger(), rows), 'semiannual', '2026H1');
    const section = all.slice(all.indexOf('专题汇报情况'));
    expect(section).toContain('按照“各党总支、党支部每季度至少1次向党组专题汇报意识形态工作”的要求');
    expect(section).toContain('汇报次数未达到要求的有机关党总支、第一党支部');
    expect(section).not.toMatch(/已按要求向局党组专题汇报/u);
    const branches = tables.find((t) => t[0][0] === '单位' && t[0][1] === '汇报日期')!;
    expect(branches.slice(1).map((r) => [r[0], r[3]])).toEqual([
      ['机关党总支', '次数不足'],
      ['第一党支部', '次数不足'],
    ]);
  });

  it('gives a branch that reported once of twice its count, not “至今未开展”', async () => {
    const rows = planWith((row) => (row.编号 === 'R09' ? { ...row, 要求: '', 至少次数: 2 } : row));
    const { all } = await reportOf('r09-twice', withPlanSheet(compliantLedger(), rows), 'semiannual', '2026H1');
    expect(all).toContain('第一党支部未按期向局党组专题汇报2026年上半年意识形态工作，已逾期，仅开展1次，少于要求的2次');
    expect(all).not.toMatch(/第一党支部未按期向局党组专题汇报2026年上半年意识形态工作，已逾期，至今未开展/u);
  });

  it('tells the months a branch missed its own monthly requirement in one sentence', async () => {
    const ledger = compliantLedger();
    addColumn(
      ledger,
      '学习培训',
      '参加对象',
      ledger.学习培训.rows.map(() => '局领导班子'),
    );
    const rows = planWith((row) => (row.编号 === '本局1' ? { ...row, 对象: '党支部' } : row));
    const { all } = await reportOf('own-monthly-branch', withPlanSheet(ledger, rows), 'semiannual', '2026H1');
    expect(all).toContain('第一党支部2026年1月至6月“每月至少开展1次中心组学习”未按期落实，已逾期，至今未开展');
    expect(all.match(/“每月至少开展1次中心组学习”未按期落实/gu)).toHaveLength(1);
  });
});

describe('专题汇报 in the 半年通报 of a bureau whose plan switched it off', () => {
  it('tells who reported without saying 按要求 or 尚未 of what was not asked', async () => {
    const rows = planWith((row) => (row.编号 === 'R09' ? { ...row, 启用: '否' } : row));
    const ledger = compliantLedger();
    ledger.专题汇报.rows = ledger.专题汇报.rows.filter((r) => r[0] === '机关党总支');
    const { tables, all } = await reportOf('r09-off', withPlanSheet(ledger, rows), 'semiannual', '2026H1');
    const section = all.slice(all.indexOf('专题汇报情况'), all.indexOf('检查抽查情况'));
    expect(section).toContain('全局2个党总支、党支部中，向局党组专题汇报意识形态工作的1个，没有汇报的有第一党支部。');
    expect(section).not.toMatch(/按要求|尚未/u);
    const branches = tables.find((t) => t[0][0] === '单位' && t[0][1] === '汇报日期')!;
    expect(branches.slice(1).map((r) => r[3])).toEqual(['已汇报', '未汇报']);
  });
});
