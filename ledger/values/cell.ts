import type { CellValue } from '../grid/types';
import { foldWidth } from '../text/fold';

const errorValue = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/u;

/** Excel's error values (`#REF!`, `#N/A`) reach us as text; they are never data. */
export function isErrorValue(value: CellValue): value is string {
  return typeof value === 'string' && errorValue.test(value);
}

/** Anything but white space; `\s` is the set `trim` removes. */
const visible = /\S/u;

export function isEmpty(value: CellValue): boolean {
  // Asked of every cell of a ledger: finding the first visible character spares trimming long text.
  return value === null || (typeof value === 'string' && !visible.test(value));
}

/** The text a clerk sees in a cell, for messages and text fields. */
export function displayText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** Trimmed, width-folded text of a cell. */
export function cellText(value: CellValue): string {
  return foldWidth(displayText(value)).trim();
}
