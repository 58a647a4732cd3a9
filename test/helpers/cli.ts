import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const bin = resolve(import.meta.dirname, '../../build/taizhang.mjs');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built bin exactly as `npx taizhang …` would (npm test builds it first). */
export function taizhang(args: readonly string[], cwd?: string): CliRun {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd, env: { ...process.env, TAIZHANG_DEBUG: '' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
