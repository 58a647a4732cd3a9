import type { Command } from 'commander';
import { renderRuleTable } from '../render/text';

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('列出全部校验规则（编号、级别、实施方案依据）')
    .action(() => {
      process.stdout.write(renderRuleTable());
    });
}
