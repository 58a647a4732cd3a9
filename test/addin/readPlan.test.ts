import { describe, expect, it } from 'vitest';
import { assembleSheet, mergeBands, mergeSeams, rowBlocks, seamKey, spansSeam } from '../../addin/excel/readPlan';

describe('read plan', () => {
  it('cuts a used range into row blocks within the cell and row limits', () => {
    const area = { rowIndex: 2, columnIndex: 1, rowCount: 12_001, columnCount: 40 };
    const blocks = rowBlocks(area);
    expect(blocks.map((b) => b.rowCount)).toEqual([2500, 2500, 2500, 2500, 2001]);
    expect(blocks[1]).toEqual({ rowIndex: 2502, columnIndex: 1, rowCount: 2500, columnCount: 40 });
    expect(rowBlocks({ rowIndex: 0, columnIndex: 0, rowCount: 12_000, columnCount: 8 }).map((b) => b.rowCount)).toEqual([5000, 5000, 2000]);
    expect(rowBlocks({ rowIndex: 0, columnIndex: 0, rowCount: 3, columnCount: 500_000 }).map((b) => b.rowCount)).toEqual([1, 1, 1]);
  });

  it('cuts a block into full-width bands of at most 512 cells for its merged areas', () => {
    const bands = mergeBands({ rowIndex: 2, columnIndex: 1, rowCount: 1_000, columnCount: 8 });
    expect(bands.map((b) => b.rowCount)).toEqual([64, ...Array<number>(14).fill(64), 40]);
    expect(bands.every((b) => b.rowCount * b.columnCount <= 512 && b.columnIndex === 1 && b.columnCount === 8)).toBe(true);
    expect(mergeBands({ rowIndex: 0, columnIndex: 0, rowCount: 3, columnCount: 600 }).map((b) => b.rowCount)).toEqual([1, 1, 1]);
  });

  it('glues blocks, joining pieces at a seam Excel showed as one merge and no others', () => {
    const area = { rowIndex: 0, columnIndex: 0, rowCount: 4, columnCount: 2 };
    const formats = [
      ['General', 'General'],
      ['General', 'General'],
    ];
    const blocks = [
      {
        values: [
          ['a', 'x'],
          ['b', ''],
        ],
        numberFormat: formats,
        merges: [
          { top: 1, left: 2, bottom: 2, right: 2 },
          { top: 2, left: 1, bottom: 2, right: 1 },
        ],
      },
      {
        values: [
          ['', ''],
          ['c', ''],
        ],
        numberFormat: formats,
        merges: [
          { top: 3, left: 1, bottom: 3, right: 1 },
          { top: 3, left: 2, bottom: 4, right: 2 },
        ],
      },
    ];
    const seams = mergeSeams(area, blocks);
    expect(seams).toEqual([
      { row: 2, left: 1, right: 1 },
      { row: 2, left: 2, right: 2 },
    ]);
    // Asked again, the two rows of column A came back as one merge; those of column B as two.
    expect(spansSeam(seams[0], [{ top: 2, left: 1, bottom: 3, right: 1 }])).toBe(true);
    expect(spansSeam(seams[1], [{ top: 3, left: 2, bottom: 4, right: 2 }])).toBe(false);
    const sheet = assembleSheet('表', area, blocks, new Set([seamKey(seams[0])]));
    expect(sheet.values).toEqual([
      ['a', 'x'],
      ['b', ''],
      ['', ''],
      ['c', ''],
    ]);
    expect(sheet.merges).toEqual([
      { top: 1, left: 2, bottom: 2, right: 2 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 3, left: 2, bottom: 4, right: 2 },
    ]);
  });

  it('keeps a merge that comes back whole from both blocks once', () => {
    const area = { rowIndex: 9, columnIndex: 2, rowCount: 2, columnCount: 1 };
    const sheet = assembleSheet('表', area, [
      { values: [['a']], numberFormat: [['General']], merges: [{ top: 10, left: 3, bottom: 11, right: 3 }] },
      { values: [['']], numberFormat: [['General']], merges: [{ top: 10, left: 3, bottom: 11, right: 3 }] },
    ]);
    expect(sheet.origin).toEqual({ row: 10, column: 3 });
    expect(sheet.merges).toEqual([{ top: 10, left: 3, bottom: 11, right: 3 }]);
  });

  it('gives an empty sheet an empty grid', () => {
    expect(assembleSheet('空', null, [])).toEqual({ name: '空', origin: { row: 1, column: 1 }, values: [], numberFormats: [], merges: [] });
  });
});
