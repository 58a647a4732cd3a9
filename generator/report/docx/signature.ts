import { AlignmentType, Paragraph } from 'docx';
import { charWidth } from './layout';
import { textRun } from './run';
import { blankLine, bodySpacing, bodyStyle } from './text';

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

function rightAligned(text: string, indentChars: number, keepNext: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    indent: { right: Math.round(indentChars * charWidth) },
    spacing: bodySpacing,
    ...(keepNext ? { keepNext } : {}),
    keepLines: true,
    children: [textRun(text, bodyStyle)],
  });
}

/**
 * 落款 with a seal (GB/T 9704 7.3.5.1): the date four characters in from the right, the issuer centred
 * over the date. Returns the right indents in characters.
 */
export function sealedIndents(issuer: string, date: string): { issuer: number; date: number } {
  const centre = 4 + textWidthInChars(date) / 2;
  return { issuer: Math.max(0, centre - textWidthInChars(issuer) / 2), date: 4 };
}

/** Blank lines left above a sealed 落款: room for the seal's upper part, which sits within a line of the body. */
const sealRoom = 2;

/**
 * 发文机关署名 and 成文日期, kept together on one page; `sealed` lays them out for the seal. The date
 * is not held to what follows: that is an attachment or the 版记, each on a page of its own.
 */
export function signature(issuer: string, date: string, sealed = false): Paragraph[] {
  const indents = sealed ? sealedIndents(issuer, date) : signatureIndents(issuer, date);
  const room = sealed ? Array.from({ length: sealRoom }, () => blankLine(true)) : [];
  return [...room, rightAligned(issuer, indents.issuer, true), rightAligned(date, indents.date, false)];
}
