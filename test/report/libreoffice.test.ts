import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';
import { benchAsOf, benchYear, writeBenchLedger } from '../../bench/ledger';
import { renderReport } from '../../generator/report/docx/document';
import type { Block, Report } from '../../generator/report/model';
import { taizhang } from '../helpers/cli';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { setSetting } from '../helpers/ledgerCases';
import { ledgerFolder } from '../helpers/ledgerFolder';

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

/** A page as pdftotext -bbox reads it: its words with their top and foot (points from the page's top), and its height. */
interface LaidPage {
  height: number;
  words: Array<{ top: number; foot: number; text: string }>;
}

function laidPages(pdf: string): LaidPage[] {
  return tool('pdftotext', ['-bbox', pdf, '-'])
    .split('<page ')
    .slice(1)
    .map((page) => ({
      height: Number(/height="([\d.]+)"/u.exec(page)?.[1]),
      words: [...page.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</gu)].map((m) => ({
        top: Number(m[1]),
        foot: Number(m[2]),
        text: m[3],
      })),
    }));
}

/** GB/T 9704's type area in points: its foot 35 mm above the paper's, and the 22-line pitch. */
const typeAreaFoot = (16838 - 1984) / 20;
const linePitchPt = 579 / 20;

/** The text of a page's type area (the page number left out), white space taken out. */
const typeText = (page: LaidPage) =>
  squeeze(
    page.words
      .filter((w) => w.foot <= typeAreaFoot + 2)
      .map((w) => w.text)
      .join(''),
  );

type Placement = 'next page' | 'same page' | 'after a blank page';

/**
 * Where the 版记 went, checked against GB/T 9704 7.3.5.4 and 7.4: the 落款 has body text above it on
 * its page; the 版记 closes the last page, an even one, at its foot under all the text; it shares the
 * 落款's page when that is even and had room, takes the next page when the 落款's page is odd, and
 * comes after a blank page only when the 落款's page is even and too full to hold it (room for the
 * 版记's lines, one spare and one for the estimate, is four lines: five allowed for the difference in
 * pitch between the body and what LibreOffice measures here).
 */
