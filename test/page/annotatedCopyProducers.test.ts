/**
 * The 标注副本 on workbooks as Excel, LibreOffice and openpyxl write them, with what makes Excel offer
 * to repair a carelessly edited copy: conditional formats (a data bar and an icon set, the data bar's
 * `<cfRule>` holding an `<extLst>` of its own), the sheet's x14 `<extLst>`, a table, a data validation,
 * merged cells, notes and VML drawings of each producer, and more than 1,023 notes on one sheet. Each
 * copy is checked against CT_Worksheet's order and for its VML ids (worksheetSchema.ts), read back by
 * openpyxl, and opened by LibreOffice, whose own save is read back too. Then the copy is checked again
 * (its marks replaced, never doubled) and cleared (the original look restored).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAnnotatedCopy, clearedCopy, hasOwnMarks } from '../../addin/page/annotate/annotatedCopy';
import type { Finding, Severity } from '../../ledger/findings';
import { libreOfficeConvert, python } from './producers';
import { structure } from './worksheetSchema';

const scratch = mkdtempSync(join(tmpdir(), 'taizhang-producers-'));
const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

const write = String.raw`
import sys, openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill, Font
from openpyxl.formatting.rule import DataBarRule, IconSetRule, CellIsRule
from openpyxl.worksheet.table import Table
from openpyxl.worksheet.datavalidation import DataValidation
wb = openpyxl.Workbook()
ws = wb.active
ws.title = '学习培训'
ws.append(['序号', '日期', '主题', '人数'])
for i in range(1, 30):
  ws.append([i, '2026-03-05', '学习会%d' % i, i * 3])
ws['B2'].comment = Comment('原有批注：日期已核实', '王会计')
ws['C3'].fill = PatternFill('solid', fgColor='FF00B050')
ws['C3'].font = Font(bold=True)
ws.merge_cells('A31:A32')
ws['A31'] = '合计'
ws.conditional_formatting.add('D2:D30', DataBarRule(start_type='min', end_type='max', color='FF638EC6'))
ws.conditional_formatting.add('A2:A30', IconSetRule('3Arrows', 'percent', [0, 33, 67]))
ws.conditional_formatting.add('B2:B30', CellIsRule(operator='equal', formula=['"2026-03-05"'], fill=PatternFill('solid', fgColor='FFFFFF00')))
ws.add_table(Table(displayName='培训表', ref='A1:D30'))
dv = DataValidation(type='list', formula1='"是,否"')
ws.add_data_validation(dv)
dv.add('E2:E30')
other = wb.create_sheet('专题研究')
other.append(['日期', '内容'])
for i in range(1, 1200):
  other.append(['2026年13月%d日' % i, '内容%d' % i])
other['B5'].comment = Comment('另一张表的批注', '李四')
summary = wb.create_sheet('工作总结')
summary.append(['序号', '完成率'])
for i in range(1, 10):
  summary.append([i, i * 10])
summary.conditional_formatting.add('B2:B10', DataBarRule(start_type='min', end_type='max', color='FF5A8AC6'))
wb.save(sys.argv[1])
`;

const read = String.raw`
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
  for row in ws.iter_rows():
    for c in row:
      if c.value is None and c.comment is None and c.fill.fill_type is None: continue
      out[ws.title + '!' + c.coordinate] = {
        'value': None if c.value is None else str(c.value),
        'note': c.comment.text if c.comment else None,
        'fill': (c.fill.fgColor.rgb if c.fill.fgColor.type == 'rgb' else 'theme') if c.fill.fill_type == 'solid' else None,
        'bold': bool(c.font.b),
      }
print(json.dumps(out, ensure_ascii=False))
`;

type Cells = Record<string, { value: string | null; note: string | null; fill: string | null; bold: boolean }>;

const cells = (path: string) => JSON.parse(python(read, path)) as Cells;

const finding = (sheet: string, cell: string, severity: Severity, message: string): Finding => ({
  rule: 'D02',
  severity,
  sheet,
  cell,
  row: Number(/\d+/u.exec(cell)![0]),
  column: /[A-Z]+/u.exec(cell)![0],
  field: null,
  value: null,
  message,
});

/** More than one block of notes on 专题研究, and the cases each sheet of the ledger makes. */
const findings: Finding[] = [
  finding('学习培训', 'B2', 'warning', '日期与主题不符'),
  finding('学习培训', 'B3', 'error', '“日期”无法识别为日期'),
  finding('学习培训', 'C3', 'info', '主题过短'),
  finding('学习培训', 'F7', 'error', '缺少必填项'),
  finding('学习培训', 'A32', 'warning', '合计行的说明'),
  ...Array.from({ length: 1_100 }, (_, i) => finding('专题研究', `A${i + 2}`, 'error', `第 ${i + 2} 行的日期不存在`)),
  finding('工作总结', 'B3', 'info', '完成率偏低'),
];

