import type { Table, TableColumn } from '../model';

/** Table columns from the template's headers and the code's widths and alignments. */
export function columns(headers: readonly string[], layout: ReadonlyArray<[number, TableColumn['align']]>): TableColumn[] {
  return headers.map((header, i) => ({ header, weight: layout[i][0], align: layout[i][1] }));
}

export function table(headers: readonly string[], layout: ReadonlyArray<[number, TableColumn['align']]>, rows: Array<Array<string | number>>): Table {
  return { kind: 'table', columns: columns(headers, layout), rows: rows.map((row) => row.map(String)) };
}
