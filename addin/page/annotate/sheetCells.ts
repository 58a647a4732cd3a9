/**
 * Gives cells of a worksheet part a new format (`s`): the marked format of each marked cell, or the
 * format it had before, when marks are taken off. A marked cell that the part does not hold (a required
 * field left empty) is added as an empty styled cell, in column order, in its row (added too when
 * missing). Only the rows that hold such a cell are rewritten.
 */
import { cellAddress, columnNumber } from '../../../ledger/grid/address';
import { worksheetChildren } from './worksheetChildren';
import { attribute, elements, withAttribute } from './xmlEdit';

export interface CellAt {
  row: number;
  column: number;
}

/**
 * The new format of a cell of format `base` (its own, or for a cell the part lacks, the format Excel
 * would give it); null leaves the cell as it is. `addMissing`: cells the part lacks are added.
 */
export interface Restyle<T extends CellAt> {
  format(cell: T, base: number): number | null;
  addMissing: boolean;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function splitReference(reference: string): { row: number; column: number } {
  const m = /^([A-Z]+)(\d+)$/u.exec(reference.replace(/\$/gu, ''));
  return m ? { column: columnNumber(m[1]), row: Number(m[2]) } : { column: 0, row: 0 };
}

/** The format a new, empty cell gets by Excel's rule: its row's when the row has one, else its column's. */
function columnFormats(cols: readonly string[], prefix: string): (column: number) => number {
  const ranges = cols.flatMap((inner) =>
    elements(inner, prefix, 'col').map((col) => ({
      min: Number(attribute(col, 'min')),
      max: Number(attribute(col, 'max')),
      style: Number(attribute(col, 'style') ?? 0),
    })),
  );
  return (column) => ranges.find((r) => column >= r.min && column <= r.max)?.style ?? 0;
}

export function restyleCells<T extends CellAt>(xml: string, marks: readonly T[], restyle: Restyle<T>): string {
  const sheet = worksheetChildren(xml);
  const data = sheet.children.find((c) => c.name === 'sheetData');
  if (!data) throw new Error('工作表缺少数据区');
  const p = data.prefix;
  const cols = sheet.children.filter((c) => c.name === 'cols').map((c) => xml.slice(c.start, c.end));
  const columnFormat = columnFormats(cols, sheet.children.find((c) => c.name === 'cols')?.prefix ?? p);
  const open = /^<[^>]*>/u.exec(xml.slice(data.start, data.end))![0];
  const sheetData = {
    start: data.start,
    end: data.end,
    open,
    inner: open.endsWith('/>') ? '' : xml.slice(data.start + open.length, data.end - `</${p}sheetData>`.length),
  };
  const byRow = new Map<number, T[]>();
  for (const mark of marks) {
    const list = byRow.get(mark.row);
    if (list) list.push(mark);
    else byRow.set(mark.row, [mark]);
  }
  const newCell = (mark: T, base: number) => {
    const format = restyle.addMissing ? restyle.format(mark, base) : null;
    return format === null ? '' : `<${p}c r="${cellAddress(mark.row, mark.column)}" s="${format}"/>`;
  };
  const newRow = (row: number) => {
    const cells = byRow
      .get(row)!
      .sort((a, b) => a.column - b.column)
      .map((m) => newCell(m, columnFormat(m.column)))
      .join('');
    return cells === '' ? '' : `<${p}row r="${row}">${cells}</${p}row>`;
  };

  const rowFormat = (open: string) => (attribute(open, 'customFormat') === '1' ? Number(attribute(open, 's') ?? 0) : null);

  const markRow = (row: string, number: number): string => {
    const open = /^<[^>]*>/u.exec(row)![0];
    const selfClosing = open.endsWith('/>');
    const inner = selfClosing ? '' : row.slice(open.length, row.length - `</${p}row>`.length);
    const pending = new Map(byRow.get(number)!.map((m) => [m.column, m]));
    const fallback = (column: number) => rowFormat(open) ?? columnFormat(column);
    let column = 0;
    const cells = inner.replace(new RegExp(`<${p}c(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</${p}c>)`, 'gu'), (cell) => {
      const tagEnd = cell.indexOf('>') + 1;
      const tag = cell.slice(0, tagEnd);
      const reference = attribute(tag, 'r');
      column = reference ? splitReference(reference).column : column + 1;
      const before = [...pending.values()].filter((m) => m.column < column).sort((a, b) => a.column - b.column);
      for (const m of before) pending.delete(m.column);
      const added = before.map((m) => newCell(m, fallback(m.column))).join('');
      const mark = pending.get(column);
      if (!mark) return added + cell;
      pending.delete(column);
      const format = restyle.format(mark, Number(attribute(tag, 's') ?? 0));
      return added + (format === null ? cell : withAttribute(tag, 's', String(format)) + cell.slice(tagEnd));
    });
    const rest = [...pending.values()].sort((a, b) => a.column - b.column).map((m) => newCell(m, fallback(m.column)));
    return `${open.replace(/\s*\/>$/u, '>')}${cells}${rest.join('')}</${p}row>`;
  };

  const edits: Edit[] = [];
  const innerStart = sheetData.start + sheetData.open.length;
  const rows = new RegExp(`<${p}row(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</${p}row>)`, 'gu');
  const waiting = [...byRow.keys()].sort((a, b) => a - b);
  let number = 0;
  for (let m = rows.exec(sheetData.inner); m; m = rows.exec(sheetData.inner)) {
    const open = /^<[^>]*>/u.exec(m[0])![0];
    number = Number(attribute(open, 'r') ?? number + 1);
    const at = innerStart + m.index;
    const before: number[] = [];
    while (waiting.length > 0 && waiting[0] < number) before.push(waiting.shift()!);
    if (before.length > 0) edits.push({ start: at, end: at, text: before.map(newRow).join('') });
    if (waiting[0] === number) {
      waiting.shift();
      edits.push({ start: at, end: at + m[0].length, text: markRow(m[0], number) });
    }
  }
  if (waiting.length > 0) {
    const text = waiting.map(newRow).join('');
    if (sheetData.open.endsWith('/>')) {
      edits.push({ start: sheetData.start, end: sheetData.end, text: `${sheetData.open.replace(/\s*\/>$/u, '>')}${text}</${p}sheetData>` });
    } else edits.push({ start: sheetData.end - `</${p}sheetData>`.length, end: sheetData.end - `</${p}sheetData>`.length, text });
  }
  // Pieces joined once: a 100,000-row sheet is tens of megabytes, and marks can be thousands.
  const pieces: string[] = [];
  let at = 0;
  for (const edit of edits) {
    pieces.push(xml.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  pieces.push(xml.slice(at));
  return pieces.join('');
}
