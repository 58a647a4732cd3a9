/**
 * The webviews and browsers the pane is built for (vite.config.ts `build.target`), each with the
 * ECMAScript edition of the syntax it parses. test/addin/bundleTargets.test.ts parses the built
 * bundle against each one.
 * - Chromium 86 and later: WebView2 of Office 2021, 2024 and Microsoft 365 on Windows (and of Office
 *   2016/2019 retail where it is installed), and the browsers of Excel on the web; Edge the same.
 * - Safari 13 and later: the WKWebView of Mac Excel on macOS 10.14 and 10.15 (the system's WebKit).
 *   It has no regular-expression lookbehind until 16.4, which a bundle must therefore not hold.
 * - Firefox ESR 115: Excel on the web.
 * Edge Legacy (EdgeHTML) and Internet Explorer 11 are not among them: they lack custom elements, so
 * addin/boot/boot.js sends their clerks to 台账助手.html instead.
 */
export interface PaneTarget {
  /** As esbuild and Vite name it. */
  name: string;
  /** The ECMAScript edition whose syntax it parses, regular expressions included. */
  edition: number;
  /** Regular-expression lookbehind (`(?<=…)`, `(?<!…)`), which WebKit lacks before Safari 16.4. */
  lookbehind: boolean;
}

export const paneTargets: readonly PaneTarget[] = [
  { name: 'chrome86', edition: 2021, lookbehind: true },
  { name: 'edge86', edition: 2021, lookbehind: true },
  { name: 'safari13', edition: 2019, lookbehind: false },
  { name: 'firefox115', edition: 2022, lookbehind: true },
];
