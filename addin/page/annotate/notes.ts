/**
 * A note on each marked cell: the legacy comments part (what Excel, WPS and LibreOffice all read as
 * 批注) with its VML drawing, the worksheet's relationships to both and its `<legacyDrawing>`. A
 * sheet that already has notes keeps them: ours are added to its own parts, and a cell that already
 * had a note keeps its text with ours after it.
 */
import { directoryOf, relationships, relationshipsPartOf } from '../../../ledger/read/package';
import { mainNamespace, packageRelationshipsNamespace, relationshipsNamespace, xmlDeclaration, xmlText } from '../xlsx/xmlText';
import type { PackageParts } from './parts';
import { appendToCollection, attribute, elements, findElement, rootPrefix } from './xmlEdit';

export interface NoteMark {
  cell: string;
  /** 1-based, as in the finding. */
  row: number;
  column: number;
  note: string;
}

const relType = {
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vml: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
};
const commentsType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const vmlType = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
const author = '台账校验';

/** Sheet elements that come after `<legacyDrawing>` in the schema's order (ECMA-376 Part 1, 18.3.1.99). */
const afterLegacyDrawing = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

const run = (text: string) => `<r><t xml:space="preserve">${xmlText(text)}</t></r>`;

function newComments(notes: readonly NoteMark[]): string {
  const list = notes.map((n) => `<comment ref="${n.cell}" authorId="0"><text>${run(n.note)}</text></comment>`).join('');
  return `${xmlDeclaration}<comments xmlns="${mainNamespace}"><authors><author>${author}</author></authors><commentList>${list}</commentList></comments>`;
}

/** Our notes added to a comments part the sheet already has; returns the cells that needed a new comment. */
function mergeComments(xml: string, notes: readonly NoteMark[]): { xml: string; added: NoteMark[] } {
  const p = rootPrefix(xml, 'comments');
  const authors = findElement(xml, p, 'authors');
  const authorId = authors ? elements(authors.inner, p, 'author').length : 0;
  let out = authors
    ? appendToCollection(xml, authors, p, 'authors', `<${p}author>${author}</${p}author>`, authorId + 1)
    : xml.replace(new RegExp(`(<${p}comments[^>]*>)`, 'u'), `$1<${p}authors><${p}author>${author}</${p}author></${p}authors>`);
  const pRun = (text: string) => `<${p}r><${p}t xml:space="preserve">${xmlText(text)}</${p}t></${p}r>`;
  const added: NoteMark[] = [];
  for (const note of notes) {
    const existing = new RegExp(`<${p}comment\\s[^>]*ref="${note.cell}"[^>]*>[\\s\\S]*?</${p}text>`, 'u').exec(out);
    if (existing) {
      const at = existing.index + existing[0].length - `</${p}text>`.length;
      out = `${out.slice(0, at)}${pRun(`\n${note.note}`)}${out.slice(at)}`;
    } else added.push(note);
  }
  const comments = added.map(
    (n) => `<${p}comment ref="${n.cell}" authorId="${authorId}"><${p}text>${pRun(n.note)}</${p}text></${p}comment>`,
  );
  const list = findElement(out, p, 'commentList');
  out = list
    ? appendToCollection(out, list, p, 'commentList', comments.join(''), 0)
    : out.replace(new RegExp(`</${p}comments>`, 'u'), `<${p}commentList>${comments.join('')}</${p}commentList></${p}comments>`);
  return { xml: out, added };
}

