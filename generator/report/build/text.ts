import { parseIsoDateTime } from '../../../ledger/values/date';
import type { Heading, HeadingLevel } from '../model';

const digits = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十: the numbers of 一、 and （一） headings. */
export function chineseNumber(n: number): string {
  if (n < 10) return digits[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}

const numberings: Record<HeadingLevel, (n: number) => string> = {
  1: (n) => `${chineseNumber(n)}、`,
  2: (n) => `（${chineseNumber(n)}）`,
  3: (n) => `${n}.`,
  4: (n) => `（${n}）`,
};

/** A heading numbered the way GB/T 9704 orders its levels: 一、 （一） 1. （1）. */
export function heading(level: HeadingLevel, n: number, text: string): Heading {
  return { kind: 'heading', level, text: `${numberings[level](n)}${text}` };
}

/** `7月9日` within the report's year, `2025年12月30日` outside it. */
export function shortDate(iso: string, year: number): string {
  // The ledger's own ISO form, read by position: a report prints thousands of these.
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return y === year ? `${m}月${d}日` : `${y}年${m}月${d}日`;
}

/** `5月12日9时30分`, the form official documents give a time in. */
export function shortDateTime(iso: string, year: number): string {
  const t = parseIsoDateTime(iso);
  return `${shortDate(iso, year)}${t.hour}时${t.minute === 0 ? '' : `${t.minute}分`}`;
}

const han = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’《》]/u;
const halfToFull: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！' };
const closingPunctuation = /[。；，、,.;：:]+$/u;
/** Most cells need none of it; this finds the ones that might, cheaply. */
const needsCleaning = /[,;:()?!\n]|^\s|\s$|[。；，、.：]$/u;

/**
 * Ledger text as a report prints it: half-width punctuation typed between Chinese characters
 * becomes full-width, line breaks inside a cell become semicolons, and the final full stop is
 * dropped because the wording template supplies the sentence's own punctuation.
 */
export function cleanText(raw: string): string {
  if (!needsCleaning.test(raw)) return raw;
  const chars = [...raw.trim()];
  const converted = chars.map((ch, i) => {
    const full = halfToFull[ch];
    if (!full) return ch;
    const before = chars[i - 1] ?? '';
    const after = chars[i + 1] ?? '';
    return han.test(before) || han.test(after) ? full : ch;
  });
  const lines = converted
    .join('')
    .split(/\s*\n\s*/u)
    .filter((line) => line !== '');
  const joined = lines.reduce((text, line) => (text === '' ? line : /[。；，：！？]$/u.test(text) ? text + line : `${text}；${line}`), '');
  return joined.replace(closingPunctuation, '');
}

/** Names in a sentence: `办公室、政策法规股`. */
export function listOf(items: readonly string[]): string {
  return items.join('、');
}

/** A count that an optional `[…]` segment should drop when it is zero. */
export function unlessZero(n: number): number | undefined {
  return n === 0 ? undefined : n;
}

/**
 * Quotation marks inside quotation marks become single ones (“‘学思想’宣讲”), as Chinese usage
 * asks, where a template quotes a ledger value that brings its own quotes.
 */
export function nestQuotes(text: string): string {
  if (!/“[^”]*“/u.test(text)) return text;
  let depth = 0;
  return [...text]
    .map((ch) => {
      if (ch === '“') return depth++ % 2 === 1 ? '‘' : '“';
      if (ch === '”') return --depth % 2 === 1 ? '’' : '”';
      return ch;
    })
    .join('');
}

/**
 * At most about `max` characters of a ledger text, cut after the last full stop, semicolon or comma
 * that fits, so a long record is quoted by its opening clauses rather than overflow the report.
 */
export function excerpt(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max).join('');
  const cut = Math.max(head.lastIndexOf('。'), head.lastIndexOf('；'), head.lastIndexOf('，'));
  return cut > 0 ? head.slice(0, cut) : head;
}

/**
 * Spaces after or before Chinese text; the character before them is caught (group 1) and kept, as a
 * lookbehind would leave it, which the pane may not use: WebKit lacks lookbehind before Safari 16.4.
 */
const spaced = /([\p{Script=Han}“”（）：，。；])[ \t]+|[ \t]+(?=[\p{Script=Han}“”（）：，。；])/gu;

/** Chinese running text has no spaces between words: validator messages set dates and figures off with them. */
export function withoutSpaces(text: string): string {
  return text.replace(spaced, '$1');
}
