import type { Command } from 'commander';
import { Option } from 'commander';
import { toJsonReport } from '../../ledger/jsonReport';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';
import { resolveAsOf } from '../asOf';
import { exitCode } from '../errors';
import { renderText } from '../render/text';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('按实施方案校验台账，列出问题和各项制度落实情况')
    .argument('<ledger.xlsx>', '台账工作簿')
    .option('--as-of <YYYY-MM-DD>', '校验日期（默认今天）')
    .addOption(new Option('--format <format>', '输出格式').choices(['text', 'json']).default('text'))
    .action(async (path: string, options: { asOf?: string; format: 'text' | 'json' }) => {
      const asOf = resolveAsOf(options.asOf);
      const result = validateGrid(await readWorkbookFile(path), { asOf });
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(toJsonReport(result), null, 2)}\n` : renderText(result));
      process.exitCode = result.summary.error > 0 ? exitCode.findings : exitCode.ok;
    });
}
