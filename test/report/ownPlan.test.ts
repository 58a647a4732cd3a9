import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultTemplatePath } from '../../generator/report/template/file';
import { withPlanSheet } from '../helpers/bureauPlan';
import { taizhang } from '../helpers/cli';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { writeLedger } from '../helpers/ledgerWorkbook';
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
