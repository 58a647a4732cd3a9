/**
 * The parts of an .xlsx package as the annotated copy is built from them: read by name (OPC part
 * names ignore case), replaced one by one, and zipped again in their original order. A part nobody
 * replaces keeps its bytes exactly.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export class PackageParts {
  private readonly names = new Map<string, string>();

  constructor(private readonly parts: Record<string, Uint8Array>) {
    for (const name of Object.keys(parts)) this.names.set(name.toLowerCase(), name);
  }

  static unzip(bytes: Uint8Array): PackageParts {
    return new PackageParts(unzipSync(bytes));
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
