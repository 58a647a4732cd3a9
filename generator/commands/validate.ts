import type { Command } from 'commander';
import { Option } from 'commander';
import { parseJobs } from '../ledgers/jobs';

export interface ValidateOptions {
  asOf?: string;
  format: 'text' | 'json';
  jobs?: number;
  /** A quarter or half: the rules are stated for it, as a report of that period states them. */
  period?: string;
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('按实施方案校验台账，列出问题和各项制度落实情况；可一次校验多个台账或整个文件夹')
    .argument('<台账...>', '台账工作簿（.xlsx 或 .xlsm）或存放台账的文件夹，可写多个')
    .option('--as-of <YYYY-MM-DD>', '校验日期（默认今天）')
    .option('--period <期间>', '按一个月、季度或半年统计制度落实情况，如 2026M08、2026Q2、2026H1（季度、半年与同期报告的数字一致）')
    .addOption(new Option('--format <format>', '输出格式（多个台账时 json 为每行一个台账）').choices(['text', 'json']).default('text'))
    .addOption(new Option('--jobs <n>', '同时校验的台账数（默认：4 核及以上为 CPU 核数，否则为 1）').argParser(parseJobs))
    // The work is loaded only when the command runs, so other commands start without the reader and zod.
    .action(async (paths: string[], options: ValidateOptions) => (await import('../validate/run')).validateLedgers(paths, options));
}
