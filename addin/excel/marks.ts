/**
 * What a mark is and how the cells' original looks are kept. The record lives in custom XML parts of
 * the workbook, so it is saved with the file and 清除标注 still works after the workbook was closed
 * and reopened, in this or another copy of Excel. A marking writes its record, in as many parts as
 * the size of a round trip needs, before it touches a cell, and removes the previous marking's parts
 * only once its own are saved; clearing reads all parts together. Each marked cell also gets a hidden
 * workbook name: Excel moves a name with its cell when rows or columns are inserted or deleted, so
 * the look is put back where the cell is now, not where it was.
 */
import type { Finding, Severity } from '../../ledger/findings';
import type { FillProperties } from './api';

export const marksNamespace = 'urn:taizhang:marks:1';

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Excel's own "bad / neutral / note" style colours, so a mark reads like the clerk's Excel. */
export const markFill: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

/** Every fill property `getCellProperties` is asked for, so the restore is exact. */
export const fillPropertyNames: Record<keyof FillProperties, true> = {
  color: true,
  pattern: true,
  patternColor: true,
  tintAndShade: true,
  patternTintAndShade: true,
};

export interface MarkTarget {
  sheet: string;
  cell: string;
  /** The worst severity among the cell's findings: it picks the fill. */
  severity: Severity;
  note: string;
}

export interface OriginalCell {
  /** Where the cell was when it was marked. */
  sheet: string;
  cell: string;
  /** The hidden name that follows the cell; absent in records written before marks had names. */
  name?: string;
  fill: FillProperties;
  /**
   * The cell's note before it was marked: its text, or null when it had none. Absent when the mark
   * left notes alone (a host without notes), so the restore leaves them alone too.
   */
  note?: string | null;
}

export interface MarkRecord {
  version: 1;
  /** The marking that wrote the part (base-36 milliseconds); absent in records of a single part. */
  stamp?: string;
  cells: OriginalCell[];
}

export const emptyRecord: MarkRecord = { version: 1, cells: [] };

/**
 * The cells of all parts, each cell once: where several markings recorded it (one failed part-way),
 * the oldest record holds the look it had before any mark.
 */
export function joinRecords(records: readonly MarkRecord[]): OriginalCell[] {
  const age = (r: MarkRecord) => (r.stamp === undefined ? -1 : parseInt(r.stamp, 36));
  return [...records].sort((a, b) => age(a) - age(b)).flatMap((r) => r.cells);
}

export const cellKey = (sheet: string, cell: string): string => `${sheet}!${cell}`;

/** The first line of every note a mark writes, in the add-in and in the page's annotated copy. */
export const notePrefix = '【台账校验】';

function noteText(findings: readonly Finding[]): string {
  const lines = findings.map((f, i) => (findings.length > 1 ? `${i + 1}. ${f.message}` : f.message));
  return [notePrefix, ...lines].join('\n');
}

/** One mark per cell, carrying all of its findings, in the order the findings come. */
export function planMarks(findings: readonly Finding[], sheetNames: ReadonlySet<string>): MarkTarget[] {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!sheetNames.has(f.sheet)) continue;
    const key = cellKey(f.sheet, f.cell);
    const list = byCell.get(key);
    if (list) list.push(f);
    else byCell.set(key, [f]);
  }
  return [...byCell.values()].map((list) => ({
    sheet: list[0].sheet,
    cell: list[0].cell,
    severity: list.reduce<Severity>((worst, f) => (severityRank[f.severity] < severityRank[worst] ? f.severity : worst), 'info'),
    note: noteText(list),
  }));
}

const markColours = new Set(Object.values(markFill).map((c) => c.toUpperCase()));

/** How a recorded cell looks now: its fill, and its note's text (null: none; absent: notes not read). */
export interface CellLook {
  fill: FillProperties;
  note?: string | null;
}

/** What restoring a recorded cell puts back. */
export interface RestorePlan {
  fill: boolean;
  note: boolean;
}

/**
 * What may be restored at a marked cell, judged by what is there now. A cell that shows neither our
 * fill nor our note is not ours any more: the clerk has redone it, or (in a record written before
 * marks had names) another cell has moved onto the recorded address. It is left as it is (null)
 * rather than painted over. Where only one of the two is ours, only that one is put back; a note of
 * ours the clerk deleted is put back too.
 */
export function restorePlan(original: OriginalCell, now: CellLook): RestorePlan | null {
  const fillOurs = typeof now.fill.color === 'string' && markColours.has(now.fill.color.toUpperCase());
  const noteOurs = typeof now.note === 'string' && now.note.startsWith(notePrefix);
  if (!fillOurs && !noteOurs) return null;
  return { fill: fillOurs, note: original.note !== undefined && now.note !== undefined && (noteOurs || now.note === null) };
}

