import type { Block, Report, Table } from '../model';
import { reportTitle } from '../model';
import { charWidth, firstLineIndent, linePitch, margin, page, size, tableLinePitch, textWidth, titleLinePitch } from './layout';
import { heldToNext } from './blocks';
import { letterheadHeight } from './letterhead';
import { cellMargin, columnWidths, tightCellMargin } from './table';
import { titleBreaks } from './title';

/**
 * Where a report's lines fall on its pages, reckoned from the fixed pitches the renderer sets: every
 * line of text is exactly `linePitch` high (the title `titleLinePitch`, table text `tableLinePitch`),
 * CJK characters are of one width and the body runs 28 to the line. The generator runs without a word
 * processor, so this stands in for one, once for each kind it may be opened in (`Setter`): the 版记
 * goes on the text's last page only when all agree (imprint.ts), and a table is set close when in any
 * the note under it would go over alone (blocks.ts). The layout tests check it against LibreOffice.
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
  /** A table's last row, or the paragraph under a table (blocks.ts holds them together). */
  ends?: Table;
  follows?: Table;
}

/** Lines of a paragraph kept together at the foot and at the head of a page. */
const widows = 2;

/**
 * What differs between the word processors a report is opened in: the width of a Latin letter or
 * digit, in CJK characters (Times New Roman's are half a character; on Linux without a face of its
 * metrics LibreOffice sets DejaVu Serif's, about 0.64); the gap put between Chinese and Latin text
 * (w:autoSpaceDE/w:autoSpaceDN, on unless turned off: about a fifth of a character in LibreOffice, a
 * quarter in Word); and whether a table's last row held with the next paragraph stays with it (Word
 * does; LibreOffice 7.4 keeps a table with the next paragraph only as a whole).
 */
export interface Setter {
  latin: number;
  gap: number;
  rowsKeepNext: boolean;
}

/** Word and WPS with the fonts the report names. */
const word: Setter = { latin: 0.5, gap: 0.25, rowsKeepNext: true };
/** LibreOffice with Times New Roman or a face of its metrics (Liberation Serif). */
const libreOffice: Setter = { latin: 0.5, gap: 0.2, rowsKeepNext: false };
/** LibreOffice with a wider face standing in for Times New Roman. */
const libreOfficeWide: Setter = { ...libreOffice, latin: 0.64 };

const setters = [word, libreOffice, libreOfficeWide] as const;

/** Closing marks a line may not start with: they go down with the character before them. */
const closing = /[，。、；：？！）》」』”’%]/u;

/**
 * Lines a text takes at `unit` twips per CJK character (Latin letters and digits `setter.latin` of
 * that, a run of them kept whole), the first line `indent` narrower.
 */
function lineCount(text: string, width: number, unit: number, setter: Setter, indent = 0): number {
  const tokens = text.match(/[\x21-\u024f]+|[^\x21-\u024f][，。、；：？！）》」』”’%]*/gu) ?? [];
  let lines = 1;
  let room = width - indent;
  let fresh = true;
  let latinBefore: boolean | undefined;
  for (const token of tokens) {
    const latin = (token.codePointAt(0) ?? 0) <= 0x24f;
    const gap = latinBefore !== undefined && latinBefore !== latin ? unit * setter.gap : 0;
    const w = [...token].reduce(
      (sum, ch) => sum + ((ch.codePointAt(0) ?? 0) <= 0x24f && !closing.test(ch) ? unit * setter.latin : unit),
      0,
    );
    latinBefore = latin;
    // A full stop or comma at the end of a line may hang past it (w:overflowPunct; LibreOffice's
    // hanging punctuation), both on unless turned off.
    const squeezed = /[，。、]$/u.test(token) ? unit : 0;
    if (gap + w - squeezed > room && !fresh) {
      lines += 1;
      room = width;
    } else room -= gap;
    room -= w;
    fresh = false;
  }
  return lines;
}

