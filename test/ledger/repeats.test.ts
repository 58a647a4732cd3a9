import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ledger, LedgerRecord } from '../../ledger/model';
import type { CheckContext } from '../../ledger/check/context';
import { D08 } from '../../ledger/check/rules/data';
import { recordSheetKeys } from '../../ledger/schema/sheets';

/** D08 as the rule reads: a record repeats the first earlier record of its sheet that stringifies the same. */
function naiveRepeats(records: readonly LedgerRecord[]): string[] {
  const first = new Map<string, number>();
  const repeats: string[] = [];
  for (const r of records) {
    const identity = JSON.stringify(r.data);
    const row = first.get(identity);
    if (row === undefined) first.set(identity, r.row);
    else repeats.push(`${r.row}=${row}`);
  }
  return repeats;
}

/** Few and similar values, so records repeat and differ only inside a text (same length and ends). */
const text = fc.constantFrom('研究部署网络意识形态阵地', '研究部署基层意识形态阵地', '研究', '', '2026-03-05', '2026-04-05');
const data = fc.dictionary(fc.constantFrom('研究内容', '会议名称', '会议日期'), fc.oneof(text, fc.constant(1), fc.constant(true)), {
  maxKeys: 3,
});

function contextOf(records: LedgerRecord[]): CheckContext {
  const all = Object.fromEntries(recordSheetKeys.map((key) => [key, key === 'research' ? records : []]));
  return {
    ledger: { records: all } as unknown as Ledger,
    asOf: '2027-01-20',
    year: 2026,
    graceDays: 15,
    settingPositions: new Map(),
    firstSheet: '',
  };
}

describe('D08 finds what comparing every record in full finds', () => {
  it('for records that repeat and nearly repeat', () => {
    fc.assert(
      fc.property(fc.array(data, { maxLength: 30 }), (datas) => {
        const records = datas.map(
          (d, i) => ({ sheet: '专题研究', row: i + 2, columns: { 会议日期: 1 }, data: d }) as unknown as LedgerRecord,
        );
        const found = D08(contextOf(records)).findings.map((f) => `${f.row}=${/与第(\d+)行/u.exec(f.message)?.[1]}`);
        expect(found).toEqual(naiveRepeats(records));
      }),
    );
  });
});
