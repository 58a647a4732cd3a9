/**
 * The built pane in a real headless Chromium, with the fake Excel host injected in place of Excel and
 * backed by the sample ledger: what a clerk sees and clicks, end to end.
 */
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { unzipSync, strFromU8 } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../../ledger/read/portable';
import { readWorkbookFile } from '../../../ledger/read/workbookFile';
import { validateGrid } from '../../../ledger/validate';
import { severityLabel } from '../../../ledger/findings';
import type { Finding } from '../../../ledger/findings';
import type { ValidationResult } from '../../../ledger/model';
import { brokenPlanRow, bureauPlanRows, withPlanSheet } from '../../helpers/bureauPlan';
import { launchChromium, overflowingElements } from '../../helpers/chromium';
import { compliantLedger } from '../../helpers/compliantLedger';
import { writeLedger } from '../../helpers/ledgerWorkbook';
import { cliAccount, cliDue, cliUnplacedRows, shownAccount, shownDue, shownUnplacedRows } from '../../helpers/resultViews';
import { unrecognisedName, unrecognisedWorkbook } from '../../helpers/unrecognisedWorkbook';
import { excelHost } from '../../../addin/excel/adapter';
import { FakeExcelHost } from '../fake/fakeExcel';
import { stateFromGrid } from '../fake/state';
import type { StaticServer } from './staticServer';
import { serveFolder } from './staticServer';

const repo = resolve(import.meta.dirname, '../../..');
const artifacts = resolve(repo, 'test/artifacts');
const asOf = '2026-07-20';
const sample = resolve(repo, 'templates/示例台账.xlsx');
/** A bureau's register whose 1月学习 sheet has a row of a type the reader could not place (未能归类: 传达辅导). */
const unplacedRegister = resolve(repo, 'test/fixtures/registers/r105-libreoffice.xlsx');
const paneWidth = 350;

let server: StaticServer;
let browser: Browser;
let page: Page;
let expected: ValidationResult;
const requests: string[] = [];

