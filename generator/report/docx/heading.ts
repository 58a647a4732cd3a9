import { AlignmentType, Paragraph } from 'docx';
import type { HeadingLevel } from '../model';
import { bodyTracking, firstLineIndent, fontFace, size } from './layout';
import { textRun } from './run';
import type { RunStyle } from './run';
import { bodySpacing } from './text';

/** 一、黑体 · （一）楷体 · 1. 仿宋加粗 · （1）仿宋, all 3号 and indented like the body. */
export const headingStyle: Record<HeadingLevel, RunStyle> = {
  1: { face: fontFace.heading1, size: size.body, tracking: bodyTracking },
  2: { face: fontFace.heading2, size: size.body, tracking: bodyTracking },
  3: { face: fontFace.body, size: size.body, tracking: bodyTracking, bold: true },
  4: { face: fontFace.body, size: size.body, tracking: bodyTracking },
};

export function headingParagraph(level: HeadingLevel, text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    indent: { firstLine: firstLineIndent },
    spacing: bodySpacing,
    keepNext: true,
    widowControl: true,
    children: [textRun(text, headingStyle[level])],
  });
}
