import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The fastest of `runs` runs, in milliseconds, and the last run's result. */
export async function fastest<T>(runs: number, work: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  let ms = Infinity;
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await work();
    ms = Math.min(ms, performance.now() - started);
  }
  return { ms, result: result as T };
}

const root = resolve(import.meta.dirname, '..');
const cli = resolve(root, 'build/taizhang.mjs');
const peakHook = resolve(import.meta.dirname, 'peak.mjs');

/** Builds the CLI as `npm run build:cli` does; false when the build fails (an older bundle may remain). */
export function buildCli(): boolean {
  const run = spawnSync(process.execPath, ['generator/build.mjs'], { cwd: root, encoding: 'utf8' });
  return run.status === 0;
}

export interface CliFigure {
  ms: number;
  /** CPU time of the process, all its threads: unlike wall time, hardly moved by other work on the machine. */
  cpuMs: number;
  peakRssMB: number;
  status: number | null;
}

/**
 * Runs `taizhang validate` in a child process, so only its own memory is counted: the peak resident set
 * size comes from the child at exit (bench/peak.mjs), which sees every allocation, even inside
 * long synchronous work that a sampling timer would miss.
 */
export function runCliValidate(file: string, asOf: string): CliFigure | null {
  return runCli(['validate', file, '--as-of', asOf, '--format', 'json']);
}

/** `taizhang …args` in a child process: its wall time, exit status and peak memory (worker threads included). */
export function runCli(args: readonly string[]): CliFigure | null {
  if (!existsSync(cli)) return null;
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', peakHook, cli, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  const peak = /TAIZHANG_PEAK_RSS_KB=(\d+)/u.exec(run.stderr ?? '');
  const cpu = /TAIZHANG_CPU_US=(\d+)/u.exec(run.stderr ?? '');
  if (!peak || !cpu) return null;
  return { ms, cpuMs: Number(cpu[1]) / 1000, peakRssMB: Number(peak[1]) / 1024, status: run.status };
}

/** Wall time of the fastest of `runs` runs of `node …args`, output discarded. */
export function fastestProcess(args: readonly string[], runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

export const cliPath = cli;
