import { AlignmentType, Paragraph } from 'docx';
import type { FileChild } from 'docx';
import type { Appendix, Block } from '../model';
import { reportTitle } from '../model';
import { charWidth, firstLineIndent, fontFace, size } from './layout';
import { textRun } from './run';
import { blockElements } from './blocks';
import { bodySpacing, bodyStyle, blankLine } from './text';
import { titleParagraph } from './title';

/**
 * 附件说明 (GB/T 9704 7.3.4): `附件：` two characters in from the left under the body; with several
 * attachments they are numbered and the later ones line up under the first name. Held with the 落款
 * under it, as the body's last lines are.
 */
export function attachmentNote(appendices: readonly Appendix[]): Paragraph[] {
  const label = '附件：';
  const hanging = label.length * charWidth;
  const left = firstLineIndent + hanging;
  return appendices.map((a, i) => {
    const name = appendices.length === 1 ? reportTitle(a) : `${i + 1}.${reportTitle(a)}`;
    return new Paragraph({
      alignment: AlignmentType.LEFT,
      indent: i === 0 ? { left, hanging } : { left },
      spacing: bodySpacing,
      keepNext: true,
      children: [textRun(i === 0 ? label + name : name, bodyStyle)],
    });
  });
}

/** The label printed at the top left of an attachment's first page (`附件`, `附件2`). */
export function attachmentLabel(appendices: readonly Appendix[], index: number): string {
  return appendices.length === 1 ? '附件' : `附件${index + 1}`;
}

/** An attachment on a page of its own: label in 3号 黑体 flush left, title on the third line. */
export function appendixElements(appendices: readonly Appendix[], index: number, tight: ReadonlySet<Block> = new Set()): FileChild[] {
  const appendix = appendices[index];
  return [
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.LEFT,
      spacing: bodySpacing,
      children: [textRun(attachmentLabel(appendices, index), { face: fontFace.heading1, size: size.body })],
    }),
    blankLine(),
    titleParagraph(appendix.titleLines),
    blankLine(),
    ...blockElements(appendix.body, false, tight),
  ];
}
