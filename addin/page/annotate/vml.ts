/**
 * The VML drawing of a sheet's notes: one hidden box per note, anchored beside its cell (ECMA-376
 * Part 4, 19.1.2; the shape Excel itself writes for a note). Drawings from Excel, WPS, LibreOffice and
 * openpyxl are edited as text, leaving every shape of theirs as it was.
 */
import { idmapBlocks, shapeNumbers, type ShapeBlocks } from './shapeIds';

export interface ShapeCell {
  /** 1-based, as in the finding. */
  row: number;
  column: number;
}

const shapeType =
  `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
  `<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

function shape(cell: ShapeCell, id: number): string {
  const col = cell.column - 1;
  const row = cell.row - 1;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:80pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
    `<x:Anchor>${col + 1}, 15, ${row}, 10, ${col + 4}, 15, ${row + 5}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

const namespaces = {
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  x: 'urn:schemas-microsoft-com:office:excel',
};

/**
 * The drawing with `v`, `o` and `x` bound on its root, as our shapes use them. openpyxl binds its
 * prefixes (`ns0`, `ns1`, …) element by element and none on the root.
 */
function withOurPrefixes(xml: string): string {
  const root = /<xml\b[^>]*?(\/?)>/u.exec(xml);
  if (!root) return xml;
  const missing = Object.entries(namespaces)
    .filter(([prefix]) => !new RegExp(`\\sxmlns:${prefix}\\s*=`, 'u').test(root[0]))
    .map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`)
    .join('');
  const tag = root[0].slice(0, root[0].length - 1 - root[1].length) + missing + root[1] + '>';
  return xml.slice(0, root.index) + tag + xml.slice(root.index + root[0].length);
}

const shapeLayout = (blocks: readonly number[]) =>
  `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(',')}"/></o:shapelayout>`;

/** A new drawing for these notes, its ids from blocks of its own. */
export function newVml(cells: readonly ShapeCell[], ids: ShapeBlocks): string {
  const { ids: numbers, blocks } = ids.allocate([], [], cells.length);
  return (
    `<xml xmlns:v="${namespaces.v}" xmlns:o="${namespaces.o}" xmlns:x="${namespaces.x}">` +
    `${shapeLayout(blocks)}${shapeType}${cells.map((c, i) => shape(c, numbers[i])).join('')}</xml>`
  );
}

/**
 * Shapes added to a drawing the sheet already has: numbered in its own blocks while they have room,
 * then in fresh ones, which its `o:idmap` then lists too. Its root binds `v`, `o` and `x` as Excel's does.
 */
export function addShapes(xml: string, cells: readonly ShapeCell[], ids: ShapeBlocks): string {
  if (cells.length === 0) return xml;
  const own = idmapBlocks(xml);
  const { ids: numbers, blocks } = ids.allocate(own, shapeNumbers(xml), cells.length);
  const layout = /<(\w+):idmap\b[^>]*>/u.exec(xml);
  let out = xml;
  if (layout) {
    const data = /(\sdata\s*=\s*)"[^"]*"/u;
    const tag = data.test(layout[0])
      ? layout[0].replace(data, `$1"${blocks.join(',')}"`)
      : layout[0].replace(/\s*\/?>$/u, ` data="${blocks.join(',')}"$&`);
    out = out.slice(0, layout.index) + tag + out.slice(layout.index + layout[0].length);
  } else {
    const root = /<xml\b[^>]*>/u.exec(out)!;
    const at = root.index + root[0].length;
    out = out.slice(0, at) + shapeLayout(blocks) + out.slice(at);
  }
  out = withOurPrefixes(out);
  const type = out.includes('_x0000_t202') ? '' : shapeType;
  const at = out.lastIndexOf('</xml>');
  return `${out.slice(0, at)}${type}${cells.map((c, i) => shape(c, numbers[i])).join('')}${out.slice(at)}`;
}

const noteShapes = /<(\w+):shape\b[^>]*>[\s\S]*?<\/\1:shape>/gu;

/** Where a shape's note sits (0-based in VML), or null for a shape that is no note. */
function noteCell(shapeXml: string): { row: number; column: number } | null {
  if (!/ObjectType\s*=\s*"Note"/u.test(shapeXml)) return null;
  const row = /<\w+:Row>\s*(\d+)\s*</u.exec(shapeXml);
  const column = /<\w+:Column>\s*(\d+)\s*</u.exec(shapeXml);
  return row && column ? { row: Number(row[1]), column: Number(column[1]) } : null;
}

/** Drawn things of VML (shapes of any kind, controls' rectangles); shape types and the layout draw nothing. */
const drawn = /<\w+:(?:shape|rect|roundrect|oval|line|polyline|arc|curve|group|image)[\s/>]/u;

/** The drawing without the note boxes of these cells; `empty` when it draws nothing any more. */
export function withoutShapes(xml: string, cells: readonly ShapeCell[]): { xml: string; empty: boolean } {
  const gone = new Set(cells.map((c) => `${c.row - 1},${c.column - 1}`));
  const out = xml.replace(noteShapes, (whole) => {
    const at = noteCell(whole);
    return at && gone.has(`${at.row},${at.column}`) ? '' : whole;
  });
  return { xml: out, empty: !drawn.test(out) };
}
