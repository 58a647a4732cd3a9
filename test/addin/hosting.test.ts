import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { officeJsCdn, officeJsSource, pageForOfficeJs } from '../../addin/hosting';

const page = readFileSync(resolve(import.meta.dirname, '../../addin/taskpane.html'), 'utf8');
const policy = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/u.exec(html)?.[1] ?? '';

describe('where the pane loads office.js from', () => {
  it('uses the copy beside the pane unless ADDIN_OFFICE_JS=cdn', () => {
    expect(officeJsSource({})).toBe('local');
    expect(officeJsSource({ ADDIN_OFFICE_JS: 'local' })).toBe('local');
    expect(officeJsSource({ ADDIN_OFFICE_JS: ' CDN ' })).toBe('cdn');
    expect(() => officeJsSource({ ADDIN_OFFICE_JS: 'unpkg' })).toThrow(/ADDIN_OFFICE_JS 只能是 local 或 cdn/u);
    expect(pageForOfficeJs(page, 'local')).toBe(page);
  });

  it("points the CDN build at Microsoft's office.js and lets the policy admit that origin's scripts alone", () => {
    const cdn = pageForOfficeJs(page, 'cdn');
    expect(cdn).toContain(`<script src="${officeJsCdn}"></script>`);
    expect(cdn).not.toContain('./office-js/office.js');
    const directives = policy(cdn)
      .split(';')
      .map((d) => d.trim());
    expect(directives).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(directives.filter((d) => d.includes('microsoft'))).toHaveLength(1);
    expect(policy(cdn).replace(' https://appsforoffice.microsoft.com', '')).toBe(policy(page));
  });

  it('leaves a page that loads no office.js as it is, so the CDN build of help.html does not fail', () => {
    const help = readFileSync(resolve(import.meta.dirname, '../../addin/help.html'), 'utf8');
    expect(pageForOfficeJs(help, 'cdn')).toBe(help);
    expect(() => pageForOfficeJs(page.replace("script-src 'self'", "script-src 'none'"), 'cdn')).toThrow(/CSP/u);
  });
});
