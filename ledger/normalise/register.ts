import type { RecordSheetKey } from '../schema/sheets';
import { foldCompact } from '../text/fold';
import { cellText } from '../values/cell';
import { headerSearchRows, isCategoryHeader } from './header';
import { nameMeaning } from './locate';
import type { CategoryMapping } from './mappings';
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

/** The register's category header, within the first ten rows; null for a sheet without one. */
export function findRegister(sheet: SheetReader): CombinedRegister | null {
  for (let top = sheet.firstRow; top <= Math.min(sheet.lastRow, headerSearchRows); top++) {
    for (let column = sheet.firstColumn; column <= sheet.lastColumn; column++) {
      const text = cellText(sheet.value(top, column));
      if (text === '' || !isCategoryHeader(text)) continue;
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
