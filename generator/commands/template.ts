import type { Command } from 'commander';
import { extname, resolve } from 'node:path';
import { UsageError } from '../errors';
import { writeFileAtomic } from '../io/atomicWrite';

export function parseYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/u.test(value) || year < 2000 || year > 2100) {
    throw new UsageError(`--year 的值“${value}”不是有效年度，应为 2000 到 2100 之间的四位年份。`);
  }
  return year;
}

/** Where the new ledger goes: `--out`, or a name with its year in the current folder. */
export function outPath(option: string | undefined, year: number): string {
  const out = resolve(option ?? `意识形态工作台账${year}.xlsx`);
  if (extname(out).toLowerCase() !== '.xlsx') {
    throw new UsageError(`--out 的文件“${option}”应以 .xlsx 结尾：空白台账是 Excel 工作簿。`);
  }
  return out;
}

export function registerTemplate(program: Command): void {
  program
    .command('template')
    .description('生成空白台账模板（含全部工作表、表头、下拉选项和日期格式，实施方案要求按本方案预填）')
    .option('--year <年度>', '台账年度（默认今年；用 --from 时默认为原台账的下一年）')
    .option(
      '--from <台账.xlsx>',
      '按本单位今年的台账生成下一年的空白台账：保留其工作表和表头、基本信息（年度改为新年度）、组织架构、各项映射和实施方案要求，清空各台账工作表的记录',
    )
    .option('--out <FILE.xlsx>', '输出文件（默认“意识形态工作台账{年度}.xlsx”，在当前目录；已有的文件不会被覆盖）')
    .action(async (options: { year?: string; from?: string; out?: string }) => {
      const year = options.year === undefined ? undefined : parseYear(options.year);
      if (options.from !== undefined) return (await import('../template/rolloverRun')).rolloverLedger(options.from, year, options.out);
      const ledgerYear = year ?? new Date().getFullYear();
      const out = outPath(options.out, ledgerYear);
      const { blankLedger } = await import('../template/blankLedger');
      const bytes = await (await blankLedger(ledgerYear)).xlsx.writeBuffer();
      // A workbook at `out` may be a filled ledger: it is never replaced.
      await writeFileAtomic(out, new Uint8Array(bytes as ArrayBuffer), { overwrite: false });
      process.stdout.write(`已生成空白台账：${out}\n`);
    });
}
