/**
 * 下载标注副本: a copy of the clerk's ledger with each problem cell filled in the add-in's colours and
 * carrying a note of its problems; 清除标注: the copy with the page's marks taken off. The copy is the
 * original package with parts changed or added (styles, comments, VML drawings, relationships, content
 * types); every part the marks need not touch keeps its bytes exactly, and the original bytes are not
 * changed. A ledger marked before (a 标注副本 checked again) has its old marks replaced, not doubled.
 */
import { strFromU8 } from 'fflate';
import { notePrefix, planMarks } from '../../excel/marks';
import type { Finding } from '../../../ledger/findings';
import { cellAddress, columnNumber } from '../../../ledger/grid/address';
import { readLimits } from '../../../ledger/read/limits';
import { directoryOf, relationshipOfType, relationships, relationshipsPartOf, workbookPart } from '../../../ledger/read/package';
import { portableUnzipper } from '../../../ledger/read/portable';
import { unzipEntry, zipEntries } from '../../../ledger/read/zip';
import { addNotes } from './notes';
import { clearMarks } from './ownMarks';
import { PackageParts } from './parts';
import { ShapeBlocks } from './shapeIds';
import { restyleCells } from './sheetCells';
import { MarkStyles } from './styles';
import { mergedAreas } from './worksheetChildren';

export interface AnnotatedCopy {
  bytes: Uint8Array;
  /** Cells filled and given a note. */
  marked: number;
  /** Cells whose earlier marks were taken off first. */
  cleared: number;
}

interface Workbook {
  parts: PackageParts;
  /** Worksheet parts by sheet name. */
  sheets: Map<string, string>;
  stylesPath: string;
  styles: MarkStyles;
}

function openWorkbook(original: Uint8Array, file: string): Workbook {
  const parts = PackageParts.unzip(original, file);
  const workbookPath = relationshipOfType(relationships(parts.text('_rels/.rels'), ''), 'officeDocument')?.target ?? 'xl/workbook.xml';
  const workbook = workbookPart(parts.text(workbookPath) ?? '');
  const rels = relationships(parts.text(relationshipsPartOf(workbookPath)), directoryOf(workbookPath));
  const sheets = new Map<string, string>();
  for (const sheet of workbook.sheets) {
    const rel = rels.get(sheet.relationship);
    if (rel?.type.endsWith('/worksheet') && parts.has(rel.target)) sheets.set(sheet.name, rel.target);
  }
  const stylesPath = relationshipOfType(rels, 'styles')?.target;
  const stylesXml = stylesPath ? parts.text(stylesPath) : null;
  if (!stylesPath || stylesXml === null) throw new Error('工作簿缺少样式表，无法加底色');
  return { parts, sheets, stylesPath, styles: new MarkStyles(stylesXml) };
}

/** Every VML drawing of the package, whichever sheet (or header and footer) it belongs to. */
function drawings(parts: PackageParts, sheets: Iterable<string>): string[] {
  return [...sheets].flatMap((path) =>
    [...relationships(parts.text(relationshipsPartOf(path)), directoryOf(path)).values()]
      .filter((r) => r.type.endsWith('/vmlDrawing') && parts.has(r.target))
      .map((r) => parts.text(r.target)!),
  );
}

/** A finding's cell hidden inside a merged area is shown by the area's top-left cell: the mark goes there. */
function shownCell(areas: ReturnType<typeof mergedAreas>, cell: string): string {
  const m = /^([A-Z]+)(\d+)$/u.exec(cell);
  if (!m) return cell;
  const row = Number(m[2]);
  const column = columnNumber(m[1]);
  const area = areas.find((a) => row >= a.top && row <= a.bottom && column >= a.left && column <= a.right);
  return area ? cellAddress(area.top, area.left) : cell;
}

/**
 * The single entry point of the marked copy: old marks of ours off, then one mark per problem cell.
 * `file` names the ledger in the message of a damaged part.
 */
export function buildAnnotatedCopy(original: Uint8Array, findings: readonly Finding[], file = '台账'): AnnotatedCopy {
  const book = openWorkbook(original, file);
  const { parts, styles } = book;
  let cleared = 0;
  // Sheets are decoded only when they change: the one with the ledger's records can be tens of megabytes.
  const changed = new Map<string, string>();
  for (const [sheet, path] of book.sheets) {
    const result = clearMarks(parts, path, styles);
    if (!result) continue;
    cleared += result.cleared;
    changed.set(sheet, result.xml);
  }
  const sheetXml = (sheet: string) => changed.get(sheet) ?? parts.text(book.sheets.get(sheet)!)!;
  const marked = new Set(findings.map((f) => f.sheet).filter((sheet) => book.sheets.has(sheet)));
  const areas = new Map([...marked].map((sheet) => [sheet, mergedAreas(sheetXml(sheet))]));
  const shown = findings.map((f) => (areas.has(f.sheet) ? { ...f, cell: shownCell(areas.get(f.sheet)!, f.cell) } : f));
  const marks = planMarks(shown, marked);
  const blocks = new ShapeBlocks(drawings(parts, book.sheets.values()));
  for (const sheet of marked) {
    const path = book.sheets.get(sheet)!;
    const here = marks
      .filter((m) => m.sheet === sheet)
      .map((m) => {
        const [, letters, digits] = /^([A-Z]+)(\d+)$/u.exec(m.cell)!;
        return { ...m, row: Number(digits), column: columnNumber(letters) };
      });
    const xml = restyleCells(sheetXml(sheet), here, { format: (mark, base) => styles.markedFormat(base, mark.severity), addMissing: true });
    changed.set(sheet, addNotes(parts, path, xml, here, blocks));
  }
  for (const [sheet, xml] of changed) parts.setText(book.sheets.get(sheet)!, xml);
  parts.setText(book.stylesPath, styles.toXml());
  return { bytes: parts.zip(), marked: marks.length, cleared };
}

/** 清除标注: the copy with the page's marks taken off and the cells' looks put back. */
export function clearedCopy(original: Uint8Array, file = '台账'): AnnotatedCopy {
  return buildAnnotatedCopy(original, [], file);
}

/** Whether a workbook bears notes of the page's marks; only its comments parts are inflated to tell. */
export function hasOwnMarks(bytes: Uint8Array): boolean {
  try {
    return [...zipEntries(bytes, '').values()]
      .filter((entry) => /comment[^/]*\.xml$/iu.test(entry.name))
      .some((entry) => strFromU8(unzipEntry(bytes, entry, readLimits.partBytes, '', entry.name, portableUnzipper)).includes(notePrefix));
  } catch {
    // A workbook the reader refused has no copy to clear.
    return false;
  }
}
