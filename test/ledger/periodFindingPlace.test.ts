/**
 * Where a requirement's shortfall stands: it has no record cell, so it points at the first cell of its
 * sheet's header row, whatever stands above (a title, a unit line), never at the title in A1.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { ofRules } from '../helpers/ledgerCases';
import { validateLedger } from '../helpers/ledgerWorkbook';

const aboveLines = ['2026年度意识形态工作台账', '填报单位：县测试局', '（按时间顺序填写）', '单位：次'];

describe('a period finding', () => {
  it('points at the header row of its sheet, below any title rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), async (above) => {
        const ledger = compliantLedger();
        ledger.专题研究.rows = ledger.专题研究.rows.slice(1);
        ledger.专题研究.above = aboveLines.slice(0, above);
        const result = await validateLedger(ledger, yearClosed);
        const r01 = ofRules(result, 'R01');
        expect(r01.length).toBeGreaterThan(0);
        for (const f of r01) expect(`${f.sheet}!${f.cell} ${f.row} ${f.column}`).toBe(`专题研究!A${above + 1} ${above + 1} A`);
      }),
      { numRuns: 4, seed: 21 },
    );
  });

  it('stays at A1 where the header row is the first row', async () => {
    const ledger = compliantLedger();
    ledger.专题研究.rows = ledger.专题研究.rows.slice(1);
    const result = await validateLedger(ledger, yearClosed);
    expect(ofRules(result, 'R01').map((f) => `${f.sheet}!${f.cell}`)).toEqual(['专题研究!A1', '专题研究!A1']);
  });
});
