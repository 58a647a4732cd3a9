import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchAsOf, writeBenchLedger } from './bench/ledger';
import { readFloor } from './bench/floor';
import { readWorkbookFile } from './ledger/read/workbookFile';
import { validateGrid } from './ledger/validate';
const records = Number(process.argv[2] ?? 100000);
const version = createHash('sha256').update(readFileSync('bench/ledger.ts')).digest('hex').slice(0, 10);
const dir = join(tmpdir(), 'taizhang-bench'); mkdirSync(dir, { recursive: true });
const path = join(dir, `ledger-${records}-${version}.xlsx`);
if (!existsSync(path)) { const t = performance.now(); await writeBenchLedger(path, records); console.log('gen', performance.now() - t); }
const only = process.argv[3];
for (let i = 0; i < 3; i++) {
  let t = performance.now(); const n = readFloor(path); const floor = performance.now() - t;
  if (only === 'floor') { console.log('floor', floor.toFixed(0)); continue; }
  t = performance.now(); const grid = await readWorkbookFile(path); const read = performance.now() - t;
  if (only === 'read') { console.log('floor', floor.toFixed(0), 'read', read.toFixed(0)); continue; }
  t = performance.now(); validateGrid(grid, { asOf: benchAsOf }); const v = performance.now() - t;
  console.log('floor', floor.toFixed(0), 'read', read.toFixed(0), 'norm+check', v.toFixed(0), 'validate/floor', ((read + v) / floor).toFixed(2), n);
}
