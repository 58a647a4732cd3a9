import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { portableUnzipper, readWorkbookBytes } from '../../ledger/read/portable';
import { portableUtf8 } from '../../ledger/read/decode';
import { readWorkbookWith } from '../../ledger/read/workbookBytes';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { styleFormats } from '../../ledger/read/styles';
import type { Unzipper } from '../../ledger/read/zip';
import { validateGrid } from '../../ledger/validate';
import { fromSerial, isDateFormat, toSerial } from '../../ledger/values/date';
import { taizhang } from '../helpers/cli';
import { rawWorkbook } from './rawWorkbook';
import { one, read, refusal } from './readerCases';

/** The reader's defects of issue 11, section 0, each on a file that reproduces it. */
const sample = 'templates/示例台账.xlsx';
const asOf = '2026-07-20';

/** The sample ledger with some of its XML parts rewritten; `level: 0` stores every entry uncompressed. */
function editedSample(edit: (parts: Record<string, string>) => void, level: 0 | 6 = 6): Uint8Array {
  const files = unzipSync(new Uint8Array(readFileSync(sample)));
  const parts = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
  edit(parts);
  const out: Zippable = {};
  for (const [name, text] of Object.entries(parts)) out[name] = [strToU8(text), { level }];
  return zipSync(out);
}

const cell = (xml: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`, 'u').exec(xml)?.[0] ?? '';

describe('1. the 1904 date system of workbooks saved by Excel 2013 and later', () => {
  const x15 =
    '<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">' +
    '<x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>';

  it('the sample ledger converted to 1904, with Excel’s x15:workbookPr, gives the findings of the original', async () => {
    const original = validateGrid(await readWorkbookFile(sample), { asOf });
    let shifted = 0;
    const bytes = editedSample((parts) => {
      const formats = styleFormats(parts['xl/styles.xml']);
      for (const name of Object.keys(parts).filter((n) => n.startsWith('xl/worksheets/sheet'))) {
        parts[name] = parts[name].replace(
          /(<c [^>]*?\bs="(\d+)"[^>]*>)<v>([\d.]+)<\/v>/gu,
          (whole, open: string, style: string, v: string) => {
            if (/\bt="/u.test(open) || !isDateFormat(formats[Number(style)] ?? '')) return whole;
            shifted++;
            return `${open}<v>${Number(v) - 1462}</v>`;
          },
        );
      }
      parts['xl/workbook.xml'] = parts['xl/workbook.xml']
        .replace('<workbookPr ', '<workbookPr date1904="1" ')
        .replace('</workbook>', `${x15}</workbook>`);
    });
    expect(shifted).toBeGreaterThan(50);
    const grid = await readWorkbookBytes(bytes, '示例台账.xlsx');
    expect(grid.date1904).toBe(true);
    const converted = validateGrid(grid, { asOf });
    expect(converted.findings).toEqual(original.findings);
    expect(converted.rules).toEqual(original.rules);
  });

  it('elements of other namespaces, prefixed or not, never set or reset the date system', async () => {
    const sheets = [{ name: '表', xml: '' }];
    expect((await read({ sheets, date1904: true, workbookTail: x15 })).date1904).toBe(true);
    const foreign = '<extLst><ext uri="x"><workbookPr xmlns="urn:other" date1904="1"/></ext></extLst>';
    expect((await read({ sheets, workbookTail: foreign })).date1904).toBe(false);
  });

  it('a prefixed root whose children use the same namespace as the default one', async () => {
    const files = unzipSync(rawWorkbook({ sheets: [{ name: '表', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }] }));
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    files['xl/workbook.xml'] = strToU8(
      `<x:workbook xmlns:x="${main}" xmlns="${main}" xmlns:r="${rel}" xmlns:x-15.a="urn:x15"><workbookPr date1904="1"/>` +
        `<x-15.a:workbookPr/><x:sheets><sheet name="表" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
    );
    const grid = await readWorkbookBytes(zipSync(files), '台账.xlsx');
    expect(grid.date1904).toBe(true);
    expect(grid.sheets.map((s) => s.values)).toEqual([[[1]]]);
  });
});

