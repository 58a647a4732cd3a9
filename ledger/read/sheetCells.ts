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
 *
 * The row being filled grows in a scratch pair of arrays and is copied out at its exact length once the
 * cells move on to another row: arrays grown a cell at a time keep room for 16 or more, and at 100,000
 * rows that spare room was a third of the grid's memory and of the garbage collector's work. A row's
 * number formats are mostly those of the row before, and then are that row's very array: rows of a grid
 * are only ever read (the empty rows already share one array).
 */
export class SheetCells {
  private readonly rows: CellValue[][] = [];
  private readonly formats: string[][] = [];
  /** Where the reading stands: the cell last read, or the row last opened with column 0. */
  row = 0;
  column = 0;
  private readonly noValues: CellValue[] = [];
  private readonly noFormats: string[] = [];
  /** The row, counted from 1, whose arrays `openValues` and `openFormats` are; 0 for none. */
  private open = 0;
  private openValues: CellValue[] = [];
  private openFormats: string[] = [];
  private readonly scratchValues: CellValue[] = [];
  private readonly scratchFormats: string[] = [];
  private lastFormats: string[] = [];
  /** Format rows of rows carried on after they were closed: copied once, then this row's own. */
  private readonly ownFormats = new Set<string[]>();

  constructor(
    readonly name: string,
    readonly ctx: SheetContext,
  ) {}

  /** The value and number format of the cell at the current position. */
  put(value: CellValue, format: string): void {
    if (this.row !== this.open) this.openRow();
    const { column, ctx, openValues, openFormats } = this;
    if (column <= openValues.length) {
      openValues[column - 1] = value;
      openFormats[column - 1] = format;
      return;
    }
    ctx.budget.cells -= column - openValues.length;
    if (ctx.budget.cells < 0) throw tooManyCells(ctx.file, this.name, cellAddress(this.row, column));
    while (openValues.length < column - 1) {
      openValues.push(null);
      openFormats.push('');
    }
    openValues.push(value);
    openFormats.push(format);
  }

  /** The grid as read so far, every row at its exact length. */
  grid(): { values: CellValue[][]; numberFormats: string[][] } {
    this.closeRow();
    return { values: this.rows, numberFormats: this.formats };
  }

  /**
   * Makes the current row the one filled: a row read before goes on growing in place; a new one stands in
   * the grid as the scratch arrays (its length counts) until it is closed.
   */
  private openRow(): void {
    this.closeRow();
    const { row, rows, formats, ctx } = this;
    const values = rows[row - 1];
    const numberFormats = formats[row - 1];
    if (values !== undefined && numberFormats !== undefined && values !== this.noValues) {
      this.openValues = values;
      if (this.ownFormats.has(numberFormats)) this.openFormats = numberFormats;
      else {
        this.openFormats = formats[row - 1] = numberFormats.slice();
        this.ownFormats.add(this.openFormats);
      }
    } else {
      if (row > rows.length) {
        ctx.budget.rows -= row - rows.length;
        if (ctx.budget.rows < 0) throw tooManyRows(ctx.file, this.name, row);
      }
      const filled = rows.length;
      if (filled < row - 1) {
        rows.length = formats.length = row - 1;
        rows.fill(this.noValues, filled);
        formats.fill(this.noFormats, filled);
      }
      this.scratchValues.length = 0;
      this.scratchFormats.length = 0;
      this.openValues = rows[row - 1] = this.scratchValues;
      this.openFormats = formats[row - 1] = this.scratchFormats;
    }
    this.open = row;
  }

  /** A row filled in the scratch arrays is copied out; copying a row once keeps it linear in its cells. */
  private closeRow(): void {
    if (this.open === 0) return;
    if (this.openValues === this.scratchValues) {
      this.rows[this.open - 1] = this.scratchValues.slice();
      if (!sameFormats(this.scratchFormats, this.lastFormats)) this.lastFormats = this.scratchFormats.slice();
      this.formats[this.open - 1] = this.lastFormats;
    }
    this.open = 0;
  }
}

function sameFormats(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
