/**
 * Folding of what clerks type: full-width letters, digits and brackets become half-width (NFKC), so
 * `（一）`, `２０２６` and `Ｑ３` compare equal to their ASCII forms.
 */
export function foldWidth(text: string): string {
  return text.normalize('NFKC');
}

/** Folded and with every space and line break removed: the form headers and keys are compared in. */
export function foldCompact(text: string): string {
  return foldWidth(text).replace(/\s+/gu, '');
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
