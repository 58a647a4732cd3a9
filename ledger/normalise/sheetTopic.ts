import { fieldsOf } from '../schema/fields';
import { recordSheetKeys, recordSheets, type RecordSheetKey } from '../schema/sheets';
import { cellText } from '../values/cell';
import { derivableFields } from './derive';
import { findHeader } from './header';
import { nameMeaning } from './locate';
import type { SheetReader } from './sheetReader';

/**
 * The topic of a sheet whose name says nothing (Sheet1, 工作表2, 一季度): from its title rows, else from
 * its columns (spec section 1). Each answers only when one topic fits.
 */
export interface SheetTopic {
  key: RecordSheetKey;
  reason: string;
}

const titleRows = 3;

/** A merged title row (`县XX局2026年中心组学习台账`): the one text of one of the first rows, naming one topic. */
export function titleTopic(sheet: SheetReader): SheetTopic | null {
  for (let row = sheet.firstRow; row < sheet.firstRow + titleRows && row <= sheet.lastRow; row++) {
    const texts = new Set<string>();
    for (let column = sheet.firstColumn; column <= sheet.lastColumn; column++) {
      const text = cellText(sheet.value(row, column));
      if (text !== '') texts.add(text);
    }
    if (texts.size !== 1) continue;
    const [text] = texts;
    if (text.length < 4) continue;
    const meaning = nameMeaning(text);
    if (meaning.keys.length === 1) return { key: meaning.keys[0], reason: `标题“${text}”${meaning.reason.replace(/^名称/u, '')}` };
  }
  return null;
}

/** Fewer header cells than this say too little of a topic to read a sheet as it. */
const leastFields = 3;

/**
 * The one topic whose header the sheet holds: every field it requires (but those its records' words
 * may give) and three at least; null when none or several fit equally.
 */
export function columnsTopic(sheet: SheetReader, custom: ReadonlyMap<RecordSheetKey, ReadonlyMap<string, string>>): SheetTopic | null {
  const fits: Array<{ key: RecordSheetKey; headers: string[] }> = [];
  for (const key of recordSheetKeys) {
    const fields = fieldsOf(recordSheets[key].schema);
    const header = findHeader(sheet, fields, custom.get(key) ?? new Map()).header;
    if (!header || header.columns.size < leastFields) continue;
    const derivable = derivableFields(key);
    if (!fields.every((f) => !f.required || header.columns.has(f.name) || derivable.includes(f.name))) continue;
    fits.push({ key, headers: [...header.found.values()].map((f) => f.text) });
  }
  const most = Math.max(0, ...fits.map((f) => f.headers.length));
  const best = fits.filter((f) => f.headers.length === most);
  if (best.length !== 1) return null;
  return { key: best[0].key, reason: `表头含“${best[0].headers.join('”“')}”` };
}
