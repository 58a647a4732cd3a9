/**
 * The page's own marks in a copy it marked before, found and taken off: every note of ours (by its
 * first line, `【台账校验】`) and the fill of each cell that bears one, put back from the fill the mark
 * carries (styles.ts). The clerk's own notes and the rest of their text stay. A sheet left with no
 * comment loses the parts the marks had added, so a cleared copy has the look the original had.
 */
import { columnNumber } from '../../../ledger/grid/address';
import { directoryOf, relationships, relationshipsPartOf } from '../../../ledger/read/package';
import { stripComments } from './comments';
import { removeOverride } from './notes';
import type { PackageParts } from './parts';
import { restyleCells } from './sheetCells';
import type { MarkStyles } from './styles';
import { withoutShapes } from './vml';
import { withoutChild } from './worksheetChildren';

function cellAt(reference: string): { row: number; column: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/u.exec(reference.replace(/\$/gu, '').toUpperCase());
  return m ? { row: Number(m[2]), column: columnNumber(m[1]) } : null;
}

function withoutRelationship(parts: PackageParts, relsPath: string, id: string): void {
  const xml = parts.text(relsPath);
  if (xml === null) return;
  const left = xml.replace(/<Relationship\b[^>]*>/gu, (tag) => (new RegExp(`\\sId\\s*=\\s*"${id}"`, 'u').test(tag) ? '' : tag));
  // Relationships of none are as good as no part; the marks had added it.
  if (/<Relationship\b/u.test(left)) parts.setText(relsPath, left);
  else parts.remove(relsPath);
}

/**
 * Takes our marks off one sheet; returns the sheet's XML and how many cells bore a mark, or null when
 * none did (the sheet, tens of megabytes maybe, is then not even decoded).
 */
export function clearMarks(parts: PackageParts, sheetPath: string, styles: MarkStyles): { xml: string; cleared: number } | null {
  const relsPath = relationshipsPartOf(sheetPath);
  const rels = [...relationships(parts.text(relsPath), directoryOf(sheetPath)).entries()];
  const comments = rels.find(([, r]) => r.type.endsWith('/comments') && parts.has(r.target));
  if (!comments) return null;
  const stripped = stripComments(parts.text(comments[1].target)!);
  if (stripped.cells.length === 0) return null;
  const cells = stripped.cells.map(cellAt).filter((c) => c !== null);
  let xml = restyleCells(parts.text(sheetPath)!, cells, { format: (_, base) => styles.restoredFormat(base), addMissing: false });

  const vml = rels.find(([, r]) => r.type.endsWith('/vmlDrawing') && parts.has(r.target));
  const vmlLeft = vml
    ? withoutShapes(
        parts.text(vml[1].target)!,
        stripped.emptied.map(cellAt).filter((c) => c !== null),
      )
    : null;
  if (stripped.remaining > 0) parts.setText(comments[1].target, stripped.xml);
  else {
    parts.remove(comments[1].target);
    removeOverride(parts, comments[1].target);
    withoutRelationship(parts, relsPath, comments[0]);
  }
  if (vml && vmlLeft) {
    if (!vmlLeft.empty) parts.setText(vml[1].target, vmlLeft.xml);
    else {
      parts.remove(vml[1].target);
      withoutRelationship(parts, relsPath, vml[0]);
      xml = withoutChild(xml, 'legacyDrawing');
    }
  }
  return { xml, cleared: stripped.cells.length };
}
