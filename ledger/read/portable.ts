import CRC32 from 'crc-32';
import { Inflate } from 'fflate';
import type { WorkbookGrid } from '../grid/types';
import { portableUtf8 } from './decode';
import { readWorkbookWith } from './workbookBytes';
import type { Unzipper } from './zip';

/**
 * Compressed bytes handed to the inflater at a time. Deflate expands at most 1032-fold, so one step
 * adds at most 64 MiB past the declared size before the inflater is stopped: a part whose declared
 * size lies costs what its declared size allows, as Node's `maxOutputLength` does on the CLI's path.
 * fflate's one-shot `inflateSync` cannot stop early: given a full `out` it drops what does not fit
 * but decodes the whole stream (10 s per GiB of a bomb), so it is not used.
 */
const step = 64 * 1024;

/** The browser's unzipper: fflate's streaming inflate, fed a step at a time, into a buffer of the declared size. */
export const portableUnzipper: Unzipper = {
  inflate(data, size) {
    // fflate yields nothing for empty input, so empty deflate data is damage, not output.
    if (data.length === 0) throw new Error('empty deflate data');
    const out = new Uint8Array(size);
    let length = 0;
    let over = false;
    const inflater = new Inflate((chunk) => {
      if (length + chunk.length > size) over = true;
      else {
        out.set(chunk, length);
        length += chunk.length;
      }
    });
    for (let at = 0; at < data.length && !over; at += step) inflater.push(data.subarray(at, at + step), at + step >= data.length);
    if (over) return null;
    return length === size ? out : out.subarray(0, length);
  },
  crc32: (data) => CRC32.buf(data) >>> 0,
};

/** .xlsx bytes as grids with nothing but JavaScript: the page's and the pane's reader. */
export function readWorkbookBytes(bytes: Uint8Array, name: string): Promise<WorkbookGrid> {
  return readWorkbookWith(bytes, name, portableUnzipper, portableUtf8);
}