/** The workbook with parts replaced, as another producer would have written them. */
function edited(bytes: Uint8Array, edit: (parts: Record<string, string>) => void): Uint8Array {
  const files = unzipSync(bytes);
  const text = Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
  edit(text);
  return zipSync(Object.fromEntries(Object.entries(text).map(([name, t]) => [name, strToU8(t)])));
}

const rows = (n: number, p = '') =>
  Array.from(
    { length: n },
    (_, i) =>
      `<${p}row r="${i + 1}"><${p}c r="A${i + 1}"><${p}v>${i}</${p}v></${p}c><${p}c r="B${i + 1}"><${p}v>${i * 10}</${p}v></${p}c></${p}row>`,
  ).join('');

/** 工作总结 as Excel 2016 saves a sheet with a data bar: the cfRule's own extLst, the x14 one, mc:Ignorable. */
const excelSheet =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{00000000-0001-0000-0200-000000000000}">` +
  `<dimension ref="A1:B10"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/>` +
  `<sheetData>${rows(10)}</sheetData>` +
  `<conditionalFormatting sqref="B2:B10"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF5A8AC6"/></dataBar>` +
  `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>{6A1E2D4B-0F0A-4C55-9D7E-0D5F2C7F1A01}</x14:id></ext></extLst></cfRule></conditionalFormatting>` +
  `<conditionalFormatting sqref="A2:A10"><cfRule type="iconSet" priority="2"><iconSet iconSet="3Arrows"><cfvo type="percent" val="0"/><cfvo type="percent" val="33"/><cfvo type="percent" val="67"/></iconSet></cfRule></conditionalFormatting>` +
  `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
  `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings>` +
  `<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="{6A1E2D4B-0F0A-4C55-9D7E-0D5F2C7F1A01}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>B2:B10</xm:sqref></x14:conditionalFormatting>` +
  `</x14:conditionalFormattings></ext></extLst></worksheet>`;

/** 专题研究's note as Excel draws it: v, o and x bound on the root, block 2 reserved, a `<br>`-free textbox. */
const excelVml =
  `<xml xmlns:v="urn:schemas-microsoft-com:vml"\r\n xmlns:o="urn:schemas-microsoft-com:office:office"\r\n xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n` +
  ` <o:shapelayout v:ext="edit">\r\n  <o:idmap v:ext="edit" data="2"/>\r\n </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\r\n  path="m,l,21600r21600,l21600,xe">\r\n  <v:stroke joinstyle="miter"/>\r\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\r\n </v:shapetype>` +
  `<v:shape id="_x0000_s2049" type="#_x0000_t202" style='position:absolute;margin-left:107.25pt;margin-top:52.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden' fillcolor="#ffffe1" o:insetmode="auto">` +
  `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style='mso-direction-alt:auto'><div style='text-align:left'></div></v:textbox>` +
  `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>2, 15, 3, 10, 4, 15, 7, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>4</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>`;

