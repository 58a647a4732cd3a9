import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hoursBetween } from '../../ledger/values/date';

/** `2026-03-05T14:30:00`, as isoDateTime writes it. */
const isoDateTime = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 19));

describe('hoursBetween', () => {
  it('counts the hours Date.parse counts, on UTC, for any two ISO date-times from year 1 to 9999', () => {
    fc.assert(
      fc.property(isoDateTime, isoDateTime, (from, to) => {
        expect(hoursBetween(from, to)).toBe((Date.parse(`${to}Z`) - Date.parse(`${from}Z`)) / 3_600_000);
      }),
      { numRuns: 2000 },
    );
  });
});
