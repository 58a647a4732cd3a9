import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../ledger/read/portable';
import { readLimits } from '../../ledger/read/limits';
import { rawWorkbook } from './rawWorkbook';
import { one, read, refusal } from './readerCases';

describe('cell values of every kind', () => {
  it('reads shared strings, inline strings, numbers, booleans, errors and cached formula results', async () => {
    const sheet = await one(
      '<row r="1">' +
        '<c r="A1" t="s"><v>1</v></c>' +
        '<c r="B1" t="inlineStr"><is><t>内联</t></is></c>' +
        '<c r="C1"><v>3.25</v></c>' +
        '<c r="D1" t="b"><v>1</v></c>' +
        '<c r="E1" t="b"><v>0</v></c>' +
        '<c r="F1" t="e"><f>#REF!+1</f><v>#REF!</v></c>' +
        '<c r="G1" t="e"><v>#N/A</v></c>' +
        '<c r="H1"><f>1+1</f><v>2</v></c>' +
        '<c r="I1" t="str"><f>"党组"&amp;"会议"</f><v>党组会议</v></c>' +
        '<c r="J1"><f>NOW()</f></c>' +
        '</row>',
      { sharedStrings: ['零', '壹'] },
    );
    expect(sheet.values).toEqual([['壹', '内联', 3.25, true, false, '#REF!', '#N/A', 2, '党组会议']]);
  });

  it('joins rich-text runs and leaves out phonetic guides, in shared and inline strings', async () => {
    const sst =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><rPr><b/></rPr><t>县XX</t></r><r><t>局</t></r>' +
      '<rPh sb="0" eb="1"><t>ケン</t></rPh><phoneticPr fontId="1"/></si></sst>';
    const sheet = await one(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t xml:space="preserve">专题 </t></r><r><rPr><i/></rPr><t>研究</t></r></is></c></row>',
      { sharedStrings: sst },
    );
    expect(sheet.values).toEqual([['县XX局', '专题 研究']]);
  });

  it('decodes entities, character references, CDATA, OOXML escapes and line ends', async () => {
    const sheet = await one(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>&lt;a&gt; &amp; &quot;b&quot; &#x4E2D;&#25991; &#0; &#x110000;</t></is></c>' +
        '<c r="B1" t="inlineStr"><is><t><![CDATA[<不是标签> & ]]>续</t></is></c>' +
        '<c r="C1" t="inlineStr"><is><t>第一行_x000D_\r\n第二行_x005F_</t></is></c></row>',
    );
    expect(sheet.values).toEqual([['<a> & "b" 中文 &#0; &#x110000;', '<不是标签> & 续', '第一行\r\n第二行_']]);
  });

  it('keeps number formats, East Asian built-in date ids included, and the 1904 date system', async () => {
    const sheet = await one(
      '<row r="1"><c r="A1" s="1"><v>46086</v></c><c r="B1" s="2"><v>46086</v></c><c r="C1" s="3"><v>46086.5</v></c><c r="D1" s="4"><v>46086</v></c><c r="E1" s="0"><v>7</v></c><c r="F1"><v>8</v></c></row>',
      { styles: { xfs: [0, 31, 58, 164, 14], formats: { 164: 'yyyy"年"m"月"d"日" hh:mm', 14: 'yyyy/m/d' } } },
    );
    expect(sheet.numberFormats).toEqual([['yyyy"年"m"月"d"日"', 'm"月"d"日"', 'yyyy"年"m"月"d"日" hh:mm', 'yyyy/m/d', '', '']]);
    const mac = await read({ sheets: [{ name: '表', xml: '' }], date1904: true });
    expect(mac.date1904).toBe(true);
  });

  it('turns t="d" cells into serials with a date format', async () => {
    const sheet = await one(
      '<row r="1"><c r="A1" t="d"><v>2026-03-05T00:00:00Z</v></c><c r="B1" t="d"><v>2026-03-05T14:30:00</v></c><c r="C1" t="d"><v>明天</v></c></row>',
    );
    expect(sheet.values[0][0]).toBe(46086);
    expect(sheet.values[0][1]).toBeCloseTo(46086 + 14.5 / 24, 9);
    expect(sheet.values[0][2]).toBe('明天');
    expect(sheet.numberFormats[0]).toEqual(['yyyy-mm-dd', 'yyyy-mm-dd hh:mm:ss', '']);
  });
});

