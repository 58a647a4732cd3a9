import type { Block, Report, Table } from '../model';
import { reportTitle } from '../model';
import { charWidth, firstLineIndent, linePitch, margin, page, size, tableLinePitch, textWidth, titleLinePitch } from './layout';
import { letterheadHeight } from './letterhead';
import { columnWidths } from './table';
import { titleBreaks } from './title';

/**
 * Where a report's last line falls, reckoned from the fixed pitches the renderer sets: every line of
 * text is exactly `linePitch` high (the title `titleLinePitch`, table text `tableLinePitch`), CJK
 * characters are of one width and the body runs 28 to the line. No word processor is asked, so this is
 * an estimate: line breaking round punctuation and Latin words, and how a processor keeps a paragraph
 * with the next, may differ by a line here and there. The 版记's placement (document.ts) uses it only
 * where a few lines either way cannot change the answer.
 */

/** The type area's height, twips. */
export const typeAreaHeight = page.height - margin.top - margin.bottom;

/** One piece of the flow: line heights that may part between pages unless `whole`; held with the next piece's first line by `keepNext`. */
interface Piece {
  lines: number[];
  whole?: boolean;
  keepNext?: boolean;
  pageBefore?: boolean;
  /** A table row: the table's header row, repeated at the top of each page the table runs onto. */
  header?: number;
}

/** Lines of a paragraph kept together at the foot and at the head of a page. */
const widows = 2;

/** Closing marks a line may not start with: they go down with the character before them. */
const closing = /[，。、；：？！）》」』”’%]/u;

/**
 * Lines a text takes at `unit` twips per CJK character (Latin letters and digits half that, and a run
 * of them kept whole), the first line `indent` narrower.
 */
export function lineCount(text: string, width: number, unit: number, indent = 0): number {
  const tokens = text.match(/[\x21-\u024f]+|[^\x21-\u024f][，。、；：？！）》」』”’%]*/gu) ?? [];
  let lines = 1;
  let room = width - indent;
  let fresh = true;
  for (const token of tokens) {
    const w = [...token].reduce((sum, ch) => sum + ((ch.codePointAt(0) ?? 0) <= 0x24f && !closing.test(ch) ? unit / 2 : unit), 0);
    if (w > room && !fresh) {
      lines += 1;
      room = width;
    }
    room -= w;
    fresh = false;
  }
  return lines;
}

const body = (text: string, indent = firstLineIndent) => lineCount(text, textWidth, charWidth, indent);
const lines = (n: number, pitch = linePitch) => Array.from({ length: n }, () => pitch);

/** Rows of a table as the renderer sets them (table.ts): 小四 text in cells with 80-twip side margins, 60 above and below. */
function tablePieces(table: Table, keepEnd: boolean): Piece[] {
  const widths = columnWidths(table.columns.map((c) => c.weight));
  const rowHeight = (cells: readonly string[]) =>
    Math.max(
      ...cells.map((text, i) =>
        (text ?? '').split('\n').reduce((sum, part) => sum + lineCount(part, widths[i] - 160, size.table * 10) * tableLinePitch, 0),
      ),
    ) +
    120 +
    10;
  const header = rowHeight(table.columns.map((c) => c.header));
  const rows = table.rows.map((row, r): Piece => ({
    lines: [(r === 0 ? header : 0) + rowHeight(row)],
    whole: true,
    header,
    keepNext: keepEnd && r === table.rows.length - 1,
  }));
  return [...rows, { lines: [linePitch], keepNext: keepEnd }];
}

function blockPieces(blocks: readonly Block[], keepEnd: boolean): Piece[] {
  return blocks.flatMap((block, i): Piece[] => {
    const keep = keepEnd && i === blocks.length - 1;
    switch (block.kind) {
      case 'heading':
        return [{ lines: lines(body(block.text)), keepNext: true }];
      case 'paragraph':
        return [{ lines: lines(body(block.text)), keepNext: keep }];
      case 'table':
        return tablePieces(block, keep);
    }
  });
}

