/**
 * The 标注副本 on a workbook that already has notes, fills and gaps: openpyxl writes it (its comments
 * part and VML drawing are its own), the copy is made, and openpyxl reads both back.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildAnnotatedCopy } from '../../addin/page/annotate/annotatedCopy';
import { LedgerReadError } from '../../ledger/errors';
import type { Finding, Severity } from '../../ledger/findings';
import { noise, withDeflatedEntry } from '../hostile/files';
import { python } from './producers';

const scratch = mkdtempSync(join(tmpdir(), 'taizhang-annotate-'));

const write = `
import sys, openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill, Font
wb = openpyxl.Workbook()
ws = wb.active
ws.title = '学习培训'
ws.append(['序号', '日期', '主题'])
ws.append([1, '2026-03-05', '学习会'])
ws.append([2, '2026年13月1日', '培训'])
ws['B2'].comment = Comment('原有批注：日期已核实', '王会计')
ws['C3'].fill = PatternFill('solid', fgColor='FF00B050')
ws['C3'].font = Font(bold=True)
other = wb.create_sheet('组织架构')
other.append(['单位名称', '类型'])
wb.save(sys.argv[1])
`;

const read = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            out[ws.title + '!' + c.coordinate] = {
                'value': None if c.value is None else str(c.value),
                'note': c.comment.text if c.comment else None,
                'fill': c.fill.fgColor.rgb if c.fill.fill_type == 'solid' else None,
                'bold': bool(c.font.b),
            }
print(json.dumps(out, ensure_ascii=False))
`;

type Cells = Record<string, { value: string | null; note: string | null; fill: string | null; bold: boolean }>;

const finding = (cell: string, severity: Severity, message: string): Finding => ({
  rule: 'D02',
  severity,
  sheet: '学习培训',
  cell,
  row: Number(cell.slice(1)),
  column: cell[0],
  field: null,
  value: null,
  message,
});

describe('the annotated copy', () => {
  it('adds its notes beside the ones a sheet has, keeps other looks, and fills cells the sheet never had', () => {
    const path = join(scratch, 'ledger.xlsx');
    python(write, path);
    const original = new Uint8Array(readFileSync(path));
    const findings = [
      finding('B2', 'warning', '日期与主题不符'),
      finding('B3', 'error', '“日期”无法识别为日期'),
      finding('B3', 'info', '第二个问题'),
      finding('C3', 'info', '主题过短'),
      finding('D7', 'error', '缺少必填项'),
      { ...finding('A1', 'error', '缺少工作表'), sheet: '述职评议' },
    ];
    const copy = buildAnnotatedCopy(original, findings);
    expect(copy.marked).toBe(4);
    expect(readFileSync(path)).toEqual(Buffer.from(original));
    const copyPath = join(scratch, 'copy.xlsx');
    writeFileSync(copyPath, copy.bytes);

    const before = JSON.parse(python(read, path)) as Cells;
    const after = JSON.parse(python(read, copyPath)) as Cells;
    for (const [at, cell] of Object.entries(before)) expect(after[at].value, at).toBe(cell.value);
    expect(after['学习培训!B2'].note).toContain('原有批注：日期已核实');
    expect(after['学习培训!B2'].note).toContain('【台账校验】\n日期与主题不符');
    expect(after['学习培训!B2'].fill).toBe('FFFFEB9C');
    expect(after['学习培训!B3'].note).toBe('【台账校验】\n1. “日期”无法识别为日期\n2. 第二个问题');
    expect(after['学习培训!B3'].fill).toBe('FFFFC7CE');
    // The clerk's own green gives way to the mark; the bold stays.
    expect(after['学习培训!C3']).toMatchObject({ fill: 'FFDDEBF7', bold: true, note: '【台账校验】\n主题过短' });
    expect(after['学习培训!D7']).toMatchObject({ value: null, fill: 'FFFFC7CE', note: '【台账校验】\n缺少必填项' });
    const notes = Object.entries(after).filter(([, c]) => c.note !== null);
    expect(notes.map(([at]) => at).sort()).toEqual(['学习培训!B2', '学习培训!B3', '学习培训!C3', '学习培训!D7']);
    expect(Object.values(after).filter((c) => c.fill !== null && c.note === null)).toEqual([]);

    const partsBefore = unzipSync(original);
    const partsAfter = unzipSync(copy.bytes);
    const untouched = Object.keys(partsBefore).filter((name) => !/styles|sheet1|comments|vmlDrawing|Content_Types/u.test(name));
    expect(untouched.length).toBeGreaterThan(3);
    for (const name of untouched) expect(Buffer.from(partsAfter[name]).equals(Buffer.from(partsBefore[name])), name).toBe(true);
    expect(Object.keys(partsAfter).filter((name) => !(name in partsBefore))).toEqual([]);
  });

  it('refuses a part whose declared size lies once its output passes it, as the reader does, instead of inflating it whole', () => {
    const path = join(scratch, 'ledger.xlsx');
    python(write, path);
    // A "picture" declared as 2 KB: 1 MB of it, then a block of the reserved type 3 the whole stream would meet.
    const flushed = deflateRawSync(noise(1024 * 1024), { finishFlush: constants.Z_SYNC_FLUSH });
    const bytes = withDeflatedEntry(new Uint8Array(readFileSync(path)), 'xl/media/image1.png', new Uint8Array([...flushed, 0x07]), 2048);
    let error: unknown = null;
    try {
      buildAnnotatedCopy(bytes, [finding('B3', 'error', '“日期”无法识别为日期')], '台账.xlsx');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LedgerReadError);
    expect((error as Error).message).toMatch(/“台账\.xlsx”.*“xl\/media\/image1\.png”解压后比记录的大小 2048 字节更大/u);
  });
});
