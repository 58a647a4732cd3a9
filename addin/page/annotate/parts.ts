/**
 * The parts of an .xlsx package as the annotated copy is built from them: read by name (OPC part
 * names ignore case), replaced one by one, and zipped again in their original order. A part nobody
 * replaces keeps its bytes exactly.
 */
import { strFromU8, strToU8, zipSync } from 'fflate';
import { readLimits } from '../../../ledger/read/limits';
import { portableUnzipper } from '../../../ledger/read/portable';
import { unzipEntry, zipEntries } from '../../../ledger/read/zip';

export class PackageParts {
  private readonly names = new Map<string, string>();

  constructor(private readonly parts: Record<string, Uint8Array>) {
    for (const name of Object.keys(parts)) this.names.set(name.toLowerCase(), name);
  }

  /**
   * Every part, unzipped by the reader's own rules: a part whose declared size lies is refused once
   * its output passes it, not inflated whole (a picture of a hostile file would hold the page).
   */
  static unzip(bytes: Uint8Array, file: string): PackageParts {
    const parts: Record<string, Uint8Array> = {};
    for (const entry of zipEntries(bytes, file).values()) {
      parts[entry.name] = unzipEntry(bytes, entry, readLimits.partBytes, file, `“${entry.name}”`, portableUnzipper);
    }
    return new PackageParts(parts);
  }

  has(path: string): boolean {
    return this.names.has(path.toLowerCase());
  }

  text(path: string): string | null {
    const name = this.names.get(path.toLowerCase());
    return name === undefined ? null : strFromU8(this.parts[name]);
  }

  /** Replaces a part under its existing name, or adds it at the end of the package. */
  setText(path: string, text: string): void {
    const name = this.names.get(path.toLowerCase()) ?? path;
    this.names.set(path.toLowerCase(), name);
    this.parts[name] = strToU8(text);
  }

  /** Takes a part out of the package. */
  remove(path: string): void {
    const name = this.names.get(path.toLowerCase());
    if (name === undefined) return;
    this.names.delete(path.toLowerCase());
    delete this.parts[name];
  }

  /** The first of `path(1)`, `path(2)` … that the package does not hold yet. */
  freeName(path: (n: number) => string): string {
    let n = 1;
    while (this.has(path(n))) n++;
    return path(n);
  }

  zip(): Uint8Array {
    return zipSync(this.parts, { level: 6 });
  }
}
