import { AlignmentType, LineRuleType, Paragraph, TextRun } from 'docx';
import { fontFace, size, textWidth, titleLinePitch } from './layout';
import { runProperties } from './run';
import { textWidthInChars } from './signature';

const titleStyle = { face: fontFace.title, size: size.title };

/** 2号 characters on a line of the type area. */
const titleChars = Math.floor(textWidth / (size.title * 10));

/**
 * Places a title can break without cutting a term in two: after a leading 关于, after a date or period
 * (`2026年第三季度`, `2026年上半年`), after 的, and before 和/与/及/暨 — the joints of a title's phrase,
 * never inside the run of nouns (`意识形态工作责任制`) between them.
 */
function phraseJoints(text: string): number[] {
  const after = (pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m.index + m[0].length);
  const before = (pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m.index);
  const joints = [
    ...after(/^关于/gu),
    ...after(/\d{4}年(?:第[一二三四]季度|[上下]半年|度)?/gu),
    ...after(/的/gu),
    ...before(/[和与及暨]/gu),
  ];
  return [...new Set(joints)].filter((at) => at > 0 && at < text.length).sort((x, y) => x - y);
}

/**
 * A title line too wide for the type area, broken at a joint of its phrase rather than wherever the line
 * runs out (GB/T 9704 7.3.1: 回行时要做到词意完整): the joint nearest the middle, so that the lines come
 * out about even. A line that fits, or has no joint that helps, is kept as the template broke it.
 */
export function titleBreaks(line: string): string[] {
  if (textWidthInChars(line) <= titleChars) return [line];
  const middle = textWidthInChars(line) / 2;
  const fits = phraseJoints(line).filter(
    (at) => textWidthInChars(line.slice(0, at)) <= titleChars && textWidthInChars(line.slice(at)) < textWidthInChars(line),
  );
  if (fits.length === 0) return [line];
  const distance = (at: number) => Math.abs(textWidthInChars(line.slice(0, at)) - middle);
  const at = fits.reduce((best, joint) => (distance(joint) < distance(best) ? joint : best));
  return [line.slice(0, at), ...titleBreaks(line.slice(at))];
}

/** 标题: 2号 小标宋, centred; lines break where the wording template put them, and between words within a long one. */
export function titleParagraph(lines: readonly string[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { line: titleLinePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: lines
      .flatMap(titleBreaks)
      .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...runProperties(titleStyle) })),
  });
}
