import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Packages a module imports for its value (type-only imports vanish when compiled), by package name. */
function runtimeImports(source: string): string[] {
  const specifiers = [
    ...source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gmu),
    ...source.matchAll(/\bimport\(\s*'([^']+)'\s*\)/gu),
    ...source.matchAll(/^export\s+(?!type\s)[^;]*?from\s+'([^']+)'/gmu),
  ].map((m) => m[1]);
  return specifiers
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:'))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]));
}

describe('the package', () => {
  it('lists every package the CLI and the ledger core import at run time as a dependency', () => {
    const used = new Set([...sourcesUnder('generator'), ...sourcesUnder('ledger')].flatMap((f) => runtimeImports(readFileSync(f, 'utf8'))));
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((name) => !(name in pkg.dependencies)).sort()).toEqual([]);
  });

  it('installs from its tarball without dev dependencies and validates the sample ledger from there', () => {
    const work = mkdtempSync(join(tmpdir(), 'taizhang-pack-'));
    const npm = (args: string[], cwd: string) =>
      execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    // The bundle `npm test` built is packed as it is: `prepare` would rebuild it under the other CLI tests' feet.
    const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], root)) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    const files = packed[0].files.map((f) => f.path);
    expect(files).toContain('build/taizhang.mjs');
    expect(files).toContain('templates/reports/汇总通报.yaml');
    expect(files.some((f) => f.startsWith('test/') || f.startsWith('generator/') || f.startsWith('addin/'))).toBe(false);

    const app = join(work, 'app');
    npm(['install', '--omit=dev', '--prefer-offline', '--prefix', app, join(work, packed[0].filename)], work);
    const installed = readdirSync(join(app, 'node_modules'));
    for (const dev of ['vitest', 'esbuild', 'typescript', 'xlsx']) expect(installed).not.toContain(dev);

    const bin = join(app, 'node_modules', '.bin', 'taizhang');
    const sample = join(app, 'node_modules', 'taizhang', 'templates', '示例台账.xlsx');
    const run = spawnSync(bin, ['validate', sample, '--as-of', '2026-07-20'], { cwd: work, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('【制度落实情况】');
    expect(run.stdout).toMatch(/D02 “日期”无法识别为日期：“2026年13月1日”/u);
    // Many ledgers at once start worker threads from the installed bundle.
    const many = spawnSync(bin, ['validate', sample, sample.replace('示例台账', '台账模板'), '--format', 'json', '--jobs', '2'], {
      cwd: work,
      encoding: 'utf8',
    });
    expect(many.stdout.trim().split('\n')).toHaveLength(2);
    expect(many.stderr).toBe('');
  }, 300_000);
});
