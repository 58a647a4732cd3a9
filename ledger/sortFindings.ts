import type { Finding } from './findings';
import { columnNumber } from './grid/address';
import type { WorkbookGrid } from './grid/types';

/** Findings in the order a clerk walks the workbook: by sheet as the tabs stand, then row, then column. */
export function sortFindings(grid: WorkbookGrid, findings: Finding[]): Finding[] {
  const sheetOrder = new Map(grid.sheets.map((s, i) => [s.name, i]));
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        (sheetOrder.get(a.f.sheet) ?? Infinity) - (sheetOrder.get(b.f.sheet) ?? Infinity) ||
        a.f.row - b.f.row ||
        columnNumber(a.f.column) - columnNumber(b.f.column) ||
        a.i - b.i,
    )
    .map(({ f }) => f);
}
