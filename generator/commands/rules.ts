import type { Command } from 'commander';
import { Option } from 'commander';

export interface RulesOptions {
  format: 'text' | 'json';
}

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('列出校验规则和实施方案的各项要求（编号、级别、依据、频次、次数）；给出台账时按该台账的“实施方案要求”')
    .argument('[台账]', '台账工作簿（.xlsx 或 .xlsm）：列出它实际采用的要求；不给则列出默认的实施方案')
    .addOption(new Option('--format <format>', '输出格式').choices(['text', 'json']).default('text'))
    // The reader and the schemas are loaded only when the command runs, as for validate.
    .action(async (path: string | undefined, options: RulesOptions) => (await import('../rules/run')).listRules(path, options));
}
