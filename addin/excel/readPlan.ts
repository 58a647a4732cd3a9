/**
 * How the adapter cuts a workbook into reads and glues the answers back into the core's grids. Pure,
 * so the cutting is tested without a host.
 */
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
  /** Merged areas Excel reported for the block's bands, 1-based; a merge may come back more than once. */
  merges: MergedRange[];
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

/**
 * `getMergedAreasOrNullObject` "will fail to return the result" above 512 merged areas in its range
 * (Range reference, learn.microsoft.com). Merged areas are disjoint and each touches at least one
 * cell of any range it is counted in, so a range of at most 512 cells can never hold more, whichever
 * merges Excel counts: those that touch the range, or only those whose top-left cell lies in it
 * (OfficeDev/office-js #3611).
 */
export const mergedAreaLimit = 512;

/** The block cut into full-width bands of at most `mergedAreaLimit` cells, each asked for its merges. */
export function mergeBands(block: UsedArea): UsedArea[] {
  return rowBlocks(block, { maxCells: mergedAreaLimit, maxRows: mergedAreaLimit });
}

const mergeKey = (m: MergedRange) => `${m.top},${m.left},${m.bottom},${m.right}`;

/**
 * Merged areas of all blocks of a sheet. Excel returns a merge whole from the band holding its
 * top-left cell (#3611); the documentation does not say so, so the reader also takes a merge that
 * comes back from several bands (kept once) or cut at a band's edge. The lower piece of a cut one
 * starts on the boundary with an empty top-left cell (only a merge's first cell holds its value),
 * which is how it is told apart from a merge of its own.
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
    for (const band of mergeBands({
      rowIndex: row - 1,
      columnIndex: area.columnIndex,
      rowCount: b.values.length,
      columnCount: area.columnCount,
    }))
      boundaries.add(band.rowIndex + 1);
    row += b.values.length;
  }
  const isEmptyAt = (r: number, c: number) => {
    const v = values[r - origin.row]?.[c - origin.column];
    return v === undefined || v === null || v === '';
  };
  const pieces = blocks.flatMap((b) => b.merges);
  return { name, origin, values, numberFormats, merges: joinMerges(pieces, boundaries, isEmptyAt) };
}
