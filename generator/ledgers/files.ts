import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isLedgerFileName } from '../../ledger/read/fileKinds';
import { UsageError } from '../errors';

async function ledgersUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.')) found.push(...(await ledgersUnder(path)));
    else if (entry.isFile() && isLedgerFileName(entry.name)) found.push(path);
  }
  return found;
}

/**
 * The ledgers named on the command line: files as given (a file that is missing or not a workbook is
 * reported when it is read, beside the others), folders searched for workbooks, subfolders included.
 */
export async function ledgerFiles(args: readonly string[]): Promise<{ files: string[]; folders: number }> {
  const files: string[] = [];
  let folders = 0;
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    if (!info?.isDirectory()) {
      files.push(arg);
      continue;
    }
    folders++;
    const found = await ledgersUnder(arg);
    if (found.length === 0) throw new UsageError(`文件夹“${arg}”中没有台账（.xlsx 等 Excel 或 WPS 表格文件）。`);
    files.push(...found);
  }
  return { files: [...new Set(files)], folders };
}
