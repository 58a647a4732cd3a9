/**
 * The 对应关系 view's model (issue 13 §5): what `taizhang map` recognised, as choices the clerk confirms
 * or changes, and the 基本信息 lines those choices come to. Pure, so it can be tested in Node.
 *
 * A line is written only where the reader would not find the same by itself: a sheet whose own name
 * already means its topic, or a header that already names its field, needs none. 表名映射 and 列名映射
 * are worked out afresh from every choice (the ones 基本信息 holds now are among the choices, as the
 * reader already applied them); 类别映射 and 值映射 keep what 基本信息 holds and add the guesses.
 */
import { headerIndex, matchHeader } from '../../ledger/normalise/header';
import { nameMeaning } from '../../ledger/normalise/locate';
import { mappingKeys, type MappingKey } from '../../ledger/normalise/mappings';
import { isPasteReady, pasteEntries, type LedgerMap, type Suggestion } from '../../ledger/normalise/suggest';
import { fieldsOf } from '../../ledger/schema/fields';
import { recordSheetKeys, recordSheets, type RecordSheetKey } from '../../ledger/schema/sheets';
import { foldHeader } from '../../ledger/text/fold';
import type { MappingLine } from '../excel/settingsSheet';

export type { MappingLine } from '../excel/settingsSheet';

/** The choice of no topic, or no field. */
export const noMatch = '不对应';

export interface ColumnChoice {
  header: string;
  /** The field the reader or a sure guess gave it, or 不对应. */
  guess: string;
  why: string;
  chosen: string;
  /** A guess not sure enough to pre-fill: what the clerk is asked (请核对), with the guess in it. */
  ask: string | null;
}

export interface SheetChoice {
  sheet: string;
  /** A combined register's category that fits no topic: the choice becomes a 类别映射 line, not a 表名映射. */
  category: string | null;
  /** A combined register's part: its topic comes from the category column and is not chosen here. */
  fixed: boolean;
  guess: string;
  why: string;
  chosen: string;
  columns: ColumnChoice[];
  /** A guess not sure enough to pre-fill: what the clerk is asked (请核对), with the guess in it. */
  ask: string | null;
}

const topicKey = (title: string): RecordSheetKey | undefined => recordSheetKeys.find((k) => recordSheets[k].title === title);

/** Every topic a sheet can hold, by title. */
const topicTitles: readonly string[] = recordSheetKeys.map((k) => recordSheets[k].title);

/** The fields of the topic titled `title`, by name. */
export function fieldNames(title: string): string[] {
  const key = topicKey(title);
  return key ? fieldsOf(recordSheets[key].schema).map((f) => f.name) : [];
}

/** The field a header names by itself, in the topic titled `title`: no mapping needed for it. */
function fieldByName(title: string, header: string): string | null {
  const key = topicKey(title);
  return key ? (matchHeader(headerIndex(fieldsOf(recordSheets[key].schema), new Map()), header)?.field ?? null) : null;
}

/** What a question asks, with the answer it would take: `请核对：…吗？（依据：…）`. */
const asking = (s: Suggestion): string => `请核对：${s.question ?? s.entry}（${s.why}）`;

/**
 * The choices, each set to the recognised or surely guessed answer. A guess `map` is not sure of is
 * asked, not chosen: the clerk who copies the lines without reading gets none of it.
 */
export function mappingChoices(map: LedgerMap): SheetChoice[] {
  return map.sheets.map((s) => {
    const sheetGuess =
      s.category === null
        ? map.suggestions.find((g) => g.key === '表名映射' && g.entry.endsWith(`=${s.sheet}`))
        : map.suggestions.find(
            (g) =>
              g.key === '类别映射' &&
              g.sheet === s.sheet &&
              (g.entry.endsWith(`=${s.category}`) || g.question?.includes(`“${s.category}”`)),
          );
    const sure = sheetGuess !== undefined && isPasteReady(sheetGuess);
    const guess = s.topic ?? (sure ? sheetGuess.entry.slice(0, sheetGuess.entry.indexOf('=')) : noMatch);
    const columns: ColumnChoice[] = [
      ...s.columns.map((c) => ({ header: c.header, guess: c.field, why: c.how, chosen: c.field, ask: null })),
      ...s.others.map((header) => {
        const hit = map.suggestions.find((g) => g.key === '列名映射' && g.entry.startsWith(`${guess}.`) && g.entry.endsWith(`=${header}`));
        const field = hit && isPasteReady(hit) ? hit.entry.slice(guess.length + 1, -(header.length + 1)) : noMatch;
        return { header, guess: field, why: hit?.why ?? '列名未认出', chosen: field, ask: hit && !isPasteReady(hit) ? asking(hit) : null };
      }),
    ];
    const ask = sheetGuess && !sure ? asking(sheetGuess) : null;
    return { sheet: s.sheet, category: s.category, fixed: s.combined, guess, why: s.reason, chosen: guess, columns, ask };
  });
}

