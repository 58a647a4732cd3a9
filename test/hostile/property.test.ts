import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LedgerReadError } from '../../ledger/errors';
import { columnNumber } from '../../ledger/grid/address';
import type { CellValue, MergedRange, SheetGrid, WorkbookGrid } from '../../ledger/grid/types';
import { fieldsOf } from '../../ledger/schema/fields';
import { settings, settingsSheetTitle } from '../../ledger/schema/settings';
import { recordSheets } from '../../ledger/schema/sheets';
import { foldSheetName } from '../../ledger/text/fold';
import { validateGrid } from '../../ledger/validate';

/**
 * Random grids — random values and types, number formats, merges, header rows in random places — go
 * through normalise and check. Whatever they hold, validation must not throw (other than the one
 * LedgerReadError for a workbook with no ledger sheet at all), and every finding must point at a cell
 * that exists: on a sheet of the workbook, inside Excel's sheet.
 */
const sheetTitles = [settingsSheetTitle, ...Object.values(recordSheets).map((s) => s.title)];
const fieldsBySheet = new Map<string, string[]>([
  [settingsSheetTitle, ['项目', '内容']],
  ...Object.values(recordSheets).map((s): [string, string[]] => [s.title, fieldsOf(s.schema).flatMap((f) => [f.name, ...f.synonyms])]),
]);
const settingKeys = fieldsOf(settings).flatMap((f) => [f.name, ...f.synonyms]);

/** What clerks type into ledgers, right and wrong. */
const vocabulary = [
  ...settingKeys,
  ...[...fieldsBySheet.values()].flat(),
  ...Object.values(recordSheets).flatMap((s) => fieldsOf(s.schema).flatMap((f) => [...(f.values ?? [])])),
  '2026',
  '县XX局',
  '张建国',
  '张建国、李明华',
  '办公室',
  '第一党支部',
  '机关党总支',
  '股室',
  '党支部',
  '2026-03-05',
  '2026/3/5',
  '2026.3.5',
  '2026年3月5日',
  '3月5日',
  '2026年3月5日14时30分',
  '2026-03-05 14:30',
  '2026年13月1日',
  '2026-02-30',
  '25:61',
  '2026Q3',
  '2026年第三季度',
  '三季度',
  'Q5',
  '上半年',
  '2026H3',
  '是',
  '否',
  '√',
  '×',
  '听取汇报、查阅资料',
  '抽查',
  '#REF!',
  '#N/A',
  '#DIV/0!',
  '=SUM(A1:A3)',
  '+1',
  '-',
  '@x',
  '序号',
  '（必填）',
  '专题研究.主持人=主持人员；检查抽查.检查人=检查组',
  '不存在.字段=列',
  '季度',
  '半年',
  '15',
  '-3',
  '1e9',
  '',
  ' ',
  '\n',
];

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 6, arbitrary: fc.constantFrom(...vocabulary) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12, unit: 'grapheme' }) },
  { weight: 2, arbitrary: fc.integer({ min: -10, max: 3_000_000 }) },
  { weight: 2, arbitrary: fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom(46086, 46086.6041666, 46300.999, 0, 1, 2958465, 2958466, -0) },
  { weight: 1, arbitrary: fc.boolean() },
);

const numberFormat = fc.oneof(
  fc.constantFrom(
    '',
    'General',
    'yyyy-mm-dd',
    'yyyy-mm-dd hh:mm',
    'yyyy"年"m"月"d"日"',
    'm"月"d"日"',
    'h"时"mm"分"',
    '@',
    '0.00',
    '[h]:mm:ss',
    '[Red]0;"-"',
  ),
  fc.string({ maxLength: 8 }),
);

const sheetName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...sheetTitles) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('1.', '一、', '（一）', '(1)', ' ', '１．'), fc.constantFrom(...sheetTitles))
      .map(([a, b]) => a + b),
  },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 10 }) },
);

