/**
 * Folding of what clerks type: full-width letters, digits and brackets become half-width (NFKC), so
 * `（一）`, `２０２６` and `Ｑ３` compare equal to their ASCII forms.
 */
export function foldWidth(text: string): string {
  return foldFast(text, false) ?? text.normalize('NFKC');
}

/** Folded and with every space and line break removed: the form headers and keys are compared in. */
export function foldCompact(text: string): string {
  return foldFast(text, true) ?? foldWidth(text).replace(/\s+/gu, '');
}

/**
 * Characters NFKC leaves as they are and that compose with nothing: ASCII, the CJK ideographs and the
 * punctuation of Chinese text. A ledger's text is almost all of these, and normalize() copies even text
 * it does not change.
 */
function keptByNfkc(c: number): boolean {
  return (
    c < 0x80 ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    c === 0x3001 ||
    c === 0x3002 ||
    (c >= 0x3008 && c <= 0x3011) ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x201c ||
    c === 0x201d
  );
}

/** Whitespace as `\s` has it, among the characters foldFast keeps. */
function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/**
 * NFKC (and, when `compact`, the removal of whitespace) for text of the characters above and their
 * full-width forms (U+FF01–FF5E are ASCII shifted by 0xFEE0; U+3000 is a space); null for any other
 * text, which takes the general path.
 */
function foldFast(text: string, compact: boolean): string | null {
  let folded = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      folded += text.slice(start, i) + String.fromCharCode(c - 0xfee0);
      start = i + 1;
    } else if (c === 0x3000 || (compact && isAsciiSpace(c))) {
      folded += text.slice(start, i) + (compact ? '' : ' ');
      start = i + 1;
    } else if (!keptByNfkc(c)) {
      return null;
    }
  }
  return start === 0 ? text : folded + text.slice(start);
}

const requiredMark = /(\(必填\)|\*)$/u;

/** A header cell as compared: compact, with trailing `（必填）` or `*` marks removed. */
export function foldHeader(text: string): string {
  let header = foldCompact(text);
  while (requiredMark.test(header)) header = header.replace(requiredMark, '');
  return header;
}

const bracketHint = /[([{【<《][^)\]}】>》]*[)\]}】>》]/gu;

/**
 * The forms a header cell may be read as, most literal first: as typed (a line break inside a word,
 * `会议\n日期`, is only wrapping), then without a filling hint in brackets (`会议时间（年月日）`),
 * then without what follows a line break (`发现时间⏎××月××日`). A settings key that has brackets of
 * its own (`舆情研判时限（小时）`) matches in the first form.
 */
export function headerForms(text: string): string[] {
  const forms = [foldHeader(text)];
  const add = (form: string) => {
    const folded = foldHeader(form);
    if (folded !== '' && !forms.includes(folded)) forms.push(folded);
  };
  const width = foldWidth(text);
  add(width.replace(bracketHint, ''));
  const firstLine = width.trim().split(/[\r\n]+/u)[0] ?? '';
  add(firstLine);
  add(firstLine.replace(bracketHint, ''));
  return forms;
}

const chineseOrdinal = '[一二三四五六七八九十]+';
const leadingOrdinal = new RegExp(`^(?:\\d+[.、]|${chineseOrdinal}[、.]|\\((?:\\d+|${chineseOrdinal})\\))`, 'u');

/** A sheet name as compared: compact and without a leading ordinal (`1.`, `1、`, `一、`, `（一）`, `(1)`). */
export function foldSheetName(name: string): string {
  return foldCompact(name).replace(leadingOrdinal, '');
}

const chineseDigit: Record<string, string> = {
  〇: '0',
  零: '0',
  O: '0',
  o: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const chineseYear = /[〇零一二三四五六七八九Oo]{4}(?=\s*年)/gu;

/** Years written in Chinese numerals (`二〇二六年`, `二零二六年度`) in Arabic digits; other text as it is. */
export function arabicYears(text: string): string {
  if (!/[〇零]/u.test(text) && !/[一二三四五六七八九]{4}\s*年/u.test(text)) return text;
  return text.replace(chineseYear, (year) => [...year].map((c) => chineseDigit[c]).join(''));
}
