import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { zipEntries } from '../ledger/read/zip';

/**
 * The floor any reader of the file stands on (issue 11, §1): every XML part inflated by zlib in one call,
 * decoded once, and one regular-expression pass over its cells and string items, with nothing kept. The
 * bench prints validate's time as a multiple of this, measured side by side in the same run.
 */
const cellOrText = /<c\b[^>]*?(?:\/>|>(?:<f\b[^>]*>[^<]*<\/f>)?(?:<v>([^<]*)<\/v>)?)|<t\b[^>]*>([^<]*)<\/t>/gu;

export function readFloor(path: string): number {
  const bytes = new Uint8Array(readFileSync(path));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  let matches = 0;
  for (const entry of zipEntries(bytes, path).values()) {
    if (!/\.(?:xml|rels)$/u.test(entry.name)) continue;
    const at = entry.localOffset;
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    // One output chunk of the declared size, as the reader asks of zlib: no chunks joined afterwards.
    const xml = decoder.decode(entry.method === 8 ? inflateRawSync(data, { chunkSize: Math.max(64, entry.size + 1) }) : data);
    cellOrText.lastIndex = 0;
    while (cellOrText.exec(xml) !== null) matches++;
  }
  return matches;
}
