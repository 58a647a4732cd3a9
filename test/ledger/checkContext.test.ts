import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoYear } from '../../ledger/check/context';

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
