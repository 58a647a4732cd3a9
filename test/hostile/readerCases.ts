import { expect } from 'vitest';
import { LedgerReadError } from '../../ledger/errors';
import type { SheetGrid, WorkbookGrid } from '../../ledger/grid/types';
import { readWorkbookBytes } from '../../ledger/read/portable';
import { rawWorkbook, type RawWorkbook } from './rawWorkbook';

/** A raw workbook read as `台账.xlsx`, and the one sheet of a workbook made from one sheet's XML. */
export const read = (book: RawWorkbook): Promise<WorkbookGrid> => readWorkbookBytes(rawWorkbook(book), '台账.xlsx');
export const one = async (xml: string, extra: Partial<RawWorkbook> = {}): Promise<SheetGrid> =>
  (await read({ sheets: [{ name: '表', xml }], ...extra })).sheets[0];

/** The message of the LedgerReadError the reading ends in; fails the test when it ends otherwise. */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LedgerReadError);
  return (error as LedgerReadError).message;
}
