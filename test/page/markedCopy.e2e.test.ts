/**
 * The page on its own 标注副本, in headless Chromium as a clerk uses it: the copy chosen again offers
 * 清除标注, marking it again replaces its notes (each once), and 清除标注 downloads the copy without
 * them. The copies are read back by openpyxl.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasOwnMarks } from '../../addin/page/annotate/annotatedCopy';
import { buildPage } from '../helpers/buildPage';
import { launchChromium } from '../helpers/chromium';
import { python } from './producers';

const repo = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'taizhang-marked-'));
let browser: Browser;
let page: Page;

const notes = String.raw`
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({ws.title + '!' + c.coordinate: c.comment.text for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.comment}, ensure_ascii=False))
`;

async function choose(path: string): Promise<string> {
  await page.fill('#as-of', '2026-07-20');
  await page.setInputFiles('#file', path);
  await page.waitForFunction(() => {
    const status = document.getElementById('status');
    return status?.classList.contains('is-error') || (status?.textContent ?? '').startsWith('校验完成');
  });
  return (await page.locator('#status').textContent()) ?? '';
}

async function download(button: string, name: string): Promise<string> {
  const waiting = page.waitForEvent('download');
  await page.click(button);
  const file = await waiting;
  const path = join(scratch, name);
  writeFileSync(path, readFileSync(await file.path()));
  expect(file.suggestedFilename()).toBe(name);
  return path;
}

beforeAll(async () => {
  const url = pathToFileURL(buildPage(join(scratch, 'dist'))).href;
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  page = await context.newPage();
  await page.goto(url);
  await page.getByText('选择或拖入台账文件后自动校验').waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe('the page on a copy it marked', () => {
  it('offers 清除标注, marks again without doubling, and clears', async () => {
    const ledger = join(scratch, '示例台账.xlsx');
    writeFileSync(ledger, readFileSync(resolve(repo, 'templates/示例台账.xlsx')));
    await choose(ledger);
    expect(await page.locator('#clear-marks').isHidden()).toBe(true);
    const marked = await download('#download-marked', '示例台账-标注副本.xlsx');
    const first = JSON.parse(python(notes, marked)) as Record<string, string>;
    expect(Object.keys(first).length).toBeGreaterThan(3);

    await choose(marked);
    expect(await page.locator('#clear-marks').isVisible()).toBe(true);
    const again = await download('#download-marked', '示例台账-标注副本.xlsx');
    expect(await page.locator('#status').textContent()).toContain(`原有的 ${Object.keys(first).length} 处标注已换成这次的结果`);
    expect(JSON.parse(python(notes, again))).toEqual(first);

    const cleared = await download('#clear-marks', '示例台账-已清除标注.xlsx');
    expect(JSON.parse(python(notes, cleared))).toEqual({});
    expect(hasOwnMarks(new Uint8Array(readFileSync(cleared)))).toBe(false);
  }, 300_000);
});
