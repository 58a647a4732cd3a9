import { AlignmentType, LineRuleType, Paragraph, TextRun } from 'docx';
import type { IParagraphStyleOptions } from 'docx';
import { bodyTracking, firstLineIndent, fontFace, linePitch, size } from './layout';
import { runProperties, textRun } from './run';
import type { RunStyle } from './run';

export const bodyStyle: RunStyle = { face: fontFace.body, size: size.body, tracking: bodyTracking };

/** Every line of the body sits on the 22-line grid, whatever its font. */
export const bodySpacing = { line: linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

/**
 * 正文: 3号 仿宋, justified, first line indented two characters. Held in a paragraph style rather than
 * repeated on each paragraph: a report lists every record of the period, and the style makes each of
 * them a few bytes instead of a dozen elements (a third of the time to write a 10,000-record ledger's
 * report); it also gives the clerk a named style for paragraphs added by hand.
 */
export const bodyParagraphStyle: IParagraphStyleOptions = {
  id: 'GongwenBody',
  name: '公文正文',
  basedOn: 'Normal',
  next: 'GongwenBody',
  quickFormat: true,
  run: runProperties(bodyStyle),
  paragraph: { alignment: AlignmentType.BOTH, indent: { firstLine: firstLineIndent }, spacing: bodySpacing },
};

/**
 * `keepNext`: held on the page of the paragraph after it. Widow and orphan control is set on each
 * paragraph (docx's style options lack it): LibreOffice applies it to a .docx that does not say, Word
 * does not, and pagination.ts reckons where the text ends on pages laid out alike.
 */
export function bodyParagraph(text: string, keepNext = false): Paragraph {
  return new Paragraph({
    style: bodyParagraphStyle.id,
    widowControl: true,
    ...(keepNext ? { keepNext } : {}),
    children: [new TextRun(text)],
  });
}

/** An empty line of the grid (空一行). */
export function blankLine(keepNext = false): Paragraph {
  return new Paragraph({ spacing: bodySpacing, ...(keepNext ? { keepNext } : {}), children: [textRun('', bodyStyle)] });
}

/** 主送机关: flush left under the title, wrapping flush left too. */
export function recipientsParagraph(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.LEFT, spacing: bodySpacing, children: [textRun(text, bodyStyle)] });
}

/** `（征求意见稿）` centred under the title in 3号 楷体: the period is not over, the figures may still change. */
export function draftMark(): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: bodySpacing,
    children: [textRun('（征求意见稿）', { face: fontFace.heading2, size: size.body })],
  });
}
