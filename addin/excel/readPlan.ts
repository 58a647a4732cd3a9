/**
 * How the adapter cuts a workbook into reads and glues the answers back into the core's grids. Pure,
 * so the cutting is tested without a host.
 */
import { columnNumber } from '../../ledger/grid/address';
import type { CellValue, MergedRange, SheetGrid } from '../../ledger/grid/types';

/** A used range as Office.js describes it: 0-based indexes and sizes. */
export interface UsedArea {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export interface BlockData {
  values: CellValue[][];
  numberFormat: string[][];
  /** RangeAreas address of the block's merged areas, or null when it has none. */
  mergedAddress: string | null;
}

/**
 * Rows per read: each read stays far below Excel's 5,000,000-cell cap and the web client's 5 MB
 * answer, and a year's ledger (a few thousand rows at most) is one block per sheet.
 */
export const blockLimits = { maxCells: 100_000, maxRows: 5_000 };

export function rowBlocks(area: UsedArea, limits = blockLimits): UsedArea[] {
  const rows = Math.max(1, Math.min(limits.maxRows, Math.floor(limits.maxCells / Math.max(1, area.columnCount))));
  const blocks: UsedArea[] = [];
  for (let start = 0; start < area.rowCount; start += rows) {
    blocks.push({ ...area, rowIndex: area.rowIndex + start, rowCount: Math.min(rows, area.rowCount - start) });
  }
  return blocks;
}

function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

const areaPattern = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/iu;

/** `Sheet1!A1:C1, 'My sheet'!A5:B6` → merged ranges in 1-based coordinates. */
export function parseAreasAddress(address: string): MergedRange[] {
  const ranges: MergedRange[] = [];
  for (const part of splitAreas(address)) {
    const m = areaPattern.exec(part.slice(part.lastIndexOf('!') + 1));
    if (!m) continue;
    const [top, left] = [Number(m[2]), columnNumber(m[1])];
    ranges.push({ top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? columnNumber(m[3]) : left });
  }
  return ranges;
}

const mergeKey = (m: MergedRange) => `${m.top},${m.left},${m.bottom},${m.right}`;

/**
 * Merged areas of all blocks of a sheet. A merge that crosses a block boundary may come back whole
 * from both blocks (kept once) or cut in two; the lower piece of a cut one starts on the boundary
 * with an empty top-left cell (only a merge's first cell holds its value), which is how it is told
 * apart from a merge of its own.
 */
function joinMerges(pieces: MergedRange[], boundaries: Set<number>, isEmptyAt: (row: number, column: number) => boolean): MergedRange[] {
  const unique = [...new Map(pieces.map((m) => [mergeKey(m), m])).values()];
  unique.sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  const joined: MergedRange[] = [];
  for (const m of unique) {
    const prev = joined[joined.length - 1];
    const continues =
      prev !== undefined &&
      prev.left === m.left &&
      prev.right === m.right &&
      prev.bottom + 1 === m.top &&
      boundaries.has(m.top) &&
      isEmptyAt(m.top, m.left);
    if (continues) prev.bottom = m.bottom;
    else joined.push({ ...m });
  }
  return joined.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** One sheet's grid from its used range and the blocks read from it, in order. */
export function assembleSheet(name: string, area: UsedArea | null, blocks: BlockData[]): SheetGrid {
  if (area === null) return { name, origin: { row: 1, column: 1 }, values: [], numberFormats: [], merges: [] };
  const origin = { row: area.rowIndex + 1, column: area.columnIndex + 1 };
  const values = blocks.flatMap((b) => b.values);
  const numberFormats = blocks.flatMap((b) => b.numberFormat);
  const boundaries = new Set<number>();
  let row = origin.row;
  for (const b of blocks) {
    boundaries.add(row);
    row += b.values.length;
  }
  const isEmptyAt = (r: number, c: number) => {
    const v = values[r - origin.row]?.[c - origin.column];
    return v === undefined || v === null || v === '';
  };
  const pieces = blocks.flatMap((b) => (b.mergedAddress ? parseAreasAddress(b.mergedAddress) : []));
  return { name, origin, values, numberFormats, merges: joinMerges(pieces, boundaries, isEmptyAt) };
}
