// Bundles the CLI for the package's bin. Dependencies are bundled too: resolving and loading a few hundred
// files from node_modules (zod alone is ~95) costs more at start than the commands' own work on a
// small ledger. Each command's work sits behind a dynamic import in its own chunk, so `rules` loads
// neither zod nor the reader, and `validate` loads neither docx, exceljs nor the YAML reader. The code
// imports zod as a namespace (`import * as z`), which lets esbuild drop what the schemas do not use,
// its 64 message locales included: half of zod's code, and a tenth of the CLI's start. The ledger's
// schemas are built with zod/mini, whose schemas carry no methods: the same checks, built sooner.
import { build } from 'esbuild';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';

const outdir = 'build';
// What each bundle file holds, for the tests: minified code keeps no trace of its sources. Kept out of
// build/, which is what the package ships.
const metaDir = 'node_modules/.cache/taizhang';

await rm(outdir, { recursive: true, force: true });
const { metafile } = await build({
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
  logLevel: 'warning',
  minify: true,
  metafile: true,
});
await mkdir(metaDir, { recursive: true });
await writeFile(`${metaDir}/cli-bundle.json`, JSON.stringify(metafile));
await chmod(`${outdir}/taizhang.mjs`, 0o755);
