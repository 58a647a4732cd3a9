import type { Finding } from '../findings';
import { columnLetter } from '../grid/address';
import type { FieldInfo } from '../schema/fields';
import { categoryHeaders } from '../schema/topics';
import { foldHeader, headerForms } from '../text/fold';
import { cellText } from '../values/cell';
import { finding } from './finding';
import type { SheetReader } from './sheetReader';

export const headerSearchRows = 10;
const serialHeaders = new Set(['序号', '编号']);
const categories = new Set(categoryHeaders.map(foldHeader));
/** A header may hold a few more characters than the name it contains (`会议召开时间` holds 会议时间). */
const containmentSlack = 4;

export interface HeaderMap {
  /** The last header row: data starts below it (the sub-header row of a two-row header). */
  row: number;
  /** Column number of each field found. */
  columns: Map<string, number>;
  /** The header text each field was found under, and how: for `taizhang map`. */
  found: Map<string, { text: string; how: string }>;
  /** The 序号 column, whose only-filled rows are blank template rows. */
  serialColumn: number | null;
  /** The category column of a combined register (工作类别 …). */
  categoryColumn: number | null;
  /** Header cells that name no field: where a missing column may stand under another name. */
  others: Array<{ column: number; text: string }>;
}

/** Header text (folded) → field name; a field's own name wins over another field's synonym. */
export function headerIndex(fields: readonly FieldInfo[], custom: ReadonlyMap<string, string>): Map<string, string> {
  const index = new Map<string, string>();
  for (const f of fields) for (const s of f.synonyms) index.set(foldHeader(s), f.name);
  for (const f of fields) index.set(foldHeader(f.name), f.name);
  for (const [header, field] of custom) index.set(foldHeader(header), field);
  return index;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * The field a header cell names: by one of its forms (as typed, without a hint), else by the longest
 * name it contains in order (`会议召开时间` → 会议时间) when that name points at one field only.
 */
export function matchHeader(index: ReadonlyMap<string, string>, text: string): { field: string; how: string } | null {
  return matchForms(index, headerForms(text));
}

function matchForms(index: ReadonlyMap<string, string>, forms: readonly string[]): { field: string; how: string } | null {
  for (const form of forms) {
    const field = index.get(form);
    if (field === undefined) continue;
    if (form !== forms[0]) return { field, how: `去掉填写提示后为“${form}”` };
    return { field, how: form === foldHeader(field) ? '列名相同' : '常用的同义列名' };
  }
  const base = forms[forms.length - 1];
  let longest = 0;
  let fields = new Set<string>();
  let name = '';
  for (const [key, field] of index) {
    if (key.length < 2 || key.length < longest || base.length - key.length > containmentSlack || !isSubsequence(key, base)) continue;
    if (key.length > longest) {
      longest = key.length;
      fields = new Set();
      name = key;
    }
    fields.add(field);
  }
  if (fields.size !== 1) return null;
  return { field: [...fields][0], how: `列名含“${name}”` };
}

export function isCategoryHeader(text: string): boolean {
  return headerForms(text).some((form) => categories.has(form));
}

/** What a header cell says: a category column, a field, the 序号 column, or another header. */
type HeaderCell = { kind: 'category' } | { kind: 'field'; field: string; how: string } | { kind: 'serial' } | { kind: 'other' };

/**
 * Reads header cells against one index, each distinct text once: a merged title reads the same in every
 * column it spans, and the rows searched for a header are read twice (alone and as a grouped pair).
 */
function headerCellReader(index: ReadonlyMap<string, string>): (text: string) => HeaderCell {
  const read = new Map<string, HeaderCell>();
  return (text) => {
    let cell = read.get(text);
    if (cell === undefined) {
      const forms = headerForms(text);
      const match = forms.some((form) => categories.has(form)) ? 'category' : matchForms(index, forms);
      if (match === 'category') cell = { kind: 'category' };
      else if (match !== null) cell = { kind: 'field', ...match };
      else cell = serialHeaders.has(forms[0]) ? { kind: 'serial' } : { kind: 'other' };
      read.set(text, cell);
    }
    return cell;
  };
}

interface Candidate {
  row: number;
  matches: Array<{ field: string; column: number; text: string; how: string }>;
  serialColumn: number | null;
  categoryColumn: number | null;
  others: Array<{ column: number; text: string }>;
}

/**
 * The header text of a column over rows `top`..`bottom`: the sub-header of a grouped two-row header
 * (`落实情况` over `主持人`, `研究内容`), else the upper cell (a header merged down both rows, or
 * standing alone above an empty cell).
 */
function headerText(sheet: SheetReader, top: number, bottom: number, column: number): string {
  const upper = cellText(sheet.value(top, column));
  if (bottom === top) return upper;
  const lower = cellText(sheet.value(bottom, column));
  return lower !== '' ? lower : upper;
}

function candidate(sheet: SheetReader, top: number, bottom: number, readCell: (text: string) => HeaderCell): Candidate {
  const matches: Candidate['matches'] = [];
  let serialColumn: number | null = null;
  let categoryColumn: number | null = null;
  const others: Candidate['others'] = [];
  for (let column = sheet.firstColumn; column <= sheet.lastColumn; column++) {
    const text = headerText(sheet, top, bottom, column);
    if (text === '') continue;
    const cell = readCell(text);
    if (cell.kind === 'category') categoryColumn ??= column;
    else if (cell.kind === 'field') matches.push({ field: cell.field, column, text, how: cell.how });
    else if (cell.kind === 'serial') serialColumn ??= column;
    else others.push({ column, text });
  }
  return { row: bottom, matches, serialColumn, categoryColumn, others };
}

const fieldCount = (c: Candidate) => new Set(c.matches.map((m) => m.field)).size;

/**
 * True when the row below `row` holds the sub-headers of a group header in `row`: a cell merged across
 * columns (落实情况, 佐证材料) over different texts. Such a pair is one header even when the group
 * spans only optional columns, whose sub-headers name no field the upper row lacks.
 */
function subHeadersBelow(sheet: SheetReader, row: number): boolean {
  if (row >= sheet.lastRow) return false;
  for (let column = sheet.firstColumn; column < sheet.lastColumn; column++) {
    const group = cellText(sheet.value(row, column));
    if (group === '' || group !== cellText(sheet.value(row, column + 1))) continue;
    const left = cellText(sheet.value(row + 1, column));
    const right = cellText(sheet.value(row + 1, column + 1));
    if (left !== '' && right !== '' && left !== right && left !== group && right !== group) return true;
  }
  return false;
}

/**
 * Finds the header row: the first of the first ten rows (or pairs of rows, for a grouped header)
 * holding every required header. Failing that, the row matching most headers is used; a sheet where
 * no row matches at least two headers has no header row (S03). Which missing columns matter is the
 * rules' business (S02, in check).
 */
export function findHeader(
  sheet: SheetReader,
  fields: readonly FieldInfo[],
  custom: ReadonlyMap<string, string>,
): { header: HeaderMap | null; findings: Finding[] } {
  const readCell = headerCellReader(headerIndex(fields, custom));
  const required = fields.filter((f) => f.required).map((f) => f.name);
  const last = Math.min(sheet.lastRow, headerSearchRows);
  let best: Candidate | null = null;
  let chosen: Candidate | null = null;
  for (let row = 1; row <= last && chosen === null; row++) {
    const single = candidate(sheet, row, row, readCell);
    // The pair is a grouped header when its upper row is a header itself (not a title above one) and
    // its sub-header row adds fields the upper row lacks.
    const grouped = fieldCount(single) > 0 && row < sheet.lastRow ? candidate(sheet, row, row + 1, readCell) : single;
    const c = fieldCount(grouped) > fieldCount(single) || (fieldCount(single) > 0 && subHeadersBelow(sheet, row)) ? grouped : single;
    const found = new Set(c.matches.map((m) => m.field));
    if (required.every((f) => found.has(f)) && c.matches.length > 0) chosen = c;
    else if (best === null || fieldCount(c) > fieldCount(best)) best = c;
  }
  const findings: Finding[] = [];
  if (chosen === null) {
    if (best === null || fieldCount(best) < Math.min(2, fields.length)) {
      findings.push(
        finding(
          'S03',
          { sheet: sheet.name, row: 1, column: 1 },
          `工作表“${sheet.name}”的前${headerSearchRows}行中找不到表头行。表头应包含：${required.join('、')}。`,
        ),
      );
      return { header: null, findings };
    }
    chosen = best;
  }
  return { header: headerOf(sheet, chosen, findings), findings };
}

/**
 * The header of a combined register for one topic, whose rows are known: `top`..`bottom`. Its columns
 * serve every topic at once (佐证材料 and 备注 side by side), so a second column for a field stands
 * aside without an S04.
 */
export function headerAt(
  sheet: SheetReader,
  top: number,
  bottom: number,
  fields: readonly FieldInfo[],
  custom: ReadonlyMap<string, string>,
): HeaderMap {
  return headerOf(sheet, candidate(sheet, top, bottom, headerCellReader(headerIndex(fields, custom))), []);
}

function headerOf(sheet: SheetReader, chosen: Candidate, findings: Finding[]): HeaderMap {
  const columns = new Map<string, number>();
  const found = new Map<string, { text: string; how: string }>();
  const contained = (m: Candidate['matches'][number]) => m.how.startsWith('列名含');
  // A header matched by name wins over one that only contains a name, which then stands aside unreported.
  const ordered = [...chosen.matches].sort((a, b) => Number(contained(a)) - Number(contained(b)));
  const asideOthers: Array<{ column: number; text: string }> = [];
  for (const m of ordered) {
    const first = columns.get(m.field);
    // Set aside, it is a header of unknown words again (整改截止时间 holds 时间 but is no 检查日期).
    if (first !== undefined && contained(m)) {
      asideOthers.push({ column: m.column, text: m.text });
      continue;
    }
    if (first === undefined) {
      columns.set(m.field, m.column);
      found.set(m.field, { text: m.text, how: m.how });
      continue;
    }
    findings.push(
      finding(
        'S04',
        { sheet: sheet.name, row: chosen.row, column: m.column },
        `“${m.text}”列与${columnLetter(first)}列都对应字段“${m.field}”，本列被忽略。请删除或改名其中一列。`,
        { field: m.field, value: m.text },
      ),
    );
  }
  const { row, serialColumn, categoryColumn } = chosen;
  const others = [...chosen.others, ...asideOthers].sort((a, b) => a.column - b.column);
  return { row, columns, found, serialColumn, categoryColumn, others };
}

/** `（也可写作：日期、研究议题）`: the other headers a missing column may have, for its S02. */
export function otherHeaders(field: FieldInfo | undefined): string {
  const synonyms = field?.synonyms ?? [];
  return synonyms.length > 0 ? `（也可写作：${synonyms.join('、')}）` : '';
}
