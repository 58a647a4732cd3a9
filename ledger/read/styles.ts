import { builtinFormats } from './builtinFormats';
import { CLOSE, END, OPEN, XmlScanner } from './xml';

/**
 * The number format of each cell style (`<cellXfs>`), indexed by a cell's `s`. Only the top-level
 * `<numFmts>` counts: the ones inside `<dxfs>` belong to conditional formats, and `<cellStyleXfs>`
 * are named styles, not cell styles.
 */
export function styleFormats(xml: string | null): string[] {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  const scanner = new XmlScanner(xml);
  let section = '';
  for (let kind = scanner.next(); kind !== END; kind = scanner.next()) {
    const name = scanner.name;
    if (kind === CLOSE) {
      if (name === section) section = '';
      continue;
    }
    if (kind !== OPEN) continue;
    if (section === '' && (name === 'numFmts' || name === 'cellXfs' || name === 'dxfs' || name === 'cellStyleXfs')) {
      if (!scanner.selfClosing) section = name;
    } else if (section === 'numFmts' && name === 'numFmt') {
      const id = Number(scanner.attr('numFmtId'));
      const code = scanner.attr('formatCode');
      if (Number.isInteger(id) && code !== null) custom.set(id, code);
    } else if (section === 'cellXfs' && name === 'xf') {
      xfFormats.push(Number(scanner.attr('numFmtId') ?? 0));
      scanner.skip();
    }
  }
  // A custom format spelled `General` is no format at all, as with id 0.
  const code = (id: number) => (id === 0 ? '' : (custom.get(id) ?? builtinFormats.get(id) ?? ''));
  return xfFormats.map((id) => (/^general$/iu.test(code(id)) ? '' : code(id)));
}
