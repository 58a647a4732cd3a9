import { describe, expect, it } from 'vitest';
import { droppedFile, type FileHandle } from '../../addin/page/pickFile';

/**
 * A drop as Chromium hands it over: DataTransferItem.getAsFileSystemHandle() resolves to a handle whose
 * getFile() rejects with NotReadableError or NotAllowedError when the file moved or permission lapsed
 * (https://wicg.github.io/file-system-access/#api-filesystemfilehandle-getfile), while getAsFile()
 * still gives the bytes taken at the drop. Browsers without the API lack getAsFileSystemHandle.
 */
function drop(file: File, handle?: () => Promise<FileHandle | null>): DataTransfer {
  const item = { kind: 'file', getAsFile: () => file, ...(handle && { getAsFileSystemHandle: handle }) };
  return { items: [item] } as unknown as DataTransfer;
}

describe('a dropped file', () => {
  const file = new File(['台账'], '台账.xlsx');

  it('comes with its handle where the handle reads', async () => {
    const onDisk = new File(['新'], '台账.xlsx');
    const handle: FileHandle = { kind: 'file', getFile: () => Promise.resolve(onDisk) };
    const dropped = await droppedFile(drop(file, () => Promise.resolve(handle)));
    expect(dropped).toEqual({ file: onDisk, handle });
  });

  it('is the dropped bytes, without a handle, where the handle refuses to read', async () => {
    for (const name of ['NotReadableError', 'NotAllowedError']) {
      const handle: FileHandle = { kind: 'file', getFile: () => Promise.reject(new DOMException('refused', name)) };
      expect(await droppedFile(drop(file, () => Promise.resolve(handle)))).toEqual({ file, handle: null });
    }
  });

  it('is the dropped bytes where the browser has no handles or the handle is refused', async () => {
    expect(await droppedFile(drop(file))).toEqual({ file, handle: null });
    expect(await droppedFile(drop(file, () => Promise.reject(new DOMException('no', 'NotAllowedError'))))).toEqual({ file, handle: null });
  });
});
