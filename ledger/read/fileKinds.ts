/**
 * The file extensions a bureau's ledger comes with. .xlsx and .xlsm are read; the others are the formats
 * Excel, WPS and LibreOffice also save workbooks in, taken too so that the reader says how to save each
 * as .xlsx (workbookBytes.ts) instead of the file being passed over without a word.
 */
export const ledgerExtensions = ['.xlsx', '.xlsm', '.xls', '.et', '.ods', '.xlsb'] as const;

/** Excel's lock files (`~$台账.xlsx`) and hidden files sit beside real ledgers but are not ones. */
export const isLedgerFileName = (name: string): boolean =>
  !name.startsWith('~$') && !name.startsWith('.') && ledgerExtensions.some((ext) => name.toLowerCase().endsWith(ext));
