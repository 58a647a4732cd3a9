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

/** Microsoft's CDN copy of office.js: current, with notes (ExcelApi 1.18); needs the internet. */
export const officeJsCdn = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export type OfficeJsSource = 'local' | 'cdn';

/** ADDIN_OFFICE_JS=cdn builds for Microsoft's CDN; anything else, or nothing, for the local copy. */
export function officeJsSource(env: Record<string, string | undefined>): OfficeJsSource {
  const choice = env.ADDIN_OFFICE_JS?.trim().toLowerCase();
  if (choice === undefined || choice === '' || choice === 'local') return 'local';
  if (choice === 'cdn') return 'cdn';
  throw new Error(`ADDIN_OFFICE_JS 只能是 local 或 cdn：${env.ADDIN_OFFICE_JS}`);
}

/**
 * The pane's page for the chosen office.js: for the CDN, the script points there and the
 * Content-Security-Policy admits scripts from that origin alone (no frames, no connections).
 */
export function pageForOfficeJs(html: string, source: OfficeJsSource): string {
  const local = `./${officeJsFolder}/office.js`;
  // A page that loads no office.js (help.html) is built as it is.
  if (source === 'local' || !html.includes(local)) return html;
  if (!html.includes("script-src 'self'")) throw new Error('加载 office.js 的页面中找不到 CSP 的 script-src');
  return html.replace(local, officeJsCdn).replace("script-src 'self'", `script-src 'self' ${new URL(officeJsCdn).origin}`);
}

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
