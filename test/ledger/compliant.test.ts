import { describe, expect, it } from 'vitest';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { validateLedger } from '../helpers/ledgerWorkbook';

describe('a ledger that meets the plan', () => {
  it('has no findings once the year is closed, and every requirement is met', async () => {
    const result = await validateLedger(compliantLedger(), yearClosed);
    expect(result.findings).toEqual([]);
    expect(result.rules.map((r) => r.id)).toEqual([
      'R01',
      'R02',
      'R03',
      'R04',
      'R05',
      'R06',
      'R07',
      'R08',
      'R09',
      'R10',
      'R11',
      'R12',
      'R13',
      'R14',
      'R15',
      'R16',
      'R17',
      'R18',
      'R19',
    ]);
    expect(result.rules.filter((r) => r.status !== '达标')).toEqual([]);
    expect(result.unit).toBe('县测试局');
    expect(result.year).toBe(2026);
  });

  it('reads every record of every sheet', async () => {
    const { ledger } = await validateLedger(compliantLedger(), yearClosed);
    const counts = Object.fromEntries(Object.entries(ledger.records).map(([k, v]) => [k, v.length]));
    expect(counts).toEqual({
      organization: 5,
      research: 2,
      analysis: 5,
      notification: 2,
      inspection: 4,
      branchReport: 4,
      training: 2,
      lecture: 1,
      opinion: 1,
      review: 3,
      accountability: 0,
    });
    expect(ledger.records.opinion[0].data.发现时间).toBe('2026-05-12T09:30:00');
    expect(ledger.records.branchReport[2].data).toMatchObject({ 所属半年: '2026H1', 汇报形式: '综合性工作总结' });
  });
});
