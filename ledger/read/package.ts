import { END, OPEN, XmlScanner } from './xml';

/**
 * The package structure of an .xlsx (OPC): relationships lead from the package to the workbook part,
 * and from the workbook to its sheets, styles and shared strings. Part names are resolved here so the
 * rest of the reader only sees paths inside the zip.
 */
export interface Relationship {
  type: string;
  target: string;
}

export function directoryOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

export function relationshipsPartOf(part: string): string {
  const dir = directoryOf(part);
  return `${dir}_rels/${part.slice(dir.length)}.rels`;
}

function resolve(base: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A target that is not valid percent-encoding is taken as it stands.
  }
  const segments = (decoded.startsWith('/') ? decoded : base + decoded).split('/');
  const path: string[] = [];
  for (const segment of segments) {
    if (segment === '..') path.pop();
    else if (segment !== '.' && segment !== '') path.push(segment);
  }
  return path.join('/');
}

/** Relationships by id, targets resolved against the directory of the part they belong to. */
export function relationships(xml: string | null, base: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  if (xml === null) return rels;
  const scanner = new XmlScanner(xml);
  for (let kind = scanner.next(); kind !== END; kind = scanner.next()) {
    if (kind !== OPEN || scanner.name !== 'Relationship') continue;
    const id = scanner.attr('Id') ?? '';
    const target = scanner.attr('Target');
    if (target === null || scanner.attr('TargetMode') === 'External') continue;
    rels.set(id, { type: scanner.attr('Type') ?? '', target: resolve(base, target) });
  }
  return rels;
}

/** Relationship types end alike in Transitional and Strict OOXML; their namespaces differ. */
export function relationshipOfType(rels: Map<string, Relationship>, type: string): Relationship | undefined {
  for (const rel of rels.values()) if (rel.type.endsWith(`/${type}`)) return rel;
  return undefined;
}

export interface WorkbookPart {
  isWorkbook: boolean;
  date1904: boolean;
  sheets: Array<{ name: string; relationship: string }>;
}

/**
 * Elements are matched by local name, so those of other namespaces must be told apart: Excel 2013 and
 * later write an `<x15:workbookPr>` of their own inside `<extLst>`, which has no date1904 and must not
 * reset the main one. Only elements in the namespace of the `<workbook>` root count: by any prefix the root
 * binds to it, unless the element binds its prefix anew.
 */
export function workbookPart(xml: string): WorkbookPart {
  const part: WorkbookPart = { isWorkbook: false, date1904: false, sheets: [] };
  const scanner = new XmlScanner(xml);
  let main: string | null = null;
  const mainPrefixes = new Set<string>();
  for (let kind = scanner.next(); kind !== END; kind = scanner.next()) {
    if (kind !== OPEN) continue;
    if (scanner.name === 'extLst') {
      scanner.skip();
      continue;
    }
    const prefix = scanner.prefix();
    if (!part.isWorkbook) {
      if (scanner.name !== 'workbook') continue;
      part.isWorkbook = true;
      main = scanner.declaredNamespace(prefix);
      mainPrefixes.add(prefix);
      // A root may bind the main namespace to more than one prefix (`xmlns` and `xmlns:x`) and use either.
      if (main !== null) for (const other of scanner.prefixesOf(main)) mainPrefixes.add(other);
      continue;
    }
    const own = scanner.declaredNamespace(prefix);
    if (own !== null ? own !== main : !mainPrefixes.has(prefix)) continue;
    switch (scanner.name) {
      case 'workbookPr': {
        const value = scanner.attr('date1904');
        part.date1904 = value === '1' || value === 'true';
        break;
      }
      case 'sheet':
        part.sheets.push({ name: scanner.attr('name') ?? '', relationship: scanner.attr('id') ?? '' });
        break;
    }
  }
  return part;
}
