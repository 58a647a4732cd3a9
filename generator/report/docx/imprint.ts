import { AlignmentType, BorderStyle, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { Imprint } from '../model';
import { fontFace, linesPerPage, size, textWidth } from './layout';
import { runProperties } from './run';
import { bodySpacing } from './text';

/** 4号 仿宋, the size GB/T 9704 7.4 gives the 版记. */
const imprintStyle = { face: fontFace.body, size: size.pageNumber };

/** One 4号 character: 抄送 and 印发机关 stand one character in from the left, 印发日期 one in from the right. */
const oneChar = size.pageNumber * 10;

/** 首条和末条分隔线 0.35 mm (about 1 pt), 中间的分隔线 0.25 mm: border sizes are in eighths of a point. */
const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 2 } as const;
const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 2 } as const;

const run = (text: string) => new TextRun({ text, ...runProperties(imprintStyle) });

/**
 * 版记 (GB/T 9704 7.4): 抄送 between the first two rules, then 印发机关 and 印发日期 (`2026年7月20日印发`)
 * on one line above the last rule. Without 抄送 the 印发 line stands alone between the two thick rules.
 * It sits at the foot of a page of its own (a section, see document.ts), pushed down by empty lines of
 * the fixed pitch: a section aligned to the bottom of its page would do the same in Word, but
 * LibreOffice ignores that setting. One line is left spare for the rules' own height, so the 版记
 * never spills onto another page.
 */
export function imprintParagraphs(imprint: Imprint): Paragraph[] {
  const lines = imprint.copyTo ? 2 : 1;
  const spacers = Array.from({ length: linesPerPage - lines - 1 }, () => new Paragraph({ spacing: bodySpacing, children: [run('')] }));
  return [...spacers, ...imprintLines(imprint)];
}

function imprintLines(imprint: Imprint): Paragraph[] {
  const issued = new Paragraph({
    alignment: AlignmentType.LEFT,
    indent: { left: oneChar, right: oneChar },
    spacing: bodySpacing,
    tabStops: [{ type: TabStopType.RIGHT, position: textWidth - 2 * oneChar }],
    border: { ...(imprint.copyTo ? {} : { top: thick }), bottom: thick },
    children: [run(imprint.issuedBy), new TextRun({ children: [new Tab(), `${imprint.issuedOn}印发`], ...runProperties(imprintStyle) })],
  });
  if (!imprint.copyTo) return [issued];
  const copyTo = new Paragraph({
    alignment: AlignmentType.LEFT,
    indent: { left: oneChar, right: oneChar },
    spacing: bodySpacing,
    border: { top: thick, bottom: thin },
    children: [run(`抄送：${imprint.copyTo.replace(/[。.]$/u, '')}。`)],
  });
  return [copyTo, issued];
}
