/**
 * Makes 台账助手.html one self-contained file: the page's script, its styles and its icons are put
 * into the HTML itself (the validation worker is already inside the script, as a Blob URL made from
 * bundled code), and a Content-Security-Policy admits exactly that script and nothing from anywhere
 * else. A page opened from file:// cannot load its own separate files in every browser, and a clerk
 * copies one file, not a folder.
 */
import { createHash } from 'node:crypto';
import type { OutputAsset, OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

const mimeTypes: Record<string, string> = { png: 'image/png', svg: 'image/svg+xml' };

/**
 * Nothing can be fetched: no script but the inlined ones (by their hashes), workers only from the blob: URL
 * the page makes of its own bundled code, styles only inline, images only as data:, no connections,
 * frames, fonts, plugins or form posts.
 */
function contentSecurityPolicy(scriptHashes: string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.map((hash) => `'${hash}'`).join(' ')}`,
    'worker-src blob:',
    "style-src 'unsafe-inline'",
    'img-src data:',
    "font-src 'none'",
    "connect-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

function take(bundle: OutputBundle, fileName: string): OutputAsset | OutputChunk {
  const item = bundle[fileName];
  delete bundle[fileName];
  return item;
}

export function singleFile(htmlName: string): Plugin {
  return {
    name: 'taizhang:single-file',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const htmlFile = Object.keys(bundle).find((name) => name.endsWith('.html'));
      if (!htmlFile) throw new Error('no HTML page in the bundle');
      let html = String((take(bundle, htmlFile) as OutputAsset).source);
      for (const name of Object.keys(bundle)) {
        const item = bundle[name];
        const escaped = name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
        if (item.type === 'chunk') {
          // `</script` inside the code would end the element early; `<\/` means the same in JS strings and regexes.
          const code = item.code.replace(/<\/(script)/giu, '<\\/$1');
          const tag = new RegExp(`<script\\b[^>]*src="[./]*${escaped}"[^>]*></script>`, 'u');
          if (!tag.test(html)) throw new Error(`${name} is not loaded by the page`);
          html = html.replace(tag, () => `<script type="module">${code}</script>`);
        } else if (name.endsWith('.css')) {
          const tag = new RegExp(`<link\\b[^>]*href="[./]*${escaped}"[^>]*>`, 'u');
          html = html.replace(tag, () => `<style>${String(item.source)}</style>`);
        } else {
          const type = mimeTypes[name.split('.').pop() ?? ''] ?? 'application/octet-stream';
          const data = `data:${type};base64,${Buffer.from(item.source).toString('base64')}`;
          html = html.replace(new RegExp(`[./]*${escaped}`, 'gu'), data);
        }
        delete bundle[name];
      }
      const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/gu)];
      if (scripts.length !== 1) throw new Error(`expected one inlined script, found ${scripts.length}`);
      // The page's own classic scripts (the notice for browsers that run no module) are admitted by their hashes too.
      const classic = [...html.matchAll(/<script nomodule>([\s\S]*?)<\/script>/gu)].map((m) => m[1]);
      const hashes = [scripts[0][1], ...classic].map(sha256);
      const policy = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(hashes)}" />`;
      html = html.replace(/(<meta charset="utf-8" \/>)/u, `$1\n    ${policy}`);
      this.emitFile({ type: 'asset', fileName: htmlName, source: html });
    },
  };
}
