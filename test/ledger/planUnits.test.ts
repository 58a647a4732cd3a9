import { describe, expect, it } from 'vitest';
import { placing, type WorkSheetKey } from '../../ledger/check/placing';
import type { ValidationResult } from '../../ledger/model';
import { recordSheets } from '../../ledger/schema/sheets';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { addColumn, ruleStatus } from '../helpers/ledgerCases';
import { validateLedger, type TestLedger } from '../helpers/ledgerWorkbook';
import { defaultPlanRows, planSheet, planSheetTitle } from '../helpers/planSheet';

/** Each unit's count for the year of a requirement judged per unit. */
function countsByUnit(result: ValidationResult, id: string): Record<string, number> {
  return Object.fromEntries(ruleStatus(result, id).periods.map((p) => [p.unit, p.actual]));
}

const unitSheets = (Object.keys(placing) as WorkSheetKey[]).filter((k) => placing[k].unit !== undefined);

describe('a bureau’s own requirement per unit', () => {
  for (const key of unitSheets) {
    const title = recordSheets[key].title;
    const field = placing[key].unit!;
    it(`counts a ${title} record for every unit its ${field} names`, async () => {
      /** The ledger with one more record, a copy of the sheet's last one, for `units`. */
      const ledger = (units: string | null): TestLedger => {
        const l = compliantLedger();
        const sheet = l[title];
        if (!sheet.headers.includes(field)) addColumn(l, title, field);
        if (units !== null) {
          const copy = [...sheet.rows.at(-1)!];
          copy[sheet.headers.indexOf(field)] = units;
          sheet.rows.push(copy);
        }
        l[planSheetTitle] = planSheet([['本局1', '', title, '', '年', '股室，党支部', 1, '']]);
        return l;
      };
      const before = countsByUnit(await validateLedger(ledger(null), yearClosed), '本局1');
      const result = await validateLedger(ledger('业务股、第一党支部'), yearClosed);
      const after = countsByUnit(result, '本局1');
      // A list of units of 组织架构 names units it has: no D06.
      expect(result.findings.filter((f) => f.rule === 'D06')).toEqual([]);
      expect(Object.keys(after).sort()).toEqual(['业务股', '办公室', '第一党支部'].sort());
      expect(after).toEqual({ ...before, 业务股: before.业务股 + 1, 第一党支部: before.第一党支部 + 1 });
    });
  }
});

describe('a bureau’s own requirement worded as a built-in', () => {
  for (const row of defaultPlanRows().filter((r) => r[0] !== 'R06')) {
    const id = String(row[0]);
    it(`is judged as ${id} is: its periods, and info before each is due, error after`, async () => {
      const l = compliantLedger();
      // Something to say in every period: the sheet's records gone.
      l[String(row[2])].rows = [];
      l[planSheetTitle] = planSheet([['本局1', ...row.slice(1)]]);
      for (const asOf of ['2026-05-10', '2026-07-20', yearClosed]) {
        const result = await validateLedger(l, asOf);
        const own = ruleStatus(result, '本局1').periods;
        // R01 alone adds its mid-year checkpoint, a warning of its own besides the count.
        const checkpoint = (p: { period: string }) => id === 'R01' && p.period.endsWith('H1');
        const builtIn = ruleStatus(result, id).periods.filter((p) => !checkpoint(p));
        expect(own).toEqual(builtIn);
        const said = (rule: string) =>
          result.findings
            .filter((f) => f.rule === rule && !(rule === 'R01' && f.message.includes('上半年')))
            .map((f) => `${f.severity} ${f.sheet}!${f.cell}`);
        expect(said('本局1')).toEqual(said(id));
        expect(said('本局1').length).toBeGreaterThan(0);
      }
    });
  }
});
