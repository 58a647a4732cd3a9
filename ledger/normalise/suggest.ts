import { closest, distance } from 'fastest-levenshtein';
import { neededFields } from '../check/ruleTable';
import type { WorkbookGrid } from '../grid/types';
import { fieldsOf, type FieldInfo } from '../schema/fields';
import { recordSheetKeys, recordSheets, type RecordSheetKey } from '../schema/sheets';
import type { CellValue } from '../grid/types';
import { cellText, displayText, isEmpty } from '../values/cell';
import { convertCell, type ConvertContext } from './convert';
import type { HeaderMap } from './header';
import { normaliseWorkbook, type Normalised, type Recognition } from './index';
import { nameMeaning } from './locate';
import { mappingKeys, type MappingKey } from './mappings';
import { sheetReader, type SheetReader } from './sheetReader';

/**
 * `taizhang map` (issue 13 §5): what the reader recognised in a workbook — sheet → topic, column →
 * field, and why — what it did not, and ready-to-paste mapping lines for 基本信息, guessed from the
 * headers and the contents (dates, yes/no words, category rows).
 */
export interface RecognisedSheet {
  sheet: string;
  /** The topic's title, `综合台账` for a combined register, or null when nothing was recognised. */
  topic: string | null;
  reason: string;
  columns: Array<{ header: string; field: string; how: string }>;
  /** Header cells that name no field. */
  others: string[];
  /** A combined register's category that fits no topic: this entry stands for its rows, not for the sheet. */
  category: string | null;
  /** Read from a combined register by its category column, so its topic is the category's, not the sheet's. */
  combined: boolean;
  derived: string[];
}

export interface Suggestion {
  key: MappingKey;
  entry: string;
  why: string;
}

export interface LedgerMap {
  workbook: string;
  sheets: RecognisedSheet[];
  /** Topics found nowhere in the workbook, by title. */
  missing: string[];
  suggestions: Suggestion[];
  /** The mapping settings 基本信息 holds now. */
  current: Partial<Record<MappingKey, string>>;
}

const sampleRows = 20;

/** Up to twenty non-empty cells of a column below its header. */
function samples(sheet: SheetReader, headerRow: number, column: number): Array<{ value: CellValue; format: string }> {
  const cells: Array<{ value: CellValue; format: string }> = [];
  for (let row = headerRow + 1; row <= sheet.lastRow && cells.length < sampleRows; row++) {
    const value = sheet.value(row, column);
    if (!isEmpty(value)) cells.push({ value, format: sheet.format(row, column) });
  }
  return cells;
}

function mostly<T>(values: readonly T[], test: (v: T) => boolean): boolean {
  return values.length > 0 && values.filter(test).length * 2 > values.length;
}

const kindWords: Partial<Record<FieldInfo['kind'], string>> = { date: '日期', datetime: '日期时间', yesno: '“是/否”', period: '期间' };

/** The header among `others` that likely holds `field`, by its contents or its name. */
function guessColumn(sheet: SheetReader, header: HeaderMap, field: FieldInfo, ctx: ConvertContext): { text: string; why: string } | null {
  const kind = kindWords[field.kind];
  for (const other of kind ? header.others : []) {
    const cells = samples(sheet, header.row, other.column);
    if (mostly(cells, (c) => convertCell(field, c.value, c.format, ctx).ok)) {
      return { text: other.text, why: `该列内容是${kind}（如“${displayText(cells[0].value)}”）` };
    }
  }
  const names = header.others.map((o) => o.text);
  if (names.length === 0) return null;
  const near = closest(field.name, names);
  return distance(field.name, near) <= Math.floor(field.name.length / 2) ? { text: near, why: '列名相近' } : null;
}

