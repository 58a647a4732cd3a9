import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const check = (path: string) =>
  spawnSync(process.execPath, ['scripts/check-test-tools.mjs'], { encoding: 'utf8', env: { ...process.env, PATH: path } });

describe('npm test’s first step (pretest)', () => {
  it('passes where the tools the tests need are installed', () => {
    const run = check(process.env.PATH ?? '');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('stops with one Chinese line naming the packages to install where they are not', () => {
    const run = check('/nonexistent');
    expect(run.status).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^测试需要先安装：sudo apt-get install --no-install-recommends .*libreoffice-writer-nogui.*poppler-utils.*fonts-noto-cjk/u,
    );
  });
});
