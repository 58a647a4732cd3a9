import type { SheetGrid, WorkbookGrid } from '../grid/types';
import { ownSheetNames } from '../ownWorkbooks';
import { settingsSheetTitle } from '../schema/settings';
import { recordSheetKeys, recordSheets, type RecordSheetKey } from '../schema/sheets';
import { notRegisterWords, registerWords, topicWords } from '../schema/topics';
import { foldCompact, foldSheetName } from '../text/fold';
import { splitList } from '../values/choice';

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
  /** Every sheet of each topic, in workbook order: a topic kept in several sheets is read from all of them. */
  sheets: Partial<Record<RecordSheetKey, LocatedSheet[]>>;
  /** Sheets whose name fits two topics or more: reported with both candidates, not guessed. */
  ambiguous: Array<{ grid: SheetGrid; keys: RecordSheetKey[]; reason: string }>;
  /** Sheets whose name says no topic (a combined register, Sheet1, or sheets the ledger does not use). */
  unmatched: SheetGrid[];
  /** Sheets whose name says they are no register (目录, 封面, 填表说明, 责任清单): read as nothing. */
  notRegisters: Array<{ grid: SheetGrid; reason: string }>;
}

/**
 * Why a sheet's name says it is no register of this ledger (`名称含“目录”`, another year's sheet kept
 * beside this year's), else null.
 */
export function notRegisterName(name: string, year?: number): string | null {
  const text = foldSheetName(name);
  if (text === ownSheetNames.results) return '是台账助手写入的校验结果';
  const named = /(?:19|20)\d{2}/u.exec(text)?.[0];
  if (year !== undefined && named !== undefined && Number(named) !== year) return `名称中的年份${named}年不是台账年度`;
  if (/台账|记录|登记/u.test(text)) return null;
  const word = notRegisterWords.find((w) => text.includes(w));
  return word === undefined ? null : `名称含“${word}”`;
}

/** 基本信息, found by its folded name. */
export function locateSettings(grid: WorkbookGrid): SheetGrid | undefined {
  const title = foldSheetName(settingsSheetTitle);
  return grid.sheets.find((s) => foldSheetName(s.name) === title || topicText(s.name) === title);
}

/**
 * Finds each topic's sheets: by 表名映射 (topic → the bureau's sheet names), then by the sheet's own
 * name or its topic words. Every sheet naming one topic is that topic's (一季度、二季度…, 学习培训（一）/（二）);
 * extra sheets are left to the caller, and order does not matter.
 */
export function locateSheets(
  grid: WorkbookGrid,
  settings: SheetGrid | undefined,
  mapped: ReadonlyMap<RecordSheetKey, readonly string[]>,
  year?: number,
): Located {
  const sheets: Located['sheets'] = {};
  const add = (key: RecordSheetKey, sheet: LocatedSheet) => (sheets[key] ??= []).push(sheet);
  const used = new Set<SheetGrid>(settings ? [settings] : []);
  for (const [key, names] of mapped) {
    for (const entry of names) {
      const sheetNamed = (name: string) => grid.sheets.find((s) => foldCompact(s.name) === foldCompact(name));
      const whole = sheetNamed(entry);
      for (const named of whole ? [whole] : splitList(entry).map(sheetNamed)) {
        if (!named || used.has(named)) continue;
        add(key, { grid: named, reason: '按“表名映射”' });
        used.add(named);
      }
    }
  }
  const ambiguous: Located['ambiguous'] = [];
  const unmatched: SheetGrid[] = [];
  const notRegisters: Located['notRegisters'] = [];
  for (const sheet of grid.sheets) {
    if (used.has(sheet)) continue;
    const not = notRegisterName(sheet.name, year);
    if (not !== null) {
      notRegisters.push({ grid: sheet, reason: not });
      continue;
    }
    const meaning = nameMeaning(sheet.name);
    if (meaning.keys.length === 1) add(meaning.keys[0], { grid: sheet, reason: meaning.reason });
    else if (meaning.keys.length > 1) ambiguous.push({ grid: sheet, keys: meaning.keys, reason: meaning.reason });
    else unmatched.push(sheet);
  }
  const order = new Map(grid.sheets.map((s, i) => [s, i]));
  for (const list of Object.values(sheets)) list.sort((a, b) => order.get(a.grid)! - order.get(b.grid)!);
  return { sheets, ambiguous, unmatched, notRegisters };
}