const merge: fc.Arbitrary<MergedRange> = fc
  .record({
    top: fc.integer({ min: 1, max: 16 }),
    left: fc.integer({ min: 1, max: 14 }),
    height: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(1_048_575)),
    width: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(16_383)),
  })
  .map(({ top, left, height, width }) => ({ top, left, bottom: Math.min(top + height, 1_048_576), right: Math.min(left + width, 16_384) }));

/** The sheet's own field names in order, as the template writes them (none for an unknown sheet). */
function canonicalHeaders(name: string): string[] {
  const title = sheetTitles.find((t) => foldSheetName(t) === foldSheetName(name));
  if (title === settingsSheetTitle) return ['项目', '内容'];
  const sheet = Object.values(recordSheets).find((s) => s.title === title);
  return sheet ? fieldsOf(sheet.schema).map((f) => f.name) : [];
}

/** A sheet: random rows, a header row (of this sheet's headers, or any) somewhere in it, merges. */
function sheet(name: string): fc.Arbitrary<SheetGrid> {
  const headers = fieldsBySheet.get(sheetTitles.find((t) => foldSheetName(t) === foldSheetName(name)) ?? '') ?? vocabulary;
  return fc
    .record({
      rows: fc.array(fc.array(fc.tuple(cellValue, numberFormat), { maxLength: 12 }), { maxLength: 16 }),
      headerAt: fc.integer({ min: 0, max: 12 }),
      headerOffset: fc.integer({ min: 0, max: 3 }),
      header: fc.oneof(fc.constant(canonicalHeaders(name)), fc.shuffledSubarray(headers, { minLength: 0, maxLength: headers.length })),
      merges: fc.array(merge, { maxLength: 4 }),
    })
    .map(({ rows, headerAt, headerOffset, header, merges }) => {
      const grid = rows.map((row) => row.map(([v]) => v));
      const formats = rows.map((row) => row.map(([, f]) => f));
      while (grid.length <= headerAt) {
        grid.push([]);
        formats.push([]);
      }
      grid[headerAt] = [...Array<CellValue>(headerOffset).fill(null), ...header];
      formats[headerAt] = grid[headerAt].map(() => '');
      // The grid is dense, as both readers hand it over.
      const width = Math.max(0, ...grid.map((r) => r.length));
      return {
        name,
        origin: { row: 1, column: 1 },
        values: grid.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null)),
        numberFormats: formats.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? '')),
        merges,
      };
    });
}

const workbook: fc.Arbitrary<WorkbookGrid> = fc
  .record({
    names: fc.uniqueArray(sheetName, { minLength: 1, maxLength: 8 }),
    date1904: fc.boolean(),
  })
  .chain(({ names, date1904 }) =>
    fc.tuple(...names.map(sheet)).map((sheets): WorkbookGrid => ({ name: '随机台账.xlsx', date1904, sheets })),
  );

const asOf = fc
  .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const isLedgerSheet = (name: string) => sheetTitles.some((t) => foldSheetName(t) === foldSheetName(name));

describe('random grids through normalise and check', () => {
  it('never throw, and every finding points at a cell that exists', () => {
    fc.assert(
      fc.property(workbook, asOf, (grid, date) => {
        let result;
        try {
          result = validateGrid(grid, { asOf: date });
        } catch (error) {
          // The only refusal: not a single ledger sheet in the workbook.
          if (error instanceof LedgerReadError && !grid.sheets.some((s) => isLedgerSheet(s.name))) return;
          throw error;
        }
        const names = new Set(grid.sheets.map((s) => s.name));
        for (const f of result.findings) {
          const where = `${f.rule} “${f.sheet}”!${f.cell}`;
          expect(names.has(f.sheet), where).toBe(true);
          expect(Number.isInteger(f.row) && f.row >= 1 && f.row <= 1_048_576, where).toBe(true);
          expect(/^[A-Z]{1,3}$/u.test(f.column) && columnNumber(f.column) <= 16_384, where).toBe(true);
          expect(f.cell, where).toBe(`${f.column}${f.row}`);
          expect(f.message, where).toMatch(/[\u4e00-\u9fff]/u);
          expect(['error', 'warning', 'info'], where).toContain(f.severity);
        }
      }),
      { numRuns: 400, seed: 20260720 },
    );
  });
});
