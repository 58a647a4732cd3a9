/**
 * Where the pane is served from. The manifest, the dev server and the production build all use this
 * one origin; a bureau that hosts `dist/` on its intranet builds with ADDIN_ORIGIN set and gets a
 * `dist/manifest.xml` rewritten to its own address.
 */
export const devOrigin = 'https://localhost:3000';
export const devPort = 3000;

/** Icon sizes the manifest names; the files are `addin/assets/icon-{size}.png`. */
export const iconSizes = [16, 32, 64, 80] as const;

/** Files of @microsoft/office-js copied beside the pane so it never loads office.js from a CDN. */
export const officeJsFolder = 'office-js';

/** The origin a build is for: ADDIN_ORIGIN without a trailing slash, or the dev origin. */
export function buildOrigin(env: Record<string, string | undefined>): string {
  const origin = env.ADDIN_ORIGIN?.trim();
  if (!origin) return devOrigin;
  const url = new URL(origin);
  if (url.protocol !== 'https:') throw new Error(`ADDIN_ORIGIN 必须是 https 地址：${origin}`);
  return url.origin;
}

/** The manifest with every occurrence of the dev origin replaced by `origin`. */
export function manifestForOrigin(manifest: string, origin: string): string {
  return manifest.split(devOrigin).join(origin);
}
