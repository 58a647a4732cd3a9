import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserBundle } from '../helpers/browserBundle';

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