describe('1b. a root that binds the main namespace to a second prefix', () => {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const withWorkbook = (xml: string) => {
    const files = unzipSync(rawWorkbook({ sheets: [{ name: '表', xml: '<row r="1"><c r="A1" s="0"><v>0</v></c></row>' }] }));
    files['xl/workbook.xml'] = strToU8(xml);
    const bytes = zipSync(files);
    return { bytes, path: join(mkdtempSync(join(tmpdir(), 'taizhang-ns-')), '台账.xlsx') };
  };

  it('keeps the 1904 flag and the sheets of `<x:workbookPr>` and `<x:sheets>` under a default-namespace root, on both readers', async () => {
    const cases = [
      `<workbook xmlns="${main}" xmlns:x="${main}" xmlns:r="${rel}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="表" sheetId="1" r:id="rId1"/></x:sheets></workbook>`,
      `<workbook xmlns:x="${main}" xmlns="${main}" xmlns:r="${rel}"><x:workbookPr date1904="1"/><sheets><x:sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      `<x:workbook xmlns:y="${main}" xmlns:x="${main}" xmlns:r="${rel}"><y:workbookPr date1904="true"/><y:sheets><x:sheet name="表" sheetId="1" r:id="rId1"/></y:sheets></x:workbook>`,
    ];
    for (const xml of cases) {
      const { bytes, path } = withWorkbook(xml);
      writeFileSync(path, bytes);
      for (const grid of [await readWorkbookBytes(bytes, '台账.xlsx'), await readWorkbookFile(path)]) {
        expect(grid.date1904, xml).toBe(true);
        expect(
          grid.sheets.map((s) => [s.name, s.values]),
          xml,
        ).toEqual([['表', [[0]]]]);
      }
    }
  });

  it('a prefix bound to another namespace on the root still does not count', async () => {
    const xml = `<workbook xmlns="${main}" xmlns:x="urn:other" xmlns:r="${rel}"><x:workbookPr date1904="1"/><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const grid = await readWorkbookBytes(withWorkbook(xml).bytes, '台账.xlsx');
    expect(grid.date1904).toBe(false);
    expect(grid.sheets).toHaveLength(1);
  });
});

describe('2. damaged shared strings are a damaged file, not empty cells', () => {
  const strings = ['零', '壹'];

  it('an index beyond the table or no number at all names the sheet, the cell and the table', async () => {
    for (const v of ['2', '-1', 'abc', '1.5']) {
      const message = await refusal(
        read({ sheets: [{ name: '专题研究', xml: `<row r="3"><c r="B3" t="s"><v>${v}</v></c></row>` }], sharedStrings: strings }),
      );
      expect(message).toContain('台账.xlsx');
      expect(message).toContain('文件已损坏');
      expect(message).toContain('工作表“专题研究”的单元格 B3');
      expect(message).toContain('共享字符串表');
    }
  });

  it('a 0-byte table, and a table with an item it does not know', async () => {
    const xml = '<row r="1"><c r="A1"><v>1</v></c></row>';
    expect(await refusal(one(xml, { sharedStrings: '' }))).toMatch(/文件已损坏.*共享字符串表是空的/u);
    const odd = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>甲</t></si><item><t>乙</t></item></sst>';
    expect(await refusal(one(xml, { sharedStrings: odd }))).toMatch(/共享字符串表中有无法识别的条目 <item>/u);
  });

  it('the CLI prints the one-line message and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taizhang-sst-'));
    const file = join(dir, '坏台账.xlsx');
    writeFileSync(
      file,
      editedSample((parts) => (parts['xl/sharedStrings.xml'] = '')),
    );
    const run = taizhang(['validate', file, '--as-of', asOf]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(/^无法读取“坏台账\.xlsx”：文件已损坏.*共享字符串表是空的[^\n]*$/u);
  });
});

