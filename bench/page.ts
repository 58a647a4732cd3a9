/**
 * `npm run bench:page [-- --records 10000]`: validation of the generated ledger inside 台账助手.html in
 * headless Chromium (file chosen → 校验完成, in the page's worker), against the Node figure of the same
 * run (read + validate in this process), and the page's longest main-thread task meanwhile — what
 * decides whether the page feels frozen (reading and checking run in its worker; what is left is
 * showing the result). Progress goes to stderr, figures to stdout.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readWorkbookFile } from '../ledger/read/workbookFile';
import { validateGrid } from '../ledger/validate';
import { buildPage } from '../test/helpers/buildPage';
import { launchChromium } from '../test/helpers/chromium';
import { benchAsOf } from './ledger';
import { ledgerFile } from './ledgerFile';
import { fastest } from './measure';

const args = process.argv.slice(2);
const records = args.includes('--records') ? Number(args[args.indexOf('--records') + 1]) : 10_000;
const runs = 3;
const progress = (text: string) => process.stderr.write(`${text}\n`);

const file = await ledgerFile(records, progress);
progress(`${records} 条记录：${(readFileSync(file).length / 1024 / 1024).toFixed(1)} MB`);

const node = await fastest(runs, async () => validateGrid(await readWorkbookFile(file), { asOf: benchAsOf }));
progress(`  Node：${node.ms.toFixed(0)} ms，${node.result.findings.length} 条问题`);

const page = buildPage(mkdtempSync(join(tmpdir(), 'taizhang-bench-page-')));
const browser = await launchChromium();

let pageMs = Infinity;
let stallMs = 0;
let pageFindings = -1;
try {
  for (let run = 0; run < runs; run++) {
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(page).href);
    await tab.fill('#as-of', benchAsOf);
    // Long tasks (over 50 ms) of the page's main thread: a long one is a page that does not answer.
    await tab.evaluate(() => {
      const probe = globalThis as unknown as { longestTask: number };
      probe.longestTask = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) probe.longestTask = Math.max(probe.longestTask, entry.duration);
      }).observe({ entryTypes: ['longtask'] });
    });
    const started = performance.now();
    await tab.setInputFiles('#file', file);
    await tab.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('校验完成'), null, { timeout: 600_000 });
    pageMs = Math.min(pageMs, performance.now() - started);
    stallMs = Math.max(stallMs, await tab.evaluate(() => (globalThis as unknown as { longestTask: number }).longestTask));
    pageFindings = await tab.locator('.finding').count();
    await tab.close();
  }
} finally {
  await browser.close();
}
if (pageFindings !== node.result.findings.length)
  throw new Error(`页面列出 ${pageFindings} 条问题，Node 为 ${node.result.findings.length} 条`);

const rows = [
  ['记录数', String(records)],
  ['Node 读取并校验（最快一次）', `${node.ms.toFixed(0)} ms`],
  ['Chromium 页面：选择文件到“校验完成”（最快一次，含列出问题）', `${pageMs.toFixed(0)} ms`],
  ['页面 ÷ Node', `${(pageMs / node.ms).toFixed(2)} 倍`],
  ['校验期间页面主线程最长的一个任务', `${stallMs.toFixed(0)} ms`],
];
process.stdout.write(`${rows.map(([k, v]) => `${k}：${v}`).join('\n')}\n`);
