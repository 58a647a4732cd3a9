/** Text made safe for the XML parts the page writes. */

// Everything XML 1.0 does not admit as a character: control characters but tab, line feed and carriage
// return, lone surrogates, U+FFFE and U+FFFF. A ledger cell can hold them (pasted from old systems), and
// one of them would make the whole part unreadable.
const forbidden = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for an element's content or an attribute value in double quotes. */
export function xmlText(text: string): string {
  return text.replace(forbidden, '').replace(/[&<>"]/gu, (c) => entities[c]);
}

export const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const mainNamespace = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const relationshipsNamespace = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const packageRelationshipsNamespace = 'http://schemas.openxmlformats.org/package/2006/relationships';
