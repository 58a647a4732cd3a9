import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserBundle } from '../helpers/browserBundle';

/**
 * The add-in builds the same documents in the browser, so everything under generator/report/ but
 * the template file loader and the CLI's entry to it must bundle for the browser: no Node built-ins, no Buffer.
 */
const root = resolve(import.meta.dirname, '../..');
const reportDir = join(root, 'generator/report');
const nodeOnly = new Set(['generator/report/template/file.ts', 'generator/report/generate.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('generator/report/ in the browser', () => {
  const files = sources(reportDir).filter((f) => !nodeOnly.has(relative(root, f)));

  it('imports nothing from Node and uses no Buffer', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, relative(root, file)).not.toMatch(/from '(node:|fs|path|os|crypto)/u);
      expect(text, relative(root, file)).not.toMatch(/\bBuffer\b|\bprocess\./u);
    }
  });

  it('bundles for the browser: builders, template parser and renderer', async () => {
    const result = await browserBundle({
      stdin: {
        contents: files.map((f) => `export * from './${relative(root, f).replace(/\.ts$/u, '')}';`).join('\n'),
        resolveDir: root,
        loader: 'ts',
      },
    });
    expect(result.errors).toEqual([]);
    expect(result.text).not.toMatch(/require\("(node:)?(fs|path)"\)/u);
  });
});
