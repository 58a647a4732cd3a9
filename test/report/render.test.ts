import { beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../generator/report/docx/document';
import { sealedIndents, signatureIndents, textWidthInChars } from '../../generator/report/docx/signature';
import { titleBreaks } from '../../generator/report/docx/title';
import type { Report } from '../../generator/report/model';
import {
  attributes,
  formattingOf,
  has,
  styleOf,
  paragraph,
  paragraphsOf,
  tableXmlOf,
  tablesOf,
  unzipDocx,
  type DocxParts,
} from './docxXml';

/** A model written by hand, so the renderer is tested on its own, every element once. */
const model: Report = {
  titleLines: ['县测试局2026年第三季度', '意识形态领域情况分析报告'],
  docNumber: '测局党组〔2026〕3号',
  recipients: '机关各股室、各站所：',
  body: [
    { kind: 'paragraph', text: '开头一段正文。' },
    { kind: 'heading', level: 1, text: '一、基本情况' },
    { kind: 'heading', level: 2, text: '（一）专题研究' },
    { kind: 'heading', level: 3, text: '1.学习培训' },
    { kind: 'heading', level: 4, text: '（1）中心组学习' },
    {
      kind: 'table',
      columns: [
        { header: '工作事项', weight: 3, align: 'left' },
        { header: '本季度', weight: 1, align: 'center' },
      ],
      rows: [
        ['专题研究', '2'],
        ['分析研判', '17'],
      ],
    },
  ],
  appendices: [{ titleLines: ['责任制落实情况表'], body: [{ kind: 'paragraph', text: '附件正文。' }] }],
  issuer: '中共县测试局党组',
  date: '2026年7月20日',
};

let docx: DocxParts;
beforeAll(async () => {
  docx = unzipDocx(await renderReport(model));
});

/** The run properties of the first run of a paragraph, its style's included. */
const runOf = (text: string) => {
  const [rPr] = formattingOf(docx, paragraph(docx.document, text)).runs;
  if (!rPr) throw new Error(`no run properties in “${text}”`);
  return rPr;
};
const fontsOf = (text: string) => attributes(runOf(text), 'w:rFonts');
const sizeOf = (text: string) => attributes(runOf(text), 'w:sz')['w:val'];

describe('page (GB/T 9704-2012)', () => {
  it('is A4 with margins 37/35/28/26 mm', () => {
    expect(attributes(docx.document, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(attributes(docx.document, 'w:pgMar')).toMatchObject({
      'w:top': '2098',
      'w:bottom': '1984',
      'w:left': '1587',
      'w:right': '1474',
    });
  });

  it('sets every run’s East Asian font, not only the ASCII one, on the run or in its paragraph’s style', () => {
    const runs = paragraphsOf(docx.document).flatMap((p) => formattingOf(docx, p).runs);
    expect(runs.length).toBeGreaterThan(10);
    for (const rPr of runs) expect(attributes(rPr, 'w:rFonts')).toMatchObject({ 'w:eastAsia': expect.any(String), 'w:hint': 'eastAsia' });
  });

  it('makes the Normal style and document defaults 3号 仿宋 at the fixed pitch, for text typed later', () => {
    const styles = docx.files['word/styles.xml'];
    const normal = /<w:style w:type="paragraph" w:styleId="Normal"[\s\S]*?<\/w:style>/u.exec(styles)?.[0] ?? '';
    for (const part of [normal, /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/u.exec(styles)?.[0] ?? '']) {
      expect(attributes(part, 'w:rFonts')['w:eastAsia']).toBe('仿宋_GB2312');
      expect(attributes(part, 'w:sz')['w:val']).toBe('32');
      const pPr = /<w:pPr>[\s\S]*?<\/w:pPr>/u.exec(part)?.[0] ?? '';
      expect(attributes(pPr, 'w:spacing')).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact' });
    }
  });
});

describe('title, 主送 and body', () => {
  it('sets the title in 2号 方正小标宋简体, centred, broken where the model says', () => {
    const title = paragraph(docx.document, '县测试局2026年第三季度意识形态领域情况分析报告');
    expect(attributes(title.xml, 'w:jc')['w:val']).toBe('center');
    expect(fontsOf(title.text)).toMatchObject({ 'w:eastAsia': '方正小标宋简体', 'w:ascii': 'Times New Roman', 'w:hint': 'eastAsia' });
    expect(sizeOf(title.text)).toBe('44');
    expect(title.xml.match(/<w:br\/>/gu)).toHaveLength(1);
  });

  it('sets the body in 3号 仿宋_GB2312 with an exact 579-twip pitch (22 lines) and a two-character indent', () => {
    const body = paragraph(docx.document, '开头一段正文。');
    const { pPr } = formattingOf(docx, body);
    // In a named style the clerk can pick for paragraphs added by hand.
    const style = styleOf(docx, attributes(body.xml, 'w:pStyle')['w:val']);
    expect(attributes(style, 'w:name')['w:val']).toBe('公文正文');
    expect(attributes(style, 'w:basedOn')['w:val']).toBe('Normal');
    expect(fontsOf(body.text)).toMatchObject({ 'w:eastAsia': '仿宋_GB2312', 'w:ascii': 'Times New Roman', 'w:hAnsi': 'Times New Roman' });
    expect(attributes(runOf(body.text), 'w:lang')['w:eastAsia']).toBe('zh-CN');
    expect(sizeOf(body.text)).toBe('32');
    expect(attributes(pPr, 'w:spacing')).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact' });
    expect(Math.floor((16838 - 2098 - 1984) / 579)).toBe(22);
    expect(attributes(pPr, 'w:ind')['w:firstLine']).toBe('640');
    expect(attributes(pPr, 'w:jc')['w:val']).toBe('both');
  });

  it('fits 28 characters of 3号 on the 156 mm line by tightening each a little', () => {
    const spacing = Number(attributes(runOf('开头一段正文。'), 'w:spacing')['w:val']);
    const lineWidth = 11906 - 1587 - 1474;
    expect(28 * (320 + spacing)).toBeLessThanOrEqual(lineWidth);
    expect(29 * (320 + spacing)).toBeGreaterThan(lineWidth);
  });

  it('puts 主送 flush left and the 发文字号 centred above the title', () => {
    expect(has(paragraph(docx.document, '机关各股室、各站所：').xml, 'w:ind')).toBe(false);
    expect(attributes(paragraph(docx.document, '测局党组〔2026〕3号').xml, 'w:jc')['w:val']).toBe('center');
    const texts = paragraphsOf(docx.document).map((p) => p.text);
    expect(texts.indexOf('测局党组〔2026〕3号')).toBeLessThan(texts.indexOf('县测试局2026年第三季度意识形态领域情况分析报告'));
  });
});

describe('a title line too long for the type area', () => {
  it('is broken at a joint of its phrase, never inside a term, each line fitting', () => {
    const long = '关于2026年上半年全县意识形态工作责任制落实情况和网络意识形态工作检查情况的通报';
    const lines = titleBreaks(long);
    expect(lines.join('')).toBe(long);
    expect(lines.length).toBeGreaterThan(1);
    // 20 characters of 2号 fit the 156 mm line.
    for (const line of lines) expect(textWidthInChars(line)).toBeLessThanOrEqual(20);
    expect(lines.some((line) => line.includes('意识形态工作责任制'))).toBe(true);
    expect(titleBreaks('县农业农村局2026年第三季度意识形态领域情况分析报告')).toEqual([
      '县农业农村局2026年第三季度',
      '意识形态领域情况分析报告',
    ]);
    // A line that fits stays as the template broke it.
    expect(titleBreaks('意识形态工作责任制落实情况的通报')).toEqual(['意识形态工作责任制落实情况的通报']);
  });
});

describe('版头 (GB/T 9704 7.2) with a 发文字号', () => {
  const docNumber = '测局党组〔2026〕3号';
  /** The paragraphs from the top of the page down to the title. */
  const headOf = (parts: DocxParts) => {
    const all = paragraphsOf(parts.document);
    return all.slice(
      0,
      all.findIndex((p) => p.text === '县测试局2026年第三季度意识形态领域情况分析报告'),
    );
  };
  let marked: DocxParts;
  beforeAll(async () => {
    marked = unzipDocx(await renderReport({ ...model, organMark: '县测试局文件' }));
  });

  it('prints a configured 发文机关标志 in red 小标宋 35 mm below the type area, the number two lines under it, a red rule under the number', () => {
    const head = headOf(marked);
    expect(head.map((p) => p.text)).toEqual(['县测试局文件', '', '', docNumber, '', '']);
    const mark = head[0];
    expect(attributes(mark.xml, 'w:rFonts')['w:eastAsia']).toBe('方正小标宋简体');
    expect(attributes(mark.xml, 'w:color')['w:val']).toBe('C00000');
    expect(attributes(mark.xml, 'w:jc')['w:val']).toBe('center');
    expect(attributes(mark.xml, 'w:spacing')['w:before']).toBe('1984');
    expect(attributes(head[3].xml, 'w:bottom')).toMatchObject({ 'w:val': 'single', 'w:color': 'C00000' });
  });

  it('without one, leaves the same space blank and prints no rule, so the number falls under a 红头 paper’s printed head', () => {
    const head = headOf(docx);
    expect(head.map((p) => p.text)).toEqual(['', '', '', docNumber, '', '']);
    expect(head.map((p) => attributes(p.xml, 'w:spacing'))).toEqual(headOf(marked).map((p) => attributes(p.xml, 'w:spacing')));
    expect(has(head[3].xml, 'w:pBdr')).toBe(false);
  });

  it('has no 版头 without a 发文字号: the title starts the page', async () => {
    const parts = unzipDocx(await renderReport({ ...model, docNumber: undefined, organMark: '县测试局文件' }));
    expect(headOf(parts)).toEqual([]);
  });

  it('marks an internal draft 内部稿 at the top left in 黑体, above the 版头, which keeps its place', async () => {
    const parts = unzipDocx(await renderReport({ ...model, internal: true }));
    const head = headOf(parts);
    expect(head[0].text).toBe('内部稿');
    expect(attributes(head[0].xml, 'w:rFonts')['w:eastAsia']).toBe('黑体');
    expect(attributes(head[0].xml, 'w:jc')['w:val']).toBe('left');
    expect(Number(attributes(head[1].xml, 'w:spacing')['w:before'])).toBe(1984 - 579);
  });
});

describe('headings', () => {
  const cases: Array<[string, string, boolean]> = [
    ['一、基本情况', '黑体', false],
    ['（一）专题研究', '楷体_GB2312', false],
    ['1.学习培训', '仿宋_GB2312', true],
    ['（1）中心组学习', '仿宋_GB2312', false],
  ];
  for (const [text, face, bold] of cases) {
    it(`sets “${text}” in 3号 ${face}${bold ? ' bold' : ''}, kept with the next paragraph`, () => {
      expect(fontsOf(text)['w:eastAsia']).toBe(face);
      expect(sizeOf(text)).toBe('32');
      expect(has(runOf(text), 'w:b')).toBe(bold);
      expect(has(paragraph(docx.document, text).xml, 'w:keepNext')).toBe(true);
    });
  }
});

describe('tables', () => {
  it('writes the cells in 仿宋 with a bold header row that repeats on every page', () => {
    const [table] = tablesOf(docx.document);
    expect(table).toEqual([
      ['工作事项', '本季度'],
      ['专题研究', '2'],
      ['分析研判', '17'],
    ]);
    const xml = tableXmlOf(docx.document)[0];
    const [header, ...rows] = [...xml.matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/gu)].map((m) => m[0]);
    expect(has(header, 'w:tblHeader')).toBe(true);
    expect(has(header, 'w:b')).toBe(true);
    for (const row of rows) {
      expect(has(row, 'w:tblHeader')).toBe(false);
      expect(has(row, 'w:b')).toBe(false);
    }
    expect(attributes(xml, 'w:rFonts')['w:eastAsia']).toBe('仿宋_GB2312');
    const widths = [...xml.matchAll(/<w:gridCol w:w="(\d+)"/gu)].map((m) => Number(m[1]));
    expect(widths.reduce((a, b) => a + b, 0)).toBe(11906 - 1587 - 1474);
  });
});

describe('page numbers', () => {
  const footerFor = (type: 'default' | 'even') => {
    const id = attributes(docx.document, `w:footerReference w:type="${type}"`)['r:id'];
    const rels = docx.files['word/_rels/document.xml.rels'];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`, 'u').exec(rels);
    const file = target?.[1] ?? target?.[2];
    if (!file) throw new Error(`no footer for ${type}`);
    return docx.files[`word/${file}`];
  };

  it('turns on separate odd and even footers', () => {
    expect(docx.files['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
  });

  for (const [type, side, indent] of [
    ['default', 'right', 'w:right'],
    ['even', 'left', 'w:left'],
  ] as const) {
    it(`prints “— n —” in 4号 宋体 on ${type === 'default' ? 'odd' : 'even'} pages, ${side}, one character in`, () => {
      const footer = footerFor(type);
      expect(attributes(footer, 'w:jc')['w:val']).toBe(side);
      expect(attributes(footer, 'w:ind')[indent]).toBe('280');
      expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/u);
      expect(footer).toContain('<w:t xml:space="preserve">— </w:t>');
      expect(footer).toContain('<w:t xml:space="preserve"> —</w:t>');
      expect(attributes(footer, 'w:rFonts')).toMatchObject({ 'w:eastAsia': '宋体', 'w:ascii': '宋体' });
      expect(attributes(footer, 'w:sz')['w:val']).toBe('28');
    });
  }
});

describe('附件说明, 落款 and attachment', () => {
  it('notes the attachment under the body, two characters in', () => {
    const note = paragraph(docx.document, '附件：责任制落实情况表');
    expect(attributes(note.xml, 'w:ind')).toMatchObject({ 'w:left': String(640 + 945), 'w:hanging': '945' });
  });

  it('ends the body with the issuer and the date, right-aligned, the date 2 characters in from the edge', () => {
    const texts = paragraphsOf(docx.document).map((p) => p.text);
    const issuer = texts.indexOf('中共县测试局党组');
    expect(texts[issuer + 1]).toBe('2026年7月20日');
    expect(texts[issuer - 1]).toBe('');
    for (const text of ['中共县测试局党组', '2026年7月20日']) {
      expect(attributes(paragraph(docx.document, text).xml, 'w:jc')['w:val']).toBe('right');
    }
    expect(attributes(paragraph(docx.document, '2026年7月20日').xml, 'w:ind')['w:right']).toBe('630');
  });

  it('holds the body’s last lines, the 附件说明 and the issuer with what follows, so the 落款 never stands alone', async () => {
    const texts = paragraphsOf(docx.document);
    const issuer = texts.findIndex((p) => p.text === '中共县测试局党组');
    const note = texts.findIndex((p) => p.text === '附件：责任制落实情况表');
    // From the blank line after the body's last table down to the issuer, every paragraph keeps with the next.
    for (const p of texts.slice(note - 2, issuer + 1)) expect(has(p.xml, 'w:keepNext')).toBe(true);
    expect(has(texts[issuer + 1].xml, 'w:keepNext')).toBe(false);
    // The body's last table holds its last row with the lines after it; its other rows do not.
    const rows = [
      ...tableXmlOf(docx.document)
        .at(-1)!
        .matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/gu),
    ].map((m) => m[0]);
    expect(has(rows.at(-1)!, 'w:keepNext')).toBe(true);
    expect(has(rows.at(-2)!, 'w:keepNext')).toBe(false);
    // Ending on a paragraph, that paragraph is held.
    const parts = unzipDocx(
      await renderReport({ ...model, body: [...model.body, { kind: 'paragraph', text: '最后一段正文。' }], appendices: [] }),
    );
    expect(has(paragraph(parts.document, '最后一段正文。').xml, 'w:keepNext')).toBe(true);
    expect(has(paragraph(parts.document, '开头一段正文。').xml, 'w:keepNext')).toBe(false);
  });

  it('lays the 落款 out as GB/T 9704 7.3.5.2 asks', () => {
    // Issuer longer than the date by 2 or more: issuer 2 in, date starting 2 right of the issuer's start.
    expect(signatureIndents('中共某某县农业农村局党组', '2026年7月20日')).toEqual({ issuer: 2, date: 5.5 });
    // Date the longer: date 2 in, the issuer moved left so the date still starts 2 to its right.
    expect(signatureIndents('中共县测试局党组', '2026年7月20日')).toEqual({ issuer: 2.5, date: 2 });
  });

  it('puts the attachment on a new page with 附件 in 黑体 and its title in 小标宋', () => {
    const label = paragraph(docx.document, '附件');
    expect(has(label.xml, 'w:pageBreakBefore')).toBe(true);
    expect(attributes(label.xml, 'w:rFonts')['w:eastAsia']).toBe('黑体');
    expect(fontsOf('责任制落实情况表')['w:eastAsia']).toBe('方正小标宋简体');
  });
});

describe('a draft, a sealed 落款 and the 版记', () => {
  let draft: DocxParts;
  beforeAll(async () => {
    draft = unzipDocx(
      await renderReport({
        ...model,
        draft: true,
        sealed: true,
        imprint: { copyTo: '县委宣传部', issuedBy: '中共县测试局党组办公室', issuedOn: '2026年7月20日' },
      }),
    );
  });

  it('marks a draft （征求意见稿） centred under the title in 楷体', () => {
    const texts = paragraphsOf(draft.document).map((p) => p.text);
    expect(texts[texts.indexOf('县测试局2026年第三季度意识形态领域情况分析报告') + 1]).toBe('（征求意见稿）');
    const mark = paragraph(draft.document, '（征求意见稿）');
    expect(attributes(mark.xml, 'w:jc')['w:val']).toBe('center');
    expect(attributes(mark.xml, 'w:rFonts')['w:eastAsia']).toBe('楷体_GB2312');
  });

  it('lays a sealed 落款 out as GB/T 9704 7.3.5.1 asks: date 4 characters in, issuer centred over it', () => {
    expect(sealedIndents('中共县测试局党组', '2026年7月20日')).toEqual({ issuer: 3.25, date: 4 });
    expect(attributes(paragraph(draft.document, '2026年7月20日').xml, 'w:ind')['w:right']).toBe(String(4 * 315));
  });

  it('ends with the 版记: 抄送 between a thick and a thin rule, 印发 line above a thick one, in 4号', () => {
    const copyTo = paragraph(draft.document, '抄送：县委宣传部。');
    expect(attributes(copyTo.xml, 'w:top')).toMatchObject({ 'w:val': 'single', 'w:sz': '8' });
    expect(attributes(copyTo.xml, 'w:bottom')).toMatchObject({ 'w:val': 'single', 'w:sz': '6' });
    expect(attributes(copyTo.xml, 'w:sz')['w:val']).toBe('28');
    const issued = paragraph(draft.document, '中共县测试局党组办公室2026年7月20日印发');
    expect(attributes(issued.xml, 'w:bottom')).toMatchObject({ 'w:val': 'single', 'w:sz': '8' });
    expect(paragraphsOf(draft.document).at(-1)?.text).toBe('中共县测试局党组办公室2026年7月20日印发');
  });

  it('puts the 版记 in a section that starts on an even page (封四), its page not numbered', () => {
    const sections = [...draft.document.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/gu)].map((m) => m[0]);
    expect(sections).toHaveLength(2);
    expect(attributes(sections[1], 'w:type')['w:val']).toBe('evenPage');
    expect(has(sections[0], 'w:type')).toBe(false);
    // The 版记 section is the last: what follows the first section's break is the 版记 and nothing else.
    const after = draft.document.slice(draft.document.indexOf('</w:sectPr>'));
    expect(
      paragraphsOf(after)
        .filter((p) => p.text !== '')
        .map((p) => p.text),
    ).toEqual(['抄送：县委宣传部。', '中共县测试局党组办公室2026年7月20日印发']);
    const footerIds = [...sections[1].matchAll(/<w:footerReference [^>]*r:id="([^"]+)"/gu)].map((m) => m[1]);
    const rels = draft.files['word/_rels/document.xml.rels'];
    for (const id of footerIds) {
      const target =
        new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`, 'u').exec(rels)?.[1] ??
        new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`, 'u').exec(rels)?.[1];
      expect(draft.files[`word/${target}`]).not.toMatch(/PAGE/u);
    }
    expect(footerIds).toHaveLength(2);
  });
});

describe('fontTable.xml', () => {
  it('gives each official-document face a fallback Word and WPS know, a GB2312 charset and a serif family', () => {
    const table = docx.files['word/fontTable.xml'];
    const font = (name: string) => new RegExp(`<w:font w:name="${name}">(.*?)</w:font>`, 'u').exec(table)?.[1] ?? '';
    expect(attributes(font('仿宋_GB2312'), 'w:altName')['w:val']).toBe('仿宋');
    expect(attributes(font('楷体_GB2312'), 'w:altName')['w:val']).toBe('楷体');
    expect(attributes(font('方正小标宋简体'), 'w:altName')['w:val']).toBe('宋体');
    for (const name of ['仿宋_GB2312', '楷体_GB2312', '方正小标宋简体']) {
      expect(attributes(font(name), 'w:charset')['w:val']).toBe('86');
      expect(attributes(font(name), 'w:family')['w:val']).toBe('roman');
      expect(attributes(font(name), 'w:panose1')['w:val']).toMatch(/^[0-9A-F]{20}$/u);
    }
    expect(attributes(font('黑体'), 'w:family')['w:val']).toBe('swiss');
  });
});
