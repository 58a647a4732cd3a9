/**
 * `npm run build:page`: addin/page/ built into the one file dist/台账助手.html, for the browsers of the
 * bureaus' PCs (Chromium 86 and later, Firefox ESR 115). Never empties dist/: the add-in lives there too.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { htmlPartials } from '../vite/htmlPartials';
import { singleFile } from '../vite/singleFile';

export const pageFileName = '台账助手.html';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  publicDir: false,
  clearScreen: false,
  build: {
    outDir: resolve(import.meta.dirname, '../../dist'),
    emptyOutDir: false,
    target: ['chrome86', 'firefox115'],
    modulePreload: false,
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4096,
    rolldownOptions: { output: { codeSplitting: false } },
  },
  worker: { format: 'iife' },
  plugins: [htmlPartials(resolve(import.meta.dirname, '../partials')), singleFile(pageFileName)],
});
