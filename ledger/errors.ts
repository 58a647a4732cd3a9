/**
 * The workbook cannot be checked at all (not an .xlsx, damaged, no ledger sheet in it). The CLI prints
 * the message alone and exits 2; the add-in shows it in the pane.
 */
export class LedgerReadError extends Error {
  override name = 'LedgerReadError';
}
