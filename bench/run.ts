/**
 * `npm run bench [-- --json] [-- --sizes 1000,10000] [-- --many 50,500]`: generates ledgers of 1,000, 10,000 and
 * 100,000 records, measures reading, normalising, checking, SheetJS's bare parse of the same file, the floor of
 * reading (bench/floor.ts), the CLI's peak memory, the two reports and the add-in's round trips, prints one
 * table and checks the targets of the performance issue (exit code 1 when one is missed). Then the CLI's start,
 * and folders of 50 and 500 ledgers (`--many 0` skips them) validated in one run against one CLI run per ledger.
 * Progress goes to stderr, figures to stdout.
 */
import { readFileSync } from 'node:fs';
import XLSX from 'xlsx';
import { runChecks } from '../ledger/check';
import { summarise } from '../ledger/findings';
import type { WorkbookGrid } from '../ledger/grid/types';
import { normaliseWorkbook } from '../ledger/normalise';
import { readWorkbookFile } from '../ledger/read/workbookFile';
import { sortFindings } from '../ledger/sortFindings';
import { validateGrid } from '../ledger/validate';
import { startFigures, startLines, startTargets } from './cliStart';
import { readFloor } from './floor';
import { benchAsOf } from './ledger';
import { ledgerFile } from './ledgerFile';
import { manyFigures, manyLines, manyTargets, type ManyFigures } from './many';
import { buildCli, fastest, runCliValidate } from './measure';
import { reportTimes } from './reports';
import { addinSyncCalls } from './syncCalls';
import { checkTargets, figuresTable, type SizeFigures } from './table';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const sizesArg = args[args.indexOf('--sizes') + 1];
const sizes = args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : [1_000, 10_000, 100_000];
const manyArg = args[args.indexOf('--many') + 1];
const manyCounts = (args.includes('--many') && manyArg ? manyArg.split(',').map(Number) : [50, 500]).filter((n) => n > 0);
const progress = (text: string) => process.stderr.write(`${text}\n`);
/** `npm run bench` runs Node with --expose-gc; without it (tsx bench/run.ts by hand) steps start on whatever heap there is. */
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** validateGrid's own steps, timed one by one; the result is checked against validateGrid itself. */
function validateInSteps(grid: WorkbookGrid) {
  let started = performance.now();
  const normalised = normaliseWorkbook(grid, Number(benchAsOf.slice(0, 4)));
  const normaliseMs = performance.now() - started;
  started = performance.now();
  const { ledger } = normalised;
  const checked = runChecks(
    {
      ledger,
      asOf: benchAsOf,
      year: ledger.settings.台账年度,
      graceDays: ledger.settings.宽限天数,
      settingPositions: normalised.settingPositions,
      firstSheet: grid.sheets[0]?.name ?? '',
    },
    normalised.recognition,
  );
  const findings = sortFindings(grid, [...normalised.findings, ...checked.findings]);
  const summary = summarise(findings);
  return { normaliseMs, checkMs: performance.now() - started, findings: findings.length, summary };
}

async function measure(records: number): Promise<SizeFigures> {
  progress(`${records} 条记录：`);
  const file = await ledgerFile(records, progress);
  const bytes = readFileSync(file);
  const runs = records >= 100_000 ? 4 : 5;
  const best = {
    readMs: Infinity,
    normaliseMs: Infinity,
    checkMs: Infinity,
    validateMs: Infinity,
    sheetjsParseMs: Infinity,
    floorMs: Infinity,
  };
  let stepFindings = 0;
  // Ours and the floor in turn, so a busy moment of the machine hits both alike. Each starts on a
  // collected heap holding no earlier grid, as the CLI does: otherwise one pays for collecting or marking
  // another's memory. SheetJS runs after them, not between: the heap it grows to (hundreds of MB) stays
  // reserved after collection and made our reading after it a quarter to a third slower than the CLI's, while
  // the floor, which keeps nothing, hardly moved. The grid is read once more afterwards for the figures below.
  for (let run = 0; run < runs; run++) {
    collectGarbage();
    const read = await fastest(1, () => readWorkbookFile(file));
    const steps = validateInSteps(read.result);
    stepFindings = steps.findings;
    best.readMs = Math.min(best.readMs, read.ms);
    best.normaliseMs = Math.min(best.normaliseMs, steps.normaliseMs);
    best.checkMs = Math.min(best.checkMs, steps.checkMs);
    best.validateMs = Math.min(best.validateMs, read.ms + steps.normaliseMs + steps.checkMs);
    collectGarbage();
    best.floorMs = Math.min(best.floorMs, (await fastest(1, () => readFloor(file))).ms);
  }
  for (let run = 0; run < runs; run++) {
    collectGarbage();
    const sheetjs = await fastest(1, () => XLSX.read(readFileSync(file)));
    best.sheetjsParseMs = Math.min(best.sheetjsParseMs, sheetjs.ms);
  }
  const grid = await readWorkbookFile(file);
  const result = validateGrid(grid, { asOf: benchAsOf });
  if (result.findings.length !== stepFindings) throw new Error('分步计时与 validateGrid 的结果不一致');
  progress(
    `  校验：${result.findings.length} 条问题（错误 ${result.summary.error}，警告 ${result.summary.warning}，提示 ${result.summary.info}）`,
  );

  const cli = runCliValidate(file, benchAsOf);
  const reports = await reportTimes(result);
  const syncCalls = await addinSyncCalls(grid);
  return {
    records,
    fileBytes: bytes.length,
    ...best,
    ratio: best.validateMs / best.sheetjsParseMs,
    floorRatio: best.validateMs / best.floorMs,
    readFloorRatio: best.readMs / best.floorMs,
    peakRssMB: cli?.peakRssMB ?? null,
    cliMs: cli?.ms ?? null,
    quarterlyMs: reports.quarterlyMs,
    semiannualMs: reports.semiannualMs,
    syncCalls,
  };
}

if (!buildCli()) progress('警告：CLI 构建失败（npm run build:cli），峰值内存用现有的 build/taizhang.mjs 测量（如有）。');
const figures: SizeFigures[] = [];
for (const records of sizes) figures.push(await measure(records));
progress('CLI 启动：');
const start = startFigures();
const many: ManyFigures[] = [];
for (const count of manyCounts) many.push(await manyFigures(count, progress));
const targets = [...checkTargets(figures), ...startTargets(start), ...manyTargets(many)];
const rounded = figures.map((f) =>
  Object.fromEntries(Object.entries(f).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 100) / 100 : v])),
);
if (asJson) process.stdout.write(`${JSON.stringify({ sizes: rounded, start, many, targets }, null, 2)}\n`);
else process.stdout.write([figuresTable(figures, targets), ...startLines(start), ...manyLines(many), ''].join('\n'));
process.exitCode = targets.some((t) => t.met === false) ? 1 : 0;
