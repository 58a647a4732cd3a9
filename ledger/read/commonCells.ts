import type { CellValue } from '../grid/types';
import { cellFormat, cellValue } from './cellValue';
import { excelMaxColumn, excelMaxRow } from './limits';
import type { SheetCells } from './sheetCells';
import { tagEnd } from './xml';

const space = 32;
const quote = 34;
const slash = 47;
const equals = 61;
const gt = 62;
const lt = 60;
const codes = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
const endC = codes('</c>');
const startV = codes('<v>');
const endVC = codes('</v></c>');
const rowSpace = codes('ow ');
const rowEnd = codes('row>');

/** `text`, given by its character codes, stands at `at`: cheaper than `startsWith`, which V8 does not inline. */
function follows(xml: string, at: number, text: readonly number[]): boolean {
  for (let i = 0; i < text.length; i++) if (xml.charCodeAt(at + i) !== text[i]) return false;
  return true;
}

/**
 * The fast path through `<sheetData>`: rows and cells in the exact forms Excel, WPS and openpyxl write —
 * `<row r="2" …>`, `<c r="B2" s="3" t="s"><v>12</v></c>`, `<c r="B2" s="3"/>`, `</row>` — read with
 * character tests and no string made per cell (a shared string's index and a whole number are read as
 * digits). It stops, having changed nothing, at the first element it is not sure of (a formula, an inline
 * string, a prefix, an entity, other quotes or spacing, an address or index it would refuse) and returns
 * where that element starts, for the scanner to read the general way (worksheet.ts);
 * test/hostile/fastPaths.test.ts holds the two to the same grids.
 */
export function readCommonCells(xml: string, from: number, cells: SheetCells): number {
  for (let pos = from; ;) {
    // Elements mostly follow one another with nothing between.
    const open = xml.charCodeAt(pos) === lt ? pos : xml.indexOf('<', pos);
    if (open < 0) return pos;
    const c = xml.charCodeAt(open + 1);
    let end = -1;
    if (c === 99 && xml.charCodeAt(open + 2) === space) end = commonCell(xml, open + 3, cells);
    else if (c === 114 && follows(xml, open + 2, rowSpace)) end = commonRow(xml, open + 5, cells);
    else if (c === slash && follows(xml, open + 2, rowEnd)) end = open + 6;
    if (end < 0) return open;
    pos = end;
  }
}

/** Digits from `at` as a number, and where they end, in `digits`: at most `most` of them, else none. */
const digits = { value: 0, end: 0 };
function readDigits(xml: string, at: number, most: number): boolean {
  let value = 0;
  let i = at;
  for (let c = xml.charCodeAt(i); c >= 48 && c <= 57; c = xml.charCodeAt(++i)) value = value * 10 + (c - 48);
  digits.value = value;
  digits.end = i;
  return i > at && i - at <= most;
}

/** `<row r="2"…>` from just after `<row `: the row's number, whatever other attributes follow. */
function commonRow(xml: string, at: number, cells: SheetCells): number {
  if (xml.charCodeAt(at) !== 114 || xml.charCodeAt(at + 1) !== equals || xml.charCodeAt(at + 2) !== quote) return -1;
  if (!readDigits(xml, at + 3, 9) || xml.charCodeAt(digits.end) !== quote) return -1;
  const r = digits.value;
  const end = tagEnd(xml, digits.end + 1);
  if (end < 0) return -1;
  cells.row = r > 0 ? r : cells.row + 1;
  cells.column = 0;
  return end + 1;
}

/** `<c r="B2" s="3" t="s"><v>12</v></c>` and its plainer forms, from just after `<c `. */
function commonCell(xml: string, at: number, cells: SheetCells): number {
  if (xml.charCodeAt(at) !== 114 || xml.charCodeAt(at + 1) !== equals || xml.charCodeAt(at + 2) !== quote) return -1;
  let i = at + 3;
  let column = 0;
  for (let c = xml.charCodeAt(i); c >= 65 && c <= 90; c = xml.charCodeAt(++i)) column = column * 26 + (c - 64);
  if (i === at + 3 || i > at + 6 || column > excelMaxColumn) return -1;
  if (!readDigits(xml, i, 7) || xml.charCodeAt(digits.end) !== quote) return -1;
  const row = digits.value;
  if (row < 1 || row > excelMaxRow) return -1;
  i = digits.end + 1;

  let style = -1;
  let typeStart = -1;
  let typeEnd = -1;
  while (xml.charCodeAt(i) === space) {
    const name = xml.charCodeAt(i + 1);
    if (xml.charCodeAt(i + 2) !== equals || xml.charCodeAt(i + 3) !== quote) return -1;
    i += 4;
    if (name === 115 && style < 0) {
      if (!readDigits(xml, i, 9)) return -1;
      style = digits.value;
      i = digits.end;
    } else if (name === 116 && typeStart < 0) {
      typeStart = i;
      for (let c = xml.charCodeAt(i) | 0x20; c >= 97 && c <= 122; c = xml.charCodeAt(++i) | 0x20);
      if (i === typeStart || i - typeStart > 9) return -1;
      typeEnd = i;
    } else return -1;
    if (xml.charCodeAt(i) !== quote) return -1;
    i++;
  }

  let end: number;
  let rawStart = -1;
  let rawEnd = -1;
  let whole = true;
  let n = 0;
  if (xml.charCodeAt(i) === slash && xml.charCodeAt(i + 1) === gt) end = i + 2;
  else if (xml.charCodeAt(i) !== gt) return -1;
  else if (follows(xml, i + 1, endC)) end = i + 5;
  else if (follows(xml, i + 1, startV)) {
    rawStart = i + 4;
    let k = rawStart;
    for (let c = xml.charCodeAt(k); c !== lt; c = xml.charCodeAt(++k)) {
      if (c >= 48 && c <= 57) n = n * 10 + (c - 48);
      // Entities and carriage returns are the scanner's to read; NaN is the part's end.
      else if (c === 38 || c === 13 || c !== c) return -1;
      else whole = false;
    }
    rawEnd = k;
    if (!follows(xml, rawEnd, endVC)) return -1;
    end = rawEnd + 8;
  } else return -1;

  // Without a `<v>`, a cell of any type holds nothing and only moves the position.
  if (rawStart < 0) {
    cells.row = row;
    cells.column = column;
    return end;
  }
  const length = rawEnd - rawStart;
  whole = whole && length > 0;
  const shared = typeEnd - typeStart === 1 && xml.charCodeAt(typeStart) === 115;
  const ctx = cells.ctx;
  let type: string | null = null;
  let value: CellValue;
  if (shared && whole && length <= 9) {
    const text = ctx.strings[n];
    // A missing string is damage, told in the scanner's words.
    if (text === undefined) return -1;
    type = 's';
    value = text;
  } else if (typeStart < 0 && whole && length <= 15) value = n;
  else {
    type = typeStart < 0 ? null : shared ? 's' : xml.slice(typeStart, typeEnd);
    value = cellValue(type, xml.slice(rawStart, rawEnd), null, ctx, cells.name, row, column);
  }
  cells.row = row;
  cells.column = column;
  if (value !== null) cells.put(value, cellFormat(ctx, style, type, value));
  return end;
}
