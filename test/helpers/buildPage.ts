import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pageFileName } from '../../addin/page/vite.config';

const repo = resolve(import.meta.dirname, '../..');

/** Builds 台账助手.html as `npm run build:page` does, into `outDir`; returns the page's path. */
export function buildPage(outDir: string): string {
  // The build must not think it runs under the test runner.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV'));
  const run = spawnSync(
    process.execPath,
    [
      resolve(repo, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'addin/page/vite.config.ts',
      '--outDir',
      outDir,
      '--logLevel',
      'error',
    ],
    { cwd: repo, env, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`vite build failed:\n${run.stdout}\n${run.stderr}`);
  return join(outDir, pageFileName);
}
