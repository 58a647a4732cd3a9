import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * What the system answers when a ledger cannot be opened, as Node reports it. On Windows libuv maps
 * ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION (another program holds the file shut) to EBUSY,
 * ERROR_ACCESS_DENIED to EACCES and ERROR_PRIVILEGE_NOT_HELD to EPERM (libuv src/win/error.c,
 * uv_translate_sys_error); Linux cannot be made to refuse root here. The fake readFile fails the way
 * Node's does: an Error whose `code` is that name.
 */
const failWith = vi.hoisted(() => ({ code: null as string | null }));
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  return {
    ...fs,
    readFile: async (...args: Parameters<typeof fs.readFile>) => {
      if (failWith.code === null) return fs.readFile(...args);
      throw Object.assign(new Error(`${failWith.code}: operation not permitted, open '${String(args[0])}'`), { code: failWith.code });
    },
  };
});

const { readWorkbookFile } = await import('../../ledger/read/workbookFile');
const { LedgerReadError } = await import('../../ledger/errors');

afterEach(() => {
  failWith.code = null;
});

describe('a ledger the system will not open', () => {
  const cases: Array<[string, string]> = [
    ['EACCES', '无权读取文件“templates/示例台账.xlsx”。'],
    ['EPERM', '无权读取文件“templates/示例台账.xlsx”。'],
    ['EBUSY', '文件“templates/示例台账.xlsx”正被其他程序占用，无法读取。请关闭占用它的程序后再试。'],
  ];
  for (const [code, message] of cases) {
    it(`${code} is said in Chinese, naming the file`, async () => {
      failWith.code = code;
      const error = await readWorkbookFile('templates/示例台账.xlsx').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LedgerReadError);
      expect((error as Error).message).toBe(message);
    });
  }
});
