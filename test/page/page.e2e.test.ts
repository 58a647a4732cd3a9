/**
 * 台账助手.html as a clerk uses it: built into one file, opened from file:// in a real headless Chromium
 * with every request that is not the file itself aborted and counted, ledgers chosen through the file
 * input, and every download read back by other producers' tools (exceljs, openpyxl, LibreOffice).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleRows } from '../../addin/pane/viewModel';
import { findingsHeader, findingsWorkbook } from '../../addin/page/xlsx/findingsWorkbook';
import { severityLabel } from '../../ledger/findings';
import type { JsonReport } from '../../ledger/jsonReport';
import { buildPage } from '../helpers/buildPage';
import { launchChromium, overflowingElements } from '../helpers/chromium';
import { cliAccount, cliDue, cliUnplacedRows, shownAccount, shownDue, shownUnplacedRows } from '../helpers/resultViews';
import { taizhang } from '../helpers/cli';
import { compliantBytes, encryptedWorkbook } from '../hostile/files';
import { brokenPlanRow, bureauPlanRows, withPlanSheet } from '../helpers/bureauPlan';
import { compliantLedger } from '../helpers/compliantLedger';
import { withoutSheet } from '../helpers/ledgerCases';
import { day, ledgerBytes } from '../helpers/ledgerWorkbook';
import { unrecognisedName, unrecognisedWorkbook } from '../helpers/unrecognisedWorkbook';

const repo = resolve(import.meta.dirname, '../..');
const artifacts = resolve(repo, 'test/artifacts');
const scratch = mkdtempSync(join(tmpdir(), 'taizhang-page-'));
const asOf = '2026-07-20';

const ledgers = {
  sample: resolve(repo, 'templates/示例台账.xlsx'),
  libreoffice: resolve(repo, 'test/fixtures/libreoffice-ledger.xlsx'),
  openpyxl: resolve(repo, 'test/fixtures/openpyxl-ledger.xlsx'),
  wps: resolve(repo, 'test/fixtures/wps-style.xlsx'),
};

let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageUrl: string;
/** Every request the page made that did not stay inside the file and what it made of itself. */
const foreign: string[] = [];

/** A ledger whose 专题研究 is missing and whose diary `map` can only ask about. */
function diaryLedgerBytes(): Promise<Uint8Array> {
  const ledger = withoutSheet(compliantLedger(), '专题研究');
  ledger.工作日志 = {
    headers: ['日期', '工作内容', '记录人'],
    rows: Array.from({ length: 12 }, (_, i) => [day(`2026-03-${String(i + 1).padStart(2, '0')}`), `处理日常事务${i}`, '王五']),
  };
  return ledgerBytes(ledger);
}

function cliJson(path: string): JsonReport {
  const run = taizhang(['validate', path, '--format', 'json', '--as-of', asOf]);
  if (run.status !== 0 && run.status !== 1) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as JsonReport;
}

async function openPage(): Promise<Page> {
  const opened = await context.newPage();
  await opened.goto(pageUrl);
  await opened.getByText('选择或拖入台账文件后自动校验').waitFor();
  return opened;
}

/** Chooses the ledger through the page's file input and waits for the status line to settle. */
async function choose(on: Page, path: string): Promise<string> {
  await on.fill('#as-of', asOf);
  await on.setInputFiles('#file', path);
  // The change event has put the working line up by now; wait for the outcome.
  await on.waitForFunction(() => {
    const status = document.getElementById('status');
    const text = status?.textContent ?? '';
    return status?.classList.contains('is-error') || text.startsWith('校验完成') || text.includes('没有认出任何台账工作表');
  });
  return (await on.locator('#status').textContent()) ?? '';
}

async function download(on: Page, button: string): Promise<{ name: string; bytes: Uint8Array }> {
  const waiting = on.waitForEvent('download');
  await on.click(button);
  const file = await waiting;
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(await file.path())) };
}