/**
 * A fill that is no fill at all is restored by clearing, not by painting white: Excel reports no fill
 * as color #FFFFFF with pattern null (OfficeDev/office-js #4900, #6218), and writing that colour back
 * paints a white fill that hides the gridlines (#2349). A clerk's solid white fill reports the same
 * colour and pattern null too; Microsoft's answer in #4900 is that only `tintAndShade` tells them
 * apart: null for no fill, a number for any fill. Other builds say pattern 'None' for no fill.
 */
export function isNoFill(fill: FillProperties): boolean {
  const unset = (v: unknown) => v === undefined || v === null;
  return fill.pattern === 'None' || (unset(fill.pattern) && unset(fill.tintAndShade));
}

function sameFill(a: FillProperties, b: FillProperties): boolean {
  if (isNoFill(a) || isNoFill(b)) return isNoFill(a) && isNoFill(b);
  const keys = Object.keys(fillPropertyNames) as Array<keyof FillProperties>;
  const norm = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : (v ?? null));
  return keys.every((k) => norm(a[k]) === norm(b[k]));
}

/** The cell looks as it did before it was marked: nothing to restore, and nothing the clerk changed. */
export function looksOriginal(original: OriginalCell, now: CellLook): boolean {
  const noteSame = original.note === undefined || now.note === undefined || original.note === now.note;
  return noteSame && sameFill(original.fill, now.fill);
}

/** Hidden names of marks start with this; Excel names may not start with a digit or contain spaces. */
export const markNamePrefix = '_taizhang_mark_';

/** The name of the `index`th mark of a marking, `stamp` telling markings apart. */
export function markName(stamp: string, index: number): string {
  return `${markNamePrefix}${stamp}_${index}`;
}

/** `='二、分析研判'!$B$7`: an absolute reference, so the name means that cell wherever it is used from. */
export function cellReference(sheet: string, cell: string): string {
  const m = /^([A-Z]+)(\d+)$/u.exec(cell);
  if (!m) throw new Error(`not a cell address: ${cell}`);
  return `='${sheet.replace(/'/gu, "''")}'!$${m[1]}$${m[2]}`;
}

/** `'二、分析研判'!B7` or `Sheet1!B7`, as Excel gives a range's address, split into sheet and cell. */
export function splitAddress(address: string): { sheet: string; cell: string } {
  const at = address.lastIndexOf('!');
  const sheet = address.slice(0, at);
  const quoted = /^'(.*)'$/su.exec(sheet);
  return { sheet: quoted ? quoted[1].replace(/''/gu, "'") : sheet, cell: address.slice(at + 1).replace(/\$/gu, '') };
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function marksXml(record: MarkRecord): string {
  const json = JSON.stringify(record).replace(/[&<>]/gu, (ch) => escapes[ch]);
  return `<?xml version="1.0" encoding="UTF-8"?><taizhangMarks xmlns="${marksNamespace}">${json}</taizhangMarks>`;
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/giu, (_, entity: string) => {
    if (entity[0] !== '#') return named[entity.toLowerCase()];
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

function isOriginalCell(value: unknown): value is OriginalCell {
  if (typeof value !== 'object' || value === null) return false;
  const cell = value as Record<string, unknown>;
  const noteOk = cell.note === undefined || cell.note === null || typeof cell.note === 'string';
  const nameOk = cell.name === undefined || typeof cell.name === 'string';
  return (
    typeof cell.sheet === 'string' &&
    typeof cell.cell === 'string' &&
    typeof cell.fill === 'object' &&
    cell.fill !== null &&
    noteOk &&
    nameOk
  );
}

/**
 * Reads a record back as Excel returns the part (it may add a declaration or re-escape the text).
 * A part that is not ours or is damaged reads as no record: nothing is restored rather than the
 * wrong thing.
 */
export function parseMarksXml(xml: string): MarkRecord {
  const body = /<taizhangMarks\b[^>]*>([\s\S]*)<\/taizhangMarks>/u.exec(xml);
  if (!body) return emptyRecord;
  try {
    const parsed: unknown = JSON.parse(unescapeXml(body[1]));
    if (typeof parsed !== 'object' || parsed === null) return emptyRecord;
    const { cells, stamp } = parsed as { cells?: unknown; stamp?: unknown };
    if (!Array.isArray(cells) || !cells.every(isOriginalCell)) return emptyRecord;
    return typeof stamp === 'string' ? { version: 1, stamp, cells } : { version: 1, cells };
  } catch {
    return emptyRecord;
  }
}
