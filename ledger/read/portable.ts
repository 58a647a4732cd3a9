import CRC32 from 'crc-32';
import { inflateSync } from 'fflate';
import type { WorkbookGrid } from '../grid/types';
import { portableUtf8 } from './decode';
import { readWorkbookWith } from './workbookBytes';
import type { Unzipper } from './zip';

/** The browser's unzipper: fflate's one-shot inflate into a buffer one byte larger than declared. */
export const portableUnzipper: Unzipper = {
  inflate(data, size) {
    // fflate returns its `out` buffer unread for empty input, so empty deflate data is damage, not output.
    if (data.length === 0) throw new Error('empty deflate data');
    // With `out` given, fflate writes no further than its end; one spare byte tells an overlong part.
    const out = inflateSync(data, { out: new Uint8Array(size + 1) });
    return out.length > size ? null : out;
  },
  crc32: (data) => CRC32.buf(data) >>> 0,
};

/** .xlsx bytes as grids with nothing but JavaScript: the page's and the pane's reader. */
export function readWorkbookBytes(bytes: Uint8Array, name: string): Promise<WorkbookGrid> {
  return readWorkbookWith(bytes, name, portableUnzipper, portableUtf8);
}
