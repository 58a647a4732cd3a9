/**
 * 下载标注副本: a copy of the clerk's ledger with each problem cell filled in the add-in's colours and
 * carrying a note of its problems. The copy is the original package with parts added to it (styles,
 * comments, VML drawings, relationships, content types); every part the marks need not touch keeps
 * its bytes exactly, and the original bytes are not changed.
 */
import type { Finding } from '../../../ledger/findings';
import { columnNumber } from '../../../ledger/grid/address';
import { directoryOf, relationshipOfType, relationships, relationshipsPartOf, workbookPart } from '../../../ledger/read/package';
import { planMarks } from '../../excel/marks';
import { addNotes } from './notes';
import { PackageParts } from './parts';
import { markCells } from './sheetCells';
import { MarkStyles } from './styles';

export interface AnnotatedCopy {
  bytes: Uint8Array;
  /** Cells filled and given a note. */
  marked: number;
}

export function annotatedCopy(original: Uint8Array, findings: readonly Finding[]): AnnotatedCopy {
  const parts = PackageParts.unzip(original);
  const workbookPath = relationshipOfType(relationships(parts.text('_rels/.rels'), ''), 'officeDocument')?.target ?? 'xl/workbook.xml';
  const workbook = workbookPart(parts.text(workbookPath) ?? '');
  const rels = relationships(parts.text(relationshipsPartOf(workbookPath)), directoryOf(workbookPath));
  const sheetPaths = new Map<string, string>();
  for (const sheet of workbook.sheets) {
    const rel = rels.get(sheet.relationship);
    if (rel?.type.endsWith('/worksheet') && parts.has(rel.target)) sheetPaths.set(sheet.name, rel.target);
  }
  const marks = planMarks(findings, new Set(sheetPaths.keys()));
  const stylesPath = relationshipOfType(rels, 'styles')?.target;
  const stylesXml = stylesPath ? parts.text(stylesPath) : null;
  if (!stylesPath || stylesXml === null) throw new Error('工作簿缺少样式表，无法加底色');
  const styles = new MarkStyles(stylesXml);
  const vmlParts = [...sheetPaths.values()].flatMap((path) =>
    [...relationships(parts.text(relationshipsPartOf(path)), directoryOf(path)).values()]
      .filter((r) => r.type.endsWith('/vmlDrawing'))
      .map((r) => r.target),
  );

  for (const [sheet, path] of sheetPaths) {
    const here = marks
      .filter((m) => m.sheet === sheet)
      .map((m) => {
        const [, letters, digits] = /^([A-Z]+)(\d+)$/u.exec(m.cell)!;
        return { ...m, row: Number(digits), column: columnNumber(letters) };
      });
    if (here.length === 0) continue;
    const xml = markCells(parts.text(path)!, here, styles);
    parts.setText(path, addNotes(parts, path, xml, here, vmlParts));
  }
  parts.setText(stylesPath, styles.toXml());
  return { bytes: parts.zip(), marked: marks.length };
}
