import { LedgerReadError, NotALedgerError, OwnWorkbookError, PasswordError, WrongFormatError } from '../../ledger/errors';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';
import type { PeriodCode } from '../../ledger/values/period';
import { validationOutput } from '../validate/output';
import { ledgerDigest, type LedgerDigest } from '../summary/digest';

/**
 * One ledger to judge, as plain data so it can cross to a worker thread: what `validate` prints for
 * it, or the digest `summary` rolls up. `name` is what it is called in what comes of it (files.ts).
 */
export type Task =
  | { kind: 'text' | 'json'; path: string; name: string; asOf: string; period?: string }
  | { kind: 'digest'; path: string; name: string; asOf: string; period: PeriodCode };

/** Why a file could not be judged, as far as a county's 通报 tells bureaus apart: what each must do differs. */
export type ReadFailure = 'format' | 'password' | 'notLedger' | 'other';

const failureOf = (error: unknown): ReadFailure =>
  error instanceof WrongFormatError
    ? 'format'
    : error instanceof PasswordError
      ? 'password'
      : error instanceof NotALedgerError
        ? 'notLedger'
        : 'other';

/**
 * What came of it, again plain data: the whole ValidationResult (every record) would cost more to copy
 * between threads than to compute, so only what the command prints or counts comes back.
 */
export type Outcome =
  | { kind: 'validated'; path: string; errors: number; output: string }
  | { kind: 'digest'; path: string; digest: LedgerDigest }
  | { kind: 'unreadable'; path: string; workbook: string; message: string; failure: ReadFailure }
  /** A workbook taizhang wrote (a summary, a 校验结果 download) lying among the ledgers: no ledger, no fault. */
  | { kind: 'ownWorkbook'; path: string; message: string };

export async function judgeLedger(task: Task): Promise<Outcome> {
  try {
    const result = validateGrid(await readWorkbookFile(task.path, task.name), { asOf: task.asOf });
    if (task.kind === 'digest') return { kind: 'digest', path: task.path, digest: ledgerDigest(task.path, result, task.period) };
    const output = validationOutput(result, task.kind, task.period);
    return { kind: 'validated', path: task.path, errors: result.summary.error, output };
  } catch (error) {
    if (error instanceof OwnWorkbookError) return { kind: 'ownWorkbook', path: task.path, message: error.message };
    // A ledger the reader refuses, or one that trips over a fault of ours, is reported and the others go on.
    const message =
      error instanceof LedgerReadError
        ? error.message
        : `处理“${task.path}”失败：${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    return { kind: 'unreadable', path: task.path, workbook: task.name, message, failure: failureOf(error) };
  }
}
