import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { outPath } from '../commands/template';
import { UsageError } from '../errors';
import { writeFileAtomic } from '../io/atomicWrite';
import { rollover } from './rollover';

/** `taizhang template --from`: next year's ledger, written beside nothing it could replace. */
export async function rolloverLedger(from: string, year: number | undefined, out: string | undefined): Promise<void> {
  const path = resolve(from);
  // The reader says in Chinese why a file cannot be read; exceljs then loads the same bytes to copy.
  const grid = await readWorkbookFile(path);
  const bytes = new Uint8Array(await readFile(path));
  const result = await rollover(bytes, grid, year);
  if (result.year <= result.fromYear) {
    throw new UsageError(`--year ${result.year} 不晚于原台账的年度 ${result.fromYear}：--from 用于生成下一年的台账。`);
  }
  const target = outPath(out, result.year);
  if (target === path) throw new UsageError(`输出文件不能是原台账“${from}”本身。`);
  const written = await result.workbook.xlsx.writeBuffer();
  await writeFileAtomic(target, new Uint8Array(written as ArrayBuffer), { overwrite: false });
  const kept = result.kept.length > 0 ? `；原样保留：${result.kept.join('、')}` : '';
  process.stdout.write(
    `已按${result.fromYear}年台账生成${result.year}年空白台账：${target}\n已清空记录：${result.emptied.join('、') || '（无）'}${kept}\n`,
  );
}
