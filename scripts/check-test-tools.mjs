// `npm test` runs this first (pretest). The tests drive a real Chromium, render reports with LibreOffice
// and read them back with poppler, with the official-document fonts aliased to free CJK faces
// (test/report/fixtures/fonts.conf). On a machine without them the test run would end in a wall of
// failures; instead this prints one Chinese line naming exactly the Debian packages to install, and stops.
// `.ci/run` installs the same packages before it runs the tests, so there the check passes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const found = (command, args = ['--version']) => {
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  return run.error === undefined ? run.stdout + run.stderr : null;
};

const fonts = found('fc-list', [':lang=zh', 'family']) ?? '';
const checks = [
  { what: 'chromium', ok: existsSync('/usr/bin/chromium') },
  { what: 'libreoffice-writer-nogui', ok: found('soffice') !== null },
  { what: 'libreoffice-calc-nogui', ok: existsSync('/usr/lib/libreoffice/program/libsclo.so') || found('localc') !== null },
  { what: 'poppler-utils', ok: ['pdftoppm', 'pdftotext', 'pdfinfo', 'pdffonts'].every((tool) => found(tool, ['-v']) !== null) },
  { what: 'fonts-noto-cjk', ok: /Noto Serif CJK SC/u.test(fonts) && /Noto Sans CJK SC/u.test(fonts) },
  { what: 'fonts-arphic-ukai', ok: /AR PL UKai/u.test(fonts) },
];
const missing = checks.filter((c) => !c.ok).map((c) => c.what);
if (missing.length > 0) {
  process.stderr.write(`测试需要先安装：sudo apt-get install --no-install-recommends ${missing.join(' ')}（.ci/run 会自动安装）\n`);
  process.exit(1);
}
