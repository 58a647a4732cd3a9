import ExcelJS from 'exceljs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { LedgerReadError } from '../errors';
import type { WorkbookGrid } from '../grid/types';
import { installEastAsianFormats } from './eastAsianFormats';
import { exceljsToGrid } from './exceljsGrid';

export { LedgerReadError };

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Reads .xlsx bytes into grids; `name` is how the file is named in messages. */
export async function readWorkbookBytes(bytes: Uint8Array, name: string): Promise<WorkbookGrid> {
  if (bytes.length === 0) throw new LedgerReadError(`无法读取“${name}”：文件为空（0 字节）。`);
  if (startsWith(bytes, oleMagic)) {
    throw new LedgerReadError(
      `无法读取“${name}”：这是旧版 .xls 文件或设置了打开密码的工作簿。请在 Excel 或 WPS 中取消密码，并“另存为” .xlsx 格式后再试。`,
    );
  }
  if (!startsWith(bytes, zipMagic)) {
    throw new LedgerReadError(`无法读取“${name}”：不是 .xlsx 格式的 Excel 工作簿。请在 Excel 或 WPS 中“另存为” .xlsx 格式后再试。`);
  }
  installEastAsianFormats();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new LedgerReadError(`无法读取“${name}”：文件已损坏或不完整（${reason}）。请用 Excel 或 WPS 打开并重新保存后再试。`);
  }
  return exceljsToGrid(workbook, name);
}

export async function readWorkbookFile(path: string): Promise<WorkbookGrid> {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new LedgerReadError(`无法读取“${path}”：这是一个文件夹，不是工作簿文件。`);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof LedgerReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new LedgerReadError(`找不到文件“${path}”。请检查路径和文件名。`);
    if (code === 'EACCES') throw new LedgerReadError(`无权读取文件“${path}”。`);
    throw new LedgerReadError(`无法读取“${path}”：${(error as Error).message}`);
  }
  return readWorkbookBytes(bytes, name);
}
