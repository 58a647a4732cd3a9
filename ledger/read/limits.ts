/**
 * What the reader refuses to read, so that a hostile or broken file ends as a clear message instead of
 * exhausting memory. A real ledger of a year, even one of 100,000 records, stays far below every limit
 * (README, “性能与限制”).
 */
export const readLimits = {
  /** The .xlsx file itself; pictures pasted into a ledger make files large, so this is generous. */
  fileBytes: 200 * 1024 * 1024,
  /** One XML part (a sheet, the shared strings, the styles) once unzipped, declared or actual. */
  partBytes: 256 * 1024 * 1024,
  /** All XML parts read, unzipped, together. */
  totalBytes: 512 * 1024 * 1024,
  /**
   * Cells a workbook's grids may hold: each row counts from column A to its last filled cell. Formatted
   * but empty rows and cells count nothing, however far they reach, and rows without a value count
   * only against gridRows.
   */
  gridCells: 10_000_000,
  /** Rows of all grids together, up to each sheet's last filled one: sixteen sheets reaching Excel's last row. */
  gridRows: 16 * 1_048_576,
  /** Entries in the zip; a workbook with thousands of pictures has a few thousand. */
  zipEntries: 100_000,
} as const;

/** Excel's own sheet size; an address beyond it can only come from a damaged or forged file. */
export const excelMaxRow = 1_048_576;
export const excelMaxColumn = 16_384;

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
