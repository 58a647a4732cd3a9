import { randomBytes } from 'node:crypto';
import { link, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors';

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * Where the target may not be written: its folder is missing (never created silently: a mistyped
 * path should not scatter folders), it is a folder, or it is a read-only file. Read-only is judged by
 * the file's own permission bits, as Windows' read-only attribute sets them, because `access` says
 * yes to an administrator or root whatever the file says.
 */
async function checkTarget(path: string): Promise<void> {
  const folder = await stat(dirname(path)).catch(() => null);
  if (!folder?.isDirectory()) {
    throw new UsageError(`输出文件夹“${dirname(path)}”不存在。请先建立该文件夹，或另选一个已有的文件夹。`);
  }
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) throw new UsageError(`“${path}”是一个文件夹，不能作为输出文件。请写明文件名。`);
  if (existing && (existing.mode & 0o222) === 0) {
    throw new UsageError(`文件“${path}”是只读文件，不能覆盖。请另选文件名，或先取消它的只读属性。`);
  }
}

/**
 * Writes to a temporary file beside the target and renames it into place, so a reader (or a second
 * writer racing us) only ever sees a whole file, never half of one. With `overwrite: false` the
 * temporary file is linked into place instead, which fails rather than replace a file that appeared
 * meanwhile. Every failure a clerk can cause ends as one Chinese message naming the target only.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string, options: { overwrite?: boolean } = {}): Promise<void> {
  const overwrite = options.overwrite ?? true;
  await checkTarget(path);
  if (!overwrite && (await stat(path).catch(() => null))) throw existsError(path);
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
  } catch (error) {
    await rm(temp, { force: true });
    if (['EACCES', 'EPERM', 'EROFS'].includes(code(error) ?? '')) {
      throw new UsageError(`不能在文件夹“${dir}”中写入文件（没有写入权限）。请另选一个文件夹。`);
    }
    if (code(error) === 'ENOSPC') throw new UsageError(`磁盘空间不足，无法写入“${path}”。`);
    throw error;
  }
  try {
    if (overwrite) await rename(temp, path);
    else await linkNew(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    if (code(error) === 'EEXIST') throw existsError(path);
    // Windows refuses to replace a file another program holds open (libuv maps the sharing violation
    // to EBUSY or EPERM, a denied delete to EACCES): in a bureau that program is Word or WPS.
    if (['EPERM', 'EBUSY', 'EACCES'].includes(code(error) ?? '')) {
      throw new UsageError(`文件“${path}”可能正被 Word 或 WPS 打开，请关闭后重试。`);
    }
    throw error;
  }
  if (!overwrite) await rm(temp, { force: true });
}

/**
 * Puts `temp` at `path` only if nothing is there: a hard link fails when the name is taken, even if
 * another process took it a moment ago. A file system without hard links (a FAT-formatted USB stick)
 * gets a check and a rename instead.
 */
async function linkNew(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
  } catch (error) {
    if (!['EPERM', 'ENOTSUP', 'ENOSYS'].includes(code(error) ?? '')) throw error;
    if (await stat(path).catch(() => null)) throw existsError(path);
    await rename(temp, path);
  }
}

export function existsError(path: string): UsageError {
  return new UsageError(`文件“${path}”已存在，不会覆盖。请另选文件名，或先把原文件移走。`);
}
