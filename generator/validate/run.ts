import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';
import { resolveAsOf } from '../asOf';
import type { ValidateOptions } from '../commands/validate';
import { exitCode } from '../errors';
import { ledgerFiles, shownNames } from '../ledgers/files';
import type { Outcome } from '../ledgers/judge';
import { defaultJobs, judgeAll } from '../ledgers/pool';
import { Progress } from '../ledgers/progress';
import { checkPeriodOption, validationOutput } from './output';

/** One ledger, as the spec's section 4 has it: a file that cannot be read ends the command with exit 2. */
async function validateOne(path: string, asOf: string, options: ValidateOptions): Promise<void> {
  const result = validateGrid(await readWorkbookFile(path), { asOf });
  process.stdout.write(validationOutput(result, options.format, options.period, 2));
  process.exitCode = result.summary.error > 0 ? exitCode.findings : exitCode.ok;
}

const outcomeCode = (o: Outcome) =>
  o.kind === 'unreadable' ? exitCode.usage : o.kind === 'validated' && o.errors > 0 ? exitCode.findings : exitCode.ok;

/**
 * Several ledgers, each judged on its own: its findings as one ledger's would be printed (text, or one
 * JSON line each), a file that cannot be read reported on stderr and skipped, and the exit code the worst.
 */
async function validateMany(files: readonly string[], asOf: string, options: ValidateOptions): Promise<void> {
  const progress = new Progress(files.length, '已校验');
  const counts = { clean: 0, errors: 0, unreadable: 0, ownWorkbooks: 0 };
  let worst: number = exitCode.ok;
  const names = shownNames(files);
  const tasks = files.map((path) => ({ kind: options.format, path, name: names.get(path)!, asOf, period: options.period }));
  progress.update(0);
  await judgeAll(tasks, options.jobs ?? defaultJobs(files.length), (outcome, index) => {
    progress.clear();
    worst = Math.max(worst, outcomeCode(outcome));
    if (outcome.kind === 'unreadable') {
      counts.unreadable++;
      process.stderr.write(`${outcome.message}\n`);
      if (options.format === 'json') process.stdout.write(`${JSON.stringify({ workbook: outcome.workbook, error: outcome.message })}\n`);
    } else if (outcome.kind === 'ownWorkbook') {
      counts.ownWorkbooks++;
      process.stderr.write(`已跳过：${outcome.message}\n`);
    } else if (outcome.kind === 'validated') {
      counts[outcome.errors > 0 ? 'errors' : 'clean']++;
      process.stdout.write(options.format === 'json' || index === 0 ? outcome.output : `\n${outcome.output}`);
    }
    progress.update(index + 1);
  });
  progress.clear();
  if (options.format === 'text') {
    const unreadable = counts.unreadable > 0 ? `，无法读取 ${counts.unreadable} 本` : '';
    const ledgers = files.length - counts.ownWorkbooks;
    process.stdout.write(`\n共 ${ledgers} 本台账：无错误 ${counts.clean} 本，有错误 ${counts.errors} 本${unreadable}。\n`);
  }
  process.exitCode = worst;
}

export async function validateLedgers(paths: readonly string[], options: ValidateOptions): Promise<void> {
  const asOf = resolveAsOf(options.asOf);
  checkPeriodOption(options.period);
  const { files, folders } = await ledgerFiles(paths);
  if (files.length === 1 && folders === 0) await validateOne(files[0], asOf, options);
  else await validateMany(files, asOf, options);
}
