import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';
import { benchAsOf, benchYear, writeBenchLedger } from '../../bench/ledger';
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
  const env = fontEnv;
  tool(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, ...Object.values(docx)],
    env,
  );
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

describe('a 10,000-record ledger’s 季度分析报告', () => {
  it('keeps its body within 6 pages', async () => {
    const dir = join(work, 'large');
    mkdirSync(dir);
    const ledger = join(dir, 'ledger.xlsx');
    await writeBenchLedger(ledger, 10_000);
    const out = join(dir, 'report.docx');
    const run = taizhang(['report', 'quarterly', ledger, '--period', `${benchYear}Q2`, '--as-of', benchAsOf, '--out', out]);
    expect(run.status).toBe(0);
    tool('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, out], fontEnv);
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

  it('runs to a plausible number of pages, numbered', () => {
    const { pages, text } = reports.semiannual;
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(12);
    expect(text).toContain(`—${pages}—`);
  });
});
