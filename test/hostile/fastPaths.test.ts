import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellAddress } from '../../ledger/grid/address';
import type { CellValue } from '../../ledger/grid/types';
import type { SheetContext } from '../../ledger/read/cellValue';
import { portableUtf8, type Utf8Decoder } from '../../ledger/read/decode';
import { tooManyCells, tooManyRows } from '../../ledger/read/problems';
import { sharedStrings } from '../../ledger/read/sharedStrings';
import { SheetCells } from '../../ledger/read/sheetCells';
import { nodeUtf8 } from '../../ledger/read/workbookFile';
import { worksheetGrid } from '../../ledger/read/worksheet';

/**
 * The reader's fast paths hold to the general ones: the cell loop of commonCells.ts to the scanner's,
 * the plain shared strings to stringItem, the decoders to a fatal TextDecoder. The XML is drawn from the
 * common forms most of the time and from every odd one XML allows the rest, so that each fast path both
 * runs and hands over mid-part.
 */
const often = <T>(common: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: common, weight: 3 }, { arbitrary: odd, weight: 1 });

const quote = often(fc.constant('"'), fc.constant("'"));
const gap = often(fc.constant(' '), fc.constantFrom('  ', '\n', '\t', ' \r\n '));
const attribute = (name: string, value: string) => fc.tuple(gap, quote).map(([g, q]) => `${g}${name}=${q}${value}${q}`);

const address = often(
  fc.tuple(fc.constantFrom('A', 'B', 'C', 'E', 'Z', 'AA', 'XFD'), fc.integer({ min: 1, max: 30 })).map(([c, r]) => `${c}${r}`),
  fc.constantFrom('b2', 'A0', 'A01', 'XFE1', 'A1048577', 'A1048576', '$A$1', 'A', '1', '', 'AAAA1', 'A1&#x30;', 'A12345678'),
);
const type = often(fc.constantFrom('s', 's', 'n'), fc.constantFrom('b', 'e', 'str', 'd', 'inlineStr', 'S', '', 'x&amp;'));
const style = often(fc.constantFrom('0', '1', '2'), fc.constantFrom('3', '9', '', '-1', '01', '1.5', ' 1', '-0', '1234567890'));
const value = often(
  fc.constantFrom('0', '1', '2', '3', '46263', '46263.66666666667'),
  fc.constantFrom(
    '',
    ' 1',
    '007',
    '5',
    '12',
    '-3',
    '1e3',
    'TRUE',
    'true',
    '#N/A',
    '2026-03-05',
    '2026-03-05T14:30:00',
    'abc',
    '&amp;1',
    '1&#x32;',
    'a\r\nb',
    '_x000D_',
    '99999999999',
    '123456789012345',
    '1234567890123456',
    '<![CDATA[4]]>',
  ),
);
const content = often(
  fc.oneof(
    fc.constant('/>'),
    fc.constant('></c>'),
    value.map((v) => `><v>${v}</v></c>`),
  ),
  fc.oneof(
    value.map((v) => `><f>SUM(A1:A2)</f><v>${v}</v></c>`),
    value.map((v) => `><is><t>${v}</t></is></c>`),
    value.map((v) => `><v>${v}</v><extLst/></c>`),
    value.map((v) => `><v>${v}</v>\n</c>`),
    value.map((v) => `><!-- x --><v>${v}</v></c>`),
    fc.constant(' />'),
    fc.constant('><v/></c>'),
  ),
);

/** A cell in the form Excel writes, but for its value, which may be anything. */
const plainCell = fc
  .record({
    address: fc.tuple(fc.constantFrom('A', 'B', 'C', 'AA'), fc.integer({ min: 1, max: 30 })).map(([c, r]) => `${c}${r}`),
    style: fc.option(fc.constantFrom('0', '1', '2', '7')),
    type: fc.option(fc.constantFrom('s', 'n', 'b', 'str', 'd', 'e')),
    extra: often(fc.constant(''), fc.constantFrom(' t="n"', ' s="2"', ' t="s"', ' r="C3"', ' cm="1"')),
    content: fc.oneof(
      fc.constant('/>'),
      fc.constant('></c>'),
      value.map((v) => `><v>${v}</v></c>`),
    ),
  })
  .map(
    ({ address: a, style: s, type: t, extra, content: tail }) =>
      `<c r="${a}"${s === null ? '' : ` s="${s}"`}${t === null ? '' : ` t="${t}"`}${extra}${tail}`,
  );

