import { existsSync, linkSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { benchAsOf } from './ledger';
import { benchDir, ledgerFile } from './ledgerFile';
import { runCli } from './measure';
import type { Target } from './table';

/** Ten ledger sizes, 1,000 to 10,000 records; a folder of N ledgers cycles through them. */
const poolSizes = Array.from({ length: 10 }, (_, i) => (i + 1) * 1_000);
/** One-at-a-time CLI runs are timed on at most this many ledgers and scaled up, so 500 stays a few minutes. */
const sampledRuns = 50;

interface Run {
  ms: number;
  cpuMs: number;
  peakRssMB: number;
}

export interface ManyFigures {
  ledgers: number;
  records: number;
  /** Wall time and peak memory of `taizhang validate <folder>` in one thread, and across `threads` worker threads. */
  oneThread: Run;
  threads: Run & { count: number };
  /** `taizhang validate <file>` once per ledger, one after another; estimated from a sample when `sampled`. */
  oneAtATimeMs: number;
  oneAtATimeCpuMs: number;
  sampled: boolean;
}

/**
 * A folder of `count` ledgers, hard links to the pool's files (each is read and judged anew; the disk
 * holds ten files, not hundreds).
 */
async function ledgerFolder(count: number, progress: (text: string) => void): Promise<{ dir: string; files: string[]; records: number }> {
  const pool = [];
  for (const size of poolSizes) pool.push(await ledgerFile(size, progress));
  const dir = join(benchDir(), `folder-${count}`);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let records = 0;
  for (let i = 0; i < count; i++) {
    const path = join(dir, `单位${String(i + 1).padStart(3, '0')}.xlsx`);
    if (!existsSync(path)) linkSync(pool[i % pool.length], path);
    files.push(path);
    records += poolSizes[i % pool.length];
  }
  return { dir, files, records };
}

function folderRun(dir: string, jobs: number): Run {
  const run = runCli(['validate', dir, '--as-of', benchAsOf, '--format', 'json', '--jobs', String(jobs)]);
  if (!run || run.status === 2) throw new Error(`taizhang validate ${dir} --jobs ${jobs} 失败`);
  return { ms: run.ms, cpuMs: run.cpuMs, peakRssMB: run.peakRssMB };
}

export async function manyFigures(count: number, progress: (text: string) => void): Promise<ManyFigures> {
  progress(`${count} 本台账：`);
  const { dir, files, records } = await ledgerFolder(count, progress);
  const threadCount = availableParallelism();
  const oneThread = folderRun(dir, 1);
  progress(`  单线程：${(oneThread.ms / 1000).toFixed(1)} s`);
  const threads = { count: threadCount, ...folderRun(dir, threadCount) };
  progress(`  ${threadCount} 个线程：${(threads.ms / 1000).toFixed(1)} s`);
  const step = Math.max(1, Math.floor(files.length / sampledRuns));
  const sample = files.filter((_, i) => i % step === 0);
  let sampleMs = 0;
  let sampleCpuMs = 0;
  for (const file of sample) {
    const run = runCli(['validate', file, '--as-of', benchAsOf, '--format', 'json']);
    if (!run || run.status === 2) throw new Error(`taizhang validate ${file} 失败`);
    sampleMs += run.ms;
    sampleCpuMs += run.cpuMs;
  }
  const scale = files.length / sample.length;
  const oneAtATimeMs = sampleMs * scale;
  progress(`  逐个运行 CLI：${(oneAtATimeMs / 1000).toFixed(1)} s${sample.length < files.length ? `（按 ${sample.length} 本估算）` : ''}`);
  return {
    ledgers: count,
    records,
    oneThread,
    threads,
    oneAtATimeMs,
    oneAtATimeCpuMs: sampleCpuMs * scale,
    sampled: sample.length < files.length,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const best = (f: ManyFigures) => Math.min(f.oneThread.ms, f.threads.ms);

export function manyLines(figures: readonly ManyFigures[]): string[] {
  return figures.map((f) => {
    const estimate = f.sampled ? '（抽样估算）' : '';
    return (
      `${f.ledgers} 本台账（共 ${f.records.toLocaleString('en-US')} 条记录）：一次校验整个文件夹 单线程 ${seconds(f.oneThread.ms)}（CPU ${seconds(f.oneThread.cpuMs)}）、峰值内存 ${Math.round(f.oneThread.peakRssMB)} MB；` +
      `${f.threads.count} 个线程 ${seconds(f.threads.ms)}（CPU ${seconds(f.threads.cpuMs)}）、峰值内存 ${Math.round(f.threads.peakRssMB)} MB；` +
      `逐个运行 CLI ${seconds(f.oneAtATimeMs)}（CPU ${seconds(f.oneAtATimeCpuMs)}）${estimate}；` +
      `逐个运行 ÷ 文件夹 = ${(f.oneAtATimeMs / best(f)).toFixed(1)} ×（CPU ${(f.oneAtATimeCpuMs / f.oneThread.cpuMs).toFixed(1)} ×）；多线程加速 ${(f.oneThread.ms / f.threads.ms).toFixed(2)} ×`
    );
  });
}

export function manyTargets(figures: readonly ManyFigures[]): Target[] {
  return figures.map((f) => ({
    target: `${f.ledgers} 本台账：一次校验文件夹快于逐个运行 CLI`,
    met: best(f) < f.oneAtATimeMs,
    detail: `${(f.oneAtATimeMs / best(f)).toFixed(1)} ×`,
  }));
}
