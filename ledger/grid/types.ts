/**
 * The read stage's output: a workbook as plain grids, shaped like what Office.js hands back
 * (values + number formats), so the exceljs reader and the add-in's adapter meet the same seam.
 * Dates are Excel serial numbers with a date number format, exactly as Office.js returns them.
 */
export type CellValue = string | number | boolean | null;

/** 1-based Excel coordinates, inclusive. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  /** The sheet's name as it stands in the workbook. */
  name: string;
  /** Excel row and column (1-based) of values[0][0]. */
  origin: { row: number; column: number };
  values: CellValue[][];
  /** Number format per cell, same shape as values ("General" or "" when none). */
  numberFormats: string[][];
  merges: MergedRange[];
}

export interface WorkbookGrid {
  /** The file name shown to the user in messages. */
  name: string;
  /** Serial numbers count from 1904-01-01 instead of 1899-12-30. */
  date1904: boolean;
  sheets: SheetGrid[];
  /** What the reader left out of a workbook it could still read (a sheet listed without content), in Chinese. */
  notes?: string[];
}
