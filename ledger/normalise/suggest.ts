import { closest, distance } from 'fastest-levenshtein';
import { neededFields } from '../check/ruleTable';
import type { WorkbookGrid } from '../grid/types';
import { fieldsOf, type FieldInfo } from '../schema/fields';
import { recordSheetKeys, recordSheets, type RecordSheetKey } from '../schema/sheets';
import type { CellValue } from '../grid/types';
import type { Finding } from '../findings';
import { foldHeader } from '../text/fold';
import { cellText, isEmpty } from '../values/cell';
import { likelyValue } from '../values/likeness';
import { convertCell, type ConvertContext } from './convert';
import { findHeader, type HeaderMap } from './header';
import { normaliseWorkbook, type Normalised, type Recognition } from './index';
import { nameMeaning } from './locate';
import { mappingKeys, parseMappings, type MappingKey, type Mappings } from './mappings';
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

/**
 * One proposed line (issue 19 §5): how sure it is and why. A line at or above `pasteThreshold` may be
 * pasted as it is; one below is a question for the clerk (请核对), never shown as a line to paste.
 */
export interface Suggestion {
  key: MappingKey;
  /** The mapping entry; for a question, the likeliest answer, or '' where there is none to offer. */
  entry: string;
  /** `依据：…`: what the guess rests on. */
  why: string;
  /** 0–1: how sure the guess is. */
  sure: number;
  /** The sheet it concerns, so that a sheet no line or question concerns can be named. */
  sheet: string;
  /** What the clerk is asked where the line is not sure enough to paste. */
  question?: string;
}

/** Lines at least this sure are paste-ready; the rest are questions. */
export const pasteThreshold = 0.8;

export const isPasteReady = (s: Suggestion): boolean => s.sure >= pasteThreshold && s.entry !== '';

/**
 * The paste-ready suggestions as 基本信息 rows, one per key: 值映射 pairs of one field follow the field
 * once (`舆情处置.是否重大：严重=是；轻微=否`), as the reader takes them.
 */
export function pasteEntries(suggestions: readonly Suggestion[], key: MappingKey): string[] {
  const entries = suggestions.filter((s) => s.key === key && isPasteReady(s)).map((s) => s.entry);
  if (key !== '值映射') return [...new Set(entries)];
  const byField = new Map<string, string[]>();
  for (const entry of entries) {
    const at = entry.indexOf('：');
    const pairs = byField.get(entry.slice(0, at)) ?? [];
    if (!pairs.includes(entry.slice(at + 1))) pairs.push(entry.slice(at + 1));
    byField.set(entry.slice(0, at), pairs);
  }
  return [...byField].map(([id, pairs]) => `${id}：${pairs.join('；')}`);
}

