import type { WorkbookGrid } from '../grid/types';
import { arabicYears, foldWidth } from '../text/fold';
import { cellText } from '../values/cell';
import { fromSerial, isDateFormat } from '../values/date';
import { sheetReader } from './sheetReader';
import { ledgerYears } from '../schema/settings';

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
const reporter = /(?:填报|报送)?单位(?:名称)?\s*[:：]\s*([^\s(（]+)/u;
/** The office that fills the register in, written after the bureau's name: the unit is the bureau. */
// No lookbehind: the pane runs on WebKit before Safari 16.4, which lacks it.
const fillingOffice = /([局委办院所站中心部])(?:办公室|综合办|综合股|综合科|政工股|党建办|人事股)$/u;

function fromText(text: string, from: string, info: TitleInfo): void {
  const folded = arabicYears(foldWidth(text).trim());
  const unit = reporter.exec(folded)?.[1]?.replace(fillingOffice, '$1');
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
  if (!info.year) {
    const year = yearOfDates(grid);
    if (year) info.year = { value: year.year, from: `记录的日期（${year.count}个日期中多数在${year.year}年）` };
  }
  return info;
}

/**
 * The year most of a workbook's dates fall in: the ledger's year where nothing names it. Never the
 * validation date's: a year-end review made in January is still of the year before.
 */
export function yearOfDates(grid: WorkbookGrid): { year: number; count: number } | null {
  const years = new Map<number, number>();
  let count = 0;
  for (const sheet of grid.sheets) {
    const reader = sheetReader(sheet);
    for (let row = reader.firstRow; row <= reader.lastRow; row++) {
      for (let column = reader.firstColumn; column <= reader.lastColumn; column++) {
        const value = reader.value(row, column);
        let year: number | undefined;
        if (typeof value === 'number') {
          const serial = isDateFormat(reader.format(row, column)) ? fromSerial(value, grid.date1904) : null;
          year = serial?.date.year;
        } else if (typeof value === 'string' && value.length <= 30) {
          const m = /^((?:19|20)\d{2})\s*[-/.年]\s*\d{1,2}/u.exec(arabicYears(foldWidth(value).trim()));
          year = m ? Number(m[1]) : undefined;
        }
        if (year === undefined || year < ledgerYears.min || year > ledgerYears.max) continue;
        years.set(year, (years.get(year) ?? 0) + 1);
        count++;
      }
    }
  }
  let best: number | null = null;
  for (const [year, n] of years) if (best === null || n > years.get(best)!) best = year;
  return best === null ? null : { year: best, count };
}
