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
 * Where a merge may have been cut by a band's edge: a piece ending on the row above a band's first row
 * and a piece of the same columns starting on it. Whether Excel returns a merge whole from the band
 * holding its top-left cell (OfficeDev/office-js #3611) or clipped to each band it touches is not
 * documented; under the first no merge is ever cut, under the second a cut merge and two merges that
 * meet at the edge give the same pieces. The reader asks Excel again about the two rows at each seam.
 */
export interface MergeSeam {
  /** 1-based: the upper piece's last row; the lower piece starts on the next. */
  row: number;
  left: number;
  right: number;
}

export const seamKey = (s: MergeSeam) => `${s.row},${s.left},${s.right}`;

/** The first rows (1-based) of the bands a sheet's blocks were asked in for their merges. */
function bandTops(area: UsedArea, blocks: readonly BlockData[]): Set<number> {
  const tops = new Set<number>();
  let row = area.rowIndex;
  for (const b of blocks) {
    for (const band of mergeBands({ ...area, rowIndex: row, rowCount: b.values.length })) tops.add(band.rowIndex + 1);
    row += b.values.length;
  }
  return tops;
}

/** Each merged area once, ordered by columns then rows, so pieces of one merge follow each other. */
function uniquePieces(blocks: readonly BlockData[]): MergedRange[] {
  const unique = [...new Map(blocks.flatMap((b) => b.merges).map((m) => [mergeKey(m), m])).values()];
  return unique.sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
}

/** The seams of a sheet's pieces at its bands' edges, for the reader to ask about. */
export function mergeSeams(area: UsedArea | null, blocks: readonly BlockData[]): MergeSeam[] {
  if (area === null) return [];
  const tops = bandTops(area, blocks);
  const pieces = uniquePieces(blocks);
  return pieces.flatMap((m, i) => {
    const next = pieces[i + 1];
    const meets = next !== undefined && next.left === m.left && next.right === m.right && next.top === m.bottom + 1;
    return meets && tops.has(next.top) ? [{ row: m.bottom, left: m.left, right: m.right }] : [];
  });
}

/**
 * Whether the answer for a seam's two rows shows one merge across them: clipped to the two rows, a cut
 * merge spans both; two merges that only meet there come back as two one-row areas, or (#3611) only the
 * lower one.
 */
export function spansSeam(seam: MergeSeam, areas: readonly MergedRange[]): boolean {
  return areas.some((a) => a.top <= seam.row && a.bottom >= seam.row + 1);
}

/** Merged areas of all blocks of a sheet, pieces at a seam Excel showed as one merge joined. */
function joinMerges(blocks: readonly BlockData[], joined: ReadonlySet<string>): MergedRange[] {
  const merged: MergedRange[] = [];
  for (const m of uniquePieces(blocks)) {
    const prev = merged[merged.length - 1];
    const continues =
      prev !== undefined &&
      prev.left === m.left &&
      prev.right === m.right &&
      prev.bottom + 1 === m.top &&
      joined.has(seamKey({ row: prev.bottom, left: m.left, right: m.right }));
    if (continues) prev.bottom = m.bottom;
    else merged.push({ ...m });
  }
  return merged.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** One sheet's grid from its used range and the blocks read from it, in order; `joined`: seams found to be one merge. */
export function assembleSheet(
  name: string,
  area: UsedArea | null,
  blocks: BlockData[],
  joined: ReadonlySet<string> = new Set(),
): SheetGrid {
  if (area === null) return { name, origin: { row: 1, column: 1 }, values: [], numberFormats: [], merges: [] };
  const origin = { row: area.rowIndex + 1, column: area.columnIndex + 1 };
  const values = blocks.flatMap((b) => b.values);
  const numberFormats = blocks.flatMap((b) => b.numberFormat);
  return { name, origin, values, numberFormats, merges: joinMerges(blocks, joined) };
}
