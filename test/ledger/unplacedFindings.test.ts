import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LedgerRecord } from '../../ledger/model';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';

/**
 * Issue 19 §1: each 未能归类 row is an info finding (D10) at its own row saying what was missing. Over every
 * workbook of the variety set (its layouts and wordings drawn at random from seeds), the D10 findings of a
 * sheet fall one to a row, on exactly as many rows as the sheet's account counts 未能归类, and each on a row
 * the reader did not take as an understood record.
 */
const dir = 'test/fixtures/registers';
const workbooks = readdirSync(dir)
  .filter((f) => f.endsWith('.xlsx'))
  .sort();

describe('every 未能归类 row has its D10 finding (issue 19 §1)', () => {
  it('the set is read whole', () => {
    expect(workbooks.length).toBeGreaterThanOrEqual(30);
  });

  for (const file of workbooks) {
    it(`${file}: the D10 rows of each sheet are its 未能归类 rows`, async () => {
      const result = validateGrid(await readWorkbookFile(`${dir}/${file}`), { asOf: '2027-01-20' });
      const { ledger } = result;
      const records = Object.values(ledger.records).flat() as LedgerRecord[];
      const gotten = ledger.account.map((a) => {
        const d10 = result.findings.filter((f) => f.rule === 'D10' && f.sheet === a.sheet).map((f) => f.row);
        const notUnderstood = d10.filter(
          (row) =>
            ledger.unplaced.some((u) => u.sheet === a.sheet && u.row === row) ||
            records.some((r) => r.sheet === a.sheet && r.row === row && (r.unread?.length ?? 0) > 0),
        );
        return { sheet: a.sheet, unplaced: a.unplaced, d10Rows: new Set(d10).size, d10: d10.length, notUnderstood: notUnderstood.length };
      });
      const wanted = ledger.account.map((a) => ({
        sheet: a.sheet,
        unplaced: a.unplaced,
        d10Rows: a.unplaced,
        d10: a.unplaced,
        notUnderstood: a.unplaced,
      }));
      expect(gotten).toEqual(wanted);
    });
  }
});