const lines = (n: number, pitch = linePitch) => Array.from({ length: n }, () => pitch);

/** The report's flow in the order document.ts sets it, up to the end of its last attachment. */
function pieces(report: Report, setter: Setter, tight: ReadonlySet<Block>): Piece[] {
  const body = (text: string, indent = firstLineIndent) => lines(lineCount(text, textWidth, charWidth, setter, indent));

  /** A cell's side margins, less the few twips LibreOffice lets a full line run into them. */
  const cellPadding = 2 * cellMargin.side - 20;

  /** Rows of a table as table.ts sets them: 小四 text in cells with margins, hairline rules. */
  const tablePieces = (table: Table, keepEnd: boolean): Piece[] => {
    const close = tight.has(table);
    const vertical = 2 * (close ? tightCellMargin : cellMargin.vertical) + 10;
    const widths = columnWidths(table.columns.map((c) => c.weight));
    const cellHeight = (text: string, i: number) =>
      text.split('\n').reduce((sum, part) => sum + lineCount(part, widths[i] - cellPadding, size.table * 10, setter) * tableLinePitch, 0);
    const rowHeight = (cells: readonly string[]) => Math.max(...cells.map(cellHeight)) + vertical;
    const header = rowHeight(table.columns.map((c) => c.header));
    // The header row is held with the first row (table.ts), and repeated at the top of each later page.
    const rows = table.rows.map((row, r): Piece => ({
      lines: [(r === 0 ? header : 0) + rowHeight(table.columns.map((_, i) => row[i] ?? ''))],
      whole: true,
      ...(r > 0 ? { header } : {}),
      keepNext: keepEnd && r === table.rows.length - 1 && setter.rowsKeepNext,
    }));
    if (rows.length === 0) rows.push({ lines: [header], whole: true });
    rows[rows.length - 1].ends = table;
    return close ? rows : [...rows, { lines: [linePitch], keepNext: keepEnd }];
  };

  const blockPieces = (blocks: readonly Block[], keepEnd: boolean): Piece[] =>
    blocks.flatMap((block, i): Piece[] => {
      const keep = heldToNext(blocks, i, keepEnd);
      switch (block.kind) {
        case 'heading':
          return [{ lines: body(block.text), keepNext: true }];
        case 'paragraph': {
          const before = blocks[i - 1];
          return [{ lines: body(block.text), keepNext: keep, ...(before?.kind === 'table' ? { follows: before } : {}) }];
        }
        case 'table':
          return tablePieces(block, keep);
      }
    });

  const internal = report.internal ? 1 : 0;
  const title = (titleLines: readonly string[]) => lines(titleLines.flatMap(titleBreaks).length, titleLinePitch);
  const head: Piece[] = [
    ...(internal ? [{ lines: [linePitch] }] : []),
    ...(report.docNumber ? [{ lines: [letterheadHeight(report.organMark, internal)] }] : []),
    { lines: title(report.titleLines), keepNext: true },
    ...(report.draft ? [{ lines: [linePitch] }] : []),
    { lines: [linePitch] },
    ...(report.recipients ? [{ lines: body(report.recipients, 0) }] : []),
  ];
  // 附件说明 (attachment.ts): names hang under the first, `附件：` in front of it.
  const hanging = 3 * charWidth;
  const named = (i: number) =>
    lineCount(`${i + 1}.${reportTitle(report.appendices[i])}`, textWidth - firstLineIndent - hanging, charWidth, setter, -hanging);
  const note: Piece[] =
    report.appendices.length > 0
      ? [{ lines: [linePitch], keepNext: true }, ...report.appendices.map((_, i) => ({ lines: lines(named(i)), keepNext: true }))]
      : [];
  const signature: Piece[] = [
    { lines: lines(report.sealed ? 3 : 1), keepNext: true },
    { lines: [linePitch], whole: true, keepNext: true },
    { lines: [linePitch], whole: true },
  ];
  const appendices = report.appendices.flatMap((appendix): Piece[] => [
    { lines: [linePitch], pageBefore: true },
    { lines: [linePitch] },
    { lines: title(appendix.titleLines) },
    { lines: [linePitch] },
    ...blockPieces(appendix.body, false),
  ]);
  return [...head, ...blockPieces(report.body, true), ...note, ...signature, ...appendices];
}

