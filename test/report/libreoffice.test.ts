import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';
import { benchAsOf, benchYear, writeBenchLedger } from '../../bench/ledger';
import { renderReport } from '../../generator/report/docx/document';
import type { Block, Report } from '../../generator/report/model';
import { taizhang } from '../helpers/cli';

/**
 * The sample's two reports as LibreOffice lays them out, with the official-document fonts aliased
 * to free ones (fixtures/fonts.conf): the text a reader sees, the pages, the fonts used. Page 1 of
 * each is left in test/artifacts/ for a person to look at.
 */
const root = resolve(import.meta.dirname, '../..');
const sample = join(root, 'templates/示例台账.xlsx');
const asOf = '2026-07-20';
const artifacts = join(root, 'test/artifacts');
const work = mkdtempSync(join(tmpdir(), 'taizhang-lo-'));
const profile = join(work, 'profile');

function tool(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const run = spawnSync(command, args, { encoding: 'utf8', env, timeout: 110_000 });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      `找不到 ${command}：此测试需要 LibreOffice 和 poppler-utils（Debian: apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-arphic-ukai）。`,
    );
  }
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

const squeeze = (text: string) => text.replace(/\s+/gu, '');

const fontEnv = { ...process.env, FONTCONFIG_FILE: join(import.meta.dirname, 'fixtures/fonts.conf') };

/**
 * PDF of each .docx in `outdir`, with the blank pages the word processor puts in (before a section
 * that must start on an even page) kept: LibreOffice leaves them out of a PDF unless told, but prints them.
 */
function toPdf(files: readonly string[], outdir: string): void {
  const pdf = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}';
  tool('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', pdf, '--outdir', outdir, ...files], fontEnv);
}

/** The text of each page of a PDF, white space taken out. */
function pageTexts(pdf: string): string[] {
  return tool('pdftotext', [pdf, '-']).split('\f').slice(0, -1).map(squeeze);
}

interface Converted {
  title: string;
  pdf: string;
  text: string;
  pages: number;
  fonts: string;
}

const reports: Record<'quarterly' | 'semiannual', Converted> = {} as Record<'quarterly' | 'semiannual', Converted>;
let unit = '';

