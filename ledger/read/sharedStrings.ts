import { CLOSE, END, OPEN, XmlScanner } from './xml';

const escapedChar = /_x([0-9A-Fa-f]{4})_/gu;

/** OOXML's own escape for characters XML cannot hold (`_x000D_` for a carriage return). */
function unescapeOoxml(text: string): string {
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

/** The shared string table; a cell of type `s` holds an index into it. */
export function sharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  const strings: string[] = [];
  const scanner = new XmlScanner(xml);
  for (let kind = scanner.next(); kind !== END; kind = scanner.next()) {
    if (kind === OPEN && scanner.name === 'si') strings.push(stringItem(scanner));
  }
  return strings;
}
