import { AlignmentType, LineRuleType, Paragraph, TextRun } from 'docx';
import { fontFace, size, titleLinePitch } from './layout';
import { runProperties } from './run';

const titleStyle = { face: fontFace.title, size: size.title };

/** 标题: 2号 小标宋, centred; lines break where the wording template put them. */
export function titleParagraph(lines: readonly string[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { line: titleLinePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...runProperties(titleStyle) })),
  });
}