const wildCell = fc
  .record({
    prefix: often(fc.constant(''), fc.constant('x:')),
    attrs: fc.tuple(
      fc.option(
        address.chain((a) => attribute('r', a)),
        { freq: 8 },
      ),
      fc.option(style.chain((s) => attribute('s', s))),
      fc.option(type.chain((t) => attribute('t', t))),
      often(fc.constant(null), fc.constantFrom(' cm="1"', ' x:r="B3"', ' vm="1"', ' s="1"', ' r="C3"')),
    ),
    order: often(fc.constant(false), fc.constant(true)),
    content,
  })
  .map(({ prefix, attrs, order, content: tail }) => {
    const present = attrs.filter((a): a is string => a !== null);
    const open = order ? [...present].reverse() : present;
    const end = tail.startsWith('/') || tail.startsWith(' /') ? tail : tail.replace('</c>', `</${prefix}c>`);
    return `<${prefix}c${open.join('')}${end}`;
  });

const cell = fc.oneof({ arbitrary: plainCell, weight: 3 }, { arbitrary: wildCell, weight: 2 });

const row = fc
  .record({
    open: often(
      fc.integer({ min: 1, max: 30 }).map((r) => `<row r="${r}" spans="1:5">`),
      fc.constantFrom(
        '<row>',
        '<row r="0">',
        '<row r="9a">',
        '<row r="">',
        '<row r="0012">',
        '<row r="1234567890">',
        '<row r="3"/>',
        "<row r='4'>",
        '<row spans="1:2" r="5">',
        '<row r="6" x="a>b">',
        '<x:row r="7">',
        '<row  r="8">',
      ),
    ),
    cells: fc.array(cell, { maxLength: 8 }),
    close: often(fc.constant('</row>'), fc.constantFrom('</row >', '', '\n</row>', '<!-- </row> -->')),
  })
  .map(({ open, cells, close }) => `${open}${cells.join('')}${close}`);

const sheet = fc
  .tuple(fc.array(row, { maxLength: 8 }), fc.constantFrom('', '<!-- <c r="A1"><v>1</v></c> -->', '<?pi x?>', '\n'))
  .map(
    ([rows, noise]) =>
      `<worksheet><sheetData>${noise}${rows.join(noise)}</sheetData><mergeCells><mergeCell ref="A1:B2"/></mergeCells></worksheet>`,
  );

