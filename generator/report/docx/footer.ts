import { AlignmentType, Footer, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';
import { fontFace, size } from './layout';
import { runProperties } from './run';

/** One 4号 character, the distance the standard keeps the number from the edge (空一字). */
const oneChar = size.pageNumber * 10;

const numberStyle = { face: fontFace.pageNumber, latin: fontFace.pageNumber, size: size.pageNumber };

/** `— 1 —` in 4号 半角宋体 digits: odd pages right, even pages left, one character in from the edge. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        spacing: { line: 360, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], ...runProperties(numberStyle) })],
      }),
    ],
  });
}

/** Footers for a document with evenAndOddHeaderAndFooters: `default` serves the odd pages. */
export function pageNumberFooters(): { default: Footer; even: Footer } {
  return { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
}
