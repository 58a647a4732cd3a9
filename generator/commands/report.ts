import type { Command } from 'commander';
import { realpath } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { ValidationResult } from '../../ledger/model';
import { resolveAsOf } from '../asOf';
import { exitCode, UsageError } from '../errors';
import { writeFileAtomic } from '../io/atomicWrite';
import type { Report } from '../report/model';
import { reportTitle } from '../report/model';
import { checkPeriodYear, reportPeriod } from '../report/period';
import { dataErrors, openPeriodRefusal, periodOpen, refuseWithoutUnit, reportNoun } from '../report/readiness';
import type { ReportKind } from '../report/template/schema';

interface ReportOptions {
  period: string;
  out?: string;
  asOf?: string;
  template?: string;
  docNumber?: string;
  strict?: boolean;
  draft?: boolean;
  withDataProblems?: boolean;
  seal?: boolean;
}

/** `{title}.docx` in the current directory, with characters no file system accepts taken out. */
function defaultOutput(report: Report): string {
  return resolve(`${reportTitle(report).replace(/[\\/:*?"<>|\s]/gu, '')}.docx`);
}

async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => realpath(p).catch(() => resolve(p));
  return (await real(a)) === (await real(b));
}

/** What cannot be a report: a ledger that does not say whose it is, a period not yet over (unless a draft is asked for). */
function checkReportable(kind: ReportKind, result: ValidationResult, period: string, options: ReportOptions): void {
  refuseWithoutUnit(kind, result);
  if (periodOpen(period, result.asOf) && !options.draft) throw openPeriodRefusal(kind, period, result.asOf);
}

async function build(kind: ReportKind, ledgerPath: string, options: ReportOptions): Promise<void> {
  const requested = reportPeriod(kind, options.period);
  const asOf = resolveAsOf(options.asOf);
  if (options.out !== undefined && extname(options.out).toLowerCase() !== '.docx') {
    throw new UsageError(`--out 的文件“${options.out}”应以 .docx 结尾：报告是 Word 文档。`);
  }
  // Loaded when the command runs, so that other commands start without the reader, zod and docx.
  const [{ reportBuilder, renderReport }, { readWorkbookFile }, { validateGrid }] = await Promise.all([
    import('../report/generate'),
    import('../../ledger/read/workbookFile'),
    import('../../ledger/validate'),
  ]);
  // The wording template is checked before the ledger is read.
  const buildReport = await reportBuilder(kind, options.template);
  const result = validateGrid(await readWorkbookFile(ledgerPath), { asOf });
  const period = requested.period(result.year);
  checkPeriodYear(period, result.year);
  checkReportable(kind, result, period, options);

  const errors = dataErrors(result);
  if (options.strict && errors.length > 0) {
    const first = errors.slice(0, 3).map((f) => `  “${f.sheet}”${f.cell}：${f.message}`);
    process.stderr.write(
      [
        `台账有 ${errors.length} 处数据错误，按 --strict 要求不生成${reportNoun[kind]}。请先更正（taizhang validate 可列出全部）：`,
        ...first,
        '',
      ].join('\n'),
    );
    process.exitCode = exitCode.findings;
    return;
  }

  const report = buildReport(result, {
    period,
    ...(options.docNumber ? { docNumber: options.docNumber } : {}),
    ...(options.draft && periodOpen(period, asOf) ? { draft: true } : {}),
    ...(options.withDataProblems ? { withDataProblems: true } : {}),
    ...(options.seal ? { sealed: true } : {}),
  });
  const out = options.out === undefined ? defaultOutput(report) : resolve(options.out);
  if (await samePath(out, ledgerPath)) {
    throw new UsageError(`输出文件“${out}”就是输入的台账，不能覆盖台账。请用 --out 指定另一个文件名。`);
  }
  await writeFileAtomic(out, await renderReport(report));
  const where = options.withDataProblems ? '已列入报告末尾的“台账数据问题（内部稿）”' : '这些单元格的内容未计入报告';
  const note =
    errors.length > 0 ? `\n注意：台账有 ${errors.length} 处数据错误（${where}）。用 taizhang validate 查看并更正后，请重新生成。` : '';
  const notices = (report.notices ?? []).map((notice) => `\n${notice}`).join('');
  process.stdout.write(`已生成${reportNoun[kind]}${report.draft ? '（征求意见稿）' : ''}：${out}${notices}${note}\n`);
  process.exitCode = exitCode.ok;
}

function addKind(report: Command, kind: ReportKind, description: string, example: string): void {
  report
    .command(kind)
    .summary(reportNoun[kind])
    .description(description)
    .argument('<ledger.xlsx>', '台账工作簿')
    .requiredOption('--period <期间>', `报告期间，如 ${example}`)
    .option('--out <FILE.docx>', '输出文件（默认为“{标题}.docx”，在当前目录）')
    .option('--as-of <YYYY-MM-DD>', '校验日期和成文日期（默认今天）')
    .option('--template <FILE.yaml>', '措辞模板（默认 templates/reports/ 中的模板）')
    .option('--doc-number <文号>', '发文字号，如 X局党组〔2026〕3号')
    .option('--strict', '台账有数据错误时不生成报告')
    .option('--draft', '期间尚未结束时生成征求意见稿')
    .option('--with-data-problems', '内部稿：在报告末尾列出台账的数据错误')
    .option('--seal', '落款按加盖印章的版式排（GB/T 9704 7.3.5.1）')
    .action((path: string, options: ReportOptions) => build(kind, path, options));
}

export function registerReport(program: Command): void {
  const report = program.command('report').description('生成季度分析报告或半年通报（Word 文档）');
  addKind(report, 'quarterly', '生成季度分析报告（意识形态领域情况分析报告）', '2026Q3');
  addKind(report, 'semiannual', '生成半年通报（意识形态工作情况的通报）', '2026H1');
}