function buildPane(): void {
  // The build must not think it runs under the test runner.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV'));
  const run = spawnSync(process.execPath, [resolve(repo, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], {
    cwd: repo,
    env,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`vite build failed:\n${run.stdout}\n${run.stderr}`);
}

async function fakeHostScript(): Promise<string> {
  const grid = await readWorkbookFile(resolve(repo, 'templates/示例台账.xlsx'));
  expected = validateGrid(grid, { asOf });
  const bundle = await build({
    entryPoints: [resolve(import.meta.dirname, '../fake/browser.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
  });
  return `globalThis.taizhangFakeState = ${JSON.stringify(stateFromGrid(grid))};\n${bundle.outputFiles[0].text}`;
}

const violations = `
  globalThis.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    globalThis.cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: new URL(e.sourceFile, location.href).pathname }));
`;

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

beforeAll(async () => {
  buildPane();
  server = await serveFolder(resolve(repo, 'dist'));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: paneWidth, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  page.on('request', (request) => requests.push(request.url()));
  await page.addInitScript({ content: violations + (await fakeHostScript()) });
  await page.goto(`${server.origin}/taskpane.html`);
  await page.getByText('已连接 Excel').waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tileCount = (filter: string) => page.locator(`.tile[data-filter="${filter}"] .count`).textContent();

/** 读取情况's link on a sheet with rows 未能归类 lists that sheet's findings alone: those at its rows among them. */
async function showsSheetFindings(sheet: string): Promise<void> {
  await page.click('#tab-findings');
  await page.locator(`#account .unplaced-sheets li[data-sheet="${sheet}"] .show-unplaced`).click();
  expect(await page.locator('#tabs').getAttribute('activeid')).toBe('tab-findings');
  expect(await page.locator('.only-sheet').textContent()).toContain(`只看工作表“${sheet}”的问题`);
  expect(await page.locator('.group > summary > span:first-child').allTextContents()).toEqual([sheet]);
  expect(await page.locator('.finding').count()).toBeGreaterThan(0);
  const rules = await page.locator('.finding .rule').allTextContents();
  // The value not read (D03) and the row 未能归类 at its own row (D10).
  expect(rules).toContain('D03');
  expect(rules).toContain('D10');
}

describe('the task pane in Chromium', () => {
  it('validates the sample ledger with one click and shows its counts and findings by sheet', async () => {
    await page.fill('#as-of', asOf);
    await page.click('#validate');
    await page.getByText('校验完成').waitFor();
    const took = /用时 ([\d.]+) 秒/u.exec((await page.locator('#status').textContent()) ?? '');
    expect(Number(took?.[1])).toBeLessThanOrEqual(2);
    const { error, warning, info } = expected.summary;
    expect(await tileCount('error')).toBe(String(error));
    expect(await tileCount('warning')).toBe(String(warning));
    expect(await tileCount('info')).toBe(String(info));
    expect(await page.locator('.finding').count()).toBe(expected.findings.length);
    const sheets = [...new Set(expected.findings.map((f) => f.sheet))];
    expect(await page.locator('.group > summary > span:first-child').allTextContents()).toEqual(sheets);
    const first = expected.findings[0];
    await expect.poll(() => page.locator('.finding').first().textContent()).toContain(first.message);
    expect(await page.locator('.finding').first().textContent()).toContain(severityLabel[first.severity]);
  });

  it('filters the findings by severity', async () => {
    await page.click('.tile[data-filter="error"]');
    expect(await page.locator('.finding').count()).toBe(expected.summary.error);
    expect(await page.locator('.finding .pill.warning').count()).toBe(0);
    await page.click('.tile[data-filter="error"]');
    expect(await page.locator('.finding').count()).toBe(expected.findings.length);
  });

  it('selects the cell of a finding in the workbook when it is clicked', async () => {
    const index = expected.findings.findIndex((f) => f.rule === 'D02');
    const finding = expected.findings[index];
    await page.click(`.finding[data-index="${index}"]`);
    await page.getByText(`已定位到“${finding.sheet}”${finding.cell}`).waitFor();
    const selection = await page.evaluate(() => ({
      active: globalThis.taizhangFake.state.activeSheet,
      selection: globalThis.taizhangFake.state.selection,
    }));
    expect(selection).toEqual({ active: finding.sheet, selection: { sheet: finding.sheet, address: finding.cell } });
  });

  it('shows each requirement of the plan with its status for the year', async () => {
    await page.click('#tab-rules');
    const rows = page.locator('.rule-row');
    expect(await rows.count()).toBe(expected.rules.length);
    for (const rule of expected.rules) {
      const row = page.locator(`.rule-row[data-rule="${rule.id}"]`);
      expect(await row.locator('summary .pill').textContent()).toBe(rule.status);
      expect(await row.locator('.done').textContent()).toBe(`完成 ${rule.actual}/${rule.required}`);
    }
    await page.click('#tab-findings');
  });

  it('shows how every sheet’s rows were read, as validate accounts for them, and leads from rows 未能归类 to their findings', async () => {
    expect(await shownAccount(page)).toEqual(cliAccount(sample, asOf));
    const unplaced = expected.ledger.account.filter((a) => a.unplaced > 0);
    expect(unplaced.length).toBeGreaterThan(0);
    // Sheets with rows not placed stay in view while the whole account is folded away.
    expect(await page.locator('#account details').getAttribute('open')).toBeNull();
    expect(await page.locator('#account .unplaced-sheets li').allTextContents()).toEqual(
      unplaced.map((a) => `“${a.sheet}”未能归类 ${a.unplaced} 行（第${a.unplacedRows.join('、')}行）查看问题`),
    );
    expect(await shownUnplacedRows(page)).toEqual(cliUnplacedRows(sample, asOf));
    await showsSheetFindings(unplaced[0].sheet);
    await page.click('#findings .show-all');
    expect(await page.locator('.finding').count()).toBe(expected.findings.length);
  });

  it('lists 待办 as taizhang due does for the same date: overdue first, with what each period still needs', async () => {
    await page.click('#tab-due');
    const due = cliDue(sample, asOf);
    expect(due.headings[0]).toMatch(/^已逾期/u);
    expect(await shownDue(page)).toEqual(due);
    await page.click('#tab-findings');
  });

  it('marks and clears the offending cells, and writes the 校验结果 sheet', async () => {
    await page.click('#mark');
    await page.getByText('已标注').waitFor();
    await page.click('#clear-marks');
    await page.getByText('已清除').waitFor();
    await page.click('#write-results');
    await page.getByText('已写入“校验结果”工作表').waitFor();
    const rows = await page.evaluate(
      () => Object.entries(globalThis.taizhangFake.sheet('校验结果').cells).filter(([a, c]) => a.startsWith('H') && c.value !== '').length,
    );
    expect(rows).toBe(expected.findings.length + 1);
  });

  it('clears marks where their cells have moved after the clerk inserted rows above them', async () => {
    await page.click('#mark');
    await page.getByText('已标注').waitFor();
    await page.evaluate(() => globalThis.taizhangFake.insertRows('学习培训', 2, 2));
    await page.click('#clear-marks');
    await page.getByText('已清除').waitFor();
    expect(await page.locator('#status').textContent()).not.toContain('另有');
    const leftover = await page.evaluate(() =>
      // The sample has no fills or notes of its own; 校验结果, written above, has its header's.
      globalThis.taizhangFake.state.sheets
        .filter((sheet) => sheet.name !== '校验结果')
        .flatMap((sheet) =>
          Object.entries(sheet.cells)
            .filter(([, cell]) => cell.fill !== undefined || cell.note?.startsWith('【台账校验】'))
            .map(([address]) => `${sheet.name}!${address}`),
        ),
    );
    expect(leftover).toEqual([]);
    expect(await page.evaluate(() => globalThis.taizhangFake.state.names)).toEqual([]);
    // The inserted rows go again, so the later tests find the sample where the check shown put it.
    await page.evaluate(() => globalThis.taizhangFake.deleteRows('学习培训', 2, 2));
  });

  it('marks and lists the cells as they are now when rows were inserted and deleted since 一键校验, and says so', async () => {
    const edit = (fake: FakeExcelHost) => {
      fake.insertRows('学习培训', 2, 3);
      fake.deleteRows('学习培训', 12);
      fake.insertRows('二、分析研判', 1);
    };
    // The same edits on the same workbook in Node: where the problems are now.
    const now = new FakeExcelHost(stateFromGrid(await readWorkbookFile(resolve(repo, 'templates/示例台账.xlsx'))));
    edit(now);
    const current = validateGrid(await excelHost(now.run, now.features).readWorkbook(), { asOf }).findings;
    const cells = (findings: readonly Finding[]) => [...new Set(findings.map((f) => `${f.sheet}!${f.cell}`))].sort();
    expect(cells(current)).not.toEqual(cells(expected.findings));

    const saved = await page.evaluate(() => JSON.stringify(globalThis.taizhangFake.state));
    await page.evaluate(`(${edit.toString()})(globalThis.taizhangFake)`);
    await page.click('#mark');
    await page.getByText('已标注').waitFor();
    expect(await page.locator('#status').textContent()).toMatch(
      /^工作簿在上次校验后有改动，已按现在的内容重新校验.*问题清单已更新。已标注/u,
    );
    const marked = await page.evaluate(() =>
      globalThis.taizhangFake.state.sheets
        .filter((sheet) => sheet.name !== '校验结果')
        .flatMap((sheet) =>
          Object.entries(sheet.cells)
            .filter(([, cell]) => cell.note?.startsWith('【台账校验】'))
            .map(([address]) => `${sheet.name}!${address}`),
        ),
    );
    expect(marked.sort()).toEqual(cells(current));
    expect(await page.locator('.finding').count()).toBe(current.length);

    await page.click('#write-results');
    await page.getByText('已写入“校验结果”工作表').waitFor();
    const links = await page.evaluate(() =>
      Object.entries(globalThis.taizhangFake.sheet('校验结果').cells)
        .filter(([address, cell]) => address.startsWith('E') && cell.hyperlink !== undefined)
        .sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)))
        .map(([, cell]) => cell.hyperlink?.documentReference),
    );
    expect(links).toEqual(current.map((f) => `'${f.sheet}'!${f.cell}`));

    await page.click('#clear-marks');
    await page.getByText('已清除').waitFor();
    await page.evaluate((state) => (globalThis.taizhangFake.state = JSON.parse(state) as typeof globalThis.taizhangFake.state), saved);
    await page.click('#validate');
    await page.getByText('校验完成').waitFor();
  });

  it('keeps the look of a cell the clerk has redone since it was marked, and says so', async () => {
    await page.click('#mark');
    await page.getByText('已标注').waitFor();
    await page.evaluate(() => {
      const cell = globalThis.taizhangFake.cell('学习培训', 'B6')!;
      cell.fill = { color: '#00B050', pattern: 'Solid', patternColor: null, tintAndShade: 0, patternTintAndShade: 0 };
      cell.note = '已核实，日期已更正';
    });
    await page.click('#clear-marks');
    await page.getByText('保留了现在的样子').waitFor();
    expect(await page.locator('#status').textContent()).toMatch(/另有 1 个单元格的标注底色和注释在标注后已被改过/u);
    expect(await page.evaluate(() => globalThis.taizhangFake.cell('学习培训', 'B6')?.note)).toBe('已核实，日期已更正');
  });

  it('refuses in Chinese, naming the sheet, to mark a workbook with a protected sheet, and marks nothing', async () => {
    await page.evaluate(() => (globalThis.taizhangFake.sheet('学习培训').protected = true));
    const parts = await page.evaluate(() => globalThis.taizhangFake.state.customXmlParts.length);
    await page.click('#mark');
    await page.getByText('工作表“学习培训”受保护，未标注任何单元格。').waitFor();
    expect(await page.locator('#status.is-error').count()).toBe(1);
    expect(await page.evaluate(() => globalThis.taizhangFake.state.customXmlParts.length)).toBe(parts);
    await page.evaluate(() => (globalThis.taizhangFake.sheet('学习培训').protected = false));
  });

  it('marks a cell holding a threaded comment (批注) with the fill alone, and says so', async () => {
    // A cell holds a note or a threaded comment, never both: the clerk's note becomes a comment.
    await page.evaluate(() => {
      const cell = globalThis.taizhangFake.cell('学习培训', 'B6')!;
      delete cell.note;
      cell.comment = '请核实日期';
    });
    await page.click('#mark');
    await page.getByText('其中 1 个单元格已有批注，Excel 不允许再加注释，只加了底色。').waitFor();
    expect(await page.evaluate(() => globalThis.taizhangFake.cell('学习培训', 'B6')?.note)).toBeUndefined();
    await page.click('#clear-marks');
    await page.getByText('已清除').waitFor();
  });

  // Waits for generator/report's model builders; addin/pane/report.ts buildReport is where they plug in.
  it('generates the quarterly analysis as a .docx that carries the report title', async () => {
    await page.click('#tab-report');
    // The sample ledger is checked in July: the latest quarter ended is the second, offered first. The third,
    // not over yet, can be chosen, and its report is a draft.
    expect(await page.locator('#report-period').evaluate((e) => (e as HTMLSelectElement).value)).toBe('2026Q2');
    await page.click('#report-period');
    await page.click('fluent-option[value="2026Q3"]');
    const download = page.waitForEvent('download');
    await page.click('#generate-report');
    await page.waitForFunction(() => !document.getElementById('status')?.textContent?.startsWith('正在生成'));
    expect(await page.locator('#status').textContent()).toMatch(/^已生成.*2026年第三季度尚未结束，已按征求意见稿生成。/u);
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.docx$/u);
    const path = await file.path();
    const { readFile } = await import('node:fs/promises');
    const parts = unzipSync(new Uint8Array(await readFile(path)));
    const text = strFromU8(parts['word/document.xml']).replace(/<[^>]+>/gu, '');
    expect(text).toContain(`${expected.unit}2026年第三季度`);
    expect(text).toContain('意识形态领域情况分析报告');
    expect(text).toContain('征求意见稿');
    await page.click('#tab-findings');
  });

  it('shows a bureau’s own register in 对应关系, saves a changed guess into 基本信息, and 一键校验 then follows it', async () => {
    const state = stateFromGrid(await readWorkbookFile(resolve(repo, 'test/fixtures/real-combined.xlsx')));
    await page.evaluate((opened) => (globalThis.taizhangFake.state = opened), state);
    await page.click('#validate');
    await page.getByText('校验完成').waitFor();
    expect(await page.locator('.finding', { hasText: '类别“阵地管理”' }).count()).toBe(1);
    await page.click('#tab-mapping');
    const category = page.locator('.map-sheet', { hasText: '类别“阵地管理”' }).locator('.map-head select');
    expect(await category.inputValue()).toBe('不对应');
    await category.focus();
    await category.selectOption('学习培训');
    expect(await page.inputValue('#mapping-lines')).toBe('类别映射\t学习培训=阵地管理');
    await page.click('#save-mapping');
    await page.getByText('确认保存吗？').waitFor();
    await page.click('#mapping-confirm-yes');
    await page.getByText('已新建“基本信息”工作表').waitFor();
    const saved = await page.evaluate(() => globalThis.taizhangFake.cell('基本信息', 'B7')?.value);
    expect(saved).toBe('学习培训=阵地管理');
    await page.click('#validate');
    await page.getByText('校验完成').waitFor();
    expect(await page.locator('.finding', { hasText: '类别“阵地管理”' }).count()).toBe(0);
    expect(await page.locator('.map-sheet', { hasText: '类别“阵地管理”' }).count()).toBe(0);
  });

  it('opens 对应关系 for a workbook with no ledger sheet; a topic chosen and saved, 一键校验 reads it', async () => {
    const state = stateFromGrid(await readWorkbookBytes(await unrecognisedWorkbook(), unrecognisedName));
    await page.evaluate((opened) => (globalThis.taizhangFake.state = opened), state);
    await page.click('#validate');
    await page.locator('#status', { hasText: '没有认出任何台账工作表' }).waitFor();
    const status = (await page.locator('#status').textContent()) ?? '';
    expect(status).toMatch(
      /^“会议记录\.xlsx”中没有认出任何台账工作表。请在“对应关系”中为每张工作表选定它记的内容；?.*“保存对应关系”.*“一键校验”/u,
    );
    expect(status).not.toContain('taizhang');
    expect(await page.locator('#tabs').getAttribute('activeid')).toBe('tab-mapping');
    expect(await page.locator('.map-sheet').evaluateAll((all) => all.map((s) => s.getAttribute('data-sheet')))).toEqual([
      'Sheet1',
      'Sheet2',
    ]);
    expect(await page.locator('#findings').textContent()).toMatch(/^未校验/u);
    expect(await page.locator('#mark').getAttribute('disabled')).not.toBeNull();
    await page.locator('.map-sheet[data-sheet="Sheet1"] .map-head select').selectOption('专题研究');
    await page.click('#save-mapping');
    await page.click('#mapping-confirm-yes');
    await page.getByText('已新建“基本信息”工作表').waitFor();
    const saved = await page.evaluate(() => [2, 3, 4, 5, 6, 7, 8].map((row) => globalThis.taizhangFake.cell('基本信息', `B${row}`)?.value));
    expect(saved).toContain('专题研究=Sheet1');
    expect(saved).toContain(2026);
    await page.click('#validate');
    await page.getByText('校验完成').waitFor();
    expect(await page.locator('#summary').isHidden()).toBe(false);
  });

  it('accounts for a bureau’s register with rows 未能归类, shows their findings, and says where 待办 cannot count', async () => {
    const state = stateFromGrid(await readWorkbookFile(unplacedRegister));
    await page.evaluate((opened) => (globalThis.taizhangFake.state = opened), state);
    await page.click('#validate');
    await page.getByText('校验完成').waitFor();
    const account = cliAccount(unplacedRegister, asOf);
    expect(account.some(([, counts]) => !counts.endsWith('未能归类 0 行'))).toBe(true);
    expect(await shownAccount(page)).toEqual(account);
    expect(await shownUnplacedRows(page)).toEqual(cliUnplacedRows(unplacedRegister, asOf));
    await showsSheetFindings('6、1月学习');
    const due = cliDue(unplacedRegister, asOf);
    expect(due.items.some((item) => item[4].startsWith('台账无法判断'))).toBe(true);
    expect(await shownDue(page)).toEqual(due);
  });

  it('judges a workbook by its own 实施方案要求: its own requirement in 制度落实 and 待办, the changed count, the disabled one gone, a row not understood at its cell', async () => {
    const rows = [...bureauPlanRows(), brokenPlanRow];
    const path = await writeLedger(withPlanSheet(compliantLedger(), rows));
    await page.evaluate((opened) => (globalThis.taizhangFake.state = opened), stateFromGrid(await readWorkbookFile(path)));
    await page.fill('#as-of', asOf);
    await page.click('#validate');
    await page.getByText('校验完成').waitFor();
    const cli = JSON.parse(
      spawnSync(process.execPath, [resolve(repo, 'build/taizhang.mjs'), 'validate', path, '--format', 'json', '--as-of', asOf], {
        encoding: 'utf8',
      }).stdout,
    ) as ValidationResult;
    await page.click('#tab-rules');
    const shown = await page
      .locator('.rule-row')
      .evaluateAll((rows) =>
        rows.map((row) => [
          row.getAttribute('data-rule'),
          row.querySelector('summary .title')?.textContent,
          row.querySelector('.done')?.textContent,
        ]),
      );
    expect(shown).toEqual(cli.rules.map((r) => [r.id, r.title, `完成 ${r.status === '无法判断' ? '—' : `${r.actual}/${r.required}`}`]));
    expect(shown.map(([id, title]) => `${id} ${title}`)).toEqual(
      expect.arrayContaining(['本局1 每月至少开展1次中心组学习', 'R01 每年至少开展3次意识形态工作专题研究']),
    );
    expect(shown.map(([id]) => id)).not.toContain('R07');
    await page.click('#tab-due');
    const due = cliDue(path, asOf);
    expect(due.items.some((item) => item[0] === '本局1')).toBe(true);
    expect(await shownDue(page)).toEqual(due);
    await page.click('#tab-findings');

    // The row not understood: its finding at the 频次 cell, and a click goes there.
    const index = cli.findings.findIndex((f) => f.sheet === '实施方案要求');
    expect(cli.findings[index]).toMatchObject({ rule: 'D03', cell: `E${rows.length + 1}` });
    await page.click(`.finding[data-index="${index}"]`);
    await page.getByText(`已定位到“实施方案要求”E${rows.length + 1}`).waitFor();
    expect(await page.evaluate(() => globalThis.taizhangFake.state.selection)).toEqual({
      sheet: '实施方案要求',
      address: `E${rows.length + 1}`,
    });
    expect(await page.locator(`.finding[data-index="${index}"] .message`).textContent()).toContain('频次“每两年”不在允许范围内');
  });

  it('looks like a tidy Office pane at 350 px: nothing overflows, a screenshot is kept', async () => {
    await mkdir(artifacts, { recursive: true });
    // The tab's underline slides over; let it arrive before the picture is taken.
    const show = async (tab: string, file: string) => {
      await page.click(tab);
      await page.waitForTimeout(400);
      await page.screenshot({ path: resolve(artifacts, file), fullPage: true });
    };
    await show('#tab-due', 'addin-pane-due.png');
    await show('#tab-rules', 'addin-pane-rules.png');
    await show('#tab-report', 'addin-pane-report.png');
    await show('#tab-mapping', 'addin-pane-mapping.png');
    await show('#tab-findings', 'addin-pane.png');
    await page.click('#account summary');
    await page.screenshot({ path: resolve(artifacts, 'addin-pane-account.png'), fullPage: true });
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const overflowing = await overflowingElements(page);
    expect(overflowing).toEqual([]);
  });

  it('made no request outside its own origin and broke no rule of its Content-Security-Policy', async () => {
    const foreign = requests.filter((url) => {
      const { protocol, origin } = new URL(url);
      return protocol !== 'data:' && !(protocol === 'blob:' ? url.startsWith(`blob:${server.origin}/`) : origin === server.origin);
    });
    expect(foreign).toEqual([]);
    expect(requests.some((url) => url.endsWith('/office-js/office.js'))).toBe(true);
    const blocked = await page.evaluate(() => (globalThis as unknown as { cspViolations: Violation[] }).cspViolations);
    // office.js tries to open a hidden telemetry frame on Microsoft's servers; the policy stops it.
    const ours = blocked.filter((v) => !v.source.startsWith('/office-js/'));
    expect(ours).toEqual([]);
    for (const v of blocked)
      expect([`frame-src https://telemetryservice.firstpartyapps.oaspapps.com`, 'style-src-attr inline']).toContain(
        `${v.directive} ${v.blocked}`,
      );
  });
});