function readSheet(xml: string, cells: number, fast: boolean) {
  const ctx: SheetContext = {
    file: '台账.xlsx',
    strings: ['项目', '内容', '', ' 张建国 '],
    formats: ['', 'yyyy-mm-dd', 'yyyy-mm-dd hh:mm'],
    date1904: false,
    budget: { cells, rows: 40 },
  };
  try {
    return { grid: worksheetGrid(xml, '学习培训', ctx, fast), budget: ctx.budget };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('the fast paths give what the general ones give', () => {
  it('cells of every form, in the fast loop and the scanner alike', () => {
    fc.assert(
      fc.property(sheet, fc.constantFrom(10, 40, 10_000), fc.option(fc.nat()), (whole, cells, cut) => {
        // A part cut short anywhere, as a damaged file holds it.
        const xml = cut === null ? whole : whole.slice(0, cut % (whole.length + 1));
        expect(readSheet(xml, cells, true)).toStrictEqual(readSheet(xml, cells, false));
      }),
      { numRuns: 3000, seed: 20260721 },
    );
  });

  it('a sheet as Excel writes it', () => {
    const xml =
      '<worksheet><sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>46263</v></c>' +
      '<c r="C1" s="2"><v>46263.5</v></c><c r="D1" s="1"/></row><row r="3"><c r="B3" t="s"><v>3</v></c></row></sheetData></worksheet>';
    const read = readSheet(xml, 100, true);
    expect(read).toStrictEqual(readSheet(xml, 100, false));
    expect(read.grid?.values).toStrictEqual([['项目', 46263, 46263.5], [], [null, ' 张建国 ']]);
  });

  const text = often(
    fc.constantFrom('项目', '张建国、李明华', 'a b', ''),
    fc.constantFrom('&lt;x&gt;', 'a\r\nb', '_x000D_', '&#x4E2D;', '<![CDATA[<b>]]>', ' '),
  );
  const item = often(
    fc.oneof(
      text.map((t) => `<si><t>${t}</t></si>`),
      text.map((t) => `<si><t xml:space="preserve">${t}</t></si>`),
    ),
    fc.oneof(
      fc.tuple(text, text).map(([a, b]) => `<si><r><rPr><b/></rPr><t>${a}</t></r><r><t>${b}</t></r></si>`),
      fc.tuple(text, text).map(([a, b]) => `<si><t>${a}</t><rPh sb="0" eb="1"><t>${b}</t></rPh></si>`),
      text.map((t) => `<x:si><x:t>${t}</x:t></x:si>`),
      text.map((t) => `<si><t xml:space='preserve'>${t}</t></si>`),
      text.map((t) => `<si>\n<t>${t}</t>\n</si>`),
      fc.constantFrom('<si/>', '<si><t/></si>', '<si></si>', '<extLst><ext/></extLst>', '<foo/>', '<!-- <si><t>x</t></si> -->'),
    ),
  );

  it('shared strings of every form', () => {
    const read = (xml: string, fast: boolean) => {
      try {
        return sharedStrings(xml, '台账.xlsx', fast);
      } catch (error) {
        return (error as Error).message;
      }
    };
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), fc.constantFrom('', '\n'), (items, gapText) => {
        const xml = `<?xml version="1.0"?><sst count="${items.length}">${gapText}${items.join(gapText)}</sst>`;
        expect(read(xml, true)).toStrictEqual(read(xml, false));
      }),
      { numRuns: 2000, seed: 20260722 },
    );
  });

  const fatal = (bytes: Uint8Array) => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  };
  const bytes = fc.oneof(
    fc.string({ unit: 'binary' }).map((s) => new TextEncoder().encode(s)),
    fc.string({ unit: 'grapheme-ascii' }).map((s) => new TextEncoder().encode(s)),
    fc.string({ unit: 'binary' }).map((s) => new TextEncoder().encode(`\uFEFF${s}`)),
    fc.string({ unit: 'grapheme-ascii' }).map((s) => new TextEncoder().encode(`\uFEFF\uFEFF${s}`)),
    fc.uint8Array({ maxLength: 40 }),
    fc
      .tuple(fc.string({ unit: 'grapheme-ascii' }), fc.uint8Array({ minLength: 1, maxLength: 3 }))
      .map(([s, tail]) => new Uint8Array([...new TextEncoder().encode(s), ...tail])),
  );
  const decoders: Array<[string, Utf8Decoder]> = [
    ['portable', portableUtf8],
    ['Node', nodeUtf8],
  ];
  for (const [name, decode] of decoders) {
    it(`the ${name} UTF-8 decoder reads what a fatal TextDecoder reads, and refuses what it refuses`, () => {
      fc.assert(
        fc.property(bytes, (b) => {
          expect(decode(b)).toBe(fatal(b));
        }),
        { numRuns: 3000, seed: 20260723 },
      );
    });
  }

  /** The grid as the reader built it before rows were copied out at their exact length: arrays grown in place. */
  function grownInPlace(puts: Array<[number, number, CellValue, string]>, ctx: SheetContext) {
    const values: CellValue[][] = [];
    const numberFormats: string[][] = [];
    const noValues: CellValue[] = [];
    const noFormats: string[] = [];
    for (const [row, column, value, format] of puts) {
      let rowValues = values[row - 1];
      let rowFormats = numberFormats[row - 1];
      if (rowValues === undefined || rowFormats === undefined || rowValues === noValues) {
        if (row > values.length) {
          ctx.budget.rows -= row - values.length;
          if (ctx.budget.rows < 0) throw tooManyRows(ctx.file, '学习培训', row);
        }
        const filled = values.length;
        if (filled < row - 1) {
          values.length = numberFormats.length = row - 1;
          values.fill(noValues, filled);
          numberFormats.fill(noFormats, filled);
        }
        rowValues = values[row - 1] = [];
        rowFormats = numberFormats[row - 1] = [];
      }
      if (column <= rowValues.length) {
        rowValues[column - 1] = value;
        rowFormats[column - 1] = format;
        continue;
      }
      ctx.budget.cells -= column - rowValues.length;
      if (ctx.budget.cells < 0) throw tooManyCells(ctx.file, '学习培训', cellAddress(row, column));
      while (rowValues.length < column - 1) {
        rowValues.push(null);
        rowFormats.push('');
      }
      rowValues.push(value);
      rowFormats.push(format);
    }
    return { values, numberFormats };
  }

  it('rows copied out at their exact length, sharing equal format rows, hold what rows grown in place held', () => {
    const put = fc.tuple(
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 1, max: 8 }),
      fc.constantFrom<CellValue>('项目', 1, 46263.5, true),
      fc.constantFrom('', 'yyyy-mm-dd', '0.00'),
    );
    const run = (puts: Array<[number, number, CellValue, string]>, cells: number, rows: number, exact: boolean) => {
      const ctx: SheetContext = { file: '台账.xlsx', strings: [], formats: [], date1904: false, budget: { cells, rows } };
      try {
        if (!exact) return { grid: grownInPlace(puts, ctx), budget: ctx.budget };
        const sheet = new SheetCells('学习培训', ctx);
        for (const [row, column, value, format] of puts) {
          sheet.row = row;
          sheet.column = column;
          sheet.put(value, format);
        }
        return { grid: sheet.grid(), budget: ctx.budget };
      } catch (error) {
        return { error: (error as Error).message };
      }
    };
    fc.assert(
      fc.property(fc.array(put, { maxLength: 40 }), fc.constantFrom(8, 20, 1000), fc.constantFrom(3, 100), (puts, cells, rows) => {
        expect(run(puts, cells, rows, true)).toStrictEqual(run(puts, cells, rows, false));
      }),
      { numRuns: 3000, seed: 20260724 },
    );
  });
});
