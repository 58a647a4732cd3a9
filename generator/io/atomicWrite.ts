import { randomBytes } from 'node:crypto';
import { link, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors';

/**
 * Writes to a temporary file beside the target and renames it into place, so a reader (or a second
 * writer racing us) only ever sees a whole file, never half of one.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await writeThroughTemp(path, data, (temp) => rename(temp, path));
}

async function writeThroughTemp(path: string, data: Uint8Array | string, place: (temp: string) => Promise<void>): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
    await place(temp);
  } finally {
    await rm(temp, { force: true });
  }
}

export const alreadyExists = (path: string) => new UsageError(`文件“${path}”已存在。为免覆盖已有文件，没有写入；请另选文件名。`);

/**
 * The same, but a file already at `path` is never replaced: the temporary file is hard-linked into
 * place, which fails when the name is taken, even if another process took it a moment ago. Where the
 * file system has no hard links (a FAT-formatted USB stick), it is renamed after a check instead.
 */
export async function writeNewFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await writeThroughTemp(path, data, async (temp) => {
    try {
      await link(temp, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw alreadyExists(path);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
      if (
        await stat(path).then(
          () => true,
          () => false,
        )
      )
        throw alreadyExists(path);
      await rename(temp, path);
    }
  });
}