/** The questions that concern no sheet or column of the view (a value's meaning): each with 请核对. */
export function valueQuestions(map: LedgerMap): string[] {
  return map.suggestions.filter((s) => s.key === '值映射' && !isPasteReady(s)).map(asking);
}

/** A choice's identity across checks: its sheet, and its category in a combined register. */
const choiceId = (sheet: SheetChoice) => `${sheet.sheet}\u0000${sheet.category ?? ''}`;

/**
 * The clerk's corrections of `previous` (a choice set apart from its guess) laid over a new check's
 * `choices`, so that a guess the clerk has put right does not come back until the pane is closed.
 */
export function keepCorrections(previous: readonly SheetChoice[], choices: readonly SheetChoice[]): void {
  const before = new Map(previous.map((p) => [choiceId(p), p]));
  for (const sheet of choices) {
    const old = before.get(choiceId(sheet));
    if (!old) continue;
    const corrected = old.chosen !== old.guess && old.chosen !== sheet.chosen;
    if (!sheet.fixed && corrected && topicOptions(sheet).includes(old.chosen)) chooseTopic(sheet, old.chosen);
    if (old.chosen !== sheet.chosen) continue;
    for (const column of sheet.columns) {
      const was = old.columns.find((c) => c.header === column.header);
      if (was && was.chosen !== was.guess) column.chosen = was.chosen;
    }
  }
}

/** The clerk picks `title` for a sheet: its columns are guessed again for that topic, unless it is the first guess. */
export function chooseTopic(sheet: SheetChoice, title: string): void {
  sheet.chosen = title;
  for (const column of sheet.columns) column.chosen = title === sheet.guess ? column.guess : (fieldByName(title, column.header) ?? noMatch);
}

/**
 * The topics a sheet may be given: a sheet whose name means a topic, and was read as one, is read as
 * one whatever is chosen, so 不对应 is no choice for it.
 */
export function topicOptions(sheet: SheetChoice): string[] {
  const named = sheet.category === null && sheet.guess !== noMatch && nameMeaning(sheet.sheet).keys.length === 1;
  return named ? [...topicTitles] : [...topicTitles, noMatch];
}

/** The lines of 基本信息 the choices come to; a key 基本信息 holds now is kept, if empty, so that saving clears it. */
export function mappingLines(map: LedgerMap, choices: readonly SheetChoice[]): MappingLine[] {
  const entries: Record<MappingKey, string[]> = { 表名映射: [], 列名映射: [], 类别映射: [], 值映射: [] };
  for (const sheet of choices) {
    if (sheet.chosen === noMatch) continue;
    if (sheet.category !== null) {
      entries.类别映射.push(`${sheet.chosen}=${sheet.category}`);
      continue;
    }
    const own = nameMeaning(sheet.sheet).keys;
    const ownTitle = own.length === 1 ? recordSheets[own[0]].title : null;
    const line = `${sheet.chosen}=${sheet.sheet}`;
    if (!sheet.fixed && ownTitle !== sheet.chosen && !entries.表名映射.includes(line)) entries.表名映射.push(line);
    for (const column of sheet.columns) {
      if (column.chosen === noMatch || fieldByName(sheet.chosen, column.header) === column.chosen) continue;
      const entry = `${sheet.chosen}.${column.chosen}=${foldHeader(column.header)}`;
      if (!entries.列名映射.includes(entry)) entries.列名映射.push(entry);
    }
  }
  for (const key of ['类别映射', '值映射'] as const) {
    if (map.current[key]) entries[key].push(map.current[key]);
    // Only what map is sure of: a question stays in the view as a question, never in the lines to copy.
    for (const entry of pasteEntries(map.suggestions, key)) if (!entries[key].includes(entry)) entries[key].push(entry);
  }
  return mappingKeys
    .filter((key) => entries[key].length > 0 || map.current[key] !== undefined)
    .map((key) => ({ key, value: entries[key].join('；') }));
}

/** The lines as the clerk copies them: 项目, a tab, 内容, so that they paste into two columns. */
export function mappingText(lines: readonly MappingLine[]): string {
  return lines.map((l) => `${l.key}\t${l.value}`).join('\n');
}
