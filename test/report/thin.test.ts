import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { taizhang } from '../helpers/cli';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { writeLedger, type TestLedger } from '../helpers/ledgerWorkbook';
import { paragraphsOf, unzipDocx } from './docxXml';

const dir = mkdtempSync(join(tmpdir(), 'taizhang-thin-'));
let ledger: string;

/** A ledger kept for a few weeks and then left: three records, none after the second quarter. */
function thinLedger(): TestLedger {
  const l = compliantLedger();
  const recordSheets = Object.keys(l).filter((name) => name !== '基本信息' && name !== '组织架构');
  for (const name of recordSheets)
    l[name] = { ...l[name], rows: name === '专题研究' || name === '学习培训' || name === '检查抽查' ? l[name].rows.slice(0, 1) : [] };
  return l;
}

function paragraphs(kind: 'quarterly' | 'semiannual', period: string, asOf: string): string[] {
  const out = join(dir, `${kind}-${period}.docx`);
  const run = taizhang(['report', kind, ledger, '--period', period, '--as-of', asOf, '--out', out]);
  expect(run.status, run.stderr).toBe(0);
  return paragraphsOf(unzipDocx(readFileSync(out)).document).map((p) => p.text);
}

beforeAll(async () => {
  ledger = await writeLedger(thinLedger());
});

describe('reports of a thin ledger', () => {
  it('leave out 主要工作 in a quarter with no work to tell, numbering the rest on, rather than a heading over nothing', () => {
    const texts = paragraphs('quarterly', '2026Q3', yearClosed);
    expect(texts.some((t) => t.includes('2026年第三季度，台账中没有意识形态工作记录'))).toBe(true);
    expect(texts.some((t) => t.includes('主要工作开展情况'))).toBe(false);
    const headings = texts.filter((t) => /^[一二三四五六]、/u.test(t)).map((t) => t.slice(0, 1));
    expect(headings).toEqual(['一', '二', '三', '四']);
  });

  it('name the first three pieces of work due next and no more, in a sentence that still reads', () => {
    const texts = paragraphs('semiannual', '2026H1', '2026-07-20');
    const due = texts.find((t) => t.includes('统筹做好2026年下半年工作'))!;
    expect(due).toMatch(/按时完成(“[^”]+”){3}等各项工作任务/u);
  });

  it('say 各单位……总体规范 only of inspections that reached every 股室站所', () => {
    const texts = paragraphs('quarterly', '2026Q2', '2026-07-20');
    expect(texts).toContain('从监督检查看，本季度对1个单位开展检查抽查，未发现问题。');
    expect(texts.join('\n')).not.toContain('总体规范');
  });
});

describe('下一步 of the sample ledger', () => {
  it('answers a 分管领导 outside the party group with a 一岗双责 measure naming the unit, said once', () => {
    const out = join(dir, 'sample-2026Q2.docx');
    const run = taizhang(['report', 'quarterly', 'templates/示例台账.xlsx', '--period', '2026Q2', '--as-of', '2026-07-20', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const texts = paragraphsOf(unzipDocx(readFileSync(out)).document).map((p) => p.text);
    const next = texts.slice(texts.findIndex((t) => /^[一二三四五六]、下一步/u.test(t))).join('\n');
    expect(next).toContain('第三党支部的意识形态工作要由局党组成员分管');
    expect(next.match(/落实“一岗双责”/gu)).toHaveLength(1);
  });
});
