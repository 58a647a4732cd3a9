import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
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

/**
 * What each file is called in messages, a summary's lists and its 通报: its own name, or, where several
 * files share one (every bureau's folder holding an `意识形态工作台账.xlsx`), as many of its folders as
 * tell it from the others, so that the county knows which bureau's file could not be read.
 */
export function shownNames(files: readonly string[]): Map<string, string> {
  const byName = new Map<string, string[]>();
  for (const file of files) byName.set(basename(file), [...(byName.get(basename(file)) ?? []), file]);
  const shown = new Map<string, string>();
  for (const [name, same] of byName) {
    if (same.length === 1) {
      shown.set(same[0], name);
      continue;
    }
    const parts = same.map((file) => file.split(/[\\/]/u).filter(Boolean));
    for (const [i, file] of same.entries()) {
      let depth = 1;
      const tail = (segments: string[]) => segments.slice(-depth).join('/');
      while (depth < parts[i].length && parts.some((other, j) => j !== i && tail(other) === tail(parts[i]))) depth++;
      shown.set(file, tail(parts[i]));
    }
  }
  return shown;
}
