// Bundles the CLI for the package's bin; dependencies stay in node_modules. The report generator is
// split into its own chunk, loaded only by `taizhang report`, so `validate` starts without docx.
import { build } from 'esbuild';
import { chmod, rm } from 'node:fs/promises';

const outdir = 'build';
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
  packages: 'external',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
await chmod(`${outdir}/taizhang.mjs`, 0o755);
