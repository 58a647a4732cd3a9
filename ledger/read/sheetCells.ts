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
 * The row being filled is written into a scratch pair of arrays, which keep their room from row to row,
 * and copied out at its exact length once the cells move on to another row: arrays grown a cell at a time
 * keep room for 16 or more, and at 100,000 rows that spare room was a third of the grid's memory and of
 * the garbage collector's work. A row's
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
  /** Cells in the open row so far: the scratch arrays keep their room, and what lies past this is stale. */
  private width = 0;
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
    if (column > this.width) {
      ctx.budget.cells -= column - this.width;
      if (ctx.budget.cells < 0) throw tooManyCells(ctx.file, this.name, cellAddress(this.row, column));
      for (let c = this.width; c < column - 1; c++) {
        openValues[c] = null;
        openFormats[c] = '';
      }
      this.width = column;
    }
    openValues[column - 1] = value;
    openFormats[column - 1] = format;
  }

  /** The grid as read so far, every row at its exact length. */
  grid(): { values: CellValue[][]; numberFormats: string[][] } {
    this.closeRow();
    return { values: this.rows, numberFormats: this.formats };
  }

  /**
   * Makes the current row the one filled: a row read before goes on growing in place; a new one stands in
   * the grid as the scratch arrays (so the grid's row count is right) until it is closed.
   */
  private openRow(): void {
    this.closeRow();
    const { row, rows, formats, ctx } = this;
    const values = rows[row - 1];
    const numberFormats = formats[row - 1];
    if (values !== undefined && numberFormats !== undefined && values !== this.noValues) {
      this.openValues = values;
      this.width = values.length;
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
      this.width = 0;
      this.openValues = rows[row - 1] = this.scratchValues;
      this.openFormats = formats[row - 1] = this.scratchFormats;
    }
    this.open = row;
  }

  /** A row filled in the scratch arrays is copied out; copying a row once keeps it linear in its cells. */
  private closeRow(): void {
    if (this.open === 0) return;
    if (this.openValues === this.scratchValues) {
      this.rows[this.open - 1] = this.scratchValues.slice(0, this.width);
      if (!sameFormats(this.scratchFormats, this.width, this.lastFormats)) this.lastFormats = this.scratchFormats.slice(0, this.width);
      this.formats[this.open - 1] = this.lastFormats;
    }
    this.open = 0;
  }
}

/** The first `width` formats of `a` are `b`. */
function sameFormats(a: string[], width: number, b: string[]): boolean {
  if (width !== b.length) return false;
  for (let i = 0; i < width; i++) if (a[i] !== b[i]) return false;
  return true;
}
