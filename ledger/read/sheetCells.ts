import { cellAddress } from '../grid/address';
import type { CellValue } from '../grid/types';
import type { SheetContext } from './cellValue';
import { tooManyCells, tooManyRows } from './problems';

/**
 * One sheet's grid as its cells arrive in document order. Rows and cells that hold no value cost
 * nothing, however many formatted empty ones the part declares. Each cell of a row up to its last filled
 * one counts against the workbook's cell budget; each row up to the last filled one against its row
 * budget, and the rows without a value all share one empty row, so a stray value in Excel's last row
 * costs two slots a row.
 */
export class SheetCells {
  readonly values: CellValue[][] = [];
  readonly numberFormats: string[][] = [];
  /** Where the reading stands: the cell last read, or the row last opened with column 0. */
  row = 0;
  column = 0;
  private readonly noValues: CellValue[] = [];
  private readonly noFormats: string[] = [];

  constructor(
    readonly name: string,
    readonly ctx: SheetContext,
  ) {}

  /** The value and number format of the cell at the current position. */
  put(value: CellValue, format: string): void {
    const { row, column, values, numberFormats, ctx } = this;
    let rowValues = values[row - 1];
    let rowFormats = numberFormats[row - 1];
    if (rowValues === undefined || rowValues === this.noValues) {
      if (row > values.length) {
        ctx.budget.rows -= row - values.length;
        if (ctx.budget.rows < 0) throw tooManyRows(ctx.file, this.name, row);
      }
      const filled = values.length;
      if (filled < row - 1) {
        values.length = numberFormats.length = row - 1;
        values.fill(this.noValues, filled);
        numberFormats.fill(this.noFormats, filled);
      }
      rowValues = values[row - 1] = [];
      rowFormats = numberFormats[row - 1] = [];
    }
    if (column <= rowValues.length) {
      rowValues[column - 1] = value;
      rowFormats[column - 1] = format;
      return;
    }
    ctx.budget.cells -= column - rowValues.length;
    if (ctx.budget.cells < 0) throw tooManyCells(ctx.file, this.name, cellAddress(row, column));
    while (rowValues.length < column - 1) {
      rowValues.push(null);
      rowFormats.push('');
    }
    rowValues.push(value);
    rowFormats.push(format);
  }
}
