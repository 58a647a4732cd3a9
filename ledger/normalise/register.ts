import type { RecordSheetKey } from '../schema/sheets';
import { foldCompact } from '../text/fold';
import { cellText } from '../values/cell';
import { headerSearchRows, isCategoryHeader } from './header';
import { nameMeaning } from './locate';
import type { ConvertContext } from './convert';
import type { CategoryMapping } from './mappings';
import { dateOf } from './rows';
import type { SheetReader } from './sheetReader';

/**
 * A combined register (real-ledgers.md): one sheet for the whole year whose 工作类别 column, merged
 * down its rows or not, says each row's topic.
 */
export interface CombinedRegister {
  sheet: SheetReader;
  top: number;
  /** The last header row; records start below it. */
  bottom: number;
  categoryColumn: number;
  /** Each data row's category, carried down from the row above where the cell is empty. */
  categoryOf: ReadonlyMap<number, string>;
}

function registerAt(sheet: SheetReader, top: number, column: number): CombinedRegister {
  const text = cellText(sheet.value(top, column));
  // A category header merged down two rows heads a grouped two-row header.
  const bottom = top < sheet.lastRow && cellText(sheet.value(top + 1, column)) === text ? top + 1 : top;
  const categoryOf = new Map<number, string>();
  let current = '';
  for (let row = bottom + 1; row <= sheet.lastRow; row++) {
    const category = cellText(sheet.value(row, column));
    if (category !== '') current = category;
    if (current !== '') categoryOf.set(row, current);
  }
  return { sheet, top, bottom, categoryColumn: column, categoryOf };
}

/** Cells of a column looked at to tell a category column by its content. */
const sampleRows = 60;

/**
 * A column whose header names no category but whose cells do (`活动类型`, `事项` over 专题研究, 学习培训,
 * 检查抽查 …): most of its cells name one topic each, and they name two topics at least. The rows are
 * work done, each on its day: a 目录 whose 题名 name whole registers (`…2026年意识形态工作会议记录`, dated
 * `2026年`) or a list of duties names topics too, but no row of it holds a day. `topics` is how many topics
 * the cells must name: one only where nothing else on the sheet says what it holds (a quarter's register in
 * which a single kind of work was done), since a topic's own 类型 column names one topic too.
 */
function namesCategories(sheet: SheetReader, top: number, column: number, ctx: ConvertContext, least: number): boolean {
  const topicOf = new Map<string, RecordSheetKey | null>();
  const topics = new Set<RecordSheetKey>();
  let cells = 0;
  let named = 0;
  let dated = 0;
  for (let row = top + 1; row <= Math.min(sheet.lastRow, top + sampleRows); row++) {
    const text = cellText(sheet.value(row, column));
    if (text === '') continue;
    cells++;
    // A list (`听取汇报；实地检查`) is a multi-value field's cell, never a category.
    if (/[、，,；;/]/u.test(text)) continue;
    if (!topicOf.has(text)) topicOf.set(text, categoryTopic(text, new Map())?.key ?? null);
    const topic = topicOf.get(text);
    if (!topic) continue;
    named++;
    topics.add(topic);
    if (dateOf(sheet, row, ctx).date !== undefined) dated++;
  }
  return cells >= 3 && topics.size >= least && named * 5 >= cells * 3 && dated * 2 > named;
}

/** The register's category column, within the first ten rows, by its header (工作类别 …); null for a sheet without one. */
export function findRegister(sheet: SheetReader): CombinedRegister | null {
  const last = Math.min(sheet.lastRow, headerSearchRows);
  for (let top = sheet.firstRow; top <= last; top++) {
    for (let column = sheet.firstColumn; column <= sheet.lastColumn; column++) {
      const text = cellText(sheet.value(top, column));
      if (text !== '' && isCategoryHeader(text)) return registerAt(sheet, top, column);
    }
  }
  return null;
}

/**
 * A combined register whose category column is known by its cells only (after the sheet's title had its say),
 * naming at least `topics` topics.
 */
export function findRegisterByContent(sheet: SheetReader, ctx: ConvertContext, topics = 2): CombinedRegister | null {
  const last = Math.min(sheet.lastRow, headerSearchRows);
  for (let top = sheet.firstRow; top <= last; top++) {
    for (let column = sheet.firstColumn; column <= sheet.lastColumn; column++) {
      // A header cell with a short word over it, not a title spread across the row.
      const text = cellText(sheet.value(top, column));
      if (text === '' || text.length > 8 || text === cellText(sheet.value(top, column + 1))) continue;
      if (namesCategories(sheet, top, column, ctx, topics)) return registerAt(sheet, top, column);
    }
  }
  return null;
}

/** The topic of a category: by 类别映射 first, then by the topic words; null when none or several fit. */
export function categoryTopic(category: string, mapping: CategoryMapping): { key: RecordSheetKey; reason: string } | null {
  const folded = foldCompact(category);
  for (const [key, names] of mapping) if (names.some((n) => foldCompact(n) === folded)) return { key, reason: '按“类别映射”' };
  const meaning = nameMeaning(category);
  return meaning.keys.length === 1 ? { key: meaning.keys[0], reason: meaning.reason.replace('名称', '类别') } : null;
}
