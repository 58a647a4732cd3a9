import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hoursBetween, isoYear } from '../../ledger/values/date';

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

const digitsThenAnything = fc
  .tuple(fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 5 }), fc.string({ maxLength: 6 }))
  .map(([digits, rest]) => digits + rest);

describe('isoYear', () => {
  it('reads the year as Number(iso.slice(0, 4)) does', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          digitsThenAnything,
          fc.string({ maxLength: 8 }),
          fc.constantFrom('2026-03-05', '0999-12-31T23:59:00', ' 202', '-202', '1e3x'),
        ),
        (s) => {
          expect(Object.is(isoYear(s), Number(s.slice(0, 4)))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