/**
 * The page (from 1) and the height used on it, twips, once the last line of a report is set; and
 * the tables whose note would start a page the table has no row on.
 */
export interface TextEnd {
  page: number;
  used: number;
  alone: Table[];
}

const total = (piece: Piece) => piece.lines.reduce((a, b) => a + b, 0);

/** What of a piece must stand on the page it starts on: a whole piece, or the lines widow control keeps together. */
const mustStand = (piece: Piece) =>
  piece.whole || piece.lines.length < 2 * widows ? total(piece) : piece.lines.slice(0, widows).reduce((a, b) => a + b, 0);

/**
 * Sets the pieces on pages as Word and LibreOffice do: pieces held with the next go over with the
 * start of the piece they are held to when that does not fit; a whole piece (a table row, a 落款
 * line) goes over whole, onto a page that repeats its table's header row; any other piece parts
 * between lines, leaving two or more on each side (widow and orphan control: text.ts sets it, and
 * LibreOffice does the same unasked).
 */
export function textEnd(report: Report, setter: Setter, tight: ReadonlySet<Block> = new Set()): TextEnd {
  const flow = pieces(report, setter, tight);
  let page = 1;
  let used = 0;
  const alone: Table[] = [];
  const lastRow = new Map<Table, number>();
  const fits = (height: number) => used + height <= typeAreaHeight;
  const newPage = () => {
    page += 1;
    used = 0;
  };
  for (let i = 0; i < flow.length; i++) {
    const piece = flow[i];
    if (piece.pageBefore && used > 0) newPage();
    let group = 0;
    let j = i;
    while (flow[j].keepNext && j + 1 < flow.length) group += total(flow[j++]);
    if (j > i && !fits(group + mustStand(flow[j])) && used > 0 && group + mustStand(flow[j]) <= typeAreaHeight) newPage();
    if (piece.follows) {
      const firstLineOn = fits(mustStand(piece)) || used === 0 ? page : page + 1;
      if (lastRow.get(piece.follows) !== firstLineOn) alone.push(piece.follows);
    }
    if (piece.whole || piece.lines.length < 2 * widows) {
      if (!fits(total(piece)) && used > 0) {
        newPage();
        used += piece.header ?? 0;
      }
      used += total(piece);
      if (piece.ends) lastRow.set(piece.ends, page);
      continue;
    }
    const sum = (from: number, to: number) => piece.lines.slice(from, to).reduce((x, y) => x + y, 0);
    const n = piece.lines.length;
    let next = 0;
    for (;;) {
      let here = next;
      while (here < n && fits(sum(next, here + 1))) here += 1;
      if (here === n) {
        used += sum(next, n);
        break;
      }
      let cut = n - here < widows ? n - widows : here;
      if (next === 0 && cut < widows) cut = 0;
      // An empty page takes what it can hold, whatever the rules say.
      if (cut <= next && used === 0) cut = here;
      used += sum(next, cut);
      next = cut;
      newPage();
    }
  }
  return { page, used, alone };
}

/** Where the text ends in each word processor, and the tables set close so that no note goes over alone there. */
export interface Reckoning {
  ends: TextEnd[];
  tight: ReadonlySet<Block>;
}

/** Sets the report in each word processor, then again with the tables whose note went over alone in any of them set close. */
export function reckon(report: Report): Reckoning {
  const first = setters.map((setter) => textEnd(report, setter));
  const tight = new Set<Block>(first.flatMap((end) => end.alone));
  if (tight.size === 0) return { ends: first, tight };
  return { ends: setters.map((setter) => textEnd(report, setter, tight)), tight };
}
