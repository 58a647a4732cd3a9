/**
 * The fake Excel host's workbook: plain JSON, so a test can "save, close and reopen" it by
 * serialising it and starting a new host on the copy.
 */
import { cellAddress } from '../../../ledger/grid/address';
import type { CellValue, MergedRange, WorkbookGrid } from '../../../ledger/grid/types';

/** A fill as getCellProperties reports it. */
export interface FakeFill {
  color: string;
  pattern: string | null;
  patternColor: string | null;
  tintAndShade: number | null;
  patternTintAndShade: number | null;
}

export interface FakeCell {
  value: CellValue;
  numberFormat?: string;
  fill?: FakeFill;
  /** A note (注释; ExcelApi 1.18 `notes`). */
  note?: string;
  /** A threaded comment (批注; ExcelApi 1.10 `comments`): its text. */
  comment?: string;
  hyperlink?: { documentReference?: string; textToDisplay?: string; screenTip?: string };
  /** Set when a string starting with `=` was written to a cell not formatted as text. */
  formula?: string;
  bold?: boolean;
}

export interface FakeSheet {
  name: string;
  /** Keyed by A1 address. */
  cells: Record<string, FakeCell>;
  merges: MergedRange[];
  frozenRows: number;
  columnWidths: Record<number, number>;
  /** Protected: writes to its cells fail (Review → Protect Sheet). */
  protected?: boolean;
}

/** A workbook name; `address` is null once its cell was deleted (`#REF!`). */
export interface FakeName {
  name: string;
  sheet: string;
  address: string | null;
  visible: boolean;
  comment?: string;
}

export interface FakeWorkbookState {
  name: string;
  date1904: boolean;
  sheets: FakeSheet[];
  customXmlParts: Array<{ id: string; xml: string }>;
  names?: FakeName[];
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
}

/** How Excel reports a cell without fill (OfficeDev/office-js #4900, #6218). */
export const noFill: FakeFill = { color: '#FFFFFF', pattern: null, patternColor: null, tintAndShade: null, patternTintAndShade: null };

/** What a cell without fill becomes when a fill property is written to it (#2349). */
export const solidWhite: FakeFill = { color: '#FFFFFF', pattern: 'Solid', patternColor: null, tintAndShade: 0, patternTintAndShade: 0 };

/** A workbook as Excel would hold the grids a reader produced. */
export function stateFromGrid(grid: WorkbookGrid): FakeWorkbookState {
  const sheets = grid.sheets.map((sheet): FakeSheet => {
    const cells: Record<string, FakeCell> = {};
    sheet.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === '') return;
        const format = sheet.numberFormats[r]?.[c];
        cells[cellAddress(sheet.origin.row + r, sheet.origin.column + c)] = {
          value,
          ...(format && format !== 'General' ? { numberFormat: format } : {}),
        };
      }),
    );
    return { name: sheet.name, cells, merges: sheet.merges.map((m) => ({ ...m })), frozenRows: 0, columnWidths: {} };
  });
  return { name: grid.name, date1904: grid.date1904, sheets, customXmlParts: [], activeSheet: sheets[0]?.name ?? null, selection: null };
}

/** What a save, close and reopen keeps: everything in the file, nothing in memory. */
export function reopen(state: FakeWorkbookState): FakeWorkbookState {
  return JSON.parse(JSON.stringify(state)) as FakeWorkbookState;
}
