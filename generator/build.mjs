// Bundles the CLI for the package's bin. Dependencies are bundled too: resolving and loading a few hundred
// files from node_modules (zod alone is ~95) costs more at start than the commands' own work on a
// small ledger. Each command's work sits behind a dynamic import in its own chunk, so `rules` loads
// neither zod nor the reader, and `validate` loads neither docx, exceljs nor the YAML reader.
import { build } from 'esbuild';
import { chmod, rm } from 'node:fs/promises';

const outdir = 'build';

// (esbuild's filters are Go regular expressions: no /u flag.)
// zod's namespace object carries every message locale (64 modules, a third of its code), and the
// ledger's schemas use none of them: zod itself configures English, which stays. Compiling the rest
// cost the CLI's start about as much as the sample ledger's whole check.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/u.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-english-only' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: process.cwd(),
    }));
  },
};
await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { taizhang: 'generator/cli.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Bundled CommonJS packages (exceljs and its helpers) call require() for Node's own modules.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __taizhangRequire } from 'node:module';\nconst require = __taizhangRequire(import.meta.url);",
  },
  legalComments: 'linked',
  plugins: [zodEnglishOnly],
  logLevel: 'warning',
  minify: true,
});
await chmod(`${outdir}/taizhang.mjs`, 0o755);