export interface LedgerMap {
  workbook: string;
  sheets: RecognisedSheet[];
  /** Topics found nowhere in the workbook, by title. */
  missing: string[];
  suggestions: Suggestion[];
  /** The mapping settings 基本信息 holds now. */
  current: Partial<Record<MappingKey, string>>;
  /** What mapping lines cannot say: rows no line or question would place, by sheet. */
  inexpressible: string[];
  /** Columns the rules need that no header names and no column's content or name suggests: `“专题汇报”的“汇报单位”`. */
  unfound: string[];
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

function share<T>(values: readonly T[], test: (v: T) => boolean): number {
  return values.length === 0 ? 0 : values.filter(test).length / values.length;
}

const kindWords: Partial<Record<FieldInfo['kind'], string>> = {
  date: '日期',
  datetime: '日期时间',
  yesno: '“是/否”',
  period: '期间',
  enum: '规定的值',
  int: '整数',
};

/** Kinds whose cells say by themselves whether they fit: a column's content can confirm or refute them. */
const checkable = (field: FieldInfo) => kindWords[field.kind] !== undefined;

/** A stand-in field of `kind`, to ask whether a column's content is dates or periods whatever field it is under. */
const probe = (kind: 'date' | 'period'): FieldInfo => ({ name: kind, kind, synonyms: [], required: false });

/** How much of a column's content reads as `field`'s kind: 1 where the kind cannot be told from content. */
function contentFit(cells: ReadonlyArray<{ value: CellValue; format: string }>, field: FieldInfo, ctx: ConvertContext): number {
  if (!checkable(field)) return 1;
  return share(cells, (c) => {
    const converted = convertCell(field, c.value, c.format, ctx);
    // An enum converts any text (the schema refuses it later): only an allowed value fits.
    return converted.ok && (field.kind !== 'enum' || (field.values ?? []).includes(String(converted.value)));
  });
}

/** A column of dates or periods cannot be a name, a unit or a text field. */
function holdsDatesOrPeriods(cells: ReadonlyArray<{ value: CellValue; format: string }>, ctx: ConvertContext): boolean {
  return (
    share(cells, (c) => convertCell(probe('date'), c.value, c.format, ctx).ok || convertCell(probe('period'), c.value, c.format, ctx).ok) >
    0.5
  );
}

/** The words of a field's name beyond its kind's (审批 of 审批日期): a header holding them names that field. */
function ownWords(field: FieldInfo): string {
  return field.name.replace(/日期|时间|期间/gu, '');
}

interface ColumnGuess {
  text: string;
  why: string;
  sure: number;
}

/**
 * The header among `others` that likely holds `field`: by content where the kind can be told from it,
 * sure only where the header names the field's own words or nothing else could be meant (the one
 * column of dates or periods, for the topic's one field of that kind — a yes/no column says too little
 * to be sure); by a like name only as a question unless the content confirms it, never against it.
 */
function guessColumn(
  sheet: SheetReader,
  header: HeaderMap,
  field: FieldInfo,
  /** How many fields of the topic are of `field`'s kind: where it is the only one, a lone column of that kind is it. */
  ofKind: number,
  ctx: ConvertContext,
): ColumnGuess | null {
  const cells = new Map(header.others.map((o) => [o.text, samples(sheet, header.row, o.column)]));
  const kind = kindWords[field.kind];
  if (kind && (field.kind === 'date' || field.kind === 'datetime' || field.kind === 'period' || field.kind === 'yesno')) {
    const fitting = header.others.filter((o) => {
      const own = cells.get(o.text)!;
      return own.length > 0 && contentFit(own, field, ctx) > 0.5;
    });
    for (const other of fitting) {
      const own = cells.get(other.text)!;
      const named = ownWords(field) !== '' && foldHeader(other.text).includes(ownWords(field));
      const alone = fitting.length === 1 && ofKind === 1 && field.kind !== 'yesno';
      const values = `该列 ${own.length} 个值${contentFit(own, field, ctx) === 1 ? '均' : '多'}为${kind}`;
      const why = named
        ? `依据：表头“${other.text}”含“${ownWords(field)}”＋${values}`
        : alone
          ? `依据：${values}，且这是表中唯一未对应的${kind}列、“${field.name}”是该类唯一的${kind}栏目`
          : `依据：${values}，但列名没有说明，${field.kind === 'yesno' ? '仅凭“是/否”不能认定' : `该类的${kind}栏目不止一个`}`;
      if (named || alone || fitting.length === 1) return { text: other.text, why, sure: named || alone ? 0.9 : 0.5 };
    }
    if (fitting.length > 1)
      return {
        text: fitting[0].text,
        why: `依据：${fitting.map((o) => `“${o.text}”`).join('')}列的内容都是${kind}，不能确定哪一列是“${field.name}”`,
        sure: 0.3,
      };
  }
  const names = header.others.map((o) => o.text);
  if (names.length === 0) return null;
  const near = closest(field.name, names);
  if (distance(field.name, near) > Math.floor(field.name.length / 2)) return null;
  const own = cells.get(near)!;
  // A column whose content refutes the field (a period under a unit, text under a date) is no candidate at all.
  if (checkable(field) ? contentFit(own, field, ctx) <= 0.5 : holdsDatesOrPeriods(own, ctx)) return null;
  const confirmed = checkable(field) && own.length > 0;
  return {
    text: near,
    why: confirmed
      ? `依据：列名“${near}”与“${field.name}”相近＋该列 ${own.length} 个值多为${kindWords[field.kind]}`
      : `依据：列名“${near}”与“${field.name}”相近，内容无法印证`,
    sure: confirmed ? 0.8 : 0.5,
  };
}

/** A yes/no written in a bureau's word (严重/一般): sure only when the word says one of them and not the other. */
function yesNoMeaning(value: string): string | null {
  const yes = /重大|严重|较大|敏感|^是|^有/u.test(value);
  const no = /一般|轻微|较小|否|^无|没有|不/u.test(value);
  return yes === no ? null : yes ? '是' : '否';
}

/** How well a sheet's header fits a topic: the fields its rules need that it has, and whether their content agrees. */
function topicFit(
  sheet: SheetReader,
  key: RecordSheetKey,
  custom: ReadonlyMap<string, string>,
  ctx: ConvertContext,
): { found: string[]; lacking: string[]; refuted: string[] } {
  const fields = fieldsOf(recordSheets[key].schema);
  const header = findHeader(sheet, fields, custom).header;
  const found = header ? [...header.columns.keys()] : [];
  // The columns the topic's rules judge and those every record of it must fill: a sheet lacking one is another kind of list.
  const needed = [...new Set([...neededFields(key), ...fields.filter((f) => f.required).map((f) => f.name)])];
  const lacking = needed.filter((f) => !found.includes(f));
  const refuted = header
    ? found.filter((name) => {
        const cells = samples(sheet, header.row, header.columns.get(name)!);
        const field = fields.find((f) => f.name === name)!;
        // A bureau's own words for a choice (严重, 季度研判) are for 值映射: only dates, periods and numbers refute.
        if (field.kind === 'enum' || field.kind === 'yesno' || field.kind === 'list') return false;
        return cells.length > 0 && (checkable(field) ? contentFit(cells, field, ctx) <= 0.5 : holdsDatesOrPeriods(cells, ctx));
      })
    : [];
  return { found, lacking, refuted };
}

/** A sheet guessed to be `key`'s: paste-ready only when it has every column that topic's rules need, and their content agrees. */
function sheetGuess(
  name: string,
  sheet: SheetReader,
  key: RecordSheetKey,
  custom: ReadonlyMap<string, string>,
  ctx: ConvertContext,
  because: string,
): Suggestion {
  const { found, lacking, refuted } = topicFit(sheet, key, custom, ctx);
  const title = recordSheets[key].title;
  const has = found.length > 0 ? `＋表头有${found.map((f) => `“${f}”`).join('')}等列` : '';
  const gaps = [
    lacking.length > 0 ? `缺少${lacking.map((f) => `“${f}”`).join('')}` : '',
    refuted.length > 0 ? `${refuted.map((f) => `“${f}”`).join('')}列的内容不像` : '',
    found.length < 3 ? `表头只对上 ${found.length} 列` : '',
  ].filter(Boolean);
  const sure = gaps.length === 0 ? 0.9 : 0.4;
  return {
    key: '表名映射',
    entry: `${title}=${name}`,
    why: `依据：${because}${has}${gaps.length > 0 ? `；但${gaps.join('，')}` : ''}`,
    sure,
    sheet: name,
    ...(sure < pasteThreshold ? { question: `工作表“${name}”记的是“${title}”吗？` } : {}),
  };
}

/** Sheets and categories the reader could not place, with guesses of the topic they hold. */
function locatedTopics(
  recognition: Recognition,
  readers: ReadonlyMap<string, SheetReader>,
  columns: Mappings['columns'],
  ctx: ConvertContext,
): { sheets: RecognisedSheet[]; suggestions: Suggestion[] } {
  const sheets: RecognisedSheet[] = [];
  const suggestions: Suggestion[] = [];
  const missing = recordSheetKeys.filter((k) => !recognition.topics[k]);
  const taken = new Set<RecordSheetKey>();
  const unplaced = (sheet: string, reason: string, category: string | null = null): RecognisedSheet => ({
    sheet,
    topic: null,
    reason,
    columns: [],
    others: [],
    category,
    combined: false,
    derived: [],
  });
  for (const ambiguous of recognition.ambiguous) {
    const key = ambiguous.keys.find((k) => missing.includes(k) && !taken.has(k));
    sheets.push(
      unplaced(ambiguous.sheet, `${ambiguous.reason}，可能是${ambiguous.keys.map((k) => `“${recordSheets[k].title}”`).join('或')}`),
    );
    if (!key) continue;
    taken.add(key);
    const others = ambiguous.keys.filter((k) => k !== key).map((k) => `“${recordSheets[k].title}”`);
    const because = `工作表名${ambiguous.reason.replace(/^名称/u, '')}，${others.join('')}已另有工作表`;
    suggestions.push(sheetGuess(ambiguous.sheet, readers.get(ambiguous.sheet)!, key, columns.get(key) ?? new Map(), ctx, because));
  }
  for (const { sheet: name, likely: guess } of recognition.unmatched) {
    sheets.push(unplaced(name, '名称中没有认出工作类别'));
    if (!guess || taken.has(guess.key)) continue;
    taken.add(guess.key);
    const because = `工作表名“${name}”不含工作类别`;
    suggestions.push(sheetGuess(name, readers.get(name)!, guess.key, columns.get(guess.key) ?? new Map(), ctx, because));
  }

  for (const { sheet: name, category, rows } of recognition.uncategorised) {
    const sheet = readers.get(name)!;
    // Each row's vote: the topics its words name. A category is placed only when every row names one and the same.
    const votes = rows.map((row) => {
      const keys = new Set<RecordSheetKey>();
      for (let column = sheet.firstColumn; column <= sheet.lastColumn; column++)
        for (const key of nameMeaning(cellText(sheet.value(row, column))).keys) if (key !== 'organization') keys.add(key);
      return keys;
    });
    const tally = new Map<RecordSheetKey, number>();
    for (const keys of votes) for (const key of keys) tally.set(key, (tally.get(key) ?? 0) + 1);
    const best = [...tally].sort((a, b) => b[1] - a[1])[0];
    const where = `类别“${category}”（第${rows.join('、')}行）`;
    if (!best) {
      sheets.push(unplaced(name, `${where}未能归类，请核对它记的是哪一类工作`, category));
      suggestions.push({
        key: '类别映射',
        entry: '',
        why: `依据：${where}的记录中没有哪类工作的字样`,
        sure: 0,
        sheet: name,
        question: `${where}记的是哪一类工作？如属某类，添加“类别映射：表名=${category}”；如不属任何一类，可不填，这些行不作检查。`,
      });
      continue;
    }
    const title = recordSheets[best[0]].title;
    const unanimous = votes.every((keys) => keys.size === 1 && keys.has(best[0]));
    // A category is a kind of work the bureau keeps coming back to: one row's words do not tell it (组织网评员培训会
    // under 网评员队伍 names 培训, yet 网评员队伍 is work of its own), so a guess from a single row is asked.
    const sure = unanimous && rows.length > 1;
    if (!unanimous) sheets.push(unplaced(name, `${where}未能归类，可能是“${title}”，请核对`, category));
    suggestions.push({
      key: '类别映射',
      entry: `${title}=${category}`,
      why: unanimous
        ? `依据：${where}的 ${rows.length} 行记录都含“${title}”一类的字样${sure ? '' : '，仅凭一行还不能断定整个类别'}`
        : `依据：${where}的 ${rows.length} 行中有 ${best[1]} 行含“${title}”一类的字样，其余不是或另含别类`,
      sure: sure ? 0.85 : unanimous ? 0.6 : 0.4,
      sheet: name,
      ...(sure ? {} : { question: `${where}记的是“${title}”吗？` }),
    });
  }

  return { sheets, suggestions };
}

/** The paste-ready 类别映射 guesses whose rows, read by them, hold an error no paste-ready 值映射 settles. */
function doubtedCategories(
  ready: readonly Suggestion[],
  recognition: Recognition,
  findings: readonly Finding[],
  values: readonly Suggestion[],
): Array<{ line: Suggestion; sheet: string; rows: number[]; where: string; title: string; errors: number }> {
  const settled = (f: Finding) =>
    f.rule === 'D03' &&
    values.some((v) => isPasteReady(v) && v.sheet === f.sheet && v.entry.includes(`.${f.field}：${(f.value ?? '').trim()}=`));
  return ready.flatMap((line) => {
    if (line.key !== '类别映射') return [];
    const title = line.entry.slice(0, line.entry.indexOf('='));
    const category = line.entry.slice(line.entry.indexOf('=') + 1);
    const found = recognition.uncategorised.find((u) => u.sheet === line.sheet && u.category === category);
    if (!found) return [];
    const errors = findings.filter(
      (f) => f.severity === 'error' && f.sheet === line.sheet && found.rows.includes(f.row) && !settled(f),
    ).length;
    const where = `类别“${category}”（第${found.rows.join('、')}行）`;
    return errors > 0 ? [{ line, sheet: line.sheet, rows: found.rows, where, title, errors }] : [];
  });
}

/** The D03 values of a topic's fields, each once, with a cell: what a 值映射 could settle. */
function valueQuestions(findings: readonly Finding[], recognition: Recognition): Suggestion[] {
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const f of findings) {
    if (f.rule !== 'D03' || f.severity === 'info' || f.field === null || f.value === null) continue;
    const key = recordSheetKeys.find((k) => (recognition.sources[k] ?? []).some((s) => s.sheet === f.sheet));
    const field = key ? fieldsOf(recordSheets[key].schema).find((x) => x.name === f.field) : undefined;
    if (!key || !field || (field.kind !== 'enum' && field.kind !== 'yesno')) continue;
    const raw = f.value.trim();
    const id = `${recordSheets[key].title}.${field.name}`;
    if (seen.has(`${id}：${raw}`)) continue;
    seen.add(`${id}：${raw}`);
    const allowed = field.kind === 'yesno' ? ['是', '否'] : [...(field.values ?? [])];
    const likely = field.kind === 'yesno' ? null : likelyValue(raw, allowed);
    const meant = field.kind === 'yesno' ? yesNoMeaning(raw) : likely?.kind === 'one' ? likely.value : null;
    const base = { key: '值映射' as const, sheet: f.sheet };
    if (meant !== null) {
      out.push({
        ...base,
        entry: `${id}：${raw}=${meant}`,
        why:
          field.kind === 'yesno'
            ? `依据：“${raw}”是“${meant === '是' ? '重大' : '一般'}”一类的说法`
            : `依据：“${raw}”与规定的“${meant}”意思相同，校验已按“${meant}”计`,
        sure: 0.85,
      });
      continue;
    }
    const which = likely?.kind === 'several' ? likely.values : [];
    out.push({
      ...base,
      entry: '',
      why:
        which.length > 0
          ? `依据：“${raw}”与${which.map((v) => `“${v}”`).join('、')}同样相近`
          : `依据：“${raw}”不是规定的值，也看不出是哪一个`,
      sure: 0,
      question: `“${id}”中的“${raw}”是${(which.length > 0 ? which : allowed).map((v) => `“${v}”`).join('、')}中的哪一个？如是其一，添加“值映射：${id}：${raw}=规定的值”；如都不是，请改正该单元格。`,
    });
  }
  return out;
}