/** The bureau's spelling of a yes/no or choice, guessed into the contract's value. */
function guessValue(field: FieldInfo, value: string): string | null {
  if (field.kind === 'yesno') {
    if (/重大|严重|较大|敏感|是|有/u.test(value)) return '是';
    if (/一般|轻微|较小|否|无|没有/u.test(value)) return '否';
    return null;
  }
  const allowed = field.values ?? [];
  if (allowed.length === 0) return null;
  const contained = allowed.find((a) => value.includes(a) || a.includes(value));
  if (contained) return contained;
  const near = closest(value, [...allowed]);
  return distance(value, near) <= Math.floor(near.length / 2) ? near : null;
}

/** Sheets and categories the reader could not place, with guesses of the topic they hold. */
function locatedTopics(
  recognition: Recognition,
  readers: ReadonlyMap<string, SheetReader>,
): { sheets: RecognisedSheet[]; suggestions: Suggestion[] } {
  const sheets: RecognisedSheet[] = [];
  const suggestions: Suggestion[] = [];
  const missing = recordSheetKeys.filter((k) => !recognition.topics[k]);
  const taken = new Set<RecordSheetKey>();
  for (const ambiguous of recognition.ambiguous) {
    const key = ambiguous.keys.find((k) => missing.includes(k) && !taken.has(k));
    sheets.push({
      sheet: ambiguous.sheet,
      topic: null,
      reason: `${ambiguous.reason}，可能是${ambiguous.keys.map((k) => `“${recordSheets[k].title}”`).join('或')}`,
      columns: [],
      others: [],
      category: null,
      combined: false,
      derived: [],
    });
    if (!key) continue;
    taken.add(key);
    suggestions.push({
      key: '表名映射',
      entry: `${recordSheets[key].title}=${ambiguous.sheet}`,
      why: `工作表“${ambiguous.sheet}”${ambiguous.reason}`,
    });
  }
  for (const { sheet: name, likely: guess } of recognition.unmatched) {
    sheets.push({
      sheet: name,
      topic: null,
      reason: '名称中没有认出工作类别',
      columns: [],
      others: [],
      category: null,
      combined: false,
      derived: [],
    });
    if (!guess || taken.has(guess.key)) continue;
    taken.add(guess.key);
    suggestions.push({
      key: '表名映射',
      entry: `${recordSheets[guess.key].title}=${name}`,
      why: `工作表“${name}”的表头有${guess.fields.map((f) => `“${f}”`).join('')}等列`,
    });
  }

  for (const { sheet: name, category, rows } of recognition.uncategorised) {
    const sheet = readers.get(name)!;
    const votes = new Map<RecordSheetKey, number>();
    for (const row of rows) {
      for (let column = sheet.firstColumn; column <= sheet.lastColumn; column++) {
        for (const key of nameMeaning(cellText(sheet.value(row, column))).keys) votes.set(key, (votes.get(key) ?? 0) + 1);
      }
    }
    const best = [...votes].sort((a, b) => b[1] - a[1])[0];
    if (best)
      suggestions.push({
        key: '类别映射',
        entry: `${recordSheets[best[0]].title}=${category}`,
        why: `类别“${category}”的记录中多次出现“${recordSheets[best[0]].title}”一类的词`,
      });
    else
      sheets.push({
        sheet: name,
        topic: null,
        reason: `类别“${category}”（第${rows.join('、')}行）未能归类，请按实际填写类别映射`,
        columns: [],
        others: [],
        category,
        combined: false,
        derived: [],
      });
  }

  return { sheets, suggestions };
}

/**
 * Two passes: the first guesses which sheet or category holds a missing topic; the second reads the
 * workbook with those guesses applied, so that their columns and values are guessed too.
 */
