import type { CellValue, SheetGrid } from '../grid/types';

/**
 * Cell access in Excel coordinates over a grid, with merged cells reading as their top-left cell for
 * every row and column they span.
 */
export interface SheetReader {
  name: string;
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
  value(row: number, column: number): CellValue;
  format(row: number, column: number): string;
}

const key = (row: number, column: number) => row * 20000 + column;

export function sheetReader(grid: SheetGrid): SheetReader {
  const { origin, values, numberFormats } = grid;
  const lastRow = origin.row + values.length - 1;
  let width = 0;
  for (const r of values) if (r.length > width) width = r.length;
  const lastColumn = origin.column + width - 1;
  // Only cells inside the grid can be read, so a merge is expanded no further than the grid reaches,
  // however large its declared range.
  const mergedFrom = new Map<number, [number, number]>();
  // Most rows of a ledger cross no merge, and this spares their cells the lookup.
  const crossesMerge = new Uint8Array(values.length);
  for (const m of grid.merges) {
    for (let row = m.top; row <= Math.min(m.bottom, lastRow); row++) {
      if (row >= origin.row) crossesMerge[row - origin.row] = 1;
      for (let column = m.left; column <= Math.min(m.right, lastColumn); column++) {
        if (row !== m.top || column !== m.left) mergedFrom.set(key(row, column), [m.top, m.left]);
      }
    }
  }
  // Called for every cell of a large ledger, so it returns the grid's own cell rather than a new pair.
  const read = <T>(cells: ReadonlyArray<ReadonlyArray<T>>, row: number, column: number): T | undefined => {
    const master = crossesMerge[row - origin.row] === 1 ? mergedFrom.get(key(row, column)) : undefined;
    return master ? cells[master[0] - origin.row]?.[master[1] - origin.column] : cells[row - origin.row]?.[column - origin.column];
  };
  return {
    name: grid.name,
    firstRow: origin.row,
    lastRow,
    firstColumn: origin.column,
    lastColumn,
    value: (row, column) => read(values, row, column) ?? null,
    format: (row, column) => read(numberFormats, row, column) ?? '',
  };
}