describe('3. built-in number format 22 is m/d/yy h:mm (ECMA-376 Part 1, 18.8.30)', () => {
  it('a 舆情 discovered at 00:00 in Excel’s default date-time format is a date-time, and R16 still judges it', async () => {
    const bytes = editedSample((parts) => {
      parts['xl/styles.xml'] = parts['xl/styles.xml']
        .replace('<cellXfs count="10">', '<cellXfs count="11">')
        .replace('</cellXfs>', '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>');
      const sheet = 'xl/worksheets/sheet10.xml';
      expect(cell(parts[sheet], 'D8')).toContain('46193.84375');
      // Discovered at midnight, reported five hours later: a 重大 event over the four-hour limit.
      parts[sheet] = parts[sheet]
        .replace(cell(parts[sheet], 'D8'), '<c r="D8" s="10"><v>46194</v></c>')
        .replace(cell(parts[sheet], 'E8'), '<c r="E8" s="10"><v>46194.125</v></c>')
        .replace(cell(parts[sheet], 'F8'), '<c r="F8" s="10"><v>46194.208333333336</v></c>');
    });
    const grid = await readWorkbookBytes(bytes, '示例台账.xlsx');
    expect(grid.sheets.find((s) => s.name === '舆情处置')?.numberFormats[7][3]).toBe('m/d/yy h:mm');
    const placed = validateGrid(grid, { asOf }).findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
    expect(placed).toContain('R16 舆情处置!F8');
    expect(placed.filter((p) => p.includes('舆情处置!D8') || p.includes('舆情处置!F8'))).toEqual(['R16 舆情处置!F8']);
  });
});

