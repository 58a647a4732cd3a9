/**
 * A note on each marked cell: the sheet's comments part with its VML drawing, the worksheet's
 * relationships to both and its `<legacyDrawing>`, in the place CT_Worksheet gives it. A sheet that
 * already has notes keeps them: ours are added to its own parts, and a cell that already had a note
 * keeps its text with ours after it.
 */
import { directoryOf, relationships, relationshipsPartOf } from '../../../ledger/read/package';
import { packageRelationshipsNamespace, relationshipsNamespace, xmlDeclaration } from '../xlsx/xmlText';
import { addComments, newComments, type NoteMark } from './comments';
import type { PackageParts } from './parts';
import type { ShapeBlocks } from './shapeIds';
import { addShapes, newVml } from './vml';
import { withChild, withoutChild, worksheetChildren } from './worksheetChildren';
import { attribute } from './xmlEdit';

const relType = {
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vml: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
};
const commentsType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const vmlType = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

/** The worksheet with `<legacyDrawing r:id="…"/>` where the schema wants it, replacing one that pointed nowhere. */
function withLegacyDrawing(xml: string, id: string): string {
  const { prefix } = worksheetChildren(xml);
  const root = /<(\w+:)?worksheet[^>]*>/u.exec(xml)![0];
  const bound = new RegExp(`xmlns:(\\w+)="${relationshipsNamespace}"`, 'u').exec(root)?.[1];
  const element = bound
    ? `<${prefix}legacyDrawing ${bound}:id="${id}"/>`
    : `<${prefix}legacyDrawing xmlns:r="${relationshipsNamespace}" r:id="${id}"/>`;
  return withChild(withoutChild(xml, 'legacyDrawing'), 'legacyDrawing', element);
}

function freeId(relsXml: string, wanted: string): string {
  let id = wanted;
  for (let n = 2; relsXml.includes(`Id="${id}"`); n++) id = `${wanted}${n}`;
  return id;
}

/**
 * Adds the notes of one sheet to the package and returns the sheet's XML, changed only by its
 * `<legacyDrawing>` when it had none. `blocks` keeps the shape ids of all drawings apart.
 */
export function addNotes(
  parts: PackageParts,
  sheetPath: string,
  sheetXml: string,
  notes: readonly NoteMark[],
  blocks: ShapeBlocks,
): string {
  const relsPath = relationshipsPartOf(sheetPath);
  let relsXml = parts.text(relsPath) ?? `${xmlDeclaration}<Relationships xmlns="${packageRelationshipsNamespace}"></Relationships>`;
  const rels = [...relationships(relsXml, directoryOf(sheetPath)).values()];
  const commentsRel = rels.find((r) => r.type.endsWith('/comments'));
  const vmlRel = rels.find((r) => r.type.endsWith('/vmlDrawing'));
  const newRels: string[] = [];
  let xml = sheetXml;

  let drawn = notes;
  if (commentsRel && parts.has(commentsRel.target)) {
    const merged = addComments(parts.text(commentsRel.target)!, notes);
    parts.setText(commentsRel.target, merged.xml);
    drawn = merged.added;
  } else {
    const path = parts.freeName((n) => `xl/comments${n}.xml`);
    parts.setText(path, newComments(notes));
    addOverride(parts, path, commentsType);
    newRels.push(`<Relationship Id="${freeId(relsXml, 'rIdTaizhangNotes')}" Type="${relType.comments}" Target="/${path}"/>`);
  }

  if (vmlRel && parts.has(vmlRel.target)) {
    parts.setText(vmlRel.target, addShapes(parts.text(vmlRel.target)!, drawn, blocks));
  } else if (drawn.length > 0) {
    const path = parts.freeName((n) => `xl/drawings/vmlDrawing${n}.vml`);
    parts.setText(path, newVml(drawn, blocks));
    addDefault(parts, 'vml', vmlType);
    const id = freeId(relsXml, 'rIdTaizhangVml');
    newRels.push(`<Relationship Id="${id}" Type="${relType.vml}" Target="/${path}"/>`);
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

/** The package without the Override of a part it no longer holds. */
export function removeOverride(parts: PackageParts, path: string): void {
  const xml = parts.text(contentTypesPath);
  if (xml === null) return;
  const name = `/${path}`.toLowerCase();
  parts.setText(
    contentTypesPath,
    xml.replace(/<Override\b[^>]*>/gu, (tag) => ((attribute(tag, 'PartName') ?? '').toLowerCase() === name ? '' : tag)),
  );
}

function addDefault(parts: PackageParts, extension: string, type: string): void {
  const xml = parts.text(contentTypesPath) ?? '';
  const defaults = [...xml.matchAll(/<Default\s[^>]*>/gu)].map((m) => attribute(m[0], 'Extension')?.toLowerCase());
  if (!defaults.includes(extension)) addToContentTypes(parts, `<Default Extension="${extension}" ContentType="${type}"/>`);
}
