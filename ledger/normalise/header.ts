import type { Finding } from '../findings';
import { columnLetter } from '../grid/address';
import type { FieldInfo } from '../schema/fields';
import { foldHeader } from '../text/fold';
import { cellText } from '../values/cell';
import { finding } from './finding';
import type { SheetReader } from './sheetReader';

export const headerSearchRows = 10;
const serialHeaders = new Set(['序号', '编号']);

export interface HeaderMap {
  row: number;
  /** Column number of each field found. */
  columns: Map<string, number>;
  /** The 序号 column, whose only-filled rows are blank template rows. */
  serialColumn: number | null;
}

/** Header text (folded) → field name; a field's own name wins over another field's synonym. */
export function headerIndex(fields: readonly FieldInfo[], custom: ReadonlyMap<string, string>): Map<string, string> {
  const index = new Map<string, string>();
  for (const f of fields) for (const s of f.synonyms) index.set(foldHeader(s), f.name);
  for (const f of fields) index.set(foldHeader(f.name), f.name);
  for (const [header, field] of custom) index.set(foldHeader(header), field);
  return index;
}

interface Candidate {
  row: number;
  matches: Array<{ field: string; column: number; text: string }>;
  serialColumn: number | null;
}

function candidate(sheet: SheetReader, row: number, index: Map<string, string>): Candidate {
  const matches: Candidate['matches'] = [];
  let serialColumn: number | null = null;
  for (let column = sheet.firstColumn; column <= sheet.lastColumn; column++) {
    const text = cellText(sheet.value(row, column));
    if (text === '') continue;
    const header = foldHeader(text);
    const field = index.get(header);
    if (field !== undefined) matches.push({ field, column, text });
    else if (serialHeaders.has(header) && serialColumn === null) serialColumn = column;
  }
  return { row, matches, serialColumn };
}

/** `（也可写作：日期、研究议题）`: the other headers a missing column may have, for its S02. */
export function otherHeaders(field: FieldInfo | undefined): string {
  const synonyms = field?.synonyms ?? [];
  return synonyms.length > 0 ? `（也可写作：${synonyms.join('、')}）` : '';
}

/**
 * Finds the header row: the first of the first ten rows holding every required header. Failing that,
 * the row matching most headers is used and each missing required column is reported (S02); a sheet
 * where no row matches at least two headers has no header row (S03).
 */
export function findHeader(
  sheet: SheetReader,
  fields: readonly FieldInfo[],
  custom: ReadonlyMap<string, string>,
): { header: HeaderMap | null; findings: Finding[] } {
  const index = headerIndex(fields, custom);
  const required = fields.filter((f) => f.required).map((f) => f.name);
  const last = Math.min(sheet.lastRow, headerSearchRows);
  let best: Candidate | null = null;
  let chosen: Candidate | null = null;
  for (let row = 1; row <= last; row++) {
    const c = candidate(sheet, row, index);
    const found = new Set(c.matches.map((m) => m.field));
    if (required.every((f) => found.has(f)) && c.matches.length > 0) {
      chosen = c;
      break;
    }
    if (best === null || c.matches.length > best.matches.length) best = c;
  }
  const findings: Finding[] = [];
  if (chosen === null) {
    if (best === null || best.matches.length < Math.min(2, fields.length)) {
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
  const columns = new Map<string, number>();
  for (const m of chosen.matches) {
    const first = columns.get(m.field);
    if (first === undefined) {
      columns.set(m.field, m.column);
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
  for (const field of required) {
    if (columns.has(field)) continue;
    const also = otherHeaders(fields.find((f) => f.name === field));
    findings.push(
      finding(
        'S02',
        { sheet: sheet.name, row: chosen.row, column: sheet.firstColumn },
        `工作表“${sheet.name}”第${chosen.row}行的表头缺少必填列“${field}”${also}。`,
        { field },
      ),
    );
  }
  return { header: { row: chosen.row, columns, serialColumn: chosen.serialColumn }, findings };
}
