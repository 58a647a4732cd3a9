/**
 * The built pane in headless Chromium behind its boot script, with a fake Office in place of office.js
 * that has the requirement sets of an older Excel, and with the webview made to lack what Internet
 * Explorer 11 and Edge Legacy lack. Where the pane cannot run the clerk reads, in Chinese, which
 * Excel the check needs and where 台账助手.html is; on Office 2019 with a Chromium webview the pane
 * runs and reads the workbook's file.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paneSets } from '../../addin/excel/capabilities';
import type { ValidationResult } from '../../ledger/model';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';
import { launchChromium } from '../helpers/chromium';
import type { BuiltPane } from './builtPane';
import { buildPane } from './builtPane';
import type { StaticServer } from './e2e/staticServer';
import { serveFolder } from './e2e/staticServer';
import type { FakeOfficeSetup } from './fake/officeBrowser';
import { stateFromGrid } from './fake/state';

const repo = resolve(import.meta.dirname, '../..');
const sample = resolve(repo, 'templates/示例台账.xlsx');
const asOf = '2026-07-20';

let built: BuiltPane;
let server: StaticServer;
let browser: Browser;
let fakeOffice: string;
let workbook: Pick<FakeOfficeSetup, 'state' | 'bytes'>;
let expected: ValidationResult;

/** What the webview lacks, as the boot script would find it in each engine. */
const webviews = {
  chromium: '',
  // Internet Explorer 11 (Trident) knows no module scripts.
  ie11: 'delete HTMLScriptElement.prototype.noModule; Object.defineProperty(window, "customElements", { value: undefined });',
  // Edge Legacy (EdgeHTML 18) runs modules but has no custom elements or shadow DOM.
  edgehtml: 'Object.defineProperty(window, "customElements", { value: undefined }); delete Element.prototype.attachShadow;',
  // A webview that passes every check yet fails the bundle as it starts (a method it lacks).
  failsBundle: 'CustomElementRegistry.prototype.define = undefined;',
};

interface Opened {
  page: Page;
  /** Paths the page asked the server for. */
  requests: string[];
  /** Uncaught errors of the page's scripts. */
  errors: string[];
}

async function openPane(excelApi: number, file: boolean, webview: keyof typeof webviews = 'chromium'): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 350, height: 900 }, locale: 'zh-CN' });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  page.on('pageerror', (error) => errors.push(error.message));
  const setup: FakeOfficeSetup = { excelApi, file, ...workbook };
  await page.addInitScript({ content: `globalThis.taizhangFakeOffice = ${JSON.stringify(setup)};\n${webviews[webview]}` });
  await page.route('**/office-js/office.js', (route) => route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: fakeOffice }));
  await page.goto(`${server.origin}/taskpane.html`);
  return { page, requests, errors };
}

const bundleLoaded = (requests: string[]) => requests.some((path) => /\/static\/taskpane-[^/]+\.js$/u.test(path));

