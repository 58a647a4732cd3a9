import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../errors';

export interface DueOptions {
  asOf?: string;
  days?: number;
  format: 'text' | 'json';
}

function parseDays(value: string): number {
  if (!/^\d{1,4}$/u.test(value.trim())) throw new UsageError(`--days 的值“${value}”不是有效天数，应为 0 到 9999 之间的整数，如 30。`);
  return Number(value);
}

export function registerDue(program: Command): void {
  program
    .command('due')
    .description('列出尚未完成的各项要求（待办），按到期日排序，已逾期的在前')
    .argument('<台账>', '台账工作簿（.xlsx 或 .xlsm）')
    .option('--as-of <YYYY-MM-DD>', '校验日期（默认今天）')
    .addOption(new Option('--days <天数>', '只列今后若干天内到期的（已逾期的总是列出）').argParser(parseDays))
    .addOption(new Option('--format <format>', '输出格式').choices(['text', 'json']).default('text'))
    .action(async (path: string, options: DueOptions) => (await import('../due/run')).listDue(path, options));
}
