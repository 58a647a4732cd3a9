import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { readLimits } from '../../ledger/read/limits';

/**
 * Files among a county's collected ledgers that are byte for byte another one: the same ledger sent
 * twice, or saved again as `台账(1).xlsx`. Each such copy maps to the first file with its bytes, so the
 * bureau is counted once. Only files of equal size are read and hashed, and none the reader would refuse
 * for its size: that one never enters memory.
 */
export async function identicalCopies(files: readonly string[]): Promise<Map<string, string>> {
  const bySize = new Map<number, string[]>();
  for (const file of files) {
    const size = await stat(file).then(
      (info) => (info.isFile() && info.size <= readLimits.fileBytes ? info.size : null),
      () => null,
    );
    if (size === null) continue;
    bySize.set(size, [...(bySize.get(size) ?? []), file]);
  }
  const copies = new Map<string, string>();
  for (const same of bySize.values()) {
    if (same.length < 2) continue;
    const firstOf = new Map<string, string>();
    for (const file of same) {
      const bytes = await readFile(file).catch(() => null);
      // A file that cannot be read is left for the reader to report.
      if (bytes === null) continue;
      const digest = createHash('sha256').update(bytes).digest('hex');
      const first = firstOf.get(digest);
      if (first === undefined) firstOf.set(digest, file);
      else copies.set(file, first);
    }
  }
  return copies;
}
