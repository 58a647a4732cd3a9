import type { SheetGrid, WorkbookGrid } from '../grid/types';
import { settingsSheetTitle } from '../schema/settings';
import { recordSheetKeys, recordSheets, type RecordSheetKey } from '../schema/sheets';
import { registerWords, topicWords } from '../schema/topics';
import { foldCompact, foldSheetName } from '../text/fold';

/** A sheet name with its ordinal and register words dropped: `4.网络舆情处置台账` → `网络舆情处置`. */
export function topicText(name: string): string {
  let text = foldSheetName(name);
  for (const word of registerWords) text = text.replaceAll(word, '');
  return text;
}

/** What a sheet's name says of its topic: one topic, several (reported, not guessed), or none. */
export interface NameMeaning {
  keys: RecordSheetKey[];
  /** Why, in a clerk's words: `名称含“舆情”`. */
  reason: string;
}

/** The topics a name (of a sheet, or a category cell of a combined register) stands for. */
export function nameMeaning(name: string): NameMeaning {
  const text = topicText(name);
  const exact = recordSheetKeys.find((k) => foldSheetName(recordSheets[k].title) === foldSheetName(name) || recordSheets[k].title === text);
  if (exact) return { keys: [exact], reason: `名称为“${recordSheets[exact].title}”` };
  const keys: RecordSheetKey[] = [];
  const words: string[] = [];
  for (const key of recordSheetKeys) {
    const word = topicWords[key].find((w) => text.includes(w));
    if (word === undefined) continue;
    keys.push(key);
    words.push(word);
  }
  return { keys, reason: words.length > 0 ? `名称含“${words.join('”“')}”` : '' };
}

export interface LocatedSheet {
  grid: SheetGrid;
  /** How it was recognised: `名称含“舆情”`, `表名映射`. */
  reason: string;
}

export interface Located {
  sheets: Partial<Record<RecordSheetKey, LocatedSheet>>;
  /** Sheets whose name fits two topics or more: reported with both candidates, not guessed. */
  ambiguous: Array<{ grid: SheetGrid; keys: RecordSheetKey[]; reason: string }>;
  /** Sheets recognised as no topic (a combined register, or sheets the ledger does not use). */
  unmatched: SheetGrid[];
}

/** 基本信息, found by its folded name. */
export function locateSettings(grid: WorkbookGrid): SheetGrid | undefined {
  const title = foldSheetName(settingsSheetTitle);
  return grid.sheets.find((s) => foldSheetName(s.name) === title || topicText(s.name) === title);
}

/**
 * Finds each record sheet: first by 表名映射 (topic → the bureau's sheet name), then by the sheet's
 * own name, then by its topic words. Extra sheets are ignored, order does not matter, and the first of
 * two sheets naming one topic is used.
 */
export function locateSheets(grid: WorkbookGrid, settings: SheetGrid | undefined, mapped: ReadonlyMap<RecordSheetKey, string>): Located {
  const sheets: Located['sheets'] = {};
  const used = new Set<SheetGrid>(settings ? [settings] : []);
  for (const [key, name] of mapped) {
    const named = grid.sheets.find((s) => foldCompact(s.name) === foldCompact(name));
    if (!named || used.has(named)) continue;
    sheets[key] = { grid: named, reason: '按“表名映射”' };
    used.add(named);
  }
  const ambiguous: Located['ambiguous'] = [];
  const unmatched: SheetGrid[] = [];
  const meanings = grid.sheets.filter((s) => !used.has(s)).map((s) => ({ grid: s, meaning: nameMeaning(s.name) }));
  // Exact names first, so `专题研究` is not taken by a `专题研究会议记录` standing before it.
  const exactFirst = [...meanings].sort(
    (a, b) => Number(b.meaning.reason.startsWith('名称为')) - Number(a.meaning.reason.startsWith('名称为')),
  );
  for (const { grid: sheet, meaning } of exactFirst) {
    const open = meaning.keys.filter((k) => sheets[k] === undefined);
    if (meaning.keys.length === 1 && open.length === 1) sheets[open[0]] = { grid: sheet, reason: meaning.reason };
    else if (meaning.keys.length > 1) ambiguous.push({ grid: sheet, keys: meaning.keys, reason: meaning.reason });
    else unmatched.push(sheet);
  }
  const order = new Map(grid.sheets.map((s, i) => [s, i]));
  ambiguous.sort((a, b) => order.get(a.grid)! - order.get(b.grid)!);
  unmatched.sort((a, b) => order.get(a)! - order.get(b)!);
  return { sheets, ambiguous, unmatched };
}
