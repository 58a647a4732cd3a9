import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { portableUnzipper, readWorkbookBytes } from '../../ledger/read/portable';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { browserBundle } from '../helpers/browserBundle';
import { noise, withDeflatedEntry, writeScratch } from './files';
import { rawWorkbook } from './rawWorkbook';
import { refusal } from './readerCases';

/**
 * ledger/read reads .xlsx bytes in a browser as well as in Node: only workbookFile.ts, which reads from
 * disk and brings zlib, may use Node. The rest must bundle for the browser with fflate and crc-32.
 */
const root = resolve(import.meta.dirname, '../..');
const dir = join(root, 'ledger/read');
const portable = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'workbookFile.ts');

describe('ledger/read in the browser', () => {
  it('imports nothing from Node and uses no Buffer outside workbookFile.ts', () => {
    expect(portable).toContain('workbookBytes.ts');
    for (const file of portable) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/from '(node:|fs|path|os|zlib|crypto)/u);
      expect(text, file).not.toMatch(/\bBuffer\b|\bprocess\./u);
    }
  });

  it('bundles for the browser from readWorkbookBytes (portable.ts)', async () => {
    const result = await browserBundle({ entryPoints: [join(dir, 'portable.ts')] });
    expect(result.errors).toEqual([]);
    const { text } = result;
    expect(text).not.toMatch(/require\("(node:)?(fs|path|zlib)"\)/u);
    expect(text).toContain('readWorkbookBytes');
  });
});

describe('a part whose declared size lies, on both readers', () => {
  const sheet = (rows: number) =>
    Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');

  /**
   * 4 MB of rows declared as 2 KB, the stream then broken by a block of the reserved type 3. A reader
   * that stops once the output passes the declared size never reaches the break and says the part is
   * larger than declared; one that inflates the whole stream first (fflate's one-shot inflateSync with
   * a full `out` keeps decoding) meets the break and calls it corrupt data instead.
   */
  it('stops where the output passes the declared size, before the end of the stream', async () => {
    const base = rawWorkbook({ sheets: [{ name: '专题研究', xml: '' }] });
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet(100_000)}</sheetData></worksheet>`;
    const flushed = deflateRawSync(Buffer.from(xml), { level: 1, finishFlush: constants.Z_SYNC_FLUSH });
    const broken = new Uint8Array([...flushed, 0x07]);
    const bytes = withDeflatedEntry(base, 'xl/worksheets/sheet1.xml', broken, 2048);
    const path = writeScratch('说谎的大小.xlsx', bytes);
    const browser = await refusal(readWorkbookBytes(bytes, '说谎的大小.xlsx'));
    expect(browser).toMatch(/“说谎的大小\.xlsx”.*工作表“专题研究”解压后比记录的大小 2048 字节更大/u);
    expect(await refusal(readWorkbookFile(path))).toBe(browser);
  });

  it('inflates honest parts of any size whole, refuses one byte too many or too few, and damaged data', () => {
    for (const rows of [0, 1, 3_000, 200_000]) {
      const raw = Buffer.from(`<sheetData>${sheet(rows)}${new TextDecoder('latin1').decode(noise(rows))}</sheetData>`, 'latin1');
      const data = deflateRawSync(raw, { level: 6 });
      expect(Buffer.from(portableUnzipper.inflate(data, raw.length)!).equals(raw), `${rows} rows`).toBe(true);
      expect(portableUnzipper.inflate(data, raw.length - 1), `${rows} rows, one byte short`).toBeNull();
      expect(portableUnzipper.inflate(data, raw.length + 1)?.length, `${rows} rows, one byte over`).toBe(raw.length);
      expect(() => portableUnzipper.inflate(data.subarray(0, data.length - 4), raw.length), `${rows} rows, cut`).toThrow();
    }
  });
});
