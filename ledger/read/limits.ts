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
   * but empty rows and cells count nothing, however far they reach.
   */
  gridCells: 10_000_000,
  /** Entries in the zip; a workbook with thousands of pictures has a few thousand. */
  zipEntries: 100_000,
} as const;

/** Excel's own sheet size; an address beyond it can only come from a damaged or forged file. */
export const excelMaxRow = 1_048_576;
export const excelMaxColumn = 16_384;

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
