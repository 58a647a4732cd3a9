/**
 * The open workbook read from its own bytes, for hosts that cannot read merged areas through the
 * Excel API (below ExcelApi 1.13: Office 2019 stops at 1.7). The Common API's
 * `Document.getFileAsync(Office.FileType.Compressed)` (File 1.1) hands over the .xlsx in slices, and
 * the project's own reader reads them, so the findings equal the CLI's for the same file.
 *
 * What Microsoft's documentation says, and this module follows (learn.microsoft.com, Office.File,
 * Office.GetFileOptions): a slice is at most 4194304 bytes (also the default); no more than two
 * files may be open at once, so each is closed with `File.closeAsync` when done, whether or not every
 * slice came. Excel 2016 without updates refuses the call (OfficeDev/office-js #33, #6: "Permission
 * Denied", code 7000), as Excel on the web may after the workbook was renamed (#98).
 *
 * Whether the bytes hold edits not yet saved, the documentation does not say for Excel (its
 * getFileAsync articles speak of Word and PowerPoint). The threads point both ways: on Word desktop the
 * file is written afresh from the open document each time, differing between calls (#298), while
 * Excel on the web fetches it over the network (#98), which suggests the copy last saved there. So the
 * pane asks the clerk to save before checking (capabilities.ts `featureNotice`), and the fake models
 * both answers. #298 also reports Word asking to save on close after the call.
 */
import { LedgerReadError } from '../../ledger/errors';
import type { WorkbookGrid } from '../../ledger/grid/types';
import { readWorkbookBytes } from '../../ledger/read/portable';
import type { ExcelRun } from './api';
import { HostError } from './hostErrors';

/** Office.AsyncResult, as much of it as is read here; office.js's `AsyncResultStatus.Succeeded` is the string below. */
export interface AsyncOutcome<T> {
  status: unknown;
  value: T;
  error?: { code?: number; message?: string };
}

export interface FileSlice {
  /** The slice's bytes: an array of numbers from 0 to 255. */
  data: ArrayLike<number>;
}

/** Office.File. */
export interface OfficeFile {
  size: number;
  sliceCount: number;
  getSliceAsync(sliceIndex: number, callback: (result: AsyncOutcome<FileSlice>) => void): void;
  closeAsync(callback?: (result: AsyncOutcome<void>) => void): void;
}

/** Office.Document, as far as getting the file goes. */
export interface FileDocument {
  getFileAsync(fileType: 'compressed', options: { sliceSize: number }, callback: (result: AsyncOutcome<OfficeFile>) => void): void;
}

/** GetFileOptions.sliceSize: the documented maximum, which is also the default. */
export const sliceSize = 4_194_304;

const succeeded = 'succeeded';

const refused = () =>
  new HostError(
    '读取工作簿未完成：本机 Excel 没有交出工作簿文件。请保存工作簿后再试；如仍不行，请关闭其他加载项并重新打开工作簿，或用“台账助手.html”、命令行 taizhang validate 校验该文件。工作簿未被改动。',
  );

function openFile(document: FileDocument, size: number): Promise<OfficeFile> {
  return new Promise((resolve, reject) =>
    document.getFileAsync('compressed', { sliceSize: size }, (result) =>
      result.status === succeeded ? resolve(result.value) : reject(refused()),
    ),
  );
}

function sliceOf(file: OfficeFile, index: number): Promise<FileSlice> {
  return new Promise((resolve, reject) =>
    file.getSliceAsync(index, (result) => (result.status === succeeded ? resolve(result.value) : reject(refused()))),
  );
}

/** Closes the file; a failure to close leaves nothing for the clerk to do, so it is not reported. */
function closeFile(file: OfficeFile): Promise<void> {
  return new Promise((resolve) => file.closeAsync(() => resolve()));
}

/** The workbook's .xlsx bytes, slice after slice as Microsoft's sample reads them, the file closed after. */
export async function workbookFileBytes(document: FileDocument, size = sliceSize): Promise<Uint8Array> {
  const file = await openFile(document, size);
  try {
    const bytes = new Uint8Array(file.size);
    let at = 0;
    for (let index = 0; index < file.sliceCount; index++) {
      const { data } = await sliceOf(file, index);
      if (at + data.length > bytes.length) throw refused();
      bytes.set(data, at);
      at += data.length;
    }
    if (at !== bytes.length) throw refused();
    return bytes;
  } finally {
    await closeFile(file);
  }
}

/** The workbook as grids, read from its file; the reader's refusals name the file, as the CLI's do. */
export async function readWorkbookFile(run: ExcelRun, document: FileDocument | undefined): Promise<WorkbookGrid> {
  if (!document) throw refused();
  const name = await run(async (context) => {
    const workbook = context.workbook.load('name');
    await context.sync();
    return workbook.name;
  });
  const bytes = await workbookFileBytes(document);
  try {
    return await readWorkbookBytes(bytes, name);
  } catch (error) {
    if (error instanceof LedgerReadError) throw new HostError(error.message, { cause: error });
    throw error;
  }
}
