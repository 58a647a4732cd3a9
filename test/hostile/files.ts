/**
 * Hostile and odd workbooks, made when the tests run: from a valid ledger written by exceljs, taken
 * apart with fflate and altered part by part, or built byte by byte where no tool makes them (an
 * encrypted OLE container, a zip whose directory lies about sizes).
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compliantLedger } from '../helpers/compliantLedger';
import { ledgerBytes, type TestLedger } from '../helpers/ledgerWorkbook';

const scratch = mkdtempSync(join(tmpdir(), 'taizhang-hostile-'));

export function writeScratch(name: string, bytes: Uint8Array): string {
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  return path;
}

export const compliantBytes = () => ledgerBytes(compliantLedger());

/** Deterministic bytes (xorshift), so a failing case can be reproduced. */
export function noise(length: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The workbook's parts as text or bytes, to alter and zip again. */
export function parts(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

export function partText(all: Map<string, Uint8Array>, name: string): string {
  const part = all.get(name);
  if (!part) throw new Error(`no part ${name}`);
  return decoder.decode(part);
}

export function rezip(all: Map<string, Uint8Array | string>, level: 0 | 1 | 6 = 6): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of all) files[name] = [typeof data === 'string' ? encoder.encode(data) : data, { level }];
  return zipSync(files);
}