export function mapWorkbook(
  grid: WorkbookGrid,
  fallbackYear: number,
  /** The workbook as already normalised with 基本信息's own mappings, where the caller has it. */
  first: Normalised = normaliseWorkbook(grid, fallbackYear),
): LedgerMap {
  const readers = new Map(grid.sheets.map((s) => [s.name, sheetReader(s)]));
  const located = locatedTopics(first.recognition, readers);
  const extra = Object.fromEntries(
    (['表名映射', '类别映射'] as const).map((key) => [
      key,
      located.suggestions
        .filter((s) => s.key === key)
        .map((s) => s.entry)
        .join('；'),
    ]),
  );
  // Without a guess the second pass would read the same again: the pane and the page run this on every check.
  const guessedAny = Object.values(extra).some((text) => text !== '');
  const { recognition, findings, ledger } = guessedAny ? normaliseWorkbook(grid, fallbackYear, extra) : first;
  const ctx = { year: ledger.settings.台账年度, date1904: grid.date1904 };
  const suggestions: Suggestion[] = [...located.suggestions];
  const guessed = new Set(located.suggestions.filter((s) => s.key === '表名映射').map((s) => s.entry.slice(s.entry.indexOf('=') + 1)));
  // A sheet read only by a guessed 表名映射 is shown once, as recognised, saying so.
  const sheets: RecognisedSheet[] = located.sheets.filter((s) => !guessed.has(s.sheet));

  for (const key of recordSheetKeys) {
    const topic = recognition.topics[key];
    if (!topic) continue;
    const columns = [...(topic.header?.found ?? [])].map(([field, { text, how }]) => ({ header: text, field, how }));
    const unplaced = located.sheets.find((s) => s.sheet === topic.sheet)?.reason;
    const reason = guessed.has(topic.sheet) ? `${unplaced ?? ''}；按下面建议的表名映射读取` : topic.reason;
    sheets.push({
      sheet: topic.sheet,
      topic: recordSheets[key].title,
      reason,
      columns,
      others: topic.header?.others.map((o) => o.text) ?? [],
      category: null,
      combined: topic.categories !== undefined,
      derived: topic.derived,
    });
    const sheet = readers.get(topic.sheet);
    if (!sheet || !topic.header) continue;
    for (const name of neededFields(key)) {
      if (topic.header.columns.has(name) || topic.derived.includes(name)) continue;
      const field = fieldsOf(recordSheets[key].schema).find((f) => f.name === name)!;
      const guess = guessColumn(sheet, topic.header, field, ctx);
      if (guess)
        suggestions.push({
          key: '列名映射',
          entry: `${recordSheets[key].title}.${name}=${guess.text}`,
          why: `“${topic.sheet}”的“${guess.text}”列：${guess.why}`,
        });
    }
  }

  const values = new Map<string, string[]>();
  for (const f of findings) {
    if (f.rule !== 'D03' || f.severity !== 'error' || f.field === null || f.value === null) continue;
    const key = recordSheetKeys.find(
      (k) => recognition.topics[k]?.sheet === f.sheet && fieldsOf(recordSheets[k].schema).some((x) => x.name === f.field),
    );
    if (!key) continue;
    const field = fieldsOf(recordSheets[key].schema).find((x) => x.name === f.field)!;
    const guess = guessValue(field, f.value.trim());
    if (guess === null) continue;
    const id = `${recordSheets[key].title}.${field.name}`;
    const pairs = values.get(id) ?? [];
    const pair = `${f.value.trim()}=${guess}`;
    if (!pairs.includes(pair)) pairs.push(pair);
    values.set(id, pairs);
  }
  for (const [id, pairs] of values) suggestions.push({ key: '值映射', entry: `${id}：${pairs.join('；')}`, why: '表中这些写法不是规范值' });

  const order = new Map(grid.sheets.map((s, i) => [s.name, i]));
  return {
    workbook: grid.name,
    sheets: sheets.sort((a, b) => order.get(a.sheet)! - order.get(b.sheet)!),
    missing: recordSheetKeys.filter((k) => !recognition.topics[k]).map((k) => recordSheets[k].title),
    suggestions,
    current: Object.fromEntries(mappingKeys.flatMap((k) => (ledger.settings[k] ? [[k, ledger.settings[k]]] : []))),
  };
}