beforeAll(async () => {
  built = buildPane();
  server = await serveFolder(built.dir);
  browser = await launchChromium();
  const grid = await readWorkbookFile(sample);
  expected = validateGrid(grid, { asOf });
  workbook = { state: stateFromGrid(grid), bytes: (await readFile(sample)).toString('base64') };
  const bundle = await build({
    entryPoints: [resolve(import.meta.dirname, 'fake/officeBrowser.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
  });
  fakeOffice = bundle.outputFiles[0].text;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the boot script, in Excels that cannot run the pane', () => {
  it('sends the clerk of Office 2016 (ExcelApi 1.1) to 台账助手.html, and shows where it is', async () => {
    const { page, requests, errors } = await openPane(1, false);
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    const text = (await refusal.textContent()) ?? '';
    expect(text).toContain('本机 Excel 版本过旧');
    expect(text).toContain('一键校验需要 Excel 2021、Excel 2024、Microsoft 365 或 Excel 网页版');
    expect(text).toContain('用浏览器');
    expect(text).toContain('台账助手.html');
    expect(bundleLoaded(requests)).toBe(false);
    expect(errors).toEqual([]);

    await page.getByRole('button', { name: '台账助手.html 在哪里' }).click();
    const opened = await page.evaluate(() => globalThis.taizhangOpened);
    expect(opened).toEqual([`${server.origin}/help.html#page`]);
    // The help page has that section, and it links to the page file beside the pane.
    const help = await browser.newPage();
    await help.goto(opened[0]);
    expect(await help.locator('#page h2').textContent()).toContain('台账助手.html');
    expect(await help.locator('#page a').getAttribute('href')).toBe('./台账助手.html');
    await help.close();
    await page.close();
  });

  it('refuses an Excel at ExcelApi 1.7 whose office.js cannot hand over the file', async () => {
    const { page, requests } = await openPane(7, false);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('本机 Excel 版本过旧');
    expect(bundleLoaded(requests)).toBe(false);
    await page.close();
  });

  it.each(['ie11', 'edgehtml'] as const)(
    'tells the clerk of Office 2019 on a %s webview that its browser is too old, without loading the pane',
    async (webview) => {
      const { page, requests } = await openPane(7, true, webview);
      await page.getByRole('alert').waitFor();
      const text = (await page.getByRole('alert').textContent()) ?? '';
      expect(text).toContain('内置浏览器过旧（Internet Explorer 或旧版 Edge 内核）');
      expect(text).toContain('Excel 2019 零售版装有 Microsoft Edge WebView2 时也可以');
      expect(bundleLoaded(requests)).toBe(false);
      await page.close();
    },
  );
});

describe('the boot script, when the bundle fails before the pane has started', () => {
  it('says the webview is too old rather than leave the clerk at 正在连接 Excel', async () => {
    const { page, requests } = await openPane(7, true, 'failsBundle');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('内置浏览器过旧');
    expect(bundleLoaded(requests)).toBe(true);
    await page.close();
  });
});

describe('the boot script, in Office 2019 with a Chromium webview (ExcelApi 1.7, File 1.1)', () => {
  it('loads the pane, which says what this Excel lacks and checks the workbook’s file as the CLI does', async () => {
    const { page, requests, errors } = await openPane(7, true);
    await page.getByText('已连接 Excel').waitFor();
    expect(bundleLoaded(requests)).toBe(true);
    const status = (await page.locator('#status').textContent()) ?? '';
    expect(status).toContain('本机 Excel 不支持注释，标注只加底色');
    expect(status).toContain('请先保存');
    await page.fill('#as-of', asOf);
    await page.click('#validate');
    await page.getByText('校验完成').waitFor();
    const count = (filter: string) => page.locator(`.tile[data-filter="${filter}"] .count`).textContent();
    expect(await count('error')).toBe(String(expected.summary.error));
    expect(await count('warning')).toBe(String(expected.summary.warning));
    expect(await page.locator('.finding').count()).toBe(expected.findings.length);

    await page.click('#mark');
    await page.getByText(/已标注 \d+ 个单元格/u).waitFor();
    const first = expected.findings.find((f) => f.sheet !== '基本信息') ?? expected.findings[0];
    const fill = await page.evaluate(
      ({ sheet, cell }) => globalThis.taizhangFake.state.sheets.find((s) => s.name === sheet)?.cells[cell]?.fill?.pattern,
      first,
    );
    expect(fill).toBe('Solid');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('holds the same minimum as capabilities.ts', async () => {
    const boot = await readFile(resolve(repo, 'addin/boot/boot.js'), 'utf8');
    const declared = /var paneSets = \{ excel: '([\d.]+)', cells: '([\d.]+)', file: '([\d.]+)' \};/u.exec(boot);
    expect(declared?.slice(1)).toEqual([paneSets.excel, paneSets.cells, paneSets.file]);
  });
});
