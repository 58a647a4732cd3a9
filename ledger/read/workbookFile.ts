import { Buffer, isAscii, isUtf8, transcode } from 'node:buffer';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { LedgerReadError } from '../errors';
import type { WorkbookGrid } from '../grid/types';
import type { Utf8Decoder } from './decode';
import { readLimits } from './limits';
import { tooLarge } from './problems';
import { readWorkbookWith } from './workbookBytes';
import type { Unzipper } from './zip';

export { LedgerReadError };

/** zlib stops at `maxOutputLength` by itself; one spare byte tells a part longer than declared. */
const zlibUnzipper: Unzipper = {
  inflate(data, size) {
    try {
      // One output chunk of the declared size: zlib then hands it back without joining chunks.
      const out = inflateRawSync(data, { maxOutputLength: size + 1, chunkSize: Math.max(64, size + 1) });
      return out.length > size ? null : out;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
      throw error;
    }
  },
  crc32: (data) => crc32(data),
};

/**
 * Node checks UTF-8 and ASCII with SIMD and converts with ICU: about three times as fast as the fatal
 * TextDecoder for Chinese text, and several times for ASCII, which Latin-1 copies byte for byte (every
 * worksheet that keeps its text in the shared strings is ASCII).
 */
export const nodeUtf8: Utf8Decoder = (bytes) => {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buffer)) return null;
  const text = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? buffer.subarray(3) : buffer;
  return isAscii(text) ? text.toString('latin1') : transcode(text, 'utf8', 'utf16le').toString('utf16le');
};

/**
 * The Node side of reading: the file from disk, with its own errors in Chinese; the bytes do the rest.
 * `name` is what messages call the file: its own name, unless another file read with it has that too.
 */
export async function readWorkbookFile(path: string, name = basename(path)): Promise<WorkbookGrid> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new LedgerReadError(`无法读取“${path}”：这是一个文件夹，不是工作簿文件。`);
    // Refused before reading, so a huge file never enters memory.
    if (info.size > readLimits.fileBytes) throw tooLarge(name, '文件', info.size, readLimits.fileBytes);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof LedgerReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new LedgerReadError(`找不到文件“${path}”。请检查路径和文件名。`);
    // Windows says EBUSY while another program holds the file shut (a sharing or lock violation) and EPERM
    // where a privilege is missing (libuv's uv_translate_sys_error).
    if (code === 'EACCES' || code === 'EPERM') throw new LedgerReadError(`无权读取文件“${path}”。`);
    if (code === 'EBUSY') throw new LedgerReadError(`文件“${path}”正被其他程序占用，无法读取。请关闭占用它的程序后再试。`);
    throw new LedgerReadError(`无法读取“${path}”：${(error as Error).message}`);
  }
  return readWorkbookWith(bytes, name, zlibUnzipper, nodeUtf8);
}
