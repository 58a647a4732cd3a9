import { TextRun } from 'docx';
import type { IRunOptions } from 'docx';
import { latinFace } from './layout';

export interface RunStyle {
  /** East Asian face: the one Word and WPS use for Chinese text. */
  face: string;
  /** Half-points. */
  size: number;
  bold?: boolean;
  /** Face for Latin letters and digits; Times New Roman unless the element says otherwise. */
  latin?: string;
  /** Extra space per character in twips (negative tightens). */
  tracking?: number;
  /** Hex RGB; black when absent. */
  color?: string;
}

/**
 * Every run names its East Asian font explicitly (w:eastAsia, with the eastAsia hint): Word picks the
 * font for Chinese text from that slot alone, so a run that only set the ASCII font would print in
 * the theme's default face.
 */
export function runProperties(
  style: RunStyle,
): Pick<IRunOptions, 'font' | 'size' | 'sizeComplexScript' | 'bold' | 'language' | 'characterSpacing' | 'color'> {
  const latin = style.latin ?? latinFace;
  return {
    font: { ascii: latin, hAnsi: latin, cs: latin, eastAsia: style.face, hint: 'eastAsia' },
    size: style.size,
    sizeComplexScript: style.size,
    ...(style.bold ? { bold: true } : {}),
    ...(style.tracking ? { characterSpacing: style.tracking } : {}),
    ...(style.color ? { color: style.color } : {}),
    language: { eastAsia: 'zh-CN' },
  };
}

export function textRun(text: string, style: RunStyle): TextRun {
  return new TextRun({ text, ...runProperties(style) });
}