describe('4. t="str" and t="d" cached values', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it('decodes _xHHHH_ in formula string results', async () => {
    const sheet = await one('<row r="1"><c r="A1" t="str"><f>A2&amp;CHAR(13)</f><v>第一行_x000D_第二行_x005F_x</v></c></row>');
    expect(sheet.values).toEqual([['第一行\r第二行_x']]);
  });

  it('reads dates, date-times and times alone as written, whatever zone the machine is in', async () => {
    process.env.TZ = 'Asia/Shanghai';
    const forms = ['2026-03-05', '2026-03-05T14:30:00', '2026-03-05T14:30:00Z', '2026-03-05T14:30:00.000+08:00', '2026-03-05 14:30'];
    const times = ['14:30:00', 'T14:30', '00:00:00'];
    const rest = ['2026/03/05', '2026-02-30', '25:00:00', '明天'];
    const all = [...forms, ...times, ...rest];
    const xml = `<row r="1">${all.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1" t="d"><v>${v}</v></c>`).join('')}</row>`;
    const sheet = await one(xml);
    const noon = 46086 + 14.5 / 24;
    expect(sheet.values[0].slice(0, forms.length)).toEqual([46086, noon, noon, noon, noon]);
    expect(sheet.values[0].slice(forms.length, forms.length + times.length)).toEqual([14.5 / 24, 14.5 / 24, 0]);
    expect(sheet.values[0].slice(forms.length + times.length)).toEqual(rest);
    expect(sheet.numberFormats[0].slice(0, 5 + 3)).toEqual([
      'yyyy-mm-dd',
      ...Array(4).fill('yyyy-mm-dd hh:mm:ss'),
      'hh:mm:ss',
      'hh:mm:ss',
      'hh:mm:ss',
    ]);
    const mac = await read({
      sheets: [{ name: '表', xml: '<row r="1"><c r="A1" t="d"><v>2026-03-05</v></c><c r="B1" t="d"><v>12:00</v></c></row>' }],
      date1904: true,
    });
    expect(mac.sheets[0].values).toEqual([[46086 - 1462, 0.5]]);
  });
});

describe('5. Excel’s 1900 leap-year bug', () => {
  it('serials 1–59 are 1900-01-01 to 1900-02-28, 60 is the 1900-02-29 that never was, 61 is 1900-03-01', () => {
    expect(fromSerial(1, false)?.date.toString()).toBe('1900-01-01');
    expect(fromSerial(59, false)?.date.toString()).toBe('1900-02-28');
    expect(fromSerial(59.5, false)?.time.toString()).toBe('12:00:00');
    expect(fromSerial(60, false)).toBeNull();
    expect(fromSerial(61, false)?.date.toString()).toBe('1900-03-01');
    expect(fromSerial(1, true)?.date.toString()).toBe('1904-01-02');
    // Serial 0 is the first day of the 1904 system; the 1900 system has no day 0 (Excel shows 1900-01-00).
    expect(fromSerial(0, true)?.date.toString()).toBe('1904-01-01');
    expect(fromSerial(0.5, true)?.time.toString()).toBe('12:00:00');
    expect(fromSerial(0, false)).toBeNull();
    expect(fromSerial(-1, true)).toBeNull();
    expect([toSerial('1900-01-01'), toSerial('1900-02-28'), toSerial('1900-03-01'), toSerial('2026-03-05')]).toEqual([1, 59, 61, 46086]);
  });

  it('t="d" dates before March 1900 get the serials Excel gives them', async () => {
    const sheet = await one(
      '<row r="1"><c r="A1" t="d"><v>1900-01-01</v></c><c r="B1" t="d"><v>1900-02-28</v></c><c r="C1" t="d"><v>1900-03-01</v></c></row>',
    );
    expect(sheet.values).toEqual([[1, 59, 61]]);
  });
});

/** Offset of `text` in the zip's bytes, as a part stored uncompressed holds it. */
function offsetOf(bytes: Uint8Array, text: string, from = 0): number {
  return Buffer.from(bytes).indexOf(Buffer.from(text, 'utf8'), from);
}

describe('6. what the zip and the encodings say is checked, naming the part', () => {
  it('an entry whose CRC-32 does not match its content', async () => {
    const bytes = editedSample(() => undefined, 0);
    const at = offsetOf(bytes, '<c r="D8" s="9"><v>46193.84375</v>');
    expect(at).toBeGreaterThan(0);
    bytes[at + '<c r="D8" s="9"><v>'.length] = '5'.charCodeAt(0);
    const message = await refusal(readWorkbookFile(writeTemp('改过.xlsx', bytes)));
    expect(message).toContain('“改过.xlsx”');
    expect(message).toContain('工作表“舆情处置”的校验值（CRC-32）不符');
    expect(await refusal(readWorkbookBytes(bytes, '改过.xlsx'))).toContain('工作表“舆情处置”的校验值（CRC-32）不符');
  });

  it('a part declared in GBK, and a part whose bytes are not UTF-8', async () => {
    // 中文 in GBK is D6 D0 CE C4, which is no UTF-8.
    const gbk = (declaration: string) => {
      const head = strToU8(`<?xml version="1.0"${declaration}?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`);
      const tail = strToU8('</t></is></c></row></sheetData></worksheet>');
      return new Uint8Array([...head, 0xd6, 0xd0, 0xce, 0xc4, ...tail]);
    };
    const withSheet = (sheet: Uint8Array<ArrayBuffer>) => {
      const files = unzipSync(rawWorkbook({ sheets: [{ name: '学习培训', xml: '' }] }));
      files['xl/worksheets/sheet1.xml'] = sheet;
      return zipSync(files);
    };
    expect(await refusal(readWorkbookBytes(withSheet(gbk(' encoding="GBK"')), '台账.xlsx'))).toMatch(
      /“台账\.xlsx”.*文件已损坏.*工作表“学习培训”使用 GBK 编码，只支持 UTF-8 和 UTF-16/u,
    );
    expect(await refusal(readWorkbookBytes(withSheet(gbk('')), '台账.xlsx'))).toContain('工作表“学习培训”含有不符合 UTF-8 编码的字节');
  });

  it('two entries of one name, exactly or but for case', async () => {
    const twice = (other: string) => {
      const files = unzipSync(rawWorkbook({ sheets: [{ name: '表', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }] }));
      files[other] = strToU8('<worksheet><sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>');
      return zipSync(files);
    };
    expect(await refusal(readWorkbookBytes(twice('xl/worksheets/Sheet1.xml'), '台账.xlsx'))).toMatch(
      /两个同名的部件“xl\/worksheets\/(S|s)heet1\.xml”/u,
    );
    // The same name twice: a second entry renamed in place, in its local header and in the directory.
    const bytes = twice('xl/worksheets/sheet9.xml');
    for (let at = offsetOf(bytes, 'xl/worksheets/sheet9.xml'); at >= 0; at = offsetOf(bytes, 'xl/worksheets/sheet9.xml', at + 1)) {
      bytes[at + 'xl/worksheets/sheet'.length] = '1'.charCodeAt(0);
    }
    expect(await refusal(readWorkbookBytes(bytes, '台账.xlsx'))).toContain('两个同名的部件“xl/worksheets/sheet1.xml”');
  });
});

const temp = mkdtempSync(join(tmpdir(), 'taizhang-exact-'));
function writeTemp(name: string, bytes: Uint8Array): string {
  const path = join(temp, name);
  writeFileSync(path, bytes);
  return path;
}

describe('7. budgets that cost what they guard', () => {
  it('ten sheets each with one value in Excel’s last row read whole, their empty rows sharing one row', async () => {
    const sheets = Array.from({ length: 10 }, (_, i) => ({
      name: `表${i + 1}`,
      xml: `<row r="1"><c r="A1"><v>${i}</v></c></row><row r="1048576"><c r="B1048576"><v>${i + 100}</v></c></row>`,
    }));
    const grid = await read({ sheets });
    expect(grid.sheets).toHaveLength(10);
    for (const [i, sheet] of grid.sheets.entries()) {
      expect(sheet.values).toHaveLength(1_048_576);
      expect(sheet.values[0]).toEqual([i]);
      expect(sheet.values[1_048_575]).toEqual([null, i + 100]);
      expect(sheet.values[500_000]).toEqual([]);
      expect(new Set(sheet.values).size).toBe(3);
      expect(new Set(sheet.numberFormats).size).toBe(3);
    }
  });

  it('a 0.5 MB file declaring 2 × 255 MB of XML is refused before a byte of it is inflated', async () => {
    const bytes = new Uint8Array(readFileSync('test/fixtures/declared-bomb.xlsx'));
    expect(bytes.length).toBeLessThan(600_000);
    const inflated: number[] = [];
    const watching: Unzipper = {
      inflate: (data, size) => {
        inflated.push(size);
        return portableUnzipper.inflate(data, size);
      },
      crc32: portableUnzipper.crc32,
    };
    const message = await refusal(readWorkbookWith(bytes, 'declared-bomb.xlsx', watching, portableUtf8));
    expect(message).toMatch(/“declared-bomb\.xlsx”.*工作表“专题研究”的压缩比异常.*255 MB/u);
    expect(Math.max(...inflated)).toBeLessThan(1024 * 1024);
    expect(await refusal(readWorkbookFile('test/fixtures/declared-bomb.xlsx'))).toBe(message);
  });
});

describe('8. a sheet listed with an empty r:id', () => {
  it('is skipped with a note, and the rest is read', async () => {
    const grid = await read({
      sheets: [
        { name: '专题研究', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: '幽灵', xml: '', rid: '' },
        { name: '学习培训', xml: '<row r="1"><c r="A1"><v>2</v></c></row>' },
      ],
    });
    expect(grid.sheets.map((s) => [s.name, s.values])).toEqual([
      ['专题研究', [[1]]],
      ['学习培训', [[2]]],
    ]);
    expect(grid.notes).toEqual(['工作簿中的工作表“幽灵”没有指向任何内容，已跳过。']);
  });

  it('the clerk is told of the skipped sheet in the text and the JSON of validate', () => {
    const bytes = editedSample((parts) => {
      parts['xl/workbook.xml'] = parts['xl/workbook.xml'].replace('</sheets>', '<sheet name="幽灵" sheetId="99" r:id=""/></sheets>');
    });
    const file = join(mkdtempSync(join(tmpdir(), 'taizhang-rid-')), '空引用.xlsx');
    writeFileSync(file, bytes);
    const note = '工作簿中的工作表“幽灵”没有指向任何内容，已跳过。';
    expect(taizhang(['validate', file, '--as-of', asOf]).stdout).toContain(`注意：${note}`);
    const json = JSON.parse(taizhang(['validate', file, '--as-of', asOf, '--format', 'json']).stdout) as { notes?: string[] };
    expect(json.notes).toEqual([note]);
    expect(JSON.parse(taizhang(['validate', sample, '--as-of', asOf, '--format', 'json']).stdout)).not.toHaveProperty('notes');
  });
});
