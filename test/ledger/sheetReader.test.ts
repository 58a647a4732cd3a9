import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue, MergedRange, SheetGrid } from '../../ledger/grid/types';
import { sheetReader } from '../../ledger/normalise/sheetReader';

/** What a merged cell reads as, worked out the slow way: the last merge declared over it wins, as in the reader. */
function expected(grid: SheetGrid, row: number, column: number): CellValue {
  let [r, c] = [row, column];
  const lastRow = grid.origin.row + grid.values.length - 1;
  const width = Math.max(0, ...grid.values.map((v) => v.length));
  const lastColumn = grid.origin.column + width - 1;
  for (const m of grid.merges) {
    const inside = row >= m.top && row <= Math.min(m.bottom, lastRow) && column >= m.left && column <= Math.min(m.right, lastColumn);
    if (inside && (row !== m.top || column !== m.left)) [r, c] = [m.top, m.left];
  }
  return grid.values[r - grid.origin.row]?.[c - grid.origin.column] ?? null;
}

const merge = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }))
  .map(([top, left, down, across]): MergedRange => ({ top, left, bottom: top + down, right: left + across }));

/** Grids as the add-in's adapter hands them over too: starting where the used range starts, not at A1. */
const grid = fc
  .record({
    origin: fc.record({ row: fc.integer({ min: 1, max: 4 }), column: fc.integer({ min: 1, max: 3 }) }),
    values: fc.array(fc.array(fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 3 })), { maxLength: 5 }), { maxLength: 6 }),
    merges: fc.array(merge, { maxLength: 4 }),
  })
  .map((g): SheetGrid => ({ name: '表', numberFormats: g.values.map((r) => r.map(() => '')), ...g }));

describe('sheetReader', () => {
  it('reads every cell, merged or not, inside the grid or around it, as the merges say', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const sheet = sheetReader(g);
        for (let row = 0; row <= 12; row++) {
          for (let column = 0; column <= 10; column++) expect(sheet.value(row, column)).toEqual(expected(g, row, column));
        }
      }),
      { numRuns: 500 },
    );
  });
});