const sheetPath = (parts: Record<string, string>, sheet: string) => {
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`, 'u').exec(parts['xl/workbook.xml'])![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`, 'u').exec(
    parts['xl/_rels/workbook.xml.rels'],
  )!;
  return (target[1] ?? target[2]).replace(/^\/?(xl\/)?/u, 'xl/');
};

const producers: Record<string, () => Uint8Array> = {};

beforeAll(() => {
  const openpyxlPath = join(scratch, 'openpyxl.xlsx');
  python(write, openpyxlPath);
  const openpyxl = new Uint8Array(readFileSync(openpyxlPath));
  producers.openpyxl = () => openpyxl;
  const libreOffice = new Uint8Array(readFileSync(libreOfficeConvert(openpyxlPath, 'xlsx:Calc MS Excel 2007 XML')));
  producers.LibreOffice = () => libreOffice;
  producers.Excel = () =>
    edited(libreOffice, (parts) => {
      parts[sheetPath(parts, '工作总结')] = excelSheet;
      const rels = parts[sheetPath(parts, '专题研究').replace('worksheets/', 'worksheets/_rels/') + '.rels'];
      const vml = /Target="(?:\.\.\/)?(drawings\/[^"]+\.vml)"/u.exec(rels)![1];
      parts[`xl/${vml}`] = excelVml;
    });
  // WPS's shape, as test/fixtures/make_registers.py writes it from what WPS files carry: docProps/custom.xml
  // with KSOProductBuildVer and ICV, 宋体 as the default font, and East Asian dates under built-in id 31
  // with no <numFmt> entry (a style the copy's own fills are added beside).
  producers['WPS shape'] = () =>
    edited(openpyxl, (parts) => {
      parts['docProps/custom.xml'] =
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16417</vt:lpwstr></property>' +
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="ICV"><vt:lpwstr>6B5E3B1F0C2D4E8F9A1B2C3D4E5F6A7B</vt:lpwstr></property></Properties>';
      parts['[Content_Types].xml'] = parts['[Content_Types].xml'].replace(
        '</Types>',
        '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
      );
      parts['_rels/.rels'] = parts['_rels/.rels'].replace(
        '</Relationships>',
        '<Relationship Id="rIdWps" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
      );
      const styles = parts['xl/styles.xml'].replace(/<name val="[^"]*"\/>/u, '<name val="宋体"/>');
      const xfs = /<cellXfs count="(\d+)">/u.exec(styles)!;
      parts['xl/styles.xml'] = styles
        .replace(xfs[0], `<cellXfs count="${Number(xfs[1]) + 1}">`)
        .replace('</cellXfs>', '<xf numFmtId="31" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs>');
      const sheet = sheetPath(parts, '学习培训');
      parts[sheet] = parts[sheet].replace(/<c r="B4"( s="\d+")?/u, `<c r="B4" s="${xfs[1]}"`);
    });
  // Some tools write SpreadsheetML under a prefix; the copy's elements follow the part's own.
  producers['x: prefix'] = () =>
    edited(openpyxl, (parts) => {
      parts[sheetPath(parts, '工作总结')] =
        `<x:worksheet xmlns:x="${main}"><x:sheetPr/><x:sheetData>${rows(10, 'x:')}</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="B3:B4"/></x:mergeCells><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>`;
    });
}, 300_000);

