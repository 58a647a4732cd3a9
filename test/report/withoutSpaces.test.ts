/**
 * The report's space remover, rewritten without a lookbehind (WebKit before Safari 16.4 refuses one,
 * and the pane carries this code): on random text it removes exactly what the lookbehind form did.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutSpaces } from '../../generator/report/build/text';

/** The former pattern, which Node's engine still runs: the reference. */
const byLookbehind = (text: string) =>
  text.replace(/(?<=[\p{Script=Han}“”（）：，。；])[ \t]+|[ \t]+(?=[\p{Script=Han}“”（）：，。；])/gu, '');

describe('withoutSpaces', () => {
  it('drops the spaces beside Chinese text and keeps those between Latin words and figures', () => {
    expect(withoutSpaces('于 2026年7月10日 召开， 共 12 人 参加')).toBe('于2026年7月10日召开，共12人参加');
    expect(withoutSpaces('Excel 2019 与 WPS')).toBe('Excel 2019与WPS');
  });

  it('removes what the lookbehind form removed, on random text (seeded)', () => {
    const piece = fc.constantFrom('汉', '字', 'a', 'B', '1', ' ', '  ', '\t', '“', '”', '（', '）', '：', '，', '。', '；', '-');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const text = pieces.join('');
        expect(withoutSpaces(text)).toBe(byLookbehind(text));
      }),
      { seed: 21, numRuns: 5000 },
    );
  });
});
