import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../ledger/grid/types';
import { columnConverter, convertCell } from '../../ledger/normalise/convert';
import { fieldsOf } from '../../ledger/schema/fields';
import { recordSheetKeys, recordSheets } from '../../ledger/schema/sheets';

const fields = recordSheetKeys.flatMap((key) => fieldsOf(recordSheets[key].schema));

/** Cells as ledgers hold them, few enough that a column repeats them, as a year of records does. */
const cells: CellValue[] = [
  46100,
  46100.5,
  46100,
  0.25,
  6.18,
  '2026-03-05',
  '2026年3月5日14时30分',
  '3月下旬',
  '2026Q3',
  '上半年',
  '是',
  '√',
  '否',
  '重大',
  '抽查',
  '定期检查',
  '听取汇报、查阅资料',
  '30人',
  '三十',
  true,
  false,
  '#REF!',
  '2026年13月1日',
];
const formats = ['', 'General', 'yyyy-mm-dd', 'yyyy-mm-dd hh:mm', 'm/d/yy h:mm', '0.00'];

describe('columnConverter', () => {
  it('reads every cell of a column as convertCell does, repeated cells and number formats included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fields),
        fc.array(fc.tuple(fc.constantFrom(...cells), fc.constantFrom(...formats)), { maxLength: 60 }),
        fc.boolean(),
        (field, column, date1904) => {
          const ctx = { year: 2026, date1904 };
          const convert = columnConverter(field, ctx);
          for (const [value, format] of column) expect(convert(value, format)).toEqual(convertCell(field, value, format, ctx));
        },
      ),
    );
  });
});
