import type { Command } from 'commander';
import { parseJobs } from '../ledgers/jobs';

export interface SummaryOptions {
  period: string;
  out: string;
  docx?: boolean;
  asOf?: string;
  template?: string;
  docNumber?: string;
  jobs?: number;
}

export function registerSummary(program: Command): void {
  program
    .command('summary')
    .description('汇总多个单位的台账：各单位制度落实情况汇总表（Excel），可同时生成汇总通报（Word）')
    .argument('<台账...>', '存放各单位台账的文件夹，或台账工作簿（.xlsx 或 .xlsm），可写多个')
    .requiredOption('--period <期间>', '汇总期间，如 2026H1（2026年上半年）或 2026Q3')
    .requiredOption('--out <FILE.xlsx>', '汇总表文件（不能是已有的文件）')
    .option('--docx', '同时生成汇总通报（Word 文档，与汇总表同名）')
    .option('--as-of <YYYY-MM-DD>', '校验日期和成文日期（默认今天）')
    .option('--template <FILE.yaml>', '汇总通报的措辞模板（默认 templates/reports/汇总通报.yaml）')
    .option('--doc-number <文号>', '汇总通报的发文字号')
    .option('--jobs <n>', '同时读取的台账数（默认：4 核及以上为 CPU 核数，否则为 1）', parseJobs)
    .action(async (paths: string[], options: SummaryOptions) => (await import('../summary/run')).summarise(paths, options));
}
