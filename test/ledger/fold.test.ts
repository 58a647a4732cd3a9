import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCompact, foldWidth } from '../../ledger/text/fold';

const inRange = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCharCode(c));

/**
 * Characters around the edges of foldWidth's fast path: ASCII and its whitespace, the CJK ideographs,
 * CJK punctuation and the ideographic space, quotes, full-width forms and their neighbours, combining
 * marks (which compose with what precedes them), lone surrogates, then any unicode at all.
 */
const edgeChar = fc.oneof(
  inRange(0x00, 0x7f),
  fc.constantFrom('\t', '\n', '\r', ' ', '\u00a0', '\u3000', '\ufeff', '\u2028'),
  inRange(0x4df0, 0x4e10),
  inRange(0x4e00, 0x9fff),
  inRange(0x9ff0, 0xa010),
  inRange(0x2000, 0x2030),
  inRange(0x3000, 0x3020),
  inRange(0xff00, 0xff70),
  inRange(0x0300, 0x0310),
  inRange(0x3099, 0x309c),
  inRange(0xd800, 0xdfff),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const text = fc.oneof(fc.string({ unit: edgeChar, maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));

describe('foldWidth and foldCompact', () => {
  it('fold as NFKC does, the compact form without whitespace', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(foldWidth(s)).toBe(s.normalize('NFKC'));
        expect(foldCompact(s)).toBe(s.normalize('NFKC').replace(/\s+/gu, ''));
      }),
      { numRuns: 5000 },
    );
  });

  it('fold full-width forms and the ideographic space', () => {
    expect(foldWidth('（一）２０２６年Ｑ３\u3000第１党支部')).toBe('(一)2026年Q3 第1党支部');
    expect(foldCompact(' 第一 党支部\u3000\n（必填）')).toBe('第一党支部(必填)');
    expect(foldWidth('e\u0301')).toBe('é');
  });
});
