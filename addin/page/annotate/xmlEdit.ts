/**
 * Small, exact edits of OOXML text: the annotated copy changes a part by inserting and replacing
 * elements where the schema wants them, leaving every other byte of the part as it was. Producers
 * may put the SpreadsheetML namespace on a prefix (`x:worksheet`); the edits follow the part's own.
 */

/** The namespace prefix of the part's root element, with its colon, or ''. */
export function rootPrefix(xml: string, root: string): string {
  const m = new RegExp(`<(\\w+:)?${root}[\\s>/]`, 'u').exec(xml);
  return m?.[1] ?? '';
}

export function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'u').exec(tag);
  return m ? (m[1] ?? m[2]) : null;
}

/** The start tag with `name` set to `value`, added before its end when it had none. */
export function withAttribute(tag: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${name}\\s*=\\s*)(?:"[^"]*"|'[^']*')`, 'u');
  if (pattern.test(tag)) return tag.replace(pattern, `$1"${value}"`);
  return tag.replace(/\s*(\/?>)$/u, ` ${name}="${value}"$1`);
}

/** The element's `count` attribute set to `count` (when it has one). */
function withCount(tag: string, count: number): string {
  return attribute(tag, 'count') === null ? tag : withAttribute(tag, 'count', String(count));
}

/** Where a collection element `<p:name …>…</p:name>` or `<p:name/>` lies in `xml`. */
export interface Found {
  start: number;
  end: number;
  /** The start tag, or the whole empty element. */
  open: string;
  /** Its content ('' for an empty element). */
  inner: string;
}

export function findElement(xml: string, prefix: string, name: string, from = 0): Found | null {
  const pattern = new RegExp(`<${prefix}${name}(?:\\s[^>]*)?>`, 'gu');
  pattern.lastIndex = from;
  const m = pattern.exec(xml);
  if (!m) return null;
  if (m[0].endsWith('/>')) return { start: m.index, end: m.index + m[0].length, open: m[0], inner: '' };
  const close = `</${prefix}${name}>`;
  const closeAt = xml.indexOf(close, m.index + m[0].length);
  if (closeAt < 0) return null;
  return { start: m.index, end: closeAt + close.length, open: m[0], inner: xml.slice(m.index + m[0].length, closeAt) };
}

/** Rewrites a collection element with `added` appended to its content and its count brought up to date. */
export function appendToCollection(xml: string, found: Found, prefix: string, name: string, added: string, count: number): string {
  const open = withCount(found.open.replace(/\s*\/>$/u, '>'), count);
  return `${xml.slice(0, found.start)}${open}${found.inner}${added}</${prefix}${name}>${xml.slice(found.end)}`;
}

/** Direct children `<p:name …/>` or `<p:name …>…</p:name>` of a content string, in order. */
export function elements(inner: string, prefix: string, name: string): string[] {
  const pattern = new RegExp(`<${prefix}${name}(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</${prefix}${name}>)`, 'gu');
  return inner.match(pattern) ?? [];
}