function python(script: string, ...args: string[]): string {
  const run = spawnSync('/usr/bin/python3', ['-c', script, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

const readWithOpenpyxl = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None or c.comment is not None:
                cells[c.coordinate] = {
                    'value': None if c.value is None else str(c.value),
                    'note': c.comment.text if c.comment else None,
                    'fill': c.fill.fgColor.rgb if c.fill and c.fill.fill_type == 'solid' else None,
                }
    out[ws.title] = cells
print(json.dumps(out, ensure_ascii=False))
`;

type OpenpyxlCells = Record<string, Record<string, { value: string | null; note: string | null; fill: string | null }>>;

beforeAll(async () => {
  pageUrl = pathToFileURL(buildPage(join(scratch, 'dist'))).href;
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  context.on('request', (request) => {
    const url = request.url();
    // The page's own worker comes from a blob: URL it made of its bundled code (blob:null/… on file://).
    if (!url.startsWith('file:') && !url.startsWith('blob:null/') && !foreign.includes(url)) foreign.push(url);
  });
  await context.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(globalThis, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page = await openPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe('台账助手.html', () => {
  it('is one file under 3 MB whose policy admits its one script and nothing from elsewhere', () => {
    const path = new URL(pageUrl);
    expect(statSync(path).size).toBeLessThan(3 * 1024 * 1024);
    const html = readFileSync(path, 'utf8');
    expect(html).not.toMatch(/<(?:script|link|img)\b[^>]*\s(?:src|href)="(?!data:)/u);
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/u.exec(html)?.[1] ?? '';
    expect(policy).toContain("default-src 'none'");
    // The module and the notice for browsers that run none, each by its hash.
    expect(policy).toMatch(/script-src 'sha256-[^']+' 'sha256-[^']+';/u);
    expect(policy).toContain('worker-src blob:');
    expect(policy).toContain("connect-src 'none'");
  });

  for (const [label, path] of Object.entries(ledgers)) {
    it(`gives exactly the CLI's findings and rule statuses for the ${label} ledger`, async () => {
      const expected = cliJson(path);
      const status = await choose(page, path);
      expect(status).toMatch(/^校验完成/u);
      const { error, warning, info } = expected.summary;
      expect(status).toContain(`错误 ${error} 项，警告 ${warning} 项，提示 ${info} 项`);
      expect(await page.locator('.finding').count()).toBe(expected.findings.length);
      const shown = await page
        .locator('.finding')
        .evaluateAll((items) =>
          items.map((item) => [
            item.querySelector('.cell')?.textContent,
            item.querySelector('.rule')?.textContent,
            item.querySelector('.message')?.textContent,
          ]),
        );
      const bySheet = [...new Set(expected.findings.map((f) => f.sheet))].flatMap((sheet) =>
        expected.findings.filter((f) => f.sheet === sheet),
      );
      expect(shown).toEqual(bySheet.map((f) => [f.cell, f.rule, f.message]));
      // No workbook is open beside the page to go to.
      if (expected.findings.length > 0) expect(await page.locator('.finding').first().getAttribute('title')).toBeNull();

      for (const row of ruleRows(expected.rules)) {
        const element = page.locator(`.rule-row[data-rule="${row.id}"]`);
        expect(await element.locator('summary .pill').textContent()).toBe(row.status);
        expect(await element.locator('.done').textContent()).toBe(`完成 ${row.count}`);
        const periods = await element.locator('.periods li').evaluateAll((items) => items.map((li) => li.textContent));
        expect(periods).toEqual(row.periods.map((p) => `${p.label}${p.count}${p.status}${p.due ?? ''}`));
      }

      // 下载校验结果: every finding, read back by exceljs; numbers as numbers (test/page/findingsWorkbook.test.ts).
      const results = await download(page, '#download-results');
      expect(results.name).toBe(path.split('/').pop()!.replace('.xlsx', '-校验结果.xlsx'));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(results.bytes.buffer as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const rows: string[][] = [];
      sheet.eachRow((r) => rows.push(findingsHeader.map((_, i) => String(r.getCell(i + 1).value ?? ''))));
      expect(rows).toEqual([
        [...findingsHeader],
        ...expected.findings.map((f, i) => [String(i + 1), f.sheet, f.cell, severityLabel[f.severity], f.rule, f.message, f.value ?? '']),
      ]);
    });
  }

  // The sample has a row 未能归类 among its analyses; the register (LibreOffice's) one in its 1月学习.
  for (const path of [ledgers.sample, resolve(repo, 'test/fixtures/registers/r105-libreoffice.xlsx')]) {
    it(`shows 读取情况 as validate accounts and 待办 as taizhang due lists for ${path.split('/').pop()}`, async () => {
      await choose(page, path);
      const account = cliAccount(path, asOf);
      expect(await shownAccount(page)).toEqual(account);
      expect(await shownUnplacedRows(page)).toEqual(cliUnplacedRows(path, asOf));
      const unplaced = account.filter(([, counts]) => !counts.endsWith('未能归类 0 行')).map(([sheet]) => sheet);
      expect(unplaced.length).toBeGreaterThan(0);
      expect(
        await page.locator('#account .unplaced-sheets li').evaluateAll((items) => items.map((li) => li.getAttribute('data-sheet'))),
      ).toEqual(unplaced);
      // Its link lists that sheet's findings alone, those at its rows 未能归类 among them.
      await page.locator(`#account .unplaced-sheets li[data-sheet="${unplaced[0]}"] .show-unplaced`).click();
      expect(await page.locator('.group > summary > span:first-child').allTextContents()).toEqual([unplaced[0]]);
      const rules = await page.locator('.finding .rule').allTextContents();
      // The value not read (D03) and the row 未能归类 at its own row (D10).
      expect(rules).toContain('D03');
      expect(rules).toContain('D10');
      await page.click('#findings .show-all');
      expect(await page.locator('.finding').count()).toBe(cliJson(path).findings.length);

      await page.click('#tab-due');
      expect(await shownDue(page)).toEqual(cliDue(path, asOf));
      await page.click('#tab-findings');
    });
  }

  it('shows a bureau’s own requirement and its changed counts in 制度落实 and 待办, as the CLI gives them, and a plan row not understood at its cell', async () => {
    const path = join(scratch, '本局台账.xlsx');
    const planRows = [...bureauPlanRows(), brokenPlanRow];
    writeFileSync(path, await ledgerBytes(withPlanSheet(compliantLedger(), planRows)));
    const expected = cliJson(path);
    expect(expected.rules.map((r) => r.id)).toContain('本局1');
    await choose(page, path);
    const planGroup = page.locator('#findings .group', { has: page.locator('summary', { hasText: '实施方案要求' }) });
    const planFindings = await planGroup
      .locator('.finding')
      .evaluateAll((items) => items.map((item) => [item.querySelector('.cell')?.textContent, item.querySelector('.rule')?.textContent]));
    expect(planFindings).toEqual([[`E${planRows.length + 1}`, 'D03']]);
    expect(await planGroup.locator('.finding .message').textContent()).toContain('频次“每两年”不在允许范围内');
    const shown = await page
      .locator('#rules .rule-row')
      .evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-rule'), row.querySelector('summary .title')?.textContent]));
    expect(shown).toEqual(expected.rules.map((r) => [r.id, r.title]));
    expect(shown).toContainEqual(['本局1', '每月至少开展1次中心组学习']);
    expect(shown).toContainEqual(['R01', '每年至少开展3次意识形态工作专题研究']);
    expect(shown.map(([id]) => id)).not.toContain('R07');
    const own = page.locator('.rule-row[data-rule="本局1"]');
    const periods = await own.locator('.periods li').evaluateAll((items) => items.map((li) => li.textContent));
    const row = ruleRows(expected.rules).find((r) => r.id === '本局1')!;
    expect(periods).toEqual(row.periods.map((p) => `${p.label}${p.count}${p.status}${p.due ?? ''}`));
    expect(periods[0]).toBe('2026年1月0/1未达标已逾期（应于2026年2月15日前完成）');

    await page.click('#tab-due');
    const due = await shownDue(page);
    expect(due).toEqual(cliDue(path, asOf));
    expect(due.items.filter((i) => i[0] === '本局1').map((i) => i[2])).toContain('2026年7月');
    await page.click('#tab-findings');
  });

  it('makes an annotated copy that adds to the package, opens in LibreOffice and reads back in openpyxl', async () => {
    const path = ledgers.sample;
    const expected = cliJson(path);
    await choose(page, path);
    const copy = await download(page, '#download-marked');
    expect(copy.name).toBe('示例台账-标注副本.xlsx');
    const copyPath = join(scratch, copy.name);
    writeFileSync(copyPath, copy.bytes);

    const before = unzipSync(new Uint8Array(readFileSync(path)));
    const after = unzipSync(copy.bytes);
    const touched = new Set(['[Content_Types].xml', 'xl/styles.xml']);
    const workbookRels = strFromU8(before['xl/_rels/workbook.xml.rels']);
    const workbookXml = strFromU8(before['xl/workbook.xml']);
    for (const sheet of new Set(expected.findings.map((f) => f.sheet))) {
      const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`, 'u').exec(workbookXml)?.[1];
      if (!id) continue;
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`, 'u').exec(workbookRels)?.[1] ?? '';
      const part = `xl/${target.replace(/^\/?xl\//u, '')}`;
      touched.add(part);
      touched.add(part.replace(/([^/]+)$/u, '_rels/$1.rels'));
    }
    for (const [name, bytes] of Object.entries(before)) {
      expect(after[name], name).toBeDefined();
      if (!touched.has(name)) expect(Buffer.compare(Buffer.from(after[name]), Buffer.from(bytes)), name).toBe(0);
    }
    const added = Object.keys(after).filter((name) => !(name in before));
    for (const name of added)
      expect(touched.has(name) || /^xl\/(comments\d+\.xml|drawings\/vmlDrawing\d+\.vml)$/u.test(name), name).toBe(true);
    expect(readFileSync(path)).toEqual(readFileSync(ledgers.sample));

    const original = JSON.parse(python(readWithOpenpyxl, path)) as OpenpyxlCells;
    const marked = JSON.parse(python(readWithOpenpyxl, copyPath)) as OpenpyxlCells;
    const markedCells = new Set(expected.findings.map((f) => `${f.sheet}!${f.cell}`));
    for (const [sheet, cells] of Object.entries(original)) {
      for (const [cell, { value }] of Object.entries(cells)) expect(marked[sheet][cell]?.value, `${sheet}!${cell}`).toBe(value);
    }
    const notes = Object.entries(marked).flatMap(([sheet, cells]) =>
      Object.entries(cells)
        .filter(([, c]) => c.note !== null)
        .map(([cell, c]) => ({ at: `${sheet}!${cell}`, note: c.note!, fill: c.fill })),
    );
    expect(new Set(notes.map((n) => n.at))).toEqual(markedCells);
    expect(notes.length).toBe(markedCells.size);
    for (const note of notes) {
      const messages = expected.findings.filter((f) => `${f.sheet}!${f.cell}` === note.at).map((f) => f.message);
      expect(note.note.startsWith('【台账校验】')).toBe(true);
      for (const message of messages) expect(note.note).toContain(message);
      expect(['FFFFC7CE', 'FFFFEB9C', 'FFDDEBF7']).toContain(note.fill);
    }

    const profile = mkdtempSync(join(tmpdir(), 'taizhang-lo-'));
    const convert = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', scratch, copyPath],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(convert.status, convert.stderr).toBe(0);
    expect(existsSync(copyPath.replace(/\.xlsx$/u, '.pdf'))).toBe(true);
  });

  it('offers every format a ledger is saved in, reads a macro-enabled one and keeps .xlsm for its marked copy', async () => {
    expect(await page.locator('#file').getAttribute('accept')).toBe('.xlsx,.xlsm,.xls,.et,.ods,.xlsb');
    const path = join(scratch, '示例台账.xlsm');
    writeFileSync(path, readFileSync(ledgers.sample));
    await choose(page, path);
    expect(await page.locator('.finding').count()).toBe(cliJson(path).findings.length);
    // Named .xlsx, a macro-enabled package is refused by Excel; the copy is that package with marks added.
    const copy = await download(page, '#download-marked');
    expect(copy.name).toBe('示例台账-标注副本.xlsm');
    expect(Object.keys(unzipSync(copy.bytes))).toEqual(expect.arrayContaining(Object.keys(unzipSync(new Uint8Array(readFileSync(path))))));
  });

  it('downloads both reports, worded exactly as the CLI words them, for the latest periods ended by the 校验日期', async () => {
    await choose(page, ledgers.sample);
    await page.click('#tab-report');
    // On 7-20 the second quarter and the first half have ended; the third quarter and second half run on.
    expect(await page.locator('#report-period').evaluate((e) => (e as HTMLSelectElement).value)).toBe('2026Q2');
    const quarterly = await download(page, '#generate-report');
    await page.click('fluent-radio[value="semiannual"]');
    expect(await page.locator('#report-period').evaluate((e) => (e as HTMLSelectElement).value)).toBe('2026H1');
    const semiannual = await download(page, '#generate-report');
    // A period still running can be chosen: the page makes the 征求意见稿 the CLI makes with --draft.
    await page.click('#report-period');
    await page.click('fluent-option[value="2026H2"]');
    const draft = await download(page, '#generate-report');
    const text = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']).replace(/<[^>]+>/gu, '');
    const cliReport = (kind: string, period: string, ...flags: string[]) => {
      const out = join(scratch, `${kind}.docx`);
      const run = taizhang(['report', kind, ledgers.sample, '--period', period, '--as-of', asOf, ...flags, '--out', out]);
      expect(run.status, run.stderr).toBe(0);
      return new Uint8Array(readFileSync(out));
    };
    expect(quarterly.name).toMatch(/\.docx$/u);
    expect(text(quarterly.bytes)).toContain('2026年第二季度意识形态领域情况分析报告');
    expect(text(quarterly.bytes)).toBe(text(cliReport('quarterly', '2026Q2')));
    expect(semiannual.name).toMatch(/\.docx$/u);
    expect(text(semiannual.bytes)).toContain('2026年上半年');
    expect(text(semiannual.bytes)).toBe(text(cliReport('semiannual', '2026H1')));
    expect(text(draft.bytes)).toContain('2026年下半年');
    expect(text(draft.bytes)).toBe(text(cliReport('semiannual', '2026H2', '--draft')));
    await page.click('fluent-radio[value="quarterly"]');
    await page.click('#tab-findings');
  });

  it('says what the CLI says about a file it cannot read, and keeps what it showed before', async () => {
    await choose(page, ledgers.sample);
    const findings = await page.locator('.finding').count();
    const unreadable = {
      'garbage.xlsx': readFileSync(resolve(repo, 'test/fixtures/not-a-zip.xlsx')),
      'truncated.xlsx': readFileSync(resolve(repo, 'test/fixtures/truncated.xlsx')),
      'legacy.xls': readFileSync(resolve(repo, 'test/fixtures/legacy.xls')),
      '台账.et': readFileSync(resolve(repo, 'test/fixtures/legacy.xls')),
      'ledger.ods': readFileSync(resolve(repo, 'test/fixtures/libreoffice-ledger.ods')),
      'encrypted.xlsx': encryptedWorkbook(),
      'register.docx': readFileSync(resolve(repo, 'test/fixtures/word-register.docx')),
      // The page's own download is told for what it is; any other workbook that is no ledger opens 对应关系 (test below).
      '台账-校验结果.xlsx': findingsWorkbook([]),
    };
    for (const [name, bytes] of Object.entries(unreadable)) {
      const path = join(scratch, name);
      writeFileSync(path, bytes);
      const cli = taizhang(['validate', path, '--as-of', asOf]);
      expect(cli.status).toBe(2);
      const status = await choose(page, path);
      expect(status).toBe(cli.stderr.trim());
      expect(await page.locator('#status').getAttribute('class')).toContain('is-error');
      expect(await page.locator('.finding').count()).toBe(findings);
      expect(await page.locator('#file-name').textContent()).toBe('当前文件：示例台账.xlsx');
    }
  });

  it('re-reads the file from disk for 重新校验 where the browser has File System Access', async () => {
    // A fake of showOpenFilePicker (https://wicg.github.io/file-system-access/#api-showopenfilepicker):
    // it resolves to handles whose getFile() gives the file as it is now, which the test changes.
    const withPicker = await context.newPage();
    await withPicker.addInitScript(() => {
      const state = globalThis as unknown as { onDisk: number[]; picks: number };
      state.onDisk = [];
      state.picks = 0;
      const handle = { kind: 'file', getFile: async () => new File([new Uint8Array(state.onDisk)], '台账.xlsx') };
      Object.assign(window, {
        showOpenFilePicker: async () => {
          state.picks += 1;
          return [handle];
        },
      });
    });
    await withPicker.goto(pageUrl);
    const putOnDisk = (bytes: Uint8Array) => withPicker.evaluate((b) => Object.assign(globalThis, { onDisk: b }), [...bytes]);
    await withPicker.fill('#as-of', asOf);
    await putOnDisk(new Uint8Array(readFileSync(ledgers.sample)));
    await withPicker.click('#choose');
    await withPicker.getByText('校验完成').waitFor();
    expect(await withPicker.locator('.finding').count()).toBe(cliJson(ledgers.sample).findings.length);

    // The clerk fixes everything in WPS and saves: 重新校验 reads the saved file without asking for it.
    const compliant = await compliantBytes();
    const compliantPath = join(scratch, 'compliant.xlsx');
    writeFileSync(compliantPath, compliant);
    await putOnDisk(compliant);
    await withPicker.click('#reload');
    await withPicker.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('校验完成'));
    expect(await withPicker.locator('.finding').count()).toBe(cliJson(compliantPath).findings.length);
    expect(await withPicker.evaluate(() => (globalThis as unknown as { picks: number }).picks)).toBe(1);
    await withPicker.close();
  });

  it('asks for the file again with one click (or one key) where the browser has no File System Access', async () => {
    const plain = await context.newPage();
    // As in Firefox, where the API is absent.
    await plain.addInitScript(() => Object.defineProperty(window, 'showOpenFilePicker', { value: undefined }));
    // Listening is what turns Playwright's chooser interception on (and off again with the last listener),
    // and its client sends that without waiting for the answer (Page.updateSubscription, a .catch() and no
    // await, in playwright-core): a listener made just before the key could lose the race and let the real
    // dialog open unseen. One listener for the whole page keeps interception on from the start.
    plain.on('filechooser', () => undefined);
    await plain.goto(pageUrl);
    // Enter reaches the button only once Fluent has rendered it, focus has landed inside it and the page
    // has painted: Chromium holds input until the first paint, and a key pressed before it never opens
    // the chooser (microsoft/playwright#28023, "PaintHolding"); on a busy machine that is after load.
    await plain.waitForFunction(() => document.querySelector('#choose')?.shadowRoot?.querySelector('button') != null);
    await plain.focus('#choose');
    await plain.waitForFunction(() => document.activeElement?.id === 'choose');
    await plain.evaluate(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))));
    const first = plain.waitForEvent('filechooser');
    await plain.keyboard.press('Enter');
    await (await first).setFiles(ledgers.wps);
    await plain.getByText('校验完成').waitFor();
    const again = plain.waitForEvent('filechooser');
    await plain.click('#reload');
    await (await again).setFiles(ledgers.sample);
    await plain.waitForFunction(() => document.querySelector('#file-name')?.textContent === '当前文件：示例台账.xlsx');
    await plain.close();
  });

  it('shows a bureau’s own sheets in 对应关系 and turns a changed guess into a line to copy into 基本信息', async () => {
    expect(await choose(page, resolve(repo, 'test/fixtures/real-own-sheets.xlsx'))).toMatch(/^校验完成/u);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.click('#tab-mapping');
    expect(await page.inputValue('#mapping-lines')).toBe('');
    const analysis = page.locator('.map-sheet[data-sheet="3.意识形态分析研判"]');
    expect(await analysis.locator('.map-head select').inputValue()).toBe('分析研判');
    await analysis.locator('.map-head select').selectOption('述职评议');
    expect(await page.inputValue('#mapping-lines')).toBe('表名映射\t述职评议=3.意识形态分析研判');
    expect(await page.locator('#mapping-save').isHidden()).toBe(true);
    expect(await page.locator('#mapping-hint').textContent()).toContain('粘贴到“基本信息”工作表');
    await page.click('#copy-mapping');
    await page.waitForFunction(() => /已复制|已选中/u.test(document.getElementById('status')?.textContent ?? ''));
    if ((await page.locator('#status').textContent())?.includes('已选中'))
      expect(await page.evaluate(() => getSelection()?.toString() || (document.activeElement as HTMLTextAreaElement).value)).toBe(
        '表名映射\t述职评议=3.意识形态分析研判',
      );
    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: resolve(artifacts, 'page-mapping-360.png'), fullPage: true });
    expect(await overflowingElements(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.click('#tab-findings');
  });

  it('asks about a guess with 请核对 instead of putting it in the copy box, and keeps the clerk’s answer over the next check', async () => {
    const path = join(scratch, '工作日志台账.xlsx');
    writeFileSync(path, await diaryLedgerBytes());
    expect(await choose(page, path)).toMatch(/^校验完成/u);
    await page.click('#tab-mapping');
    const diary = page.locator('.map-sheet[data-sheet="工作日志"]');
    expect(await diary.locator('.map-ask').textContent()).toMatch(/^请核对：工作表“工作日志”记的是“专题研究”吗？（依据：/u);
    expect(await diary.locator('.map-head select').inputValue()).toBe('不对应');
    expect(await page.inputValue('#mapping-lines')).toBe('');
    await diary.locator('.map-head select').selectOption('专题研究');
    expect(await page.inputValue('#mapping-lines')).toBe('表名映射\t专题研究=工作日志');
    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: resolve(artifacts, 'page-mapping-ask.png'), fullPage: true });
    // 按此日期校验 checks again: the clerk's answer stands, and so does its line.
    await page.click('#validate');
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('校验完成'));
    expect(await page.locator('.map-sheet[data-sheet="工作日志"] .map-head select').inputValue()).toBe('专题研究');
    expect(await page.inputValue('#mapping-lines')).toBe('表名映射\t专题研究=工作日志');
    await page.click('#tab-findings');
  });

  it('opens 对应关系 for a workbook with no ledger sheet, with what to do in the page and no pass', async () => {
    const path = join(scratch, unrecognisedName);
    writeFileSync(path, await unrecognisedWorkbook());
    const status = await choose(page, path);
    expect(status).toMatch(/^“会议记录\.xlsx”中没有认出任何台账工作表。请在“对应关系”中为每张工作表选定它记的内容；?.*“复制”.*“重新校验”/u);
    expect(status).not.toContain('taizhang');
    expect(await page.locator('#status').getAttribute('class')).not.toContain('is-error');
    expect(await page.locator('#tabs').getAttribute('activeid')).toBe('tab-mapping');
    expect(await page.locator('#panel-mapping').isVisible()).toBe(true);
    expect(await page.locator('.map-sheet').evaluateAll((all) => all.map((s) => s.getAttribute('data-sheet')))).toEqual([
      'Sheet1',
      'Sheet2',
    ]);
    expect(await page.locator('#summary').isHidden()).toBe(true);
    expect(await page.locator('#findings').textContent()).toMatch(/^未校验/u);
    expect(await page.locator('#rules').textContent()).toMatch(/^未校验/u);
    expect(await page.locator('#download-results').getAttribute('disabled')).not.toBeNull();
    await page.locator('.map-sheet[data-sheet="Sheet1"] .map-head select').selectOption('专题研究');
    expect(await page.inputValue('#mapping-lines')).toMatch(/^表名映射\t专题研究=Sheet1/u);
    expect(await page.locator('#copy-mapping').getAttribute('disabled')).toBeNull();
    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: resolve(artifacts, 'page-unrecognised.png'), fullPage: true });
    await page.click('#tab-findings');
  });

  it('reads well at 1280 px and at 360 px, and a screenshot is kept', async () => {
    await mkdir(artifacts, { recursive: true });
    await choose(page, ledgers.sample);
    await page.waitForTimeout(400);
    await page.screenshot({ path: resolve(artifacts, 'page.png'), fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: resolve(artifacts, 'page-360.png'), fullPage: true });
    const overflowing = await overflowingElements(page);
    expect(overflowing).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('builds the 标注副本 in its worker, saying how far it has got, and downloads what the worker built', async () => {
    const watched = await context.newPage();
    // Every message between the page and its worker, as the page's own Worker sees them.
    await watched.addInitScript(() => {
      const log: Array<{ way: string; kind: string; text?: string; bytes?: Uint8Array }> = [];
      Object.assign(globalThis, { workerLog: log });
      const Native = Worker;
      window.Worker = class extends Native {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          this.addEventListener('message', (event: MessageEvent<{ kind: string; text?: string; bytes?: Uint8Array }>) => {
            const { kind, text, bytes } = event.data;
            log.push({ way: 'from worker', kind, text, bytes });
          });
        }

        override postMessage(message: { kind: string }, options?: Transferable[] | StructuredSerializeOptions): void {
          log.push({ way: 'to worker', kind: message.kind });
          super.postMessage(message, options as StructuredSerializeOptions);
        }
      };
    });
    await watched.goto(pageUrl);
    await choose(watched, ledgers.sample);
    await watched.evaluate(() => ((globalThis as unknown as { workerLog: unknown[] }).workerLog.length = 0));
    const copy = await download(watched, '#download-marked');
    const log = await watched.evaluate(async () => {
      const entries = (globalThis as unknown as { workerLog: Array<{ way: string; kind: string; text?: string; bytes?: Uint8Array }> })
        .workerLog;
      const hex = async (bytes: Uint8Array) =>
        [...new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes)))]
          .map((b) => b.toString(16).padStart(2, '0'))
          .join('');
      return Promise.all(entries.map(async ({ bytes, ...entry }) => ({ ...entry, sha256: bytes ? await hex(bytes) : null })));
    });
    const ways = log.filter((e) => e.kind !== 'holding').map((e) => `${e.way} ${e.kind}`);
    expect(ways).toEqual(['to worker annotate', 'from worker progress', 'from worker annotated']);
    expect(log[1].text).toMatch(/^正在生成标注副本/u);
    const { createHash } = await import('node:crypto');
    expect(log[2].sha256).toBe(createHash('sha256').update(copy.bytes).digest('hex'));
    expect(await watched.locator('#status').textContent()).toMatch(/^已生成“示例台账-标注副本\.xlsx”/u);
    expect(await watched.locator('#progress').isHidden()).toBe(true);
    await watched.close();
  });

  /*
   * Locked-down Chromium builds keep showOpenFilePicker but refuse it with an English message. Chromium's
   * picker consumes the click's user activation (issues.chromium.org/40059071), and a file input opens
   * only with one: whether the activation is gone before the refusal is the build's, so both are modelled.
   */
  for (const refusal of ['SecurityError', 'NotAllowedError'])
    for (const consumes of [false, true]) {
      const model = consumes ? 'after using up the click' : 'keeping the click';
      it(`falls back to the plain file input where the browser refuses its picker (${refusal}, ${model}), and says so in Chinese`, async () => {
        const locked = await context.newPage();
        await locked.addInitScript(
          ({ name, consumes }) => {
            const state = globalThis as unknown as { picks: number };
            state.picks = 0;
            Object.assign(window, {
              showOpenFilePicker: async () => {
                state.picks += 1;
                // Opening a window uses up the activation, as a picker does.
                if (consumes) window.open('about:blank')?.close();
                throw new DOMException('The request is not allowed by the user agent or the platform in the current context.', name);
              },
            });
          },
          { name: refusal, consumes },
        );
        locked.on('filechooser', () => undefined);
        await locked.goto(pageUrl);
        await locked.fill('#as-of', asOf);
        const chooser = locked.waitForEvent('filechooser', { timeout: 10_000 });
        await locked.click('#choose');
        await locked.waitForFunction(() => document.getElementById('status')?.textContent?.includes('已改用普通方式选择文件'));
        const said = (await locked.locator('#status').textContent()) ?? '';
        expect(said).toContain('如果没有弹出选择窗口，请再点一次');
        expect(said).not.toMatch(/[A-Za-z]/u);
        // Where the click was used up, no chooser could open: the clerk clicks again, as told.
        if (consumes) await locked.click('#choose');
        await (await chooser).setFiles(ledgers.sample);
        await locked.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('校验完成'));
        // From then on the plain input, without asking the picker again.
        const again = locked.waitForEvent('filechooser', { timeout: 10_000 });
        await locked.click('#reload');
        await (await again).setFiles(ledgers.wps);
        await locked.waitForFunction(() => document.querySelector('#file-name')?.textContent === '当前文件：wps-style.xlsx');
        expect(await locked.evaluate(() => (globalThis as unknown as { picks: number }).picks)).toBe(1);
        await locked.close();
      });
    }

  for (const gone of ['NotFoundError', 'NotReadableError']) {
    it(`asks for the file again, in Chinese, when 重新校验 finds it moved or deleted (${gone})`, async () => {
      const moving = await context.newPage();
      // A handle's getFile() rejects once its file is moved or deleted (File System Access, "getFile()");
      // picking the file again at its new place gives a handle that reads.
      await moving.addInitScript(
        ({ name, bytes }) => {
          const state = globalThis as unknown as { picks: number; moved: boolean; statuses: string[] };
          Object.assign(state, { picks: 0, moved: false, statuses: [] });
          Object.assign(window, {
            showOpenFilePicker: async () => {
              state.picks += 1;
              state.moved = false;
              return [
                {
                  kind: 'file',
                  getFile: async () => {
                    if (state.moved)
                      throw new DOMException(
                        'A requested file or directory could not be found at the time an operation was processed.',
                        name,
                      );
                    return new File([new Uint8Array(bytes)], '台账.xlsx');
                  },
                },
              ];
            },
          });
          addEventListener('DOMContentLoaded', () => {
            const status = document.getElementById('status')!;
            new MutationObserver(() => state.statuses.push(status.textContent ?? '')).observe(status, {
              childList: true,
              characterData: true,
              subtree: true,
            });
          });
        },
        { name: gone, bytes: [...readFileSync(ledgers.sample)] },
      );
      await moving.goto(pageUrl);
      await moving.fill('#as-of', asOf);
      await moving.click('#choose');
      await moving.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('校验完成'));
      await moving.evaluate(() => Object.assign(globalThis, { moved: true, statuses: [] }));
      await moving.click('#reload');
      await moving.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('校验完成'));
      const { picks, statuses } = await moving.evaluate(() => {
        const state = globalThis as unknown as { picks: number; statuses: string[] };
        return { picks: state.picks, statuses: state.statuses };
      });
      expect(picks).toBe(2);
      const told = statuses.find((text) => text.startsWith('无法读取'));
      expect(told).toBe('无法读取“台账.xlsx”：文件已被移动、改名或删除，或浏览器不再允许读取它。请重新选择文件。');
      // No English from the browser anywhere (a file's own name and “MB” aside).
      for (const text of statuses) expect(text.replace(/“[^”]*”/gu, '')).not.toMatch(/[A-Za-z]{3}/u);
      await moving.close();
    });
  }

  it('tells the clerk to switch to 极速模式 where scripts are off, and where no module runs (IE 兼容模式)', async () => {
    expect(await page.locator('#engine-notice').isHidden()).toBe(true);
    const html = readFileSync(new URL(pageUrl), 'utf8');
    const classic = [...html.matchAll(/<script nomodule>([\s\S]*?)<\/script>/gu)].map((m) => m[1]);
    expect(classic).toHaveLength(1);
    // IE 11 reads ES5 and nothing later: esbuild refuses what it cannot lower to ES5 and lowers the rest,
    // so ES5 code is what comes out the same for ES5 as for the newest target.
    const { transform } = await import('esbuild');
    const as = async (target: string) => (await transform(classic[0], { target, minifyWhitespace: true })).code;
    expect(await as('es5')).toBe(await as('esnext'));

    const noScript = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    await noScript.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    const off = await noScript.newPage();
    await off.goto(pageUrl);
    // Playwright's text locators pass over <noscript>: the paragraph is found by its class.
    const notice = off.locator('noscript .engine-notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toMatch(/禁止了网页运行脚本[\s\S]*极速模式/u);
    await noScript.close();

    // The IE engine runs classic scripts, ignores `nomodule` and runs no module: the page as it reads it.
    const asIE = join(scratch, 'ie-model.html');
    writeFileSync(asIE, html.replace(/<script type="module">[\s\S]*?<\/script>/u, '').replace('<script nomodule>', '<script>'));
    const ie = await context.newPage();
    await ie.goto(pathToFileURL(asIE).href);
    expect(await ie.locator('#engine-notice').isVisible()).toBe(true);
    expect(await ie.locator('#engine-notice').textContent()).toContain('极速模式');
    expect(await ie.locator('#page-body').isHidden()).toBe(true);
    expect(await ie.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    await ie.close();
  });

  it('notices a worker that died, idle or at work, says so, and checks the next file in a new one', async () => {
    const dying = await context.newPage();
    // Holds back the next check from the worker, so the test can end the worker while the page waits on it.
    await dying.addInitScript(() => {
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: { kind: string }, transfer?: Transferable[]) {
        const state = globalThis as unknown as { holdBack?: boolean; heldBack?: boolean };
        if (state.holdBack && message.kind === 'check') {
          state.holdBack = false;
          state.heldBack = true;
          return;
        }
        post.call(this, message, { transfer: transfer ?? [] });
      } as Worker['postMessage'];
    });
    await dying.goto(pageUrl);
    const worker = async () => {
      await dying.waitForFunction(() => true);
      expect(dying.workers()).toHaveLength(1);
      return dying.workers()[0];
    };
    expect(await choose(dying, ledgers.sample)).toMatch(/^校验完成/u);

    // Stopped while idle (the browser ends it): once the page has seen it go (the worker's Web Lock, and the
    // page's request for it, are gone), the next file is checked all the same.
    await (await worker()).evaluate(() => close());
    await dying.waitForFunction(async () => {
      const { held = [], pending = [] } = await navigator.locks.query();
      return [...held, ...pending].every((lock) => !lock.name?.startsWith('taizhang-worker-'));
    });
    expect(await choose(dying, ledgers.wps)).toMatch(/^校验完成/u);

    // Stopped, or failing outside any work, while the page waits on it: said, and the bar stops.
    const ends = {
      stopped: () => close(),
      failed: () => {
        setTimeout(() => {
          throw new Error('worker broke');
        });
      },
    };
    for (const end of Object.values(ends)) {
      await dying.evaluate(() => Object.assign(globalThis, { holdBack: true, heldBack: false }));
      await dying.setInputFiles('#file', ledgers.sample);
      // The page has sent its check (held back here) and waits on the worker.
      await dying.waitForFunction(() => (globalThis as unknown as { heldBack: boolean }).heldBack);
      expect(await dying.locator('#progress').isVisible()).toBe(true);
      await (await worker()).evaluate(end);
      await dying.waitForFunction(() => document.getElementById('status')?.classList.contains('is-error'));
      expect(await dying.locator('#status').textContent()).toMatch(/^后台校验程序意外停止了/u);
      expect(await dying.locator('#progress').isHidden()).toBe(true);
      expect(await choose(dying, ledgers.libreoffice)).toMatch(/^校验完成/u);
    }
    await dying.close();
  });

  it('keeps keyboard focus on a 错误/警告/提示 tile it chose, and draws focus at 3:1 or more against what is around it', async () => {
    await choose(page, ledgers.sample);
    await page.focus('.tile.error');
    await page.keyboard.press('Enter');
    expect(await page.locator('.tile.error').getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-filter'))).toBe('error');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-filter'))).toBe('error');
    expect(await page.locator('.tile[data-filter="all"]').getAttribute('aria-pressed')).toBe('true');

    // Tab on from the tiles to the first finding, as a keyboard user does.
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.classList.contains('finding'))) break;
    }
    expect(await page.evaluate(() => document.activeElement?.classList.contains('finding'))).toBe(true);

    /**
     * The contrast of a focus indicator from the rendered styles (WCAG 2.2, 1.4.11 and 2.4.13): an outline
     * against the colours beside it (the element's own background and its parent's), or, with no outline,
     * the focused background against the unfocused one.
     */
    const focusContrast = (selector: string) =>
      page.evaluate((selector) => {
        const parse = (css: string) => (css.match(/[\d.]+/gu) ?? []).map(Number);
        const background = (el: Element | null): number[] => {
          for (let at = el; at; at = at.parentElement) {
            const [r, g, b, a = 1] = parse(getComputedStyle(at).backgroundColor);
            if (a > 0) return [r, g, b];
          }
          return [255, 255, 255];
        };
        const luminance = ([r, g, b]: number[]) => {
          const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
          return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
        };
        const ratio = (x: number[], y: number[]) => {
          const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
          return (hi + 0.05) / (lo + 0.05);
        };
        const element = document.querySelector(selector) as HTMLElement;
        if (!element.matches(':focus-visible')) throw new Error(`${selector} is not focused by keyboard`);
        const style = getComputedStyle(element);
        const focusedBackground = background(element);
        if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) {
          const outline = parse(style.outlineColor);
          return Math.min(ratio(outline, focusedBackground), ratio(outline, background(element.parentElement)));
        }
        const cloned = element.cloneNode(true) as HTMLElement;
        element.after(cloned);
        const unfocused = background(cloned);
        cloned.remove();
        return ratio(focusedBackground, unfocused);
      }, selector);
    expect(await focusContrast('.finding:focus')).toBeGreaterThanOrEqual(3);
    await page.keyboard.press('Shift+Tab');
    await page.focus('.tile.error');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focusContrast('.tile:focus')).toBeGreaterThanOrEqual(3);
  });

  it('checks again as soon as the 校验日期 changes, so the findings and the report go by the same date', async () => {
    const dated = await context.newPage();
    await dated.goto(pageUrl);
    await choose(dated, ledgers.sample);
    const later = '2026-12-31';
    const expected = taizhang(['validate', ledgers.sample, '--format', 'json', '--as-of', later]);
    const { summary, findings } = JSON.parse(expected.stdout) as JsonReport;
    await dated.fill('#as-of', later);
    await dated.waitForFunction((d) => document.getElementById('ledger-name')?.textContent?.endsWith(`截至 ${d}`), later);
    await dated.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('校验完成'));
    expect(await dated.locator('#status').textContent()).toContain(
      `错误 ${summary.error} 项，警告 ${summary.warning} 项，提示 ${summary.info} 项`,
    );
    expect(await dated.locator('.finding').count()).toBe(findings.length);
    expect(await dated.locator('#report-period').evaluate((e) => (e as HTMLSelectElement).value)).toBe('2026Q4');
    await dated.close();
  });

  it('points a requirement’s shortfall at the header row of its sheet, not at the title in A1', async () => {
    await choose(page, ledgers.sample);
    const cells = await page
      .locator('.finding')
      .evaluateAll((items) =>
        items.map((item) => `${item.querySelector('.rule')?.textContent} ${item.querySelector('.cell')?.textContent}`),
      );
    expect(cells).toEqual(expect.arrayContaining(['R06 A3', 'R09 A2']));
    expect(cells.filter((c) => /^R0[69] /u.test(c))).not.toContain('A1');
  });

  it('keeps a skipped finding a row high where the browser has no `contain-intrinsic-size: auto` (Chromium 86–94)', async () => {
    const ledger = compliantLedger();
    // 300 training records whose date cannot be read: 300 findings, a list far taller than the window.
    for (let i = 0; i < 300; i += 1) ledger.学习培训.rows.push([`2026年13月${(i % 28) + 1}日`, '主题宣讲', `宣讲${i + 1}`, 20, '否']);
    const path = join(scratch, '长清单.xlsx');
    writeFileSync(path, await ledgerBytes(ledger));
    const tall = await context.newPage();
    await tall.goto(pageUrl);
    await choose(tall, path);
    expect(await tall.locator('.finding').count()).toBeGreaterThan(300);
    const last = tall.locator('.finding').last();
    expect(await last.evaluate((e) => getComputedStyle(e).containIntrinsicHeight)).toBe('auto 56px');
    // Chromium 86–94 drop a declaration whose value they cannot parse: the page's styles as they read them.
    await tall.evaluate(() => {
      for (const style of document.querySelectorAll('style'))
        style.textContent = (style.textContent ?? '').replace(/contain-intrinsic-size:\s*auto[^;}]*;?/gu, '');
    });
    await tall.evaluate(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))));
    const skipped = await last.evaluate((e) => e.getBoundingClientRect().height);
    await last.scrollIntoViewIfNeeded();
    await tall.evaluate(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))));
    const shown = await last.evaluate((e) => e.getBoundingClientRect().height);
    expect(skipped).toBeGreaterThanOrEqual(shown * 0.6);
    await tall.close();
  });

  it('made no request outside the file and broke no rule of its Content-Security-Policy', async () => {
    expect(foreign).toEqual([]);
    expect(await page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  });
});
