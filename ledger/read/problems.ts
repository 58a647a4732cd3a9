import { LedgerReadError } from '../errors';
import { megabytes, readLimits } from './limits';

/** The messages a clerk gets when a workbook cannot be read; `name` is the file as the user named it. */
export function damaged(name: string, reason: string): LedgerReadError {
  return new LedgerReadError(`无法读取“${name}”：文件已损坏或不完整（${reason}）。请用 Excel 或 WPS 打开并重新保存后再试。`);
}

export function tooLarge(name: string, what: string, bytes: number, limit: number): LedgerReadError {
  return new LedgerReadError(
    `无法读取“${name}”：${what}解压后有 ${megabytes(bytes)}，超过上限 ${megabytes(limit)}。` +
      `台账不应这么大；请检查是否误把大量空行、图片或其他数据存入了工作簿，删除后另存再试。`,
  );
}

export function tooManyCells(name: string, sheet: string, cell: string): LedgerReadError {
  return new LedgerReadError(
    `无法读取“${name}”：工作表“${sheet}”的数据区域过大（到单元格 ${cell} 时已超过 ${readLimits.gridCells.toLocaleString('en-US')} 个单元格的上限）。` +
      `请删除远离表格的多余内容后再试。`,
  );
}

export function tooManyRows(name: string, sheet: string, row: number): LedgerReadError {
  return new LedgerReadError(
    `无法读取“${name}”：各工作表的数据合计超过 ${readLimits.gridRows.toLocaleString('en-US')} 行的上限（工作表“${sheet}”已到第 ${row} 行）。` +
      `请删除远离表格的多余内容后再试。`,
  );
}
