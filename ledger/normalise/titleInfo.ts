import type { WorkbookGrid } from '../grid/types';
import { foldWidth } from '../text/fold';
import { cellText } from '../values/cell';
import { sheetReader } from './sheetReader';

/**
 * 单位名称 and 台账年度 of a ledger without 基本信息 (spec section 2): from a title row
 * (`县XX局2026年意识形态工作台账`), a `填报单位：…（盖章）` line, or the file name.
 */
export interface TitleInfo {
  unit?: { value: string; from: string };
  year?: { value: number; from: string };
}

const titleRows = 3;
/** `县XX局2026年…台账`: the unit stands before the year. */
const title = /^(.*?)(20\d{2})\s*年度?/u;
const reporter = /填报单位\s*[:：]\s*([^\s(（]+)/u;

function fromText(text: string, from: string, info: TitleInfo): void {
  const folded = foldWidth(text).trim();
  const unit = reporter.exec(folded)?.[1];
  if (unit && !info.unit) info.unit = { value: unit, from };
  const m = title.exec(folded);
  if (!m) return;
  if (!info.year) info.year = { value: Number(m[2]), from };
  const before = m[1].replace(/^关于/u, '').trim();
  if (before !== '' && !info.unit && /[局委办院所站中心室部]$/u.test(before)) info.unit = { value: before, from };
}

export function titleInfo(grid: WorkbookGrid): TitleInfo {
  const info: TitleInfo = {};
  for (const sheet of grid.sheets) {
    const reader = sheetReader(sheet);
    for (let row = reader.firstRow; row < reader.firstRow + titleRows && row <= reader.lastRow; row++) {
      for (let column = reader.firstColumn; column <= reader.lastColumn; column++) {
        const text = cellText(reader.value(row, column));
        if (text.length >= 4) fromText(text, `工作表“${sheet.name}”第${row}行`, info);
      }
    }
  }
  fromText(grid.name.replace(/\.[^.]+$/u, ''), `文件名“${grid.name}”`, info);
  return info;
}
