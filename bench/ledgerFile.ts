import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBenchLedger } from './ledger';

/** Where generated ledgers are kept between runs, keyed by the generator's own source. */
export function benchDir(): string {
  const version = createHash('sha256')
    .update(readFileSync(join(import.meta.dirname, 'ledger.ts')))
    .digest('hex')
    .slice(0, 10);
  const dir = join(tmpdir(), 'taizhang-bench', version);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A generated ledger of `records` records, written on first use so a rerun starts at once. */
export async function ledgerFile(records: number, progress: (text: string) => void): Promise<string> {
  const path = join(benchDir(), `ledger-${records}.xlsx`);
  if (!existsSync(path)) {
    const started = performance.now();
    await writeBenchLedger(path, records);
    progress(`  生成 ${records} 条记录的台账：${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return path;
}
