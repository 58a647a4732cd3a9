/**
 * The children of a worksheet part's root, where they lie, and where a new one goes. Excel asks the
 * root's children to come in the order of CT_Worksheet's sequence and offers to repair a file where
 * one is out of place; an element found by searching the whole part (a `<cfRule>`'s `<extLst>`, a
 * table's `<tableParts>` text) is not a child of the root, so only the root's own children are read.
 */
import { columnNumber } from '../../../ledger/grid/address';
import { CLOSE, END, OPEN, XmlScanner } from '../../../ledger/read/xml';

/** CT_Worksheet's children in the schema's order (ECMA-376 Part 1, 18.3.1.99, sml.xsd). */
const worksheetOrder = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
] as const;

type WorksheetChild = (typeof worksheetOrder)[number];

const rank = new Map<string, number>(worksheetOrder.map((name, i) => [name, i]));

export interface Child {
  /** Local name; for markup-compatibility wrappers (`mc:AlternateContent`), the first child of the schema's inside. */
  name: string;
  /** Its prefix with the colon, or ''. */
  prefix: string;
  start: number;
  end: number;
}

export interface WorksheetChildren {
  /** The root's prefix with the colon, or ''. */
  prefix: string;
  children: Child[];
  /** Where the root's end tag begins. */
  closeAt: number;
}

export function worksheetChildren(xml: string): WorksheetChildren {
  const scanner = new XmlScanner(xml);
  const children: Child[] = [];
  let prefix = '';
  let depth = 0;
  let current: Child | null = null;
  for (let kind = scanner.next(); kind !== END; kind = scanner.next()) {
    if (kind === OPEN) {
      if (depth === 0) {
        const p = scanner.prefix();
        prefix = p === '' ? '' : `${p}:`;
      } else if (depth === 1) {
        const p = scanner.prefix();
        current = { name: scanner.name, prefix: p === '' ? '' : `${p}:`, start: scanner.tagStart, end: 0 };
        children.push(current);
      } else if (current && !rank.has(current.name) && rank.has(scanner.name)) {
        current.name = scanner.name;
      }
      if (scanner.selfClosing) {
        if (depth === 1 && current) current.end = scanner.position;
        continue;
      }
      depth++;
      // The cells are most of a sheet and none of them is a child of the root: step over them.
      if (depth === 2 && current?.name === 'sheetData') {
        const close = xml.indexOf(`</${current.prefix}sheetData`, scanner.position);
        if (close >= 0) scanner.position = close;
      }
    } else if (kind === CLOSE) {
      depth--;
      if (depth === 1 && current) current.end = scanner.position;
      if (depth === 0) return { prefix, children, closeAt: xml.lastIndexOf('<', scanner.position - 1) };
    }
  }
  throw new Error('工作表内容不完整');
}

function childNamed(sheet: WorksheetChildren, name: WorksheetChild): Child | undefined {
  return sheet.children.find((c) => c.name === name);
}

/** Where an element `name` goes: before the first child the schema puts after it, else at the root's end. */
function insertionPoint(sheet: WorksheetChildren, name: WorksheetChild): number {
  const wanted = rank.get(name)!;
  const later = sheet.children.find((c) => (rank.get(c.name) ?? -1) > wanted);
  return later ? later.start : sheet.closeAt;
}

/** The part with `element` put in its place among the root's children (the schema's `name`). */
export function withChild(xml: string, name: WorksheetChild, element: string): string {
  const at = insertionPoint(worksheetChildren(xml), name);
  return xml.slice(0, at) + element + xml.slice(at);
}

/** The part without the root's child `name` (the first one, when it has one). */
export function withoutChild(xml: string, name: WorksheetChild): string {
  const child = childNamed(worksheetChildren(xml), name);
  return child ? xml.slice(0, child.start) + xml.slice(child.end) : xml;
}

/** The merged areas of the sheet (`<mergeCells>`), as 1-based corners. */
export function mergedAreas(xml: string): Array<{ top: number; left: number; bottom: number; right: number }> {
  const merges = childNamed(worksheetChildren(xml), 'mergeCells');
  if (!merges) return [];
  const corner = (ref: string) => {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/u.exec(ref)!;
    return { row: Number(m[2]), column: columnNumber(m[1].toUpperCase()) };
  };
  return [...xml.slice(merges.start, merges.end).matchAll(/\sref\s*=\s*"(\$?[A-Za-z]{1,3}\$?\d+):(\$?[A-Za-z]{1,3}\$?\d+)"/gu)].map((m) => {
    const [a, b] = [corner(m[1]), corner(m[2])];
    return {
      top: Math.min(a.row, b.row),
      left: Math.min(a.column, b.column),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.column, b.column),
    };
  });
}
