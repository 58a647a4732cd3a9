// `npm run demo`: validates the sample ledger on a fixed date and writes the results and both reports
// to out/, through the same bin a clerk runs; 台账助手.html (built by `npm run build:page`) is put beside them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';

const ledger = 'templates/示例台账.xlsx';
const asOf = '2026-07-20';
const cli = (...args) => spawnSync(process.execPath, ['build/taizhang.mjs', ...args], { encoding: 'utf8' });

mkdirSync('out', { recursive: true });
const text = cli('validate', ledger, '--as-of', asOf);
const json = cli('validate', ledger, '--as-of', asOf, '--format', 'json');
// Exit 1 means the ledger has errors: the sample has some on purpose. Anything else is a failure.
for (const run of [text, json]) {
  if (run.status !== 0 && run.status !== 1) {
    process.stderr.write(run.stderr);
    process.exit(run.status ?? 2);
  }
}
writeFileSync('out/校验结果.txt', text.stdout);
writeFileSync('out/校验结果.json', json.stdout);
process.stdout.write(text.stdout);

const reports = [
  ['quarterly', '2026Q2', 'out/季度分析报告-2026Q2.docx'],
  ['semiannual', '2026H1', 'out/半年通报-2026H1.docx'],
];
for (const [kind, period, out] of reports) {
  const run = cli('report', kind, ledger, '--period', period, '--as-of', asOf, '--out', out);
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    process.exit(run.status ?? 2);
  }
  process.stdout.write(run.stdout);
}
copyFileSync('dist/台账助手.html', 'out/台账助手.html');
process.stdout.write(
  '\n校验结果和报告已写入 out/：校验结果.txt、校验结果.json、季度分析报告-2026Q2.docx、半年通报-2026H1.docx；' +
    '另有 台账助手.html（双击即可在浏览器中校验台账）\n',
);