/** A hidden note box beside the cell, as Excel draws one (ECMA-376 Part 4, 2.3.2 / 19.1.2.x VML). */
function shape(note: NoteMark, spid: number): string {
  const col = note.column - 1;
  const row = note.row - 1;
  return (
    `<v:shape id="_x0000_s${spid}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:80pt;z-index:${spid};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
    `<x:Anchor>${col + 1}, 15, ${row}, 10, ${col + 4}, 15, ${row + 5}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

const shapeType =
  `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
  `<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

function newVml(notes: readonly NoteMark[], block: number): string {
  return (
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${shapeType}` +
    `${notes.map((n, i) => shape(n, block * 1024 + i + 1)).join('')}</xml>`
  );
}

/** Shapes added to a VML drawing the sheet already has, numbered after its last one. */
function mergeVml(xml: string, notes: readonly NoteMark[]): string {
  const ids = [...xml.matchAll(/_x0000_s(\d+)/gu)].map((m) => Number(m[1]));
  const next = Math.max(1024, ...ids) + 1;
  const type = xml.includes('_x0000_t202') ? '' : shapeType;
  const at = xml.lastIndexOf('</xml>');
  return `${xml.slice(0, at)}${type}${notes.map((n, i) => shape(n, next + i)).join('')}${xml.slice(at)}`;
}

/** The next free VML shape block: each drawing's shapes are numbered in blocks of 1024 (`o:idmap`). */
function freeShapeBlock(parts: PackageParts, vmlParts: readonly string[]): number {
  const used = vmlParts.flatMap((path) =>
    [...(parts.text(path) ?? '').matchAll(/data="([\d,\s]+)"/gu)].flatMap((m) => m[1].split(/[,\s]+/u).map(Number)),
  );
  return Math.max(0, ...used) + 1;
}

/** The worksheet with `<legacyDrawing r:id="…"/>` where the schema wants it. */
function withLegacyDrawing(xml: string, id: string): string {
  const p = rootPrefix(xml, 'worksheet');
  const root = /<(\w+:)?worksheet[^>]*>/u.exec(xml)![0];
  const bound = new RegExp(`xmlns:(\\w+)="${relationshipsNamespace}"`, 'u').exec(root)?.[1];
  const element = bound
    ? `<${p}legacyDrawing ${bound}:id="${id}"/>`
    : `<${p}legacyDrawing xmlns:r="${relationshipsNamespace}" r:id="${id}"/>`;
  const later = afterLegacyDrawing
    .map((name) => findElement(xml, p, name))
    .filter((f) => f !== null)
    .map((f) => f.start);
  const at = later.length > 0 ? Math.min(...later) : xml.lastIndexOf(`</${p}worksheet>`);
  return xml.slice(0, at) + element + xml.slice(at);
}

function freeId(relsXml: string, wanted: string): string {
  let id = wanted;
  for (let n = 2; relsXml.includes(`Id="${id}"`); n++) id = `${wanted}${n}`;
  return id;
}

/**
 * Adds the notes of one sheet to the package and returns the sheet's XML, changed only by its
 * `<legacyDrawing>` when it had none. `vmlParts` lists every VML drawing of the package, to keep
 * shape numbers apart; a drawing added here is added to it.
 */
export function addNotes(parts: PackageParts, sheetPath: string, sheetXml: string, notes: readonly NoteMark[], vmlParts: string[]): string {
  const relsPath = relationshipsPartOf(sheetPath);
  let relsXml = parts.text(relsPath) ?? `${xmlDeclaration}<Relationships xmlns="${packageRelationshipsNamespace}"></Relationships>`;
  const rels = [...relationships(relsXml, directoryOf(sheetPath)).values()];
  const commentsRel = rels.find((r) => r.type.endsWith('/comments'));
  const vmlRel = rels.find((r) => r.type.endsWith('/vmlDrawing'));
  const newRels: string[] = [];
  let xml = sheetXml;

  let drawn = notes;
  if (commentsRel && parts.has(commentsRel.target)) {
    const merged = mergeComments(parts.text(commentsRel.target)!, notes);
    parts.setText(commentsRel.target, merged.xml);
    drawn = merged.added;
  } else {
    const path = parts.freeName((n) => `xl/comments${n}.xml`);
    parts.setText(path, newComments(notes));
    addOverride(parts, path, commentsType);
    newRels.push(`<Relationship Id="${freeId(relsXml, 'rIdTaizhangNotes')}" Type="${relType.comments}" Target="/${path}"/>`);
  }

  if (vmlRel && parts.has(vmlRel.target)) {
    if (drawn.length > 0) parts.setText(vmlRel.target, mergeVml(parts.text(vmlRel.target)!, drawn));
  } else {
    const path = parts.freeName((n) => `xl/drawings/vmlDrawing${n}.vml`);
    parts.setText(path, newVml(drawn, freeShapeBlock(parts, vmlParts)));
    vmlParts.push(path);
    addDefault(parts, 'vml', vmlType);
    const id = freeId(relsXml, 'rIdTaizhangVml');
    newRels.push(`<Relationship Id="${id}" Type="${relType.vml}" Target="/${path}"/>`);
    const p = rootPrefix(xml, 'worksheet');
    const existing = findElement(xml, p, 'legacyDrawing');
    // A sheet's <legacyDrawing> that points nowhere we could read is pointed at ours instead.
    xml = existing ? xml.slice(0, existing.start) + xml.slice(existing.end) : xml;
    xml = withLegacyDrawing(xml, id);
  }

  if (newRels.length > 0) {
    const at = relsXml.lastIndexOf('</Relationships>');
    relsXml =
      at >= 0
        ? relsXml.slice(0, at) + newRels.join('') + relsXml.slice(at)
        : relsXml.replace(/<Relationships([^>]*)\/>/u, `<Relationships$1>${newRels.join('')}</Relationships>`);
    parts.setText(relsPath, relsXml);
  }
  return xml;
}

const contentTypesPath = '[Content_Types].xml';

function addToContentTypes(parts: PackageParts, element: string): void {
  const xml = parts.text(contentTypesPath);
  if (xml === null) throw new Error('工作簿缺少内容类型表');
  const at = xml.lastIndexOf('</Types>');
  parts.setText(contentTypesPath, xml.slice(0, at) + element + xml.slice(at));
}

function addOverride(parts: PackageParts, path: string, type: string): void {
  addToContentTypes(parts, `<Override PartName="/${path}" ContentType="${type}"/>`);
}

function addDefault(parts: PackageParts, extension: string, type: string): void {
  const xml = parts.text(contentTypesPath) ?? '';
  const defaults = [...xml.matchAll(/<Default\s[^>]*>/gu)].map((m) => attribute(m[0], 'Extension')?.toLowerCase());
  if (!defaults.includes(extension)) addToContentTypes(parts, `<Default Extension="${extension}" ContentType="${type}"/>`);
}
