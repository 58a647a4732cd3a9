/**
 * A fake of the Common API's `Document.getFileAsync(Office.FileType.Compressed)` (File 1.1) as
 * Microsoft documents it (learn.microsoft.com: Office.Document.getFileAsync, Office.File,
 * Office.GetFileOptions) and as issue threads report it:
 * - the file comes in `sliceCount` slices of `sliceSize` bytes (the last one shorter), each slice's
 *   `data` an array of numbers; a `sliceSize` above 4194304 is refused;
 * - no more than two files may be open at once: a third getFileAsync fails until one is closed with
 *   `File.closeAsync`;
 * - a host may refuse to hand the file over: Excel 2016 MSI builds answer "Permission Denied", code
 *   7000 (OfficeDev/office-js #33, #6, #757); so may a slice (Excel on the web after a rename, #98);
 * - callbacks come later, never within the call.
 * Whether the file holds edits not yet saved, the documentation does not say for Excel, and the
 * threads point both ways (Word desktop writes the file afresh from the open document, #298; Excel on
 * the web fetches it over the network, #98), so the fake has both models: `saved` hands over the bytes
 * of the last save, `live` the workbook as it is now. No Node APIs: the browser test bundles it.
 */
import type { AsyncOutcome, FileDocument, FileSlice, OfficeFile } from '../../../addin/excel/fileBytes';

export type UnsavedEdits = 'saved' | 'live';

const maxSliceSize = 4_194_304;
const maxOpenFiles = 2;

export interface FakeFileOptions {
  /** What the file holds when the workbook has edits not yet saved. */
  unsaved: UnsavedEdits;
  /** getFileAsync is refused, as Excel 2016 MSI builds do. */
  refuse?: boolean;
  /** The slice of this index is refused. */
  failSlice?: number;
}

const later = (f: () => void) => void setTimeout(f, 0);

const failed = <T>(code: number, message: string): AsyncOutcome<T> => ({
  status: 'failed',
  value: undefined as T,
  error: { code, message },
});

export class FakeFileDocument implements FileDocument {
  /** Files open now, and every slice size asked for. */
  open = 0;
  sliceSizes: number[] = [];
  private saved: Uint8Array;
  private live: Uint8Array;

  constructor(
    bytes: Uint8Array,
    readonly options: FakeFileOptions,
  ) {
    this.saved = bytes;
    this.live = bytes;
  }

  /** The clerk edits the workbook: `bytes` is what a save would write now. */
  edit(bytes: Uint8Array): void {
    this.live = bytes;
  }

  /** The clerk saves (Ctrl+S). */
  save(): void {
    this.saved = this.live;
  }

  getFileAsync(fileType: 'compressed', options: { sliceSize: number }, callback: (result: AsyncOutcome<OfficeFile>) => void): void {
    later(() => {
      if (fileType !== 'compressed') return callback(failed(5001, 'An internal error has occurred.'));
      if (options.sliceSize > maxSliceSize) return callback(failed(5001, 'The specified slice size is invalid.'));
      if (this.options.refuse) return callback(failed(7000, "You don't have sufficient permissions for this action."));
      if (this.open >= maxOpenFiles) return callback(failed(5001, 'Too many documents are open.'));
      this.open += 1;
      this.sliceSizes.push(options.sliceSize);
      callback({ status: 'succeeded', value: this.file(this.options.unsaved === 'live' ? this.live : this.saved, options.sliceSize) });
    });
  }

  private file(bytes: Uint8Array, sliceSize: number): OfficeFile {
    let closed = false;
    const sliceCount = Math.max(1, Math.ceil(bytes.length / sliceSize));
    return {
      size: bytes.length,
      sliceCount,
      getSliceAsync: (index: number, callback: (result: AsyncOutcome<FileSlice>) => void) =>
        later(() => {
          if (closed || index < 0 || index >= sliceCount) return callback(failed(5001, 'An internal error has occurred.'));
          if (index === this.options.failSlice) return callback(failed(5001, 'A network problem has prevented retrieval of the file.'));
          callback({ status: 'succeeded', value: { data: Array.from(bytes.subarray(index * sliceSize, (index + 1) * sliceSize)) } });
        }),
      closeAsync: (callback?: (result: AsyncOutcome<void>) => void) =>
        later(() => {
          if (!closed) this.open -= 1;
          closed = true;
          callback?.({ status: 'succeeded', value: undefined });
        }),
    };
  }
}
