/**
 * The workbook cannot be checked at all (not an .xlsx, damaged, no ledger sheet in it). The CLI prints
 * the message alone and exits 2; the add-in and 台账助手.html show it in their status line.
 */
export class LedgerReadError extends Error {
  override name = 'LedgerReadError';
}

/** The file is no .xlsx workbook at all (.xls, .et, .ods, .xlsb, a Word document): saving it as .xlsx mends it. */
export class WrongFormatError extends LedgerReadError {
  override name = 'WrongFormatError';
}

/** The workbook has an opening password: the bureau must remove it. */
export class PasswordError extends LedgerReadError {
  override name = 'PasswordError';
}

/**
 * No sheet of the workbook was recognised as a ledger sheet. The CLI prints the message as for any
 * unreadable ledger; the add-in and the page show the 对应关系 to set instead, for the unit and year
 * the workbook gives.
 */
export class NotALedgerError extends LedgerReadError {
  override name = 'NotALedgerError';

  constructor(
    message: string,
    readonly unit: string,
    readonly year: number,
  ) {
    super(message);
  }
}

/**
 * The workbook is one taizhang wrote (a summary, a 校验结果 download), not a ledger: a folder of ledgers
 * passes over it with a note, and a clerk who opened it by mistake is told what it is.
 */
export class OwnWorkbookError extends LedgerReadError {
  override name = 'OwnWorkbookError';
}

/** The one line a clerk is shown when a ledger could not be checked, by the CLI and the page alike. */
export function failureLine(error: unknown): string {
  if (error instanceof LedgerReadError) return error.message;
  const reason = error instanceof Error ? error.message : String(error);
  return `处理失败：${reason.split('\n')[0]}`;
}
