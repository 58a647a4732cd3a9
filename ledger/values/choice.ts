import { foldCompact, foldWidth } from '../text/fold';

const yes = new Set(['是', '√', '✓', '✔', 'Y', 'YES', '有', 'TRUE', '1']);
const no = new Set(['否', '×', '✗', '✘', 'N', 'NO', '无', 'FALSE', '0']);

/** The spellings a clerk may use in a yes/no column, as listed in messages. */
export const yesNoForms = ['是/否', '√/×', 'Y/N', '有/无'] as const;

export function parseYesNo(raw: string | boolean): boolean | null {
  if (typeof raw === 'boolean') return raw;
  const text = foldCompact(raw).toUpperCase();
  if (yes.has(text)) return true;
  if (no.has(text)) return false;
  return null;
}

/** Matches one allowed value of an enum, looking through width, spaces and the field's aliases. */
export function matchChoice(raw: string, values: readonly string[], aliases: Readonly<Record<string, string>> = {}): string | null {
  const text = foldCompact(raw);
  const direct = values.find((v) => foldCompact(v) === text);
  if (direct !== undefined) return direct;
  const alias = Object.entries(aliases).find(([spelling]) => foldCompact(spelling) === text);
  return alias ? alias[1] : null;
}

/** Items of a multi-value cell, split on `、，,；;/` and line breaks. */
export function splitList(raw: string): string[] {
  return foldWidth(raw)
    .split(/[、,;/\n\r]+/u)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
