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
import { bureauFolders, receivedCounts, rollUp, sharedUnitNames } from './rollup';
import { defaultNoticeTemplate, loadNoticeTemplate } from './template';
import { summaryWorkbook } from './workbook';

/** The template's stand-in for the county's name (`中共XX县委宣传部`), in half- or full-width letters or ×. */
const placeholderName = /XX|ＸＸ|××/iu;

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

  const rollup = rollUp(
    period,
    asOf,
    outcomes,
    new Map([...copies].map(([copy, first]) => [copy, names.get(first)!])),
    bureauFolders(paths, found),
  );
  for (const { unit, workbooks } of sharedUnitNames(rollup)) {
    process.stderr.write(
      `注意：${workbooks.length} 份内容不同的台账都填写单位名称“${unit}”（${workbooks.map((w) => `“${w}”`).join('、')}），均已纳入汇总。请核实是否为重复报送（如修改后重发），或有单位未改单位名称。\n`,
    );
  }
  await writeFileAtomic(out, await summaryWorkbook(rollup), { overwrite: false });
  // The same counts as the 通报's 共收到: an exact copy is one ledger received, not one left out.
  const counts = receivedCounts(rollup);
  const left = counts.leftOut > 0 ? `，${counts.leftOut} 份台账未纳入汇总（见“未纳入汇总的台账”表）` : '';
  const copied = counts.copies > 0 ? `，另有 ${counts.copies} 份与其他台账完全相同，按一份计` : '';
  process.stdout.write(`已生成汇总表：${out}（共收到 ${counts.received} 份台账，纳入汇总 ${counts.included} 个单位${left}${copied}）\n`);
  if (template && docxOut) {
    const [{ buildNotice }, { renderReport }] = await Promise.all([import('./notice'), import('../report/docx/document')]);
    const notice = buildNotice(rollup, template, options.docNumber ? { docNumber: options.docNumber } : {});
    const placeholder = [notice.issuer, notice.imprint?.issuedBy ?? ''].find((name) => placeholderName.test(name));
    if (placeholder) {
      process.stderr.write(
        `注意：汇总通报的发文机关仍是模板中的“${placeholder}”。请把措辞模板中的“发文机关署名”改为本县的名称（复制 templates/reports/${defaultNoticeTemplate} 修改后用 --template 指定）。\n`,
      );
    }
    await writeFileAtomic(docxOut, await renderReport(notice), { overwrite: false });
    process.stdout.write(`已生成汇总通报：${docxOut}\n`);
  }
  process.exitCode = exitCode.ok;
}
