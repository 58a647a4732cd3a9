import { megabytes, readLimits } from './limits';
import { damaged, tooLarge } from './problems';

/**
 * Just enough of ZIP to take an .xlsx apart safely: the central directory is read first, so a part's
 * declared size is known (and refused above the limit, or for a compression ratio no real part has)
 * before a byte of it is inflated; inflating stops as soon as the real output passes the declared size,
 * and what comes out must match the entry's CRC-32.
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const sig = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50, end64: 0x06064b50, locator64: 0x07064b50 };
const utf8 = new TextDecoder('utf-8');

class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  fits(offset: number, length: number): boolean {
    return offset >= 0 && offset + length <= this.bytes.length;
  }
  u16(offset: number): number {
    return this.view.getUint16(offset, true);
  }
  u32(offset: number): number {
    return this.view.getUint32(offset, true);
  }
  u64(offset: number): number {
    return this.u32(offset) + this.u32(offset + 4) * 2 ** 32;
  }
}

function findEnd(r: Reader): number {
  // The end record is 22 bytes followed by a comment of at most 65,535 bytes.
  const stop = Math.max(0, r.bytes.length - 22 - 0xffff);
  for (let at = r.bytes.length - 22; at >= stop; at--) {
    if (r.bytes[at] === 0x50 && r.u32(at) === sig.end) return at;
  }
  return -1;
}

/** Sizes and offset of the ZIP64 extra field, for those the fixed fields mark as 0xFFFFFFFF. */
function zip64Extra(r: Reader, start: number, length: number, entry: ZipEntry): void {
  for (let at = start; at + 4 <= start + length;) {
    const id = r.u16(at);
    const size = r.u16(at + 2);
    if (id !== 0x0001) {
      at += 4 + size;
      continue;
    }
    const fields = ['size', 'compressedSize', 'localOffset'] as const;
    let p = at + 4;
    for (const field of fields) {
      if (entry[field] !== 0xffffffff || p + 8 > at + 4 + size) continue;
      entry[field] = r.u64(p);
      p += 8;
    }
    return;
  }
}

/** Every entry of the archive, keyed by its name in lower case (OPC part names ignore case). */
export function zipEntries(bytes: Uint8Array, file: string): Map<string, ZipEntry> {
  const r = new Reader(bytes);
  const end = bytes.length >= 22 ? findEnd(r) : -1;
  if (end < 0) throw damaged(file, '找不到压缩包目录，文件可能只下载或复制了一部分');
  let count = r.u16(end + 10);
  let offset = r.u32(end + 16);
  const locator = end - 20;
  if ((count === 0xffff || offset === 0xffffffff) && r.fits(locator, 20) && r.u32(locator) === sig.locator64) {
    const end64 = r.u64(locator + 8);
    if (!r.fits(end64, 56) || r.u32(end64) !== sig.end64) throw damaged(file, 'ZIP64 目录记录无效');
    count = r.u64(end64 + 32);
    offset = r.u64(end64 + 48);
  }
  if (count > readLimits.zipEntries) throw damaged(file, `压缩包中有 ${count} 个条目，超过上限 ${readLimits.zipEntries}`);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0, at = offset; i < count; i++) {
    if (!r.fits(at, 46) || r.u32(at) !== sig.central) throw damaged(file, '压缩包目录不完整');
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const commentLength = r.u16(at + 32);
    if (!r.fits(at + 46, nameLength + extraLength)) throw damaged(file, '压缩包目录不完整');
    const entry: ZipEntry = {
      name: utf8
        .decode(bytes.subarray(at + 46, at + 46 + nameLength))
        .replace(/\\/gu, '/')
        .replace(/^\//u, ''),
      flags: r.u16(at + 8),
      method: r.u16(at + 10),
      crc32: r.u32(at + 16),
      compressedSize: r.u32(at + 20),
      size: r.u32(at + 24),
      localOffset: r.u32(at + 42),
    };
    zip64Extra(r, at + 46 + nameLength, extraLength, entry);
    const key = entry.name.toLowerCase();
    // Two entries of one name leave it open which of them a program reads, so neither can be trusted.
    if (entries.has(key)) throw damaged(file, `压缩包中有两个同名的部件“${entry.name}”`);
    entries.set(key, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's compressed bytes lie, checked against the local header and the file's end. */
function entryData(r: Reader, entry: ZipEntry, file: string): Uint8Array {
  const at = entry.localOffset;
  if (!r.fits(at, 30) || r.u32(at) !== sig.local) throw damaged(file, `“${entry.name}”的数据位置无效`);
  const start = at + 30 + r.u16(at + 26) + r.u16(at + 28);
  if (!r.fits(start, entry.compressedSize)) throw damaged(file, `“${entry.name}”的数据不完整`);
  return r.bytes.subarray(start, start + entry.compressedSize);
}

/**
 * What unzipping needs from the platform. Node's zlib is several times faster than any JS inflater and
 * stops at `maxOutputLength` by itself, so the Node entry (workbookFile.ts) brings its own, and the browser's is
 * in portable.ts; this module stays free of both, so Node never loads a JS inflater it does not use.
 */
export interface Unzipper {
  /** Raw deflate data inflated in one call; null as soon as the output would pass `size` bytes. */
  inflate(data: Uint8Array, size: number): Uint8Array | null;
  crc32(data: Uint8Array): number;
}

/**
 * The compression ratio above which a part is refused unread, as Apache POI does (ZipSecureFile's
 * minimum inflate ratio of 0.01): real XML stays far below it, and a zip bomb far above. Parts under
 * `bombGrace` bytes are let through whatever their ratio, being harmless.
 */
const bombRatio = 100;
const bombGrace = 8 * 1024 * 1024;

/**
 * The entry unzipped whole, in one call. Its declared size is refused above `limit` before anything is
 * inflated; inflating stops as soon as the output passes the declared size, so a forged header cannot
 * make us inflate more than it admits to; and the CRC-32 must match. `label` names the part in messages.
 */
export function unzipEntry(bytes: Uint8Array, entry: ZipEntry, limit: number, file: string, label: string, unzipper: Unzipper): Uint8Array {
  if (entry.flags & 0x1) throw damaged(file, `${label}已加密`);
  if (entry.size > limit) throw tooLarge(file, label, entry.size, limit);
  const data = entryData(new Reader(bytes), entry, file);
  let out: Uint8Array | null;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw damaged(file, `${label}的大小记录前后不一致`);
    out = data;
  } else if (entry.method === 8) {
    if (entry.size > bombGrace && entry.size > entry.compressedSize * bombRatio) {
      throw damaged(file, `${label}的压缩比异常（${entry.compressedSize} 字节解压后将有 ${megabytes(entry.size)}），疑似恶意构造的文件`);
    }
    try {
      out = unzipper.inflate(data, entry.size);
    } catch {
      throw damaged(file, `${label}的压缩数据已损坏，无法解压`);
    }
    if (out === null) throw damaged(file, `${label}解压后比记录的大小 ${entry.size} 字节更大`);
    if (out.length !== entry.size) throw damaged(file, `${label}解压后只有 ${out.length} 字节，少于记录的 ${entry.size} 字节`);
  } else {
    throw damaged(file, `${label}使用了不支持的压缩方式 ${entry.method}`);
  }
  if (unzipper.crc32(out) !== entry.crc32) throw damaged(file, `${label}的校验值（CRC-32）不符，内容已被改动或损坏`);
  return out;
}
