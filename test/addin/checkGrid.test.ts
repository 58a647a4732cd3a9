import { describe, expect, it } from 'vitest';
import { checkGrid } from '../../addin/pane/checkGrid';
import { LedgerReadError, NotALedgerError } from '../../ledger/errors';
import { readWorkbookBytes } from '../../ledger/read/portable';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';
import { unrecognisedName, unrecognisedWorkbook } from '../helpers/unrecognisedWorkbook';

const asOf = '2026-07-20';

describe('a grid checked for the pane and the page', () => {
  it('gives the 对应关系 alone, every sheet listed, where no ledger sheet is recognised', async () => {
    const grid = await readWorkbookBytes(await unrecognisedWorkbook(), unrecognisedName);
    // The CLI's error stays what it was: an unreadable ledger, pointing at taizhang map.
    expect(() => validateGrid(grid, { asOf })).toThrow(NotALedgerError);
    expect(() => validateGrid(grid, { asOf })).toThrow(LedgerReadError);
    expect(() => validateGrid(grid, { asOf })).toThrow(/taizhang map/u);
    const check = checkGrid(grid, asOf);
    if (check.kind !== 'unrecognised') throw new Error(`expected unrecognised, got ${check.kind}`);
    expect(check.mapped.workbook).toBe(unrecognisedName);
    expect(check.mapped.year).toBe(2026);
    expect(check.mapped.map.sheets.map((s) => s.sheet)).toEqual(['Sheet1', 'Sheet2']);
    // Sheet1's columns look like records of some topic: offered as a guess for the clerk to confirm.
    expect(check.mapped.map.suggestions.map((s) => s.key)).toEqual(['表名映射']);
    expect(check.mapped.map.sheets.find((s) => s.sheet === 'Sheet2')?.topic).toBeNull();
  });

  it('gives the result and its 对应关系 for a ledger', async () => {
    const check = checkGrid(await readWorkbookFile('templates/示例台账.xlsx'), asOf);
    if (check.kind !== 'checked') throw new Error(`expected checked, got ${check.kind}`);
    expect(check.result.rules.length).toBeGreaterThan(0);
    expect(check.result.map.sheets.length).toBeGreaterThan(0);
  });
});
