import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sha256, taizhang } from '../helpers/cli';
import { noise, writeScratch } from './files';

/** The CLI reads the ledger and never writes it; a report is written whole or not at all. */
const bin = resolve(import.meta.dirname, '../../build/taizhang.mjs');
const asOf = '2026-07-20';

function run(args: readonly string[]): Promise<number | null> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: 'ignore' });
    child.on('close', (code) => done(code));
  });
}

/** A .docx that opens: a complete zip with its main document part. */
function expectWholeDocx(path: string): void {
  const parts = unzipSync(new Uint8Array(readFileSync(path)));
  expect(Object.keys(parts)).toContain('word/document.xml');
  expect(new TextDecoder().decode(parts['word/document.xml'])).toMatch(/<\/w:document>\s*$/u);
}

describe('the input is never written, the output is written whole', () => {
  it('validate and both reports leave the ledger byte for byte as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taizhang-writes-'));
    const ledger = writeScratch('示例台账-只读.xlsx', new Uint8Array(readFileSync('templates/示例台账.xlsx')));
    const before = sha256(ledger);
    expect(taizhang(['validate', ledger, '--as-of', asOf]).status).toBe(1);
    expect(taizhang(['validate', ledger, '--as-of', asOf, '--format', 'json']).status).toBe(1);
    const quarterly = taizhang(['report', 'quarterly', ledger, '--period', '2026Q2', '--as-of', asOf, '--out', join(dir, '季度.docx')]);
    expect(quarterly.status, quarterly.stderr).toBe(0);
    const semiannual = taizhang(['report', 'semiannual', ledger, '--period', '2026H1', '--as-of', asOf, '--out', join(dir, '半年.docx')]);
    expect(semiannual.status, semiannual.stderr).toBe(0);
    expect(sha256(ledger)).toBe(before);
    expectWholeDocx(join(dir, '季度.docx'));
    expectWholeDocx(join(dir, '半年.docx'));
  });

  it('two reports written at once to the same path leave one whole file and no temporary files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taizhang-race-'));
    const out = join(dir, '报告.docx');
    const codes = await Promise.all([
      run(['report', 'quarterly', 'templates/示例台账.xlsx', '--period', '2026Q2', '--as-of', asOf, '--out', out]),
      run(['report', 'semiannual', 'templates/示例台账.xlsx', '--period', '2026H1', '--as-of', asOf, '--out', out]),
      run(['report', 'quarterly', 'templates/示例台账.xlsx', '--period', '2026Q1', '--as-of', asOf, '--out', out]),
    ]);
    expect(codes).toEqual([0, 0, 0]);
    expect(readdirSync(dir)).toEqual(['报告.docx']);
    expectWholeDocx(out);
  });

  it('a report of an unreadable ledger writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taizhang-nothing-'));
    const bad = writeScratch('坏文件.xlsx', noise(4096, 11));
    const result = taizhang(['report', 'quarterly', bad, '--period', '2026Q2', '--out', join(dir, '报告.docx')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('坏文件.xlsx');
    expect(existsSync(join(dir, '报告.docx'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