function checkPlacement(pdf: string, signature: string, imprint: string | undefined): Placement | 'no 版记' {
  const pages = laidPages(pdf);
  const texts = pages.map(typeText);
  const signedOn = texts.findIndex((text) => text.includes(signature)) + 1;
  expect(signedOn, `${pdf}: 落款`).toBeGreaterThan(0);
  expect(texts[signedOn - 1].indexOf(signature), `${pdf}: 落款 alone on page ${signedOn}`).toBeGreaterThan(0);
  if (!imprint) return 'no 版记';
  const last = pages.at(-1)!;
  expect(pages.length % 2, `${pdf}: last page odd`).toBe(0);
  expect(texts.at(-1)!.endsWith(imprint), `${pdf}: 版记 not closing the last page`).toBe(true);
  // The 版记's first word: the type area's words read back from the end until they spell it.
  const inType = last.words.filter((w) => w.foot <= typeAreaFoot + 2);
  let spelt = '';
  let from = inType.length;
  while (from > 0 && spelt.length < imprint.length) spelt = squeeze(inType[--from].text) + spelt;
  const first = inType[from];
  expect(first.top / last.height, `${pdf}: 版记 not at the foot`).toBeGreaterThan(0.75);
  const above = last.words.filter((w) => w.foot <= typeAreaFoot + 2 && w.top < first.top - 1);
  const textAbove = squeeze(above.map((w) => w.text).join(''));
  if (signedOn % 2 === 1) {
    expect(pages.length, `${pdf}: 落款 on odd page ${signedOn}`).toBe(signedOn + 1);
    expect(textAbove).toBe('');
    return 'next page';
  }
  if (pages.length === signedOn) return 'same page';
  expect(pages.length).toBe(signedOn + 2);
  expect(texts[signedOn]).toBe('');
  expect(textAbove).toBe('');
  const signedPage = pages[signedOn - 1];
  const textFoot = Math.max(...signedPage.words.filter((w) => w.foot <= typeAreaFoot + 2).map((w) => w.foot));
  expect((typeAreaFoot - textFoot) / linePitchPt, `${pdf}: a blank page though page ${signedOn} had room`).toBeLessThan(5);
  return 'after a blank page';
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
  const pdfs: string[] = [];

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
    pdfs.push(...files.map((file) => file.replace(/\.docx$/u, '.pdf')));
    for (const pdf of pdfs) pages.push(pageTexts(pdf));
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

  it('puts the 版记 at the foot of an even last page: the 落款’s own when it has room, a blank page before it only when not', () => {
    const placements = new Set<string>();
    const parities = new Set<number>();
    for (const [i, pdf] of pdfs.entries()) {
      placements.add(checkPlacement(pdf, `${issuer}${date}`, `抄送：县委宣传部。中共县测试局党组办公室${date}印发`));
      parities.add((pages[i].findIndex(signed) + 1) % 2);
    }
    expect([...parities].sort()).toEqual([0, 1]);
    expect([...placements].sort()).toEqual(['after a blank page', 'next page', 'same page']);
  });

  it('numbers the 版记’s page when it shares the 落款’s, not when it stands alone', () => {
    for (const [i, doc] of pages.entries()) {
      const signedOn = doc.findIndex(signed) + 1;
      const numbers = laidPages(pdfs[i]).map((page) =>
        squeeze(
          page.words
            .filter((w) => w.top > typeAreaFoot)
            .map((w) => w.text)
            .join(''),
        ),
      );
      expect(numbers.slice(0, signedOn)).toEqual(Array.from({ length: signedOn }, (_, p) => `—${p + 1}—`));
      for (const unnumbered of numbers.slice(signedOn)) expect(unnumbered).toBe('');
    }
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

  it('puts the 版记 at the foot of its even last page, under the 落款 there: the page had room', () => {
    const { pdf } = reports.semiannual;
    expect(checkPlacement(pdf, `中共${unit}党组2026年7月20日`, `抄送：县委宣传部。中共${unit}党组办公室2026年7月20日印发`)).toBe(
      'same page',
    );
  });

  it('runs to a plausible, even number of pages, each numbered', () => {
    const { pages, pdf } = reports.semiannual;
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(12);
    expect(pages % 2).toBe(0);
    laidPages(pdf).forEach((page, i) => {
      const under = squeeze(
        page.words
          .filter((w) => w.top > typeAreaFoot)
          .map((w) => w.text)
          .join(''),
      );
      expect(under).toBe(`—${i + 1}—`);
    });
  });
});

describe('the 版记 and the 落款 in the three reports, for ledgers of different lengths', () => {
  const dir = join(work, 'placement');
  const ledger = (records: number) => join(dir, `ledger${records}.xlsx`);
  const lengths = [30, 60, 120];
  const pdf = (name: string) => join(dir, `${name}.pdf`);
  /** County folders of 2 and 14 bureaus, every other one short of a branch's 专题汇报 so that the 通报 has problems to name. */
  const counties = [2, 14];
  let benchUnit = '';

  beforeAll(async () => {
    mkdirSync(dir);
    await Promise.all(lengths.map((n) => writeBenchLedger(ledger(n), n)));
    benchUnit = validateGrid(await readWorkbookFile(ledger(lengths[0])), { asOf: benchAsOf }).unit;
    const docx: string[] = [];
    const run = (args: string[], name: string) => {
      const out = join(dir, `${name}.docx`);
      const result = taizhang([...args, '--out', out]);
      if (result.status !== 0) throw new Error(result.stderr);
      docx.push(out);
    };
    run(['report', 'semiannual', sample, '--period', '2026H1', '--as-of', asOf], 'semiannual-sample');
    run(['report', 'quarterly', sample, '--period', '2026Q2', '--as-of', asOf], 'quarterly-sample');
    for (const n of lengths) {
      run(['report', 'semiannual', ledger(n), '--period', `${benchYear}H1`, '--as-of', benchAsOf], `semiannual-${n}`);
      run(['report', 'quarterly', ledger(n), '--period', `${benchYear}Q2`, '--as-of', benchAsOf], `quarterly-${n}`);
    }
    for (const units of counties) {
      const names = '甲乙丙丁戊己庚辛壬癸子丑寅卯'.slice(0, units);
      const folder = await ledgerFolder(
        Object.fromEntries(
          [...names].map((name, i) => {
            const county = compliantLedger();
            setSetting(county, '单位名称', `县${name}局`);
            if (i % 2 === 1)
              county.专题汇报.rows = county.专题汇报.rows.filter((row) => row[0] !== '第一党支部' || !String(row[2]).includes('H1'));
            return [`${name}局.xlsx`, county];
          }),
        ),
      );
      const out = join(dir, `summary-${units}.docx`);
      const result = taizhang([
        'summary',
        folder,
        '--period',
        '2026H1',
        '--as-of',
        yearClosed,
        '--out',
        join(folder, '汇总.xlsx'),
        '--docx',
      ]);
      if (result.status !== 0) throw new Error(result.stderr);
      copyFileSync(join(folder, '汇总.docx'), out);
      rmSync(folder, { recursive: true, force: true });
      docx.push(out);
    }
    toPdf(docx, dir);
    for (const name of ['semiannual-sample', 'semiannual-30', 'semiannual-120', 'summary-14']) {
      const pages = Number(/Pages:\s+(\d+)/u.exec(tool('pdfinfo', [pdf(name)]))?.[1]);
      tool('pdftoppm', ['-png', '-r', '50', '-f', String(pages - 1), '-l', String(pages), pdf(name), join(artifacts, `placement-${name}`)]);
    }
  }, 300_000);

  it('半年通报: the 版记 on an even last page, on the 落款’s page where there is room, the 落款 never alone', () => {
    const placements = new Set<string>();
    for (const name of ['semiannual-sample', ...lengths.map((n) => `semiannual-${n}`)]) {
      const [signedBy, date] =
        name === 'semiannual-sample' ? [`中共${unit}党组`, '2026年7月20日'] : [`中共${benchUnit}党组`, '2027年1月20日'];
      placements.add(checkPlacement(pdf(name), `${signedBy}${date}`, `抄送：县委宣传部。${signedBy}办公室${date}印发`));
    }
    // The ledgers were chosen so that the 落款 falls on an odd page for one and on an even page with room for others.
    expect([...placements].sort()).toEqual(['next page', 'same page']);
  });

  it('汇总通报: the same, with a 版记 of one line (no 抄送)', () => {
    const placements = counties.map((units) =>
      checkPlacement(pdf(`summary-${units}`), '中共XX县委宣传部2027年1月20日', '中共XX县委宣传部办公室2027年1月20日印发'),
    );
    expect(placements.sort()).toEqual(['next page', 'same page']);
  });

  it('季度分析报告: the 落款 never alone, nor the note under its appendix table', () => {
    let notes = 0;
    for (const name of ['quarterly-sample', ...lengths.map((n) => `quarterly-${n}`)]) {
      const date = name === 'quarterly-sample' ? '2026年7月20日' : '2027年1月20日';
      checkPlacement(pdf(name), `${name === 'quarterly-sample' ? unit : benchUnit}党组${date}`, undefined);
      const texts = laidPages(pdf(name)).map(typeText);
      const noteOn = texts.findIndex((text) => text.includes('注：本报告即'));
      if (noteOn < 0) continue;
      notes += 1;
      expect(texts[noteOn].indexOf('注：本报告即'), `${name}: note alone on page ${noteOn + 1}`).toBeGreaterThan(0);
    }
    expect(notes).toBeGreaterThan(0);
  });
});

describe('a note under a table, the table one row longer each time', () => {
  const note = '注：本报告即2026年第二季度意识形态领域情况季度分析，已按1次计入。';
  const rows = Array.from({ length: 9 }, (_, i) => 18 + i);
  const report = (n: number): Report => ({
    titleLines: ['测试标题'],
    body: [{ kind: 'paragraph', text: '正文。' }],
    issuer: '中共县测试局党组',
    date: '2026年7月20日',
    appendices: [
      {
        titleLines: ['落实情况表'],
        body: [
          {
            kind: 'table',
            columns: ['序号', '工作要求', '应完成', '已完成', '落实情况'].map((header, i) => ({
              header,
              weight: [3, 14.6, 7.6, 6.6, 5][i],
              align: 'center' as const,
            })),
            rows: Array.from({ length: n }, (_, i) => [String(i + 1), '每年至少开展2次意识形态工作专题研究', '1', '2', '达标']),
          },
          { kind: 'paragraph', text: note },
        ],
      },
    ],
  });
  const docs: string[][] = [];

  beforeAll(async () => {
    const dir = join(work, 'notes');
    mkdirSync(dir);
    const files = await Promise.all(
      rows.map(async (n) => {
        const file = join(dir, `rows${n}.docx`);
        writeFileSync(file, await renderReport(report(n)));
        return file;
      }),
    );
    toPdf(files, dir);
    for (const file of files) docs.push(laidPages(file.replace(/\.docx$/u, '.pdf')).map(typeText));
  }, 120_000);

  it('never stands alone at the top of a page: it stays under the table’s last row', () => {
    for (const [i, texts] of docs.entries()) {
      const on = texts.findIndex((text) => text.includes(squeeze(note)));
      // Rows of the table stand above it on its page.
      expect(texts[on].slice(0, texts[on].indexOf(squeeze(note))), `${rows[i]} rows`).toContain('专题研究');
    }
  });
});
