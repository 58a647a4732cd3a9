/**
 * The Excel task pane: `npm run build:addin` bundles addin/ into dist/ (with office.js, the icons and
 * a manifest for ADDIN_ORIGIN); `npm run dev-server` serves it over HTTPS on localhost:3000 with the
 * Office dev certificate.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import type { UserConfig } from 'vite';
import { buildOrigin, devPort, officeJsSource } from './addin/hosting';
import { bootFirst } from './addin/vite/boot';
import { devHttpsOptions } from './addin/vite/devCerts';
import { htmlPartials } from './addin/vite/htmlPartials';
import { manifestAssets, officeJs } from './addin/vite/plugins';
import { paneTargets } from './addin/vite/targets';

const root = resolve(import.meta.dirname, 'addin');

export default defineConfig(async ({ command, mode }): Promise<UserConfig> => {
  // Vitest reads this file too (mode "test") while the project has no vitest.config: tests keep Vite's defaults.
  if (mode === 'test') return {};
  // Only the dev server needs the certificate; a build must not try to install one.
  const https = command === 'serve' ? await devHttpsOptions() : undefined;
  return {
    root,
    base: './',
    publicDir: false,
    clearScreen: false,
    server: { port: devPort, strictPort: true, https },
    preview: { port: devPort, strictPort: true, https },
    build: {
      outDir: resolve(import.meta.dirname, 'dist'),
      emptyOutDir: true,
      // The webviews of the Excel versions the pane supports, older Mac Excel's WebKit among them.
      target: paneTargets.map((t) => t.name),
      // Bundles under static/, so /assets/ holds only the manifest's icons, as in the dev server.
      assetsDir: 'static',
      chunkSizeWarningLimit: 2048,
      rolldownOptions: {
        input: { taskpane: resolve(root, 'taskpane.html'), help: resolve(root, 'help.html') },
      },
    },
    plugins: [
      htmlPartials(resolve(root, 'partials')),
      bootFirst(resolve(root, 'boot/boot.js')),
      officeJs(officeJsSource(process.env)),
      manifestAssets(root, resolve(import.meta.dirname, 'manifest.xml'), buildOrigin(process.env)),
    ],
  };
});
