import { foldCompact } from '../text/fold';

const digit: Readonly<Record<string, number>> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const unit: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** `十二` → 12, `两` → 2, `一百零五` → 105; NaN for anything that is not a number in words. */
function numberInWords(text: string): number {
  if (!/^[〇零一二两三四五六七八九十百千]+$/u.test(text)) return NaN;
  let total = 0;
  let pending = 0;
  for (const c of text) {
    if (c in unit) {
      total += (pending || 1) * unit[c];
      pending = 0;
    } else pending = digit[c];
  }
  return total + pending;
}

/**
 * A count as a clerk writes it (`2`, `２`, `2次`, `两次`, `二`, `至少3次`, `3次以上`): its number, or NaN when the
 * cell says something else. Whether it is a whole number in range is the caller's to judge.
 */
export function countOf(raw: string | number): number {
  if (typeof raw === 'number') return raw;
  const text = foldCompact(raw)
    .replace(/^(?:至少|最少|不少于|不低于)/u, '')
    .replace(/(?:次|回|场|遍)?(?:以上)?$/u, '');
  return /^\d+(?:\.\d+)?$/u.test(text) ? Number(text) : numberInWords(text);
}
