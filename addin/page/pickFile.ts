/**
 * Choosing the ledger so that 重新校验 can read it again after the clerk saved it in WPS or Excel.
 * Chromium (86 and later) has the File System Access API: a handle from its picker, or from a drop,
 * gives the file as it is on disk now. Firefox has neither; there 重新校验 asks for the file again.
 * https://wicg.github.io/file-system-access/#api-showopenfilepicker
 */
import { ledgerExtensions } from '../../ledger/read/fileKinds';

/** What the page needs of a FileSystemFileHandle. */
export interface FileHandle {
  kind: 'file' | 'directory';
  getFile(): Promise<File>;
}

interface PickerWindow {
  showOpenFilePicker?: (options: {
    multiple?: boolean;
    excludeAcceptAllOption?: boolean;
    types?: Array<{ description: string; accept: Record<string, string[]> }>;
  }) => Promise<FileHandle[]>;
}

interface HandleItem {
  getAsFileSystemHandle?: () => Promise<FileHandle | null>;
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const canPickHandles = (): boolean => typeof (window as PickerWindow).showOpenFilePicker === 'function';

/** The picker's handle, or null when the clerk cancelled. Call only where `canPickHandles()`. */
export async function pickHandle(): Promise<FileHandle | null> {
  try {
    const [handle] = await (window as PickerWindow).showOpenFilePicker!({
      multiple: false,
      types: [{ description: 'Excel 工作簿', accept: { [xlsxType]: [...ledgerExtensions] } }],
    });
    return handle ?? null;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    throw error;
  }
}

/** The dropped file, with its handle where the browser gives one. */
export async function droppedFile(transfer: DataTransfer): Promise<{ file: File; handle: FileHandle | null } | null> {
  const item = [...transfer.items].find((i) => i.kind === 'file');
  if (!item) return null;
  // Asked for before any await: the items are only readable during the drop event itself.
  const handle = (item as HandleItem).getAsFileSystemHandle?.() ?? null;
  const file = item.getAsFile();
  const resolved = await handle?.catch(() => null);
  // A handle whose file cannot be read (NotReadableError, NotAllowedError) still leaves the dropped
  // file itself, read once without 重新校验 from disk.
  if (resolved?.kind === 'file') {
    const own = await resolved.getFile().catch(() => null);
    if (own) return { file: own, handle: resolved };
  }
  return file ? { file, handle: null } : null;
}
