import type { Command } from 'commander';

export function registerMap(program: Command): void {
  program
    .command('map')
    .description('显示台账中认出的工作表和列，并给出可粘贴到“基本信息”的映射行')
    .argument('<ledger.xlsx>', '台账工作簿')
    // The work is loaded only when the command runs, so other commands start without the reader and zod.
    .action(async (path: string) => (await import('../map/run')).mapLedger(path));
}
