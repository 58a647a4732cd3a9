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

type Spellings = ReadonlyMap<string, string>;
const spellingsOf = new WeakMap<readonly string[], WeakMap<Readonly<Record<string, string>>, Spellings>>();
const noAliases: Readonly<Record<string, string>> = {};

/** Every accepted spelling of an enum, folded, with the value it stands for; worked out once per field. */
function spellings(values: readonly string[], aliases: Readonly<Record<string, string>>): Spellings {
  let byAliases = spellingsOf.get(values);
  if (!byAliases) spellingsOf.set(values, (byAliases = new WeakMap()));
  let found = byAliases.get(aliases);
  if (!found) {
    const map = new Map<string, string>();
    // The first spelling wins, and an allowed value wins over an alias spelled the same.
    for (const v of values) if (!map.has(foldCompact(v))) map.set(foldCompact(v), v);
    for (const [spelling, v] of Object.entries(aliases)) if (!map.has(foldCompact(spelling))) map.set(foldCompact(spelling), v);
    byAliases.set(aliases, (found = map));
  }
  return found;
}

/** Matches one allowed value of an enum, looking through width, spaces and the field's aliases. */
export function matchChoice(raw: string, values: readonly string[], aliases: Readonly<Record<string, string>> = noAliases): string | null {
  return spellings(values, aliases).get(foldCompact(raw)) ?? null;
}

/** Items of a multi-value cell, split on `、，,；;/` and line breaks. */
export function splitList(raw: string): string[] {
  return foldWidth(raw)
    .split(/[、,;/\n\r]+/u)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
