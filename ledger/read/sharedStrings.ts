import { damaged } from './problems';
import { CLOSE, END, OPEN, XmlScanner, unescapeXml } from './xml';

const escapedChar = /_x([0-9A-Fa-f]{4})_/gu;

/** OOXML's own escape for characters XML cannot hold (`_x000D_` for a carriage return). */
export function unescapeOoxml(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(escapedChar, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The text of the string item just opened (`<si>` or a cell's `<is>`): plain `<t>`, or the runs of rich
 * text joined. Phonetic guides (`<rPh>`) are annotations, not text, and are left out.
 */
export function stringItem(scanner: XmlScanner): string {
  if (scanner.selfClosing) return '';
  let text = '';
  for (let depth = 0; ;) {
    const kind = scanner.next();
    if (kind === END) return text;
    if (kind === CLOSE) {
      if (depth-- === 0) return text;
      continue;
    }
    const name = scanner.name;
    if (name === 't') text += unescapeOoxml(scanner.text());
    else if (name === 'rPh' || name === 'rPr' || name === 'phoneticPr') scanner.skip();
    else if (!scanner.selfClosing) depth++;
  }
}

export const sharedStringsLabel = '共享字符串表';

/**
 * The fast path through the table: items of one plain `<t>`, as nearly every item is, read from `from`
 * on without the scanner. It stops at the first item in any other form (rich text, phonetic runs, CDATA,
 * a prefix, other spacing) and returns where it starts, for the scanner to read it the general way.
 */
function readPlainItems(xml: string, from: number, strings: string[]): number {
  for (let pos = from; ;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) return pos;
    if (!xml.startsWith('<si><t', lt)) return lt;
    let start = lt + 6;
    if (xml.charCodeAt(start) === 62) start++;
    else if (xml.startsWith(plainSpace, start)) start += plainSpace.length;
    else return lt;
    const end = xml.indexOf('<', start);
    if (end < 0 || !xml.startsWith('</t></si>', end)) return lt;
    strings.push(unescapeOoxml(unescapeXml(xml.slice(start, end))));
    pos = end + 9;
  }
}
const plainSpace = ' xml:space="preserve">';

/**
 * The shared string table; a cell of type `s` holds an index into it. A table that is empty or holds
 * items other than `<si>` is damaged: reading on would turn its cells into empty ones in silence.
 * `fast` false reads every item with the scanner, for the tests that hold the fast path to it.
 */
export function sharedStrings(xml: string | null, file: string, fast = true): string[] {
  if (xml === null) return [];
  const strings: string[] = [];
  const scanner = new XmlScanner(xml);
  let root = false;
  for (;;) {
    if (fast) scanner.position = readPlainItems(xml, scanner.position, strings);
    const kind = scanner.next();
    if (kind === END) break;
    if (kind !== OPEN) continue;
    const name = scanner.name;
    if (name === 'si') strings.push(stringItem(scanner));
    else if (name === 'sst') root = true;
    else if (name === 'extLst') scanner.skip();
    else throw damaged(file, `${sharedStringsLabel}中有无法识别的条目 <${name}>`);
  }
  if (!root) throw damaged(file, xml.trim() === '' ? `${sharedStringsLabel}是空的` : `${sharedStringsLabel}不是共享字符串表`);
  return strings;
}
