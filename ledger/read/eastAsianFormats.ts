import { createRequire } from 'node:module';

/**
 * exceljs knows the built-in number formats 27–36 and 50–58 (which Chinese Excel and WPS save for
 * `yyyy年m月d日` and the like) only per locale, so their cells would arrive as bare numbers with no
 * format and a date could not be told from a count. We give exceljs the zh-CN code for those ids;
 * exceljs is no longer developed, so this internal module is stable.
 */
const require = createRequire(import.meta.url);

interface NumFmtXform {
  getDefaultFmtCode(id: number): string | undefined;
}
type LocaleFormats = Record<string, { f?: string; 'zh-cn'?: string }>;

let installed = false;

export function installEastAsianFormats(): void {
  if (installed) return;
  installed = true;
  const xform = require('exceljs/lib/xlsx/xform/style/numfmt-xform.js') as NumFmtXform;
  const defaults = require('exceljs/lib/xlsx/defaultnumformats.js') as LocaleFormats;
  const original = xform.getDefaultFmtCode.bind(xform);
  xform.getDefaultFmtCode = (id: number) => original(id) ?? defaults[id]?.['zh-cn'];
}
