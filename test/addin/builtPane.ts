/** The pane as `npm run build:addin` builds it, into a folder of the test's own (dist/ is the other tests'). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../..');

export interface BuiltPane {
  dir: string;
  /** The pane's bundle, the one module script. */
  bundle: string;
  /** addin/boot/boot.js as the build copied it. */
  boot: string;
}

export function buildPane(): BuiltPane {
  const dir = mkdtempSync(join(tmpdir(), 'taizhang-pane-'));
  // The build must not think it runs under the test runner.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV'));
  const run = spawnSync(
    process.execPath,
    [resolve(repo, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error', '--outDir', dir, '--emptyOutDir'],
    { cwd: repo, env, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`vite build failed:\n${run.stdout}\n${run.stderr}`);
  const file = (pattern: RegExp) => {
    const name = readdirSync(join(dir, 'static')).find((n) => pattern.test(n));
    if (!name) throw new Error(`no ${pattern} in the build`);
    return readFileSync(join(dir, 'static', name), 'utf8');
  };
  return { dir, bundle: file(/^taskpane-.*\.js$/u), boot: file(/^boot-.*\.js$/u) };
}
