/**
 * Other producers' readers for what the page writes: openpyxl (Debian's, for /usr/bin/python3) and
 * LibreOffice headless, each on a throw-away profile so parallel runs never share one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export function python(script: string, ...args: string[]): string {
  const run = spawnSync('/usr/bin/python3', ['-c', script, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

/** The file converted by LibreOffice (`pdf`, `xlsx`, …); throws with LibreOffice's words when it cannot. */
export function libreOfficeConvert(path: string, to: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'taizhang-lo-'));
  const outdir = mkdtempSync(join(tmpdir(), 'taizhang-lo-out-'));
  const run = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', outdir, path],
    {
      encoding: 'utf8',
      timeout: 180_000,
    },
  );
  const out = join(outdir, basename(path).replace(/\.[^.]+$/u, `.${to.split(':')[0]}`));
  if (run.status !== 0 || !existsSync(out)) throw new Error(`LibreOffice could not convert ${path}: ${run.stderr}${run.stdout}`);
  return out;
}