describe('the shapes of sheet XML that producers write', () => {
  it('numbers rows and cells that carry no address, and fills the gaps with empty cells', async () => {
    const sheet = await one('<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c></row><row r="5"><c><v>4</v></c></row>');
    expect(sheet.values).toEqual([[1, 2], [null, null, 3], [], [], [4]]);
    expect(sheet.numberFormats).toEqual([['', ''], ['', '', ''], [], [], ['']]);
  });

  it('reads prefixed elements, Strict OOXML and a workbook part in an unusual place', async () => {
    const xml =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"><x:sheetData><x:row r="1">' +
      '<x:c r="A1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c></x:row></x:sheetData>' +
      '<x:mergeCells count="1"><x:mergeCell ref="A1:B2"/></x:mergeCells></x:worksheet>';
    const grid = await read({ sheets: [{ name: '表', xml }], strict: true, workbookPath: 'book/main.xml' });
    expect(grid.sheets[0].values).toEqual([['前缀']]);
    expect(grid.sheets[0].merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 2 }]);
  });

  it('reads parts written in UTF-16, and skips comments, processing instructions and a DOCTYPE', async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE worksheet [<!ENTITY boom "&#x5927;">]><!-- 注释 --><worksheet><sheetData>' +
      '<row r="1"><?pi x?><c r="A1" t="inlineStr"><is><t>甲<!-- 不算 -->乙&boom;</t></is></c></row></sheetData></worksheet>';
    const sheet = await one(xml, { utf16: ['xl/worksheets/sheet1.xml'] });
    expect(sheet.values).toEqual([['甲乙&boom;']]);
  });

  it('keeps hidden sheets, and leaves out chart sheets, which hold no cells', async () => {
    const grid = await read({
      sheets: [
        { name: '图表', xml: '<chartsheet/>', type: 'chartsheet' },
        { name: '隐藏', xml: '<row r="1"><c r="A1"><v>1</v></c></row>', state: 'hidden' },
      ],
    });
    expect(grid.sheets.map((s) => s.name)).toEqual(['隐藏']);
  });

  it('costs nothing for formatted empty rows and cells, however far they reach', async () => {
    const empty = Array.from(
      { length: 2000 },
      (_, i) => `<row r="${i + 2}" s="1" customFormat="1"><c r="A${i + 2}" s="1"/><c r="XFD${i + 2}" s="1"/></row>`,
    ).join('');
    const sheet = await one(`<row r="1"><c r="A1"><v>1</v></c></row>${empty}<row r="1048576" s="1" customFormat="1"/>`, {
      styles: { xfs: [0, 14] },
    });
    expect(sheet.values).toEqual([[1]]);
  });

  it('survives malformed XML without throwing: unclosed tags, stray quotes, a cut-off part', async () => {
    for (const xml of [
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="s><v>0',
      '<row r="1"><c r="A1" t="inlineStr"><is><t>未结束',
      '<row <c r=A1><v>1</v></row>',
      '<<<>>>&&&;;',
    ]) {
      const sheet = await one(xml);
      expect(Array.isArray(sheet.values)).toBe(true);
    }
  });
});

describe('refusals name the file, and the sheet and cell where there is one', () => {
  it('a cell address beyond Excel’s sheet', async () => {
    const message = await refusal(read({ sheets: [{ name: '专题研究', xml: '<row r="1"><c r="XFE1"><v>1</v></c></row>' }] }));
    expect(message).toContain('台账.xlsx');
    expect(message).toContain('专题研究');
    expect(message).toContain('XFE1');
  });

  it(`more than ${readLimits.gridCells.toLocaleString('en-US')} grid cells`, async () => {
    const rows = Array.from({ length: 700 }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`).join('');
    const message = await refusal(read({ sheets: [{ name: '学习培训', xml: rows }] }));
    expect(message).toMatch(/工作表“学习培训”.*单元格 XFD\d+/u);
  });

  it('merges stacked over the same cells', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `<row r="${i + 1}"><c r="Z${i + 1}"><v>1</v></c></row>`).join('');
    const merges = Array.from({ length: 5000 }, () => '<mergeCell ref="A1:Z100"/>').join('');
    const xml = `<worksheet><sheetData>${rows}</sheetData><mergeCells>${merges}</mergeCells></worksheet>`;
    const message = await refusal(read({ sheets: [{ name: '述职评议', xml }] }));
    expect(message).toContain('工作表“述职评议”');
    expect(message).toContain('A1');
  });

  it('a sheet the workbook lists but the zip lacks', async () => {
    const bytes = rawWorkbook({ sheets: [{ name: '专题研究', xml: '' }] });
    const files = unzipSync(bytes);
    delete files['xl/worksheets/sheet1.xml'];
    const message = await refusal(readWorkbookBytes(zipSync(files), '台账.xlsx'));
    expect(message).toContain('缺少工作表“专题研究”');
  });
});
