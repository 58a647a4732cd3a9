import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { resolveAsOf } from '../asOf';
import type { SummaryOptions } from '../commands/summary';
import { exitCode, UsageError } from '../errors';
import { existsError, writeFileAtomic } from '../io/atomicWrite';
import { ledgerFiles, shownNames } from '../ledgers/files';
import type { Outcome } from '../ledgers/judge';
import { defaultJobs, judgeAll } from '../ledgers/pool';
import { Progress } from '../ledgers/progress';
import { summaryPeriod } from './period';
import { identicalCopies } from './copies';
import { rollUp, sharedUnitNames } from './rollup';
import { loadNoticeTemplate } from './template';
import { summaryWorkbook } from './workbook';

/** `taizhang summary`: every ledger read once, a workbook of the roll-up and, with --docx, the 汇总通报. */
export async function summarise(paths: readonly string[], options: SummaryOptions): Promise<void> {
  const period = summaryPeriod(options.period);
  const asOf = resolveAsOf(options.asOf);
  if (extname(options.out).toLowerCase() !== '.xlsx')
    throw new UsageError(`--out 的文件“${options.out}”应以 .xlsx 结尾：汇总表是 Excel 工作簿。`);
  const out = resolve(options.out);
  const docxOut = options.docx ? `${out.slice(0, -extname(out).length)}.docx` : null;
  // Refused before any ledger is read; the writes below refuse again should a file appear meanwhile.
  for (const target of [out, docxOut]) if (target && existsSync(target)) throw existsError(target);
  const template = options.docx ? await loadNoticeTemplate(options.template) : null;

  const { files: found } = await ledgerFiles(paths);
  const copies = await identicalCopies(found);
  const files = found.filter((file) => !copies.has(file));
  const names = shownNames(found);
  const progress = new Progress(files.length, '已读取');
  const outcomes: Outcome[] = [];
  progress.update(0);
  await judgeAll(
    files.map((path) => ({ kind: 'digest', path, name: names.get(path)!, asOf, period })),
    options.jobs ?? defaultJobs(files.length),
    (outcome, index) => {
      outcomes.push(outcome);
      if (outcome.kind === 'unreadable' || outcome.kind === 'ownWorkbook') {
        progress.clear();
        process.stderr.write(outcome.kind === 'ownWorkbook' ? `已跳过：${outcome.message}\n` : `${outcome.message}\n`);
      }
      progress.update(index + 1);
    },
  );
  progress.clear();

  const rollup = rollUp(period, asOf, outcomes, new Map([...copies].map(([copy, first]) => [copy, names.get(first)!])));
  for (const { unit, workbooks } of sharedUnitNames(rollup)) {
    process.stderr.write(
      `注意：${workbooks.length} 份内容不同的台账都填写单位名称“${unit}”（${workbooks.map((w) => `“${w}”`).join('、')}），均已纳入汇总。请核实是否为重复报送（如修改后重发），或有单位未改单位名称。\n`,
    );
  }
  await writeFileAtomic(out, await summaryWorkbook(rollup), { overwrite: false });
  const left = rollup.excluded.length > 0 ? `，${rollup.excluded.length} 份台账未纳入汇总（见“未纳入汇总的台账”表）` : '';
  process.stdout.write(`已生成汇总表：${out}（纳入汇总 ${rollup.included.length} 个单位${left}）\n`);
  if (template && docxOut) {
    const [{ buildNotice }, { renderReport }] = await Promise.all([import('./notice'), import('../report/docx/document')]);
    const notice = buildNotice(rollup, template, options.docNumber ? { docNumber: options.docNumber } : {});
    await writeFileAtomic(docxOut, await renderReport(notice), { overwrite: false });
    process.stdout.write(`已生成汇总通报：${docxOut}\n`);
  }
  process.exitCode = exitCode.ok;
}
