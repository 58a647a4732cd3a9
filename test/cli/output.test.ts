import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * On Windows, replacing a file that Word or WPS holds open fails: libuv turns the sharing violation
 * into EBUSY or EPERM, and a delete-pending or denied file into EACCES (Node's fs docs, "File system
 * flags" and rename; libuv's uv_translate_sys_error). Linux never refuses a rename for an open file,
 * so the fake rename below fails the way Windows does, with the error Node raises there.
 */
const failWith = vi.hoisted(() => ({ code: null as string | null }));
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  return {
    ...fs,
    rename: async (from: string, to: string) => {
      if (failWith.code === null) return fs.rename(from, to);
      throw Object.assign(new Error(`${failWith.code}: resource busy or locked, rename '${from}' -> '${to}'`), { code: failWith.code });
    },
  };
});

const { writeFileAtomic } = await import('../../generator/io/atomicWrite');
const { UsageError } = await import('../../generator/errors');

afterEach(() => {
  failWith.code = null;
});

describe('writing a report over one that is open in Word or WPS', () => {
  for (const code of ['EPERM', 'EBUSY', 'EACCES']) {
    it(`${code}: one Chinese sentence naming the file, nothing English, no temporary file left or named`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'taizhang-open-'));
      const out = join(dir, '通报.docx');
      writeFileSync(out, 'open in Word');
      failWith.code = code;
      const error = await writeFileAtomic(out, 'new').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toBe(`文件“${out}”可能正被 Word 或 WPS 打开，请关闭后重试。`);
      expect((error as Error).message.replace(out, '').replace(/Word|WPS/gu, '')).not.toMatch(/[A-Za-z]/u);
      expect(readdirSync(dir)).toEqual(['通报.docx']);
      expect(readFileSync(out, 'utf8')).toBe('open in Word');
    });
  }

  it('replaces the file when nothing holds it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taizhang-open-'));
    const out = join(dir, '通报.docx');
    writeFileSync(out, 'old');
    await writeFileAtomic(out, 'new');
    expect(readFileSync(out, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['通报.docx']);
  });
});
