import type { Command } from 'commander';
import { extname, resolve } from 'node:path';
import { UsageError } from '../errors';
import { writeFileAtomic } from '../io/atomicWrite';

export function registerTemplate(program: Command): void {
  program
    .command('template')
    .description('生成空白台账模板（含全部工作表、表头、下拉选项和日期格式）')
    .option('--year <年度>', '台账年度', String(new Date().getFullYear()))
    .option('--out <FILE.xlsx>', '输出文件（默认“意识形态工作台账{年度}.xlsx”，在当前目录；已有的文件不会被覆盖）')
    .action(async (options: { year: string; out?: string }) => {
      const year = Number(options.year);
      if (!/^\d{4}$/u.test(options.year) || year < 2000 || year > 2100) {
        throw new UsageError(`--year 的值“${options.year}”不是有效年度，应为 2000 到 2100 之间的四位年份。`);
      }
      const out = resolve(options.out ?? `意识形态工作台账${year}.xlsx`);
      if (extname(out).toLowerCase() !== '.xlsx') {
        throw new UsageError(`--out 的文件“${options.out}”应以 .xlsx 结尾：空白台账是 Excel 工作簿。`);
      }
      const { blankLedger } = await import('../template/blankLedger');
      const bytes = await (await blankLedger(year)).xlsx.writeBuffer();
      // A workbook at `out` may be a filled ledger: it is never replaced.
      await writeFileAtomic(out, new Uint8Array(bytes as ArrayBuffer), { overwrite: false });
      process.stdout.write(`已生成空白台账：${out}\n`);
    });
}