/** The report's flow in the order document.ts sets it, up to the end of its last attachment. */
function pieces(report: Report): Piece[] {
  const internal = report.internal ? 1 : 0;
  const head: Piece[] = [
    ...(internal ? [{ lines: [linePitch] }] : []),
    ...(report.docNumber ? [{ lines: [letterheadHeight(report.organMark, internal)] }] : []),
    { lines: lines(report.titleLines.flatMap(titleBreaks).length, titleLinePitch), keepNext: true },
    ...(report.draft ? [{ lines: [linePitch] }] : []),
    { lines: [linePitch] },
    ...(report.recipients ? [{ lines: lines(body(report.recipients, 0)) }] : []),
  ];
  // 附件说明 (attachment.ts): names hang under the first one, `附件：` in front of the first.
  const hanging = 3 * charWidth;
  const note: Piece[] =
    report.appendices.length > 0
      ? [
          { lines: [linePitch], keepNext: true },
          ...report.appendices.map((a, i) => ({
            lines: lines(lineCount(`${i + 1}.${reportTitle(a)}`, textWidth - firstLineIndent - hanging, charWidth, -hanging)),
            keepNext: true,
          })),
        ]
      : [];
  const signature: Piece[] = [
    { lines: lines(report.sealed ? 3 : 1), keepNext: true },
    { lines: [linePitch], whole: true, keepNext: true },
    { lines: [linePitch], whole: true },
  ];
  const appendices = report.appendices.flatMap((appendix): Piece[] => [
    { lines: [linePitch], pageBefore: true },
    { lines: [linePitch] },
    { lines: lines(appendix.titleLines.flatMap(titleBreaks).length, titleLinePitch) },
    { lines: [linePitch] },
    ...blockPieces(appendix.body, false),
  ]);
  return [...head, ...blockPieces(report.body, true), ...note, ...signature, ...appendices];
}

/** The page (from 1) and the height used on it, twips, once the last line of `report` is set. */
export interface TextEnd {
  page: number;
  used: number;
}

/**
 * Sets the pieces on pages: a piece held with the next goes over whole with the next one's first line
 * when they do not fit together; a whole piece (a table row, a 落款 line) goes over whole; any other
 * piece parts line by line.
 */
export function textEnd(report: Report): TextEnd {
  const flow = pieces(report);
  let at: TextEnd = { page: 1, used: 0 };
  const fits = (height: number) => at.used + height <= typeAreaHeight;
  const newPage = () => {
    at = { page: at.page + 1, used: 0 };
  };
  for (let i = 0; i < flow.length; i++) {
    const piece = flow[i];
    if (piece.pageBefore && at.used > 0) newPage();
    // A run of pieces held with the next, and the first line of the piece they are held to.
    let group = 0;
    let j = i;
    while (flow[j].keepNext && j + 1 < flow.length) group += flow[j++].lines.reduce((a, b) => a + b, 0);
    if (j > i) group += flow[j].lines[0];
    if (j > i && !fits(group) && at.used > 0 && group <= typeAreaHeight) newPage();
    const height = piece.lines.reduce((a, b) => a + b, 0);
    if (piece.whole) {
      if (!fits(height) && at.used > 0) {
        newPage();
        if (piece.header) at.used += piece.header;
      }
      at.used += height;
      continue;
    }
    // Widow and orphan control (text.ts sets it; LibreOffice does the same unasked): a paragraph parts
    // only where two lines or more stay on each side.
    let left = piece.lines.length;
    while (left > 0) {
      let here = 0;
      let height = 0;
      while (here < left && fits(height + piece.lines[piece.lines.length - left + here]))
        height += piece.lines[piece.lines.length - left + here++];
      if (here < left && left - here < widows) here = Math.max(0, left - widows);
      if (here < left && here < widows) here = 0;
      if (here === 0 && at.used === 0) here = Math.min(left, Math.max(1, Math.floor(typeAreaHeight / piece.lines[0])));
      at.used += piece.lines.slice(piece.lines.length - left, piece.lines.length - left + here).reduce((a, b) => a + b, 0);
      left -= here;
      if (left > 0) newPage();
    }
  }
  return at;
}