/**
 * Two passes: the first guesses which sheet or category holds a missing topic; the second reads the
 * workbook with the paste-ready ones applied, so that their columns and values are guessed too. A
 * guess the clerk is asked about is not read on: what rests on it would be a guess on a guess.
 */
export function mapWorkbook(
  grid: WorkbookGrid,
  fallbackYear: number,
  /** The workbook as already normalised with 基本信息's own mappings, where the caller has it. */
  first: Normalised = normaliseWorkbook(grid, fallbackYear),
): LedgerMap {
  const readers = new Map(grid.sheets.map((s) => [s.name, sheetReader(s)]));
  const firstCtx = { year: first.ledger.settings.台账年度, date1904: grid.date1904 };
  const own = parseMappings({ 列名映射: first.ledger.settings.列名映射 }, () => ({ sheet: '', row: 1, column: 1 })).mappings.columns;
  const located = locatedTopics(first.recognition, readers, own, firstCtx);
  const ready = located.suggestions.filter(isPasteReady);
  const extra = Object.fromEntries(
    (['表名映射', '类别映射'] as const).map((key) => [
      key,
      ready
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
  const guessed = new Set(ready.filter((s) => s.key === '表名映射').map((s) => s.entry.slice(s.entry.indexOf('=') + 1)));
  // A sheet read only by a guessed 表名映射 is shown once, as recognised, saying so.
  const sheets: RecognisedSheet[] = located.sheets.filter((s) => !guessed.has(s.sheet));

  const unfound: string[] = [];
  for (const key of recordSheetKeys) {
    for (const topic of recognition.sources[key] ?? []) {
      const columns = [...(topic.header?.found ?? [])].map(([field, { text, how }]) => ({ header: text, field, how }));
      const unplacedReason = located.sheets.find((s) => s.sheet === topic.sheet)?.reason;
      const reason = guessed.has(topic.sheet) ? `${unplacedReason ?? ''}；按下面建议的表名映射读取` : topic.reason;
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
      const fields = fieldsOf(recordSheets[key].schema);
      const absent = (name: string) => !topic.header!.columns.has(name) && !topic.derived.includes(name);
      for (const name of neededFields(key)) {
        if (!absent(name)) continue;
        const field = fields.find((f) => f.name === name)!;
        const guess = guessColumn(sheet, topic.header, field, fields.filter((f) => f.kind === field.kind).length, ctx);
        if (!guess) {
          unfound.push(`“${topic.sheet}”的“${name}”`);
          continue;
        }
        const entry = `${recordSheets[key].title}.${name}=${guess.text}`;
        if (suggestions.some((s) => s.key === '列名映射' && s.entry === entry)) continue;
        suggestions.push({
          key: '列名映射',
          entry,
          why: `${guess.why}（工作表“${topic.sheet}”）`,
          sure: guess.sure,
          sheet: topic.sheet,
          ...(guess.sure < pasteThreshold ? { question: `“${topic.sheet}”的“${guess.text}”列是“${name}”吗？` } : {}),
        });
      }
    }
  }
  // A guessed category is pasted only where its rows, read as that topic, raise no error a pasted 值映射
  // would not settle: else pasting it adds alarms (组织网评员培训会 under 网评员队伍 is no 学习培训 类型).
  const doubted = doubtedCategories(ready, first.recognition, findings, valueQuestions(findings, recognition));
  const inDoubt = (f: Finding) => doubted.some((d) => d.sheet === f.sheet && d.rows.includes(f.row));
  suggestions.forEach((s, i) => {
    const d = doubted.find((x) => x.line === s);
    if (d)
      suggestions[i] = { ...s, sure: 0.4, why: `${s.why}，但按此读取有 ${d.errors} 处错误`, question: `${d.where}记的是“${d.title}”吗？` };
  });
  suggestions.push(
    ...valueQuestions(
      findings.filter((f) => !inDoubt(f)),
      recognition,
    ),
  );

  // Rows no line or question concerns: the layout says what mappings cannot (free text, no header row).
  const concerned = new Set(suggestions.map((s) => s.sheet));
  const inexpressible = ledger.account
    .filter((a) => a.unplaced > 0 && !concerned.has(a.sheet))
    .map((a) => `工作表“${a.sheet}”有 ${a.unplaced} 行未能归类，映射无法说明它们：请把这些行整理为带表头、每行一条记录的表格，或移出台账`);

  const order = new Map(grid.sheets.map((s, i) => [s.name, i]));
  const seen = new Set<string>();
  return {
    workbook: grid.name,
    sheets: sheets
      .filter((s) => {
        // A combined register is one sheet of several topics; a topic of several sheets is one row per sheet.
        const id = `${s.sheet}\u0000${s.topic ?? ''}\u0000${s.category ?? ''}`;
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      })
      .sort((a, b) => order.get(a.sheet)! - order.get(b.sheet)!),
    missing: recordSheetKeys.filter((k) => !recognition.topics[k]).map((k) => recordSheets[k].title),
    suggestions,
    current: Object.fromEntries(mappingKeys.flatMap((k) => (ledger.settings[k] ? [[k, ledger.settings[k]]] : []))),
    inexpressible,
    unfound,
  };
}
