import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkbookGrid } from '../../ledger/grid/types';
import { readWorkbookBytes } from '../../ledger/read/portable';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { snapshotWorkbooks } from '../fixtures/snapshotWorkbooks';

/**
 * The grids of every real workbook the project has, as the reader gave them at c4c145c before its
 * rewrite (test/fixtures/reader-grids.json), with the deliberate corrections of issue 11 applied to
 * that old output; nothing else may differ, in Node (zlib) or with the browser's unzipper (fflate).
 */
const root = join(import.meta.dirname, '../..');
const snapshot = JSON.parse(readFileSync(join(root, 'test/fixtures/reader-grids.json'), 'utf8')) as Record<string, WorkbookGrid>;

/** Built-in format 22 is `m/d/yy h:mm` (ECMA-376 Part 1, 18.8.30); the old reader quoted the h. */
function corrected(grid: WorkbookGrid): WorkbookGrid {
  const format = (code: string) => (code === 'm/d/yy "h":mm' ? 'm/d/yy h:mm' : code);
  return { ...grid, sheets: grid.sheets.map((s) => ({ ...s, numberFormats: s.numberFormats.map((row) => row.map(format)) })) };
}

describe('the grids are what the reader gave before its rewrite', () => {
  for (const path of snapshotWorkbooks) {
    it(`${path} in Node and with the browser's unzipper`, async () => {
      const expected = corrected(snapshot[path]);
      expect(await readWorkbookFile(join(root, path))).toEqual(expected);
      expect(await readWorkbookBytes(new Uint8Array(readFileSync(join(root, path))), basename(path))).toEqual(expected);
    });
  }

  it('the snapshot holds every workbook it names, and format 22 where openpyxl wrote it', () => {
    expect(Object.keys(snapshot)).toEqual(snapshotWorkbooks);
    expect(JSON.stringify(snapshot['test/fixtures/openpyxl-ledger.xlsx'])).toContain('m/d/yy \\"h\\":mm');
  });
});
