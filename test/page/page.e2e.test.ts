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
import { taizhang } from '../helpers/cli';
import { compliantBytes, encryptedWorkbook } from '../hostile/files';
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
    expect(policy).toMatch(/script-src 'sha256-[^']+';/u);
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

      // 下载校验结果: every finding, as text, read back by exceljs.
      const results = await download(page, '#download-results');
      expect(results.name).toBe(path.split('/').pop()!.replace('.xlsx', '-校验结果.xlsx'));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(results.bytes.buffer as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const rows: string[][] = [];
      sheet.eachRow((r) => rows.push(findingsHeader.map((_, i) => String(r.getCell(i + 1).value ?? ''))));
      expect(rows).toEqual([
        [...findingsHeader],
        ...expected.findings.map((f) => [f.sheet, f.cell, severityLabel[f.severity], f.rule, f.message, f.value ?? '']),
      ]);
      sheet.eachRow((r) => r.eachCell((c) => expect(c.type).toBe(ExcelJS.ValueType.String)));
    });
  }

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

  it('downloads both reports, worded exactly as the CLI words them', async () => {
    await choose(page, ledgers.sample);
    await page.click('#tab-report');
    const quarterly = await download(page, '#generate-report');
    await page.click('fluent-radio[value="semiannual"]');
    const semiannual = await download(page, '#generate-report');
    const text = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']).replace(/<[^>]+>/gu, '');
    const cliReport = (kind: string, period: string) => {
      const out = join(scratch, `${kind}.docx`);
      // Both periods are still open on asOf: the page makes the 征求意见稿 the CLI makes with --draft.
      const run = taizhang(['report', kind, ledgers.sample, '--period', period, '--as-of', asOf, '--draft', '--out', out]);
      expect(run.status, run.stderr).toBe(0);
      return new Uint8Array(readFileSync(out));
    };
    expect(quarterly.name).toMatch(/\.docx$/u);
    expect(text(quarterly.bytes)).toContain('2026年第三季度意识形态领域情况分析报告');
    expect(text(quarterly.bytes)).toBe(text(cliReport('quarterly', '2026Q3')));
    expect(semiannual.name).toMatch(/\.docx$/u);
    expect(text(semiannual.bytes)).toContain('2026年下半年');
    expect(text(semiannual.bytes)).toBe(text(cliReport('semiannual', '2026H2')));
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

  it('made no request outside the file and broke no rule of its Content-Security-Policy', async () => {
    expect(foreign).toEqual([]);
    expect(await page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  });
});