describe.each(['openpyxl', 'LibreOffice', 'Excel', 'WPS shape', 'x: prefix'])('the 标注副本 of a workbook by %s', (producer) => {
  it('keeps the schema order, numbers its shapes in blocks of their own, and reads back in openpyxl and LibreOffice', () => {
    const original = producers[producer]();
    const originalPath = join(scratch, `${producer}-原件.xlsx`);
    writeFileSync(originalPath, original);
    expect(structure(originalPath).problems).toEqual([]);
    const copy = buildAnnotatedCopy(original, findings);
    expect(copy).toMatchObject({ marked: findings.length, cleared: 0 });
    const path = join(scratch, `${producer}-标注副本.xlsx`);
    writeFileSync(path, copy.bytes);

    const checked = structure(path);
    expect(checked.problems).toEqual([]);
    const before = structure(originalPath).drawings;
    const changed = Object.entries(checked.drawings).filter(([part, d]) => JSON.stringify(d) !== JSON.stringify(before[part]));
    expect(changed.length).toBeGreaterThanOrEqual(2);
    for (const [part, drawing] of changed) {
      if (before[part]?.wellFormed !== false) expect(drawing.wellFormed, part).toBe(true);
      const ours = drawing.ids.filter((id) => !before[part]?.ids.includes(id));
      expect(new Set(drawing.ids).size, part).toBe(drawing.ids.length);
      for (const id of ours) expect(drawing.blocks, `${part} shape ${id}`).toContain(Math.floor(id / 1024));
      for (const [other, d] of Object.entries(checked.drawings)) {
        if (other === part) continue;
        const shared = drawing.blocks.filter((b) => d.blocks.includes(b) || d.ids.some((id) => Math.floor(id / 1024) === b));
        expect(shared, `${part} and ${other}`).toEqual(
          shared.filter((b) => before[part]?.blocks.includes(b) && before[other]?.blocks.includes(b)),
        );
      }
    }
    const bigDrawing = Object.values(checked.drawings).find((d) => d.notes > 1_100)!;
    expect(bigDrawing.blocks.length).toBeGreaterThanOrEqual(2);

    const after = cells(path);
    expect(after['学习培训!B2'].note).toMatch(/^原有批注：日期已核实\n【台账校验】\n日期与主题不符$/u);
    expect(after['学习培训!B3']).toMatchObject({ note: '【台账校验】\n“日期”无法识别为日期', fill: 'FFFFC7CE' });
    expect(after['学习培训!C3']).toMatchObject({ note: '【台账校验】\n主题过短', fill: 'FFDDEBF7', bold: true });
    expect(after['学习培训!F7']).toMatchObject({ value: null, fill: 'FFFFC7CE', note: '【台账校验】\n缺少必填项' });
    // A32 lies under A31:A32: the mark is on A31, which shows the merged cell.
    expect(after['学习培训!A31']).toMatchObject({ note: '【台账校验】\n合计行的说明', fill: 'FFFFEB9C' });
    expect(after['学习培训!A32']?.note ?? null).toBeNull();
    const topicNotes = Object.entries(after).filter(([at, c]) => at.startsWith('专题研究!') && c.note !== null);
    expect(topicNotes.length).toBe(1_101);
    expect(after['专题研究!B5'].note).toBe('另一张表的批注');
    expect(after['工作总结!B3']).toMatchObject({ note: '【台账校验】\n完成率偏低', fill: 'FFDDEBF7' });
    expect(hasOwnMarks(copy.bytes)).toBe(true);
    expect(hasOwnMarks(original)).toBe(false);

    // LibreOffice opens the copy and, saving it, keeps every note where it was.
    const saved = cells(libreOfficeConvert(path, 'xlsx:Calc MS Excel 2007 XML'));
    const notesOf = (c: Cells) =>
      Object.fromEntries(Object.entries(c).flatMap(([at, v]) => (v.note === null ? [] : [[at, v.note.trim()]])));
    expect(notesOf(saved)).toEqual(notesOf(after));
  }, 300_000);

  it('checked again, replaces its marks instead of adding to them; cleared, looks as the original did', () => {
    const original = producers[producer]();
    const first = buildAnnotatedCopy(original, findings);
    // The clerk fixed B3 and C3 (and every date on 专题研究 but two); one new problem turned up.
    const now = [
      finding('学习培训', 'B2', 'warning', '日期与主题不符'),
      finding('学习培训', 'D5', 'error', '人数不是数字'),
      finding('专题研究', 'A2', 'error', '第 2 行的日期不存在'),
      finding('专题研究', 'A3', 'error', '第 3 行的日期仍不存在'),
    ];
    const second = buildAnnotatedCopy(first.bytes, now);
    expect(second).toMatchObject({ marked: 4, cleared: findings.length });
    const path = join(scratch, `${producer}-再次标注.xlsx`);
    writeFileSync(path, second.bytes);
    expect(structure(path).problems).toEqual([]);
    const originalPath = join(scratch, `${producer}-原件.xlsx`);
    writeFileSync(originalPath, original);
    const base = cells(originalPath);
    const again = cells(path);
    const notes = Object.entries(again).flatMap(([at, c]) => (c.note === null ? [] : [[at, c.note]]));
    expect(Object.fromEntries(notes)).toEqual({
      '学习培训!B2': '原有批注：日期已核实\n【台账校验】\n日期与主题不符',
      '学习培训!D5': '【台账校验】\n人数不是数字',
      '专题研究!A2': '【台账校验】\n第 2 行的日期不存在',
      '专题研究!A3': '【台账校验】\n第 3 行的日期仍不存在',
      '专题研究!B5': '另一张表的批注',
    });
    expect(again['学习培训!C3']).toMatchObject({ fill: base['学习培训!C3'].fill, bold: true });
    expect(again['学习培训!B3'].fill).toBeNull();
    expect(again['学习培训!D5'].fill).toBe('FFFFC7CE');

    const cleared = clearedCopy(second.bytes);
    expect(cleared.cleared).toBe(4);
    expect(hasOwnMarks(cleared.bytes)).toBe(false);
    const clearedPath = join(scratch, `${producer}-清除标注.xlsx`);
    writeFileSync(clearedPath, cleared.bytes);
    expect(structure(clearedPath).problems).toEqual([]);
    const restored = cells(clearedPath);
    // Cells the marks had to add stay as empty cells of the original look; openpyxl lists them, unfilled.
    for (const [at, cell] of Object.entries(restored))
      expect(cell, at).toEqual(base[at] ?? { value: null, note: null, fill: null, bold: false });
    for (const at of Object.keys(base)) expect(restored[at], at).toEqual(base[at]);
    // Sheets that had no notes lose the parts the marks added; the others keep theirs.
    const partsBefore = Object.keys(unzipSync(original));
    const partsAfter = Object.keys(unzipSync(cleared.bytes));
    expect(partsAfter.filter((p) => !partsBefore.includes(p))).toEqual([]);
    expect(partsBefore.filter((p) => !partsAfter.includes(p))).toEqual([]);
  }, 300_000);
});

