import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { setCell } from '../helpers/ledgerCases';
import { sha256, taizhang } from '../helpers/cli';
import { writeLedger } from '../helpers/ledgerWorkbook';
import { paragraph, paragraphsOf, tablesOf, unzipDocx } from './docxXml';

const fresh = () => mkdtempSync(join(tmpdir(), 'taizhang-report-'));
const docxIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.docx'));

let ledger: string;
let broken: string;
beforeAll(async () => {
  ledger = await writeLedger(compliantLedger(), 'report-compliant.xlsx');
  const withError = compliantLedger();
  setCell(withError, '学习培训', 0, '日期', '2026年13月1日');
  broken = await writeLedger(withError, 'report-broken.xlsx');
});

describe('taizhang report quarterly', () => {
  it('writes {title}.docx into the current directory, with the ledger’s numbers in its tables', () => {
    const dir = fresh();
    const run = taizhang(['report', 'quarterly', ledger, '--period', '2026Q2', '--as-of', yearClosed], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const name = '县测试局2026年第二季度意识形态领域情况分析报告.docx';
    expect(docxIn(dir)).toEqual([name]);
    expect(run.stdout).toContain(`已生成季度分析报告：${join(dir, name)}`);
    const { document } = unzipDocx(readFileSync(join(dir, name)));
    paragraph(document, '县测试局2026年第二季度意识形态领域情况分析报告');
    const [rules] = tablesOf(document);
    expect(rules[3]).toEqual(['3', '意识形态领域情况季度分析（二（七））', '2026年第二季度', '1', '1', '达标']);
    const texts = paragraphsOf(document).map((p) => p.text);
    expect(texts).toContain('县委宣传部：');
    expect(texts).toContain('中共县测试局党组');
    expect(texts).toContain('2027年1月20日');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('takes a period without its year from the ledger, and prints a 发文字号', () => {
    const dir = fresh();
    const out = join(dir, '报告.docx');
    const run = taizhang([
      'report',
      'quarterly',
      ledger,
      '--period',
      '第三季度',
      '--as-of',
      yearClosed,
      '--out',
      out,
      '--doc-number',
      '测局党组〔2026〕9号',
    ]);
    expect(run.status).toBe(0);
    const texts = paragraphsOf(unzipDocx(readFileSync(out)).document).map((p) => p.text);
    // Under the blank 版头 of 红头 paper (no 发文机关标志 in the template), two lines above the title's blank pair.
    expect(texts.slice(0, 7)).toEqual(['', '', '', '测局党组〔2026〕9号', '', '', '县测试局2026年第三季度意识形态领域情况分析报告']);
  });

  for (const [period, message] of [
    ['2026Q5', '--period 的值“2026Q5”不是有效的期间。季度分析报告请写作 2026Q3（2026年第三季度）。'],
    ['2026H1', '季度分析报告的期间应为季度'],
    ['2025Q3', '--period 为2025年第三季度，但台账年度是2026年。'],
  ]) {
    it(`refuses --period ${period} with exit 2 and one Chinese line, writing nothing`, () => {
      const dir = fresh();
      const run = taizhang(['report', 'quarterly', ledger, '--period', period], dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it('asks for --period when it is missing', () => {
    const run = taizhang(['report', 'quarterly', ledger]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--period');
  });
});

describe('taizhang report semiannual', () => {
  it('writes the 通报 with 主送 and the tables by unit', () => {
    const dir = fresh();
    const out = join(dir, '通报.docx');
    const run = taizhang(['report', 'semiannual', ledger, '--period', '2026H1', '--as-of', yearClosed, '--out', out]);
    expect(run.status).toBe(0);
    const { document } = unzipDocx(readFileSync(out));
    const texts = paragraphsOf(document).map((p) => p.text);
    expect(texts).toContain('关于2026年上半年意识形态工作情况的通报');
    expect(texts).toContain('抄送：县委宣传部。');
    expect(texts).toContain('机关各股室、各站所，机关党总支、各党支部：');
    const [, branches, inspections] = tablesOf(document);
    expect(branches.slice(1)).toEqual([
      ['机关党总支', '6月20日', '综合性工作总结', '已汇报'],
      ['第一党支部', '6月21日', '综合性工作总结', '已汇报'],
    ]);
    expect(inspections[2]).toEqual(['业务股', '1', '1个', '已整改1个']);
  });

  it('refuses a quarter', () => {
    const run = taizhang(['report', 'semiannual', ledger, '--period', '2026Q2']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('半年通报的期间应为半年');
  });
});

describe('a ledger with errors', () => {
  it('still yields a report, says so on the command line, and keeps the errors out of the report', () => {
    const dir = fresh();
    const run = taizhang(['report', 'semiannual', broken, '--period', '2026H1', '--as-of', yearClosed], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('注意：台账有 1 处数据错误（这些单元格的内容未计入报告）');
    const texts = paragraphsOf(unzipDocx(readFileSync(join(dir, docxIn(dir)[0]))).document).map((p) => p.text);
    expect(texts.join('\n')).not.toMatch(/A2|无法识别|台账数据/u);
  });

  it('lists them in an internal draft with --with-data-problems', () => {
    const dir = fresh();
    const run = taizhang(['report', 'semiannual', broken, '--period', '2026H1', '--as-of', yearClosed, '--with-data-problems'], dir);
    expect(run.status).toBe(0);
    const texts = paragraphsOf(unzipDocx(readFileSync(join(dir, docxIn(dir)[0]))).document).map((p) => p.text);
    expect(texts[0]).toBe('内部稿');
    expect(texts).toContain('附件：台账数据问题（内部稿）');
    expect(texts.some((t) => /^1\.“学习培训”A2：“日期”无法识别为日期/u.test(t))).toBe(true);
  });

  it('is refused with --strict: exit 1, no report', () => {
    const dir = fresh();
    const run = taizhang(['report', 'quarterly', broken, '--period', '2026Q2', '--as-of', yearClosed, '--strict'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('台账有 1 处数据错误，按 --strict 要求不生成季度分析报告');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('the input workbook', () => {
  it('is never overwritten, whatever --out says', () => {
    const dir = fresh();
    const copy = join(dir, '台账.xlsx');
    copyFileSync(ledger, copy);
    const before = sha256(copy);
    const asXlsx = taizhang(['report', 'quarterly', copy, '--period', '2026Q2', '--out', copy]);
    expect(asXlsx.status).toBe(2);
    expect(asXlsx.stderr).toContain('应以 .docx 结尾');
    // A workbook saved under a .docx name is still the input: refused by path, not by extension.
    const disguised = join(dir, '台账.docx');
    copyFileSync(ledger, disguised);
    const same = taizhang(['report', 'quarterly', disguised, '--period', '2026Q2', '--out', join(dir, '.', '台账.docx')]);
    expect(same.status).toBe(2);
    expect(same.stderr).toContain('就是输入的台账，不能覆盖台账');
    expect(sha256(copy)).toBe(before);
    expect(sha256(disguised)).toBe(before);
  });
});

describe('a wrong wording template', () => {
  const quarterly = readFileSync(join(import.meta.dirname, '../../templates/reports/季度分析报告.yaml'), 'utf8');
  const cases: Array<[string, string | null, RegExp]> = [
    [
      'an unknown placeholder',
      quarterly.replace('听取{汇报单位}意识形态', '听取{汇报单元}意识形态'),
      /^模板文件“.*坏模板\.yaml”第\d+行（主要工作\.方面\.第1项\.句子\.第2项）：未知的占位符“\{汇报单元\}”/u,
    ],
    ['broken YAML', quarterly.replace('  标题: 基本情况', '  标题: 基本情况: 多余'), /^模板文件“.*坏模板\.yaml”第\d+行：YAML 格式有误/u],
    ['a missing file', null, /^找不到模板文件“.*坏模板\.yaml”/u],
  ];
  for (const [what, text, message] of cases) {
    it(`${what}: a clear message, exit 2, no report written`, () => {
      const dir = fresh();
      const template = join(dir, '坏模板.yaml');
      if (text !== null) writeFileSync(template, text);
      const run = taizhang(['report', 'quarterly', ledger, '--period', '2026Q2', '--template', template], dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(docxIn(dir)).toEqual([]);
      expect(existsSync(join(dir, '县测试局2026年第二季度意识形态领域情况分析报告.docx'))).toBe(false);
    });
  }
});

describe('what cannot be a report', () => {
  it('a period not yet over: refused without --draft, a 征求意见稿 with it', () => {
    const dir = fresh();
    const refused = taizhang(['report', 'quarterly', ledger, '--period', '2026Q3', '--as-of', '2026-09-20'], dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim()).toBe(
      '2026年第三季度到2026年9月30日才结束，成文日期2026年9月20日时还不能成为正式的季度分析报告。如需征求意见稿，请加 --draft。',
    );
    expect(docxIn(dir)).toEqual([]);
    const draft = taizhang(['report', 'quarterly', ledger, '--period', '2026Q3', '--as-of', '2026-09-20', '--draft'], dir);
    expect(draft.status).toBe(0);
    expect(draft.stdout).toContain('已生成季度分析报告（征求意见稿）');
    const texts = paragraphsOf(unzipDocx(readFileSync(join(dir, docxIn(dir)[0]))).document).map((p) => p.text);
    expect(texts.indexOf('（征求意见稿）')).toBe(texts.indexOf('县测试局2026年第三季度意识形态领域情况分析报告') + 1);
  });

  it('a ledger without 单位名称, such as the blank template: refused in Chinese, exit 2', () => {
    const dir = fresh();
    const run = taizhang(
      ['report', 'semiannual', join(import.meta.dirname, '../../templates/台账模板.xlsx'), '--period', '2026H1', '--as-of', yearClosed],
      dir,
    );
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('没有填写单位名称，不能生成半年通报');
    expect(docxIn(dir)).toEqual([]);
  });
});

describe('the output file', () => {
  const args = (out: string) => ['report', 'semiannual', ledger, '--period', '2026H1', '--as-of', yearClosed, '--out', out];

  it('replaces an earlier report, but not a read-only one', () => {
    const dir = fresh();
    const out = join(dir, '通报.docx');
    writeFileSync(out, 'earlier');
    expect(taizhang(args(out)).status).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    writeFileSync(out, 'kept');
    chmodSync(out, 0o444);
    const run = taizhang(args(out));
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(`文件“${out}”是只读文件，不能覆盖。请另选文件名，或先取消它的只读属性。`);
    expect(readFileSync(out, 'utf8')).toBe('kept');
  });

  it('goes into a folder that exists, never one made for it', () => {
    const dir = fresh();
    const out = join(dir, '没有的文件夹', '通报.docx');
    const run = taizhang(args(out));
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(`输出文件夹“${join(dir, '没有的文件夹')}”不存在。请先建立该文件夹，或另选一个已有的文件夹。`);
    expect(existsSync(join(dir, '没有的文件夹'))).toBe(false);
  });
});