beforeAll(() => {
  const docx: Record<string, string> = {};
  for (const [kind, period] of [
    ['quarterly', '2026Q2'],
    ['semiannual', '2026H1'],
  ] as const) {
    const dir = join(work, kind);
    mkdirSync(dir);
    const run = taizhang(['report', kind, sample, '--period', period, '--as-of', asOf], dir);
    if (run.status !== 0) throw new Error(run.stderr);
    docx[kind] = join(dir, readdirSync(dir)[0]);
  }
  toPdf(Object.values(docx), work);
  mkdirSync(artifacts, { recursive: true });
  for (const [kind, path] of Object.entries(docx) as Array<['quarterly' | 'semiannual', string]>) {
    const title = basename(path, '.docx');
    const pdf = join(work, `${title}.pdf`);
    const info = tool('pdfinfo', [pdf]);
    reports[kind] = {
      title,
      pdf,
      text: squeeze(tool('pdftotext', [pdf, '-'])),
      pages: Number(/Pages:\s+(\d+)/u.exec(info)?.[1]),
      fonts: tool('pdffonts', [pdf]),
    };
    tool('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(artifacts, `report-${kind}-page1`)]);
  }
}, 120_000);

beforeAll(async () => {
  unit = validateGrid(await readWorkbookFile(sample), { asOf }).unit;
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The page the 落款 is on: the body's length, attachments not counted. */
function bodyPages(pdf: string): number {
  const pages = tool('pdftotext', [pdf, '-']).split('\f').map(squeeze);
  return pages.findIndex((page) => /中共.*党组\d{4}年\d{1,2}月\d{1,2}日/u.test(page)) + 1;
}

describe('the 落款 and the 版记, the body one line longer each time over a whole page', () => {
  const issuer = '中共县测试局党组';
  const date = '2026年7月20日';
  const line = '这是一段用来调整正文长度的文字，每行排满二十八个字符为止。';
  /** A body of `extra` one-line paragraphs more each time, ending on a three-line paragraph. */
  const variant = (extra: number): Report => {
    const body: Block[] = [
      { kind: 'paragraph', text: `开头${line.repeat(3)}` },
      ...Array.from({ length: 3 }, (_, i): Block => ({ kind: 'paragraph', text: `第${i + 1}段${line.repeat(4)}` })),
      ...Array.from({ length: extra }, (): Block => ({ kind: 'paragraph', text: '短行。' })),
      { kind: 'paragraph', text: `结尾段落${line.repeat(2)}最后一行。` },
    ];
    return {
      titleLines: ['测试标题'],
      recipients: '各股室：',
      body,
      appendices: [],
      issuer,
      date,
      imprint: { copyTo: '县委宣传部', issuedBy: '中共县测试局党组办公室', issuedOn: date },
    };
  };
  const lengths = Array.from({ length: 22 }, (_, i) => i);
  const pages: string[][] = [];

  beforeAll(async () => {
    const dir = join(work, 'lengths');
    mkdirSync(dir);
    const files = await Promise.all(
      lengths.map(async (n) => {
        const file = join(dir, `v${String(n).padStart(2, '0')}.docx`);
        writeFileSync(file, await renderReport(variant(n)));
        return file;
      }),
    );
    toPdf(files, dir);
    for (const file of files) pages.push(pageTexts(file.replace(/\.docx$/u, '.pdf')));
  }, 120_000);

  const signed = (page: string) => page.includes(`${issuer}${date}`);
  const pageNumber = /—\d+—$/u;

  it('never leaves the 落款 alone on a page: the body’s last lines go over with it', () => {
    for (const doc of pages) {
      const page = doc.find(signed)!;
      expect(page.replace(pageNumber, '').replace(`${issuer}${date}`, '')).not.toBe('');
    }
    // Some lengths would have put the 落款 alone at the top of a page: there the last paragraph went over with it.
    expect(pages.some((doc) => doc.find(signed)!.startsWith('结尾段落'))).toBe(true);
  });

  it('puts the 版记 alone at the foot of an even last page, a blank page before it only after an even page', () => {
    const parities = new Set<number>();
    for (const doc of pages) {
      expect(doc.length % 2).toBe(0);
      expect(doc.at(-1)).toBe(`抄送：县委宣传部。中共县测试局党组办公室${date}印发`);
      const signedOn = doc.findIndex(signed) + 1;
      parities.add(signedOn % 2);
      // Odd: the 版记 takes the next page. Even: a blank page, then the 版记.
      expect(doc.length).toBe(signedOn % 2 === 1 ? signedOn + 1 : signedOn + 2);
      for (const blank of doc.slice(signedOn, -1)) expect(blank).toBe('');
    }
    expect([...parities].sort()).toEqual([0, 1]);
  });
});

describe('the 版头 of a report with a 发文字号, as LibreOffice lays it out', () => {
  const docNumber = '测局党组〔2026〕3号';
  const report = (organMark?: string): Report => ({
    titleLines: ['测试标题'],
    docNumber,
    ...(organMark ? { organMark } : {}),
    body: [{ kind: 'paragraph', text: '正文。' }],
    appendices: [],
    issuer: '中共县测试局党组',
    date: '2026年7月20日',
  });
  /** Each word on page 1 with its top as a share of the page's height. */
  const words = (pdf: string) => {
    const found = [
      ...tool('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-']).matchAll(
        /<page width="[\d.]+" height="([\d.]+)"|yMin="([\d.]+)"[^>]*>([^<]*)</gu,
      ),
    ];
    const height = Number(found[0][1]);
    return found.slice(1).map((m) => ({ y: Number(m[2]) / height, text: m[3] }));
  };
  const placed: Record<'marked' | 'blank', Array<{ y: number; text: string }>> = { marked: [], blank: [] };

  beforeAll(async () => {
    const dir = join(work, 'letterhead');
    mkdirSync(dir);
    writeFileSync(join(dir, 'marked.docx'), await renderReport(report('县测试局文件')));
    writeFileSync(join(dir, 'blank.docx'), await renderReport(report()));
    toPdf([join(dir, 'marked.docx'), join(dir, 'blank.docx')], dir);
    placed.marked = words(join(dir, 'marked.pdf'));
    placed.blank = words(join(dir, 'blank.pdf'));
  }, 120_000);

  const numberAt = (list: Array<{ y: number; text: string }>) => list.find((w) => w.text.startsWith('测局党组'))!.y;

  it('prints the 机关标志 first, well down the page, then the number, then the title', () => {
    const [mark] = placed.marked;
    expect(mark.text).toBe('县测试局文件');
    // 35 mm under the type area's top (37 mm): about a quarter of the A4 page's 297 mm.
    expect(mark.y).toBeGreaterThan(0.2);
    expect(numberAt(placed.marked)).toBeGreaterThan(mark.y);
    expect(placed.marked.find((w) => w.text === '测试标题')!.y).toBeGreaterThan(numberAt(placed.marked));
  });

  it('puts the number in the same place without a 机关标志, so it prints right on 红头 paper', () => {
    expect(placed.blank[0].text.startsWith('测局党组')).toBe(true);
    expect(Math.abs(numberAt(placed.blank) - numberAt(placed.marked))).toBeLessThan(0.002);
  });
});

describe('a 10,000-record ledger’s reports', () => {
  const dir = join(work, 'large');
  const ledger = join(dir, 'ledger.xlsx');
  beforeAll(async () => {
    mkdirSync(dir);
    await writeBenchLedger(ledger, 10_000);
  }, 60_000);

  it('半年通报: runs to at most 8 pages in all, the 版记 included, a branch that reported often listed by count and last date', () => {
    const out = join(dir, 'semiannual.docx');
    const run = taizhang(['report', 'semiannual', ledger, '--period', `${benchYear}H1`, '--as-of', benchAsOf, '--out', out]);
    expect(run.status).toBe(0);
    toPdf([out], dir);
    const pdf = join(dir, 'semiannual.pdf');
    const doc = pageTexts(pdf);
    expect(doc.length).toBeLessThanOrEqual(8);
    expect(doc.length % 2).toBe(0);
    expect(doc.join('')).toMatch(/\d+次，最近\d{1,2}月/u);
  }, 120_000);

  it('季度分析报告: keeps its body within 6 pages', async () => {
    const out = join(dir, 'report.docx');
    const run = taizhang(['report', 'quarterly', ledger, '--period', `${benchYear}Q2`, '--as-of', benchAsOf, '--out', out]);
    expect(run.status).toBe(0);
    toPdf([out], dir);
    const pages = bodyPages(join(dir, 'report.pdf'));
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(6);
  }, 120_000);
});

describe('the sample’s 季度分析报告 in LibreOffice', () => {
  it('shows the title, every section heading and the 落款', () => {
    const { text, title } = reports.quarterly;
    expect(title).toBe(`${unit}2026年第二季度意识形态领域情况分析报告`);
    expect(text.startsWith(squeeze(title))).toBe(true);
    for (const heading of [
      '一、基本情况',
      '二、主要工作开展情况',
      '三、意识形态领域总体态势和倾向性问题',
      '四、存在的问题',
      '五、下一步工作打算',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toMatch(new RegExp(`中共${unit}党组2026年7月20日(—\\d+—)?附件`, 'u'));
    expect(text).toContain('2026年第二季度意识形态工作责任制落实情况表');
  });

  it('runs to a plausible number of pages, numbered', () => {
    const { pages, text } = reports.quarterly;
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(pages).toBeLessThanOrEqual(20);
    expect(text).toContain('—1—');
    expect(text).toContain(`—${pages}—`);
  });

  it('uses the East Asian faces the document names (aliased to free fonts here)', () => {
    const { fonts } = reports.quarterly;
    expect(fonts).toMatch(/NotoSerifCJK/u);
    expect(fonts).toMatch(/NotoSansCJK/u);
  });

  it('keeps its body, up to the 落款, within 3–6 pages', () => {
    expect(bodyPages(reports.quarterly.pdf)).toBeGreaterThanOrEqual(3);
    expect(bodyPages(reports.quarterly.pdf)).toBeLessThanOrEqual(6);
  });
});

describe('the sample’s 半年通报 in LibreOffice', () => {
  it('shows the title, 主送, every section heading and the 落款', () => {
    const { text, title } = reports.semiannual;
    expect(title).toBe('关于2026年上半年意识形态工作情况的通报');
    expect(text.startsWith(`${title}机关各股室、各站所，机关党总支、各党支部：`)).toBe(true);
    expect(text).not.toMatch(/[A-Z]\d+：|请核对|无法识别/u);
    for (const heading of [
      '一、总体情况',
      '二、制度落实情况',
      '三、专题汇报情况',
      '四、检查抽查情况',
      '五、网络舆情处置情况',
      '六、存在的问题',
      '七、下一步工作要求',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toMatch(
      new RegExp(`中共${unit}党组2026年7月20日(—\\d+—)?抄送：县委宣传部。中共${unit}党组办公室(—\\d+—)?2026年7月20日印发$`, 'u'),
    );
  });

  it('puts the 版记 at the foot of the last page, alone on it', () => {
    const { pdf, pages } = reports.semiannual;
    expect(pageTexts(pdf).at(-1)).toMatch(/^抄送：/u);
    const words = [
      ...tool('pdftotext', ['-bbox', '-f', String(pages), '-l', String(pages), pdf, '-']).matchAll(
        /<page width="[\d.]+" height="([\d.]+)"|yMin="([\d.]+)"[^>]*>([^<]*)</gu,
      ),
    ];
    const height = Number(words[0][1]);
    const placed = words.slice(1).map((m) => ({ y: Number(m[2]) / height, text: m[3] }));
    const copyTo = placed.find((w) => w.text.startsWith('抄送'));
    // The type area ends 35 mm above the paper's foot, at about 0.88 of its height.
    expect(copyTo!.y).toBeGreaterThan(0.75);
    expect(placed.every((w) => w.y >= copyTo!.y)).toBe(true);
  });

  it('runs to a plausible, even number of pages, numbered up to the 落款, the 版记’s page not', () => {
    const { pages, pdf } = reports.semiannual;
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(12);
    expect(pages % 2).toBe(0);
    const doc = pageTexts(pdf);
    const signed = doc.findIndex((page) => page.includes(`中共${unit}党组2026年7月20日`)) + 1;
    expect(doc[signed - 1]).toMatch(new RegExp(`—${signed}—$`, 'u'));
    expect(doc.at(-1)).not.toMatch(/—\d+—/u);
  });
});
