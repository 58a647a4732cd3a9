/**
 * GB/T 9704-2012 in Word's units: twips (1/20 pt) for lengths, half-points for font sizes.
 * One place for the numbers so a test can check the document against the same figures.
 */
export const page = { width: 11906, height: 16838 } as const;

/** 天头 37 mm, 下白边 35 mm, 订口 28 mm, 翻口 26 mm. */
export const margin = { top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;

/** Puts the page number's line about 7 mm below the type area, as the standard asks. */
export const footerDistance = 1247;

export const textWidth = page.width - margin.left - margin.right;

/**
 * 22 lines in the type area's height: (16838 − 2098 − 1984) / 22, rounded down. Set as an exact
 * line height on every paragraph (and the Normal style) rather than as a document grid: WPS and
 * LibreOffice put a grid line's worth of space under any line taller than the grid, which would
 * open a blank line inside a two-line title.
 */
export const linePitch = 579;

/** Lines of the body's pitch on a page (GB/T 9704: 22). */
export const linesPerPage = 22;

/** Line height of a two-line 2号 title: the body's 579 would crowd a 22 pt face. */
export const titleLinePitch = 700;

/** Characters per line of 3号 body text the standard asks for. */
export const charsPerLine = 28;

/** Half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt (tables, so a row of figures fits). */
export const size = { title: 44, body: 32, table: 24, pageNumber: 28 } as const;

/** 首行缩进二字: two 3号 characters. */
export const firstLineIndent = 2 * size.body * 10;

/** Width of one tightened body character, for lengths counted in characters (右空二字). */
export const charWidth = Math.floor(textWidth / charsPerLine);

/** Table text is set smaller than the body and on its own pitch, so rows stay compact. */
export const tableLinePitch = 400;

/**
 * 3号 characters are 320 twips wide, so only 27 fit on the 156 mm line; tightening each by this
 * much (twips) sets the standard's 28. Done per run rather than with a character grid because
 * LibreOffice lays a character grid out differently from Word and WPS.
 */
export const bodyTracking = charWidth - size.body * 10;

export const fontFace = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

export const latinFace = 'Times New Roman';
