import { AlignmentType, BorderStyle, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { Imprint } from '../model';
import { fontFace, linePitch, linesPerPage, size, textWidth } from './layout';
import { typeAreaHeight } from './pagination';
import type { TextEnd } from './pagination';
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

/** Lines the 版记 takes: 抄送 and the 印发 line, or the 印发 line alone. */
const imprintLineCount = (imprint: Imprint) => (imprint.copyTo ? 2 : 1);

/**
 * 版记 (GB/T 9704 7.4): 抄送 between the first two rules, then 印发机关 and 印发日期 (`2026年7月20日印发`)
 * on one line above the last rule. Without 抄送 the 印发 line stands alone between the two thick rules.
 * It sits at the foot of the page, pushed down from the last line of text by `room` lines of the
 * fixed pitch less its own (see document.ts for which page): a frame or table anchored to the bottom
 * of the page would do the same in Word, but LibreOffice (7.4) sets both where they stand in the text.
 * One line is left spare for the rules' own height, so the 版记 never spills onto another page; the
 * lines are held together, so that should it not fit it goes over whole.
 */
export function imprintParagraphs(imprint: Imprint, room = linesPerPage): Paragraph[] {
  const spacers = Array.from(
    { length: room - imprintLineCount(imprint) - 1 },
    () => new Paragraph({ spacing: bodySpacing, keepNext: true, children: [run('')] }),
  );
  return [...spacers, ...imprintLines(imprint)];
}

/**
 * Lines of text the 版记 is set among when it goes at the foot of the page the text ends on, or
 * undefined when it takes an even page of its own. GB/T 9704 7.4 puts it on the last page, an even one
 * (封四), with a blank page before it only when needed: the text's own page when that is even and has
 * room, else the next even page. Where the text ends is reckoned (pagination.ts) for each word
 * processor the report may be opened in: the text's own page is taken only when all put the end on
 * it, `sure` lines clear of its top and with room under the latest end; otherwise a section
 * starting on an even page (document.ts) lets the word processor decide, at the cost of a blank page
 * when the text ended on an even page after all. The 版记 is pushed down from the latest end, so it
 * never spills over; where the text ends earlier it stands that many lines above the foot.
 */
export function imprintOnTextPage(imprint: Imprint, ends: readonly TextEnd[], sure = 1): number | undefined {
  const page = ends[0].page;
  const earliest = Math.min(...ends.map((end) => end.used));
  const latest = Math.max(...ends.map((end) => end.used));
  const lines = Math.floor((typeAreaHeight - latest) / linePitch);
  const mine = page % 2 === 0 && ends.every((end) => end.page === page) && earliest >= sure * linePitch;
  return mine && lines >= imprintLineCount(imprint) + 1 + sure ? lines : undefined;
}

function imprintLines(imprint: Imprint): Paragraph[] {
  const issued = new Paragraph({
    alignment: AlignmentType.LEFT,
    indent: { left: oneChar, right: oneChar },
    spacing: bodySpacing,
    keepLines: true,
    tabStops: [{ type: TabStopType.RIGHT, position: textWidth - 2 * oneChar }],
    border: { ...(imprint.copyTo ? {} : { top: thick }), bottom: thick },
    children: [run(imprint.issuedBy), new TextRun({ children: [new Tab(), `${imprint.issuedOn}印发`], ...runProperties(imprintStyle) })],
  });
  if (!imprint.copyTo) return [issued];
  const copyTo = new Paragraph({
    alignment: AlignmentType.LEFT,
    indent: { left: oneChar, right: oneChar },
    spacing: bodySpacing,
    keepNext: true,
    keepLines: true,
    border: { top: thick, bottom: thin },
    children: [run(`抄送：${imprint.copyTo.replace(/[。.]$/u, '')}。`)],
  });
  return [copyTo, issued];
}
