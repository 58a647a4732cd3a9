/** Text made safe for the XML parts the page writes. */

// XML 1.0 admits tab, line feed and carriage return among the control characters; a ledger cell can
// hold the others (pasted from old systems), and one of them would make the whole part unreadable.
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu;

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for an element's content or an attribute value in double quotes. */
export function xmlText(text: string): string {
  return text.replace(forbidden, '').replace(/[&<>"]/gu, (c) => entities[c]);
}

export const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const mainNamespace = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const relationshipsNamespace = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const packageRelationshipsNamespace = 'http://schemas.openxmlformats.org/package/2006/relationships';
