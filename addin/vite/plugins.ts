/**
 * Vite plugins that make the pane self-contained: office.js served from the @microsoft/office-js
 * package (never a CDN), the manifest's icons beside the pane, and a manifest for the origin the
 * build is for.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import type { Plugin } from 'vite';
import type { OfficeJsSource } from '../hosting';
import { iconSizes, manifestForOrigin, officeJsFolder, pageForOfficeJs } from '../hosting';

const officeJsDist = join(dirname(createRequire(import.meta.url).resolve('@microsoft/office-js/package.json')), 'dist');

/**
 * What office.js loads in Excel: itself, its host-to-file table, the Excel host files (not the
 * .debug twins), its strings in every UI language, and its telemetry shim. Word, Outlook and the
 * rest stay out; the copy is about 13 MB instead of 86.
 */
function isOfficeJsFile(relative: string): boolean {
  const parts = relative.split(sep);
  if (relative.endsWith('.debug.js')) return false;
  if (parts.length === 1) return /^(?:office|o15apptofilemappingtable|excel[\w.-]*)\.js$/u.test(relative);
  if (parts[0] === 'telemetry') return true;
  return parts.length === 2 && parts[1] === 'office_strings.js';
}

async function officeJsFiles(dir = officeJsDist, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = prefix ? join(prefix, entry.name) : entry.name;
    if (entry.isDirectory()) files.push(...(await officeJsFiles(join(dir, entry.name), relative)));
    else if (isOfficeJsFile(relative)) files.push(relative);
  }
  return files;
}

const contentTypes: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.png': 'image/png', '.xml': 'application/xml' };

/** office.js beside the pane (the default, for intranets), or Microsoft's CDN copy (ADDIN_OFFICE_JS=cdn). */
export function officeJs(source: OfficeJsSource): Plugin {
  let outDir = '';
  return {
    name: 'taizhang:office-js',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    transformIndexHtml: (html) => pageForOfficeJs(html, source),
    configureServer(server) {
      server.middlewares.use(`/${officeJsFolder}/`, (req, res, next) => {
        const relative = normalize(decodeURIComponent((req.url ?? '').split('?')[0])).replace(/^[/\\]+/u, '');
        const file = join(officeJsDist, relative);
        if (!isOfficeJsFile(relative) || !file.startsWith(officeJsDist) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', contentTypes[extname(file)] ?? 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    async writeBundle() {
      if (source === 'cdn') return;
      for (const relative of await officeJsFiles()) {
        const target = join(outDir, officeJsFolder, relative);
        await mkdir(dirname(target), { recursive: true });
        await cp(join(officeJsDist, relative), target);
      }
    },
  };
}

/** The icons the manifest names, at /assets/icon-{size}.png as in the dev server. */
export function manifestAssets(root: string, manifestPath: string, origin: string): Plugin {
  let outDir = '';
  return {
    name: 'taizhang:manifest-assets',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle() {
      await mkdir(join(outDir, 'assets'), { recursive: true });
      for (const size of iconSizes) await cp(join(root, 'assets', `icon-${size}.png`), join(outDir, 'assets', `icon-${size}.png`));
      const manifest = await readFile(manifestPath, 'utf8');
      await writeFile(join(outDir, 'manifest.xml'), manifestForOrigin(manifest, origin));
    },
  };
}
