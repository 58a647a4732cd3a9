// Bundles the CLI into one ESM file for the package's bin; dependencies stay in node_modules.
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';

const outfile = 'build/taizhang.mjs';
await build({
  entryPoints: ['generator/cli.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
await chmod(outfile, 0o755);
