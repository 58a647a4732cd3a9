import { AlignmentType, Paragraph } from 'docx';
import { charWidth } from './layout';
import { textRun } from './run';
import { bodySpacing, bodyStyle } from './text';

/** Width in body characters: Chinese and full-width forms take one, Latin letters and digits half. */
export function textWidthInChars(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) <= 0x24f ? 0.5 : 1;
  return width;
}

/**
 * 落款 without a seal (GB/T 9704 7.3.5.2): the issuer two characters in from the right, the date on
 * the next line starting two characters to the right of the issuer's first character; when the date
 * is the longer, the date keeps two characters from the right and the issuer moves left instead.
 * Returns the right indents in characters.
 */
export function signatureIndents(issuer: string, date: string): { issuer: number; date: number } {
  const issuerWidth = textWidthInChars(issuer);
  const dateWidth = textWidthInChars(date);
  if (issuerWidth - dateWidth >= 2) return { issuer: 2, date: issuerWidth - dateWidth };
  return { issuer: dateWidth + 4 - issuerWidth, date: 2 };
}

function rightAligned(text: string, indentChars: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    indent: { right: Math.round(indentChars * charWidth) },
    spacing: bodySpacing,
    keepNext: true,
    keepLines: true,
    children: [textRun(text, bodyStyle)],
  });
}

/** 发文机关署名 and 成文日期, kept together on one page. */
export function signature(issuer: string, date: string): Paragraph[] {
  const indents = signatureIndents(issuer, date);
  return [rightAligned(issuer, indents.issuer), rightAligned(date, indents.date)];
}