/** The part of the sheet named `sheet` (by the workbook's relationships). */
export function sheetPart(all: Map<string, Uint8Array>, sheet: string): string {
  const workbook = partText(all, 'xl/workbook.xml');
  const escaped = sheet.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
  const id = new RegExp(`<sheet [^>]*name="${escaped.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}"[^>]*r:id="([^"]+)"`, 'u').exec(
    workbook,
  )?.[1];
  const rels = partText(all, 'xl/_rels/workbook.xml.rels');
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`, 'u').exec(rels);
  const path = (target?.[1] ?? target?.[2] ?? '').replace(/^\/?(xl\/)?/u, 'xl/');
  if (!all.has(path)) throw new Error(`no part for sheet ${sheet}`);
  return path;
}

/**
 * Sets the uncompressed size an entry declares, in the central directory and its local header, without
 * touching its data: a zip that claims `size` bytes for the part.
 */
export function withDeclaredSize(bytes: Uint8Array, entry: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const name = encoder.encode(entry);
  const matches = (at: number, nameAt: number, length: number) => length === name.length && name.every((b, i) => out[nameAt + i] === b);
  let patched = 0;
  for (let at = 0; at + 46 < out.length; at++) {
    const sig = view.getUint32(at, true);
    if (sig === 0x02014b50 && matches(at, at + 46, view.getUint16(at + 28, true))) {
      view.setUint32(at + 24, size, true);
      patched++;
    } else if (sig === 0x04034b50 && matches(at, at + 30, view.getUint16(at + 26, true))) {
      view.setUint32(at + 22, size, true);
    }
  }
  if (patched === 0) throw new Error(`no entry ${entry}`);
  return out;
}

/**
 * An encrypted .xlsx as Excel saves it: not a zip but an OLE compound file whose streams are
 * `EncryptionInfo` and `EncryptedPackage` (MS-OFFCRYPTO). Built here by hand, version 3, 512-byte
 * sectors: one FAT sector, one directory sector, then each stream in 8 sectors of random bytes.
 */
export function encryptedWorkbook(): Uint8Array {
  const sector = 512;
  const streamSectors = 8;
  const out = new Uint8Array(sector * (1 + 2 + 2 * streamSectors));
  const view = new DataView(out.buffer);
  const end = 0xfffffffe;
  const free = 0xffffffff;
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(24, 0x3e, true);
  view.setUint16(26, 3, true);
  view.setUint16(28, 0xfffe, true);
  view.setUint16(30, 9, true);
  view.setUint16(32, 6, true);
  view.setUint32(44, 1, true); // FAT sectors
  view.setUint32(48, 1, true); // first directory sector
  view.setUint32(56, 4096, true); // mini stream cutoff
  view.setUint32(60, end, true);
  view.setUint32(68, end, true);
  view.setUint32(76, 0, true); // the FAT is sector 0
  for (let i = 1; i < 109; i++) view.setUint32(76 + i * 4, free, true);
  const fat = sector;
  const chain = (first: number) => {
    for (let s = first; s < first + streamSectors; s++) view.setUint32(fat + s * 4, s === first + streamSectors - 1 ? end : s + 1, true);
  };
  for (let s = 0; s < 128; s++) view.setUint32(fat + s * 4, free, true);
  view.setUint32(fat, 0xfffffffd, true);
  view.setUint32(fat + 4, end, true);
  chain(2);
  chain(2 + streamSectors);
  const entry = (index: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const at = 2 * sector + index * 128;
    for (let i = 0; i < name.length; i++) view.setUint16(at + i * 2, name.charCodeAt(i), true);
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    out[at + 66] = type;
    out[at + 67] = 1;
    view.setUint32(at + 68, free, true);
    view.setUint32(at + 72, right, true);
    view.setUint32(at + 76, child, true);
    view.setUint32(at + 116, start, true);
    view.setUint32(at + 120, size, true);
  };
  entry(0, 'Root Entry', 5, 1, free, end, 0);
  entry(1, 'EncryptionInfo', 2, free, 2, 2, streamSectors * sector);
  entry(2, 'EncryptedPackage', 2, free, free, 2 + streamSectors, streamSectors * sector);
  for (const unused of [3]) {
    const at = 2 * sector + unused * 128;
    view.setUint32(at + 68, free, true);
    view.setUint32(at + 72, free, true);
    view.setUint32(at + 76, free, true);
  }
  out.set(noise(2 * streamSectors * sector, 7), 3 * sector);
  return out;
}

/** A cell as exceljs takes it, formulas, rich text and hyperlinks included. */
export type RichCell = ExcelJS.CellValue;

/** A workbook from sheets of rows, each cell as exceljs takes it, with optional number formats. */
export async function workbookBytes(sheets: Record<string, { rows: RichCell[][]; formats?: Record<string, string> }>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, sheet] of Object.entries(sheets)) {
    const ws = workbook.addWorksheet(name);
    sheet.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== undefined) ws.getCell(r + 1, c + 1).value = value;
      }),
    );
    for (const [address, format] of Object.entries(sheet.formats ?? {})) ws.getCell(address).numFmt = format;
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The compliant ledger with `change` applied to its description first. */
export function ledgerWith(change: (ledger: TestLedger) => void): Promise<Uint8Array> {
  const ledger = compliantLedger();
  change(ledger);
  return ledgerBytes(ledger);
}

/**
 * The zip with `entry`'s data replaced by raw deflate bytes made elsewhere (a stream no zip library
 * writes, a lying one), declared as `size` bytes once inflated: stored first, then its method patched
 * to deflate (8) in both headers.
 */
export function withDeflatedEntry(bytes: Uint8Array, entry: string, deflated: Uint8Array, size: number): Uint8Array {
  const all = parts(bytes);
  all.set(entry, deflated);
  const out = withDeclaredSize(rezip(all, 0), entry, size);
  const view = new DataView(out.buffer);
  const name = encoder.encode(entry);
  for (let at = 0; at + 46 < out.length; at++) {
    const sig = view.getUint32(at, true);
    const nameAt = sig === 0x02014b50 ? at + 46 : sig === 0x04034b50 ? at + 30 : -1;
    const length = sig === 0x02014b50 ? view.getUint16(at + 28, true) : view.getUint16(at + 26, true);
    if (nameAt < 0 || length !== name.length || !name.every((b, i) => out[nameAt + i] === b)) continue;
    view.setUint16(sig === 0x02014b50 ? at + 10 : at + 8, 8, true);
  }
  return out;
}
