import { AlignmentType, BorderStyle, LineRuleType, Paragraph } from 'docx';
import { fontFace, linePitch, size, textWidth } from './layout';
import { textRun } from './run';
import { blankLine, bodySpacing, bodyStyle } from './text';

/** 发文机关标志的上边缘至版心上边缘 35 mm (GB/T 9704 7.2.4), in twips. */
const markTop = Math.round((35 / 25.4) * 1440);

/** The 机关标志's face size: 初号 (42 pt) when the name fits on one line, smaller when it is long. */
export function markSize(mark: string): number {
  const fits = Math.floor(textWidth / (10 * Math.max(1, [...mark].length)));
  return Math.min(84, fits - (fits % 2));
}

/** Height of the 机关标志's line: fixed, so the 发文字号 under it falls in the same place with or without it. */
const markLine = 84 * 12;

/** 4 mm in points, the gap the standard leaves between the 发文字号 and the red rule under it. */
const ruleGap = 11;

const red = 'C00000';

/**
 * 版头 (GB/T 9704 7.2) above the title when the report carries a 发文字号: the 机关标志 in red 小标宋
 * 35 mm below the type area's top, the 发文字号 centred two lines under it, a red rule the width of
 * the type area 4 mm under the number, and the title two lines under the rule. Without a configured
 * 机关标志 the same space is left blank and no rule is printed, so that on the bureau's 红头 paper,
 * whose head and rule are printed already, the number lands where the standard puts it. `linesAbove`
 * are the lines set at the top left before the 版头 (内部稿), taken out of the 35 mm.
 */
export function letterhead(docNumber: string, mark: string | undefined, linesAbove: number): Paragraph[] {
  const markParagraph = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: Math.max(0, markTop - linesAbove * linePitch), after: 0, line: markLine, lineRule: LineRuleType.EXACT },
    children: mark ? [textRun(mark, { face: fontFace.title, size: markSize(mark), color: red })] : [],
  });
  const number = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: bodySpacing,
    ...(mark ? { border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: red, space: ruleGap } } } : {}),
    children: [textRun(docNumber, bodyStyle)],
  });
  return [markParagraph, blankLine(), blankLine(), number, blankLine(), blankLine()];
}

/** Height in twips the 版头 takes, for reckoning where the text ends (pagination.ts): the rule adds its gap and width. */
export function letterheadHeight(mark: string | undefined, linesAbove: number): number {
  const rule = mark ? Math.round((ruleGap + 1.5) * 20) : 0;
  return Math.max(0, markTop - linesAbove * linePitch) + markLine + 5 * linePitch + rule;
}

/** `内部稿` at the top left in 3号 黑体, where GB/T 9704 7.2.2 sets the 密级: not for circulation. */
export function internalMark(): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: bodySpacing,
    children: [textRun('内部稿', { face: fontFace.heading1, size: size.body })],
  });
}
