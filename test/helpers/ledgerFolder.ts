import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ledgerBytes, type TestLedger } from './ledgerWorkbook';

/** What goes into a folder of ledgers: a ledger to write as a workbook, or a file's text or bytes as they are. */
export type FolderEntry = TestLedger | string | Uint8Array;

/** A fresh folder holding each entry at its relative path, as a county's collected ledgers would be. */
export async function ledgerFolder(entries: Record<string, FolderEntry>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'taizhang-ledgers-'));
  for (const [name, entry] of Object.entries(entries)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, typeof entry === 'string' || entry instanceof Uint8Array ? entry : await ledgerBytes(entry));
  }
  return dir;
}