describe('a 标注副本 saved by LibreOffice, then cleared', () => {
  it('puts no colour back that LibreOffice made up: marked cells without a fill of their own lose the mark', () => {
    const original = producers.openpyxl();
    const copyPath = join(scratch, '给LibreOffice的副本.xlsx');
    writeFileSync(copyPath, buildAnnotatedCopy(original, findings).bytes);
    // LibreOffice rewrites every fill's background colour when it saves (FFFFFFCC under a mark on no fill).
    const saved = new Uint8Array(readFileSync(libreOfficeConvert(copyPath, 'xlsx:Calc MS Excel 2007 XML')));
    const cleared = clearedCopy(saved);
    expect(cleared.cleared).toBe(findings.length);
    const path = join(scratch, '给LibreOffice的副本-已清除标注.xlsx');
    writeFileSync(path, cleared.bytes);
    const originalPath = join(scratch, 'openpyxl-原件-2.xlsx');
    writeFileSync(originalPath, original);
    const base = cells(originalPath);
    const restored = cells(path);
    for (const [at, cell] of Object.entries(restored)) {
      // LibreOffice keeps no fill nobody uses, so the clerk's green under the mark on C3 is gone with it.
      if (at === '学习培训!C3') expect(cell.fill).toBeNull();
      else expect(cell.fill, at).toBe(base[at]?.fill ?? null);
      expect(cell.note?.trim() ?? null, at).toBe(base[at]?.note ?? null);
    }
  }, 300_000);
});
