import { untoldKind } from '../check/kind';
import type { Finding } from '../findings';
import type { LedgerRecord, SheetAccount } from '../model';
import type { Plan } from '../plan/requirement';
import { recordSheets, type RecordSheetKey } from '../schema/sheets';
import { isEmpty } from '../values/cell';
import { finding } from './finding';
import { hasContent, type RowKind, type UnplacedCells } from './rows';
import type { SheetReader } from './sheetReader';

/** Why a row is 未能归类, at the cell its finding points to: what was missing, in a clerk's words. */
export interface UnplacedWhy {
  row: number;
  column: number;
  /** `第5行有内容（…），但这些列都不是“学习培训”的栏目，未能归类为记录`: the finding's message. */
  message: string;
}

interface SheetRows {
  reader: SheetReader;
  /** Topic titles read from the sheet; `fixed` when the sheet is no register or 基本信息. */
  topics: Set<string>;
  fixed?: string | null;
  kinds: Map<number, RowKind>;
  why: Map<number, UnplacedWhy>;
  /** The records read from the sheet, by topic: whether each one's kind was told is settled once all fields are read. */
  records: Map<RecordSheetKey, readonly LedgerRecord[]>;
}

/** The first column of a row holding content: where a finding about the whole row points. */
function firstFilled(reader: SheetReader, row: number): number {
  for (let column = reader.firstColumn; column <= reader.lastColumn; column++) if (!isEmpty(reader.value(row, column))) return column;
  return reader.firstColumn;
}

/** A row with content in columns that are none of the topic's fields. */
export function cellsWhy(cells: UnplacedCells, title: string): UnplacedWhy {
  return {
    row: cells.row,
    column: cells.column,
    message: `第${cells.row}行有内容（${cells.what}），但这些列都不是“${title}”的栏目，未能归类为记录，未作检查。如是记录，请把内容填入相应的列；如不是，可删除或移到表格之外。`,
  };
}

/**
 * Every row of every sheet as read (spec section 1): a record, not a record, or 未能归类. Rows a reading
 * did not decide (titles, hints and headers above the records, a sheet read as nothing) are not records.
 */
export class AccountBook {
  private readonly sheets = new Map<string, SheetRows>();

  constructor(private readonly plan: Plan) {}

  private entry(reader: SheetReader): SheetRows {
    let rows = this.sheets.get(reader.name);
    if (!rows) this.sheets.set(reader.name, (rows = { reader, topics: new Set(), kinds: new Map(), why: new Map(), records: new Map() }));
    return rows;
  }

  has(name: string): boolean {
    return this.sheets.has(name);
  }

  /**
   * What a topic's reading made of a sheet's rows, with why each 未能归类 row is so. Its records whose
   * kind could not be told (kind.ts) are 未能归类 too, once every field of theirs is read.
   */
  rows(
    reader: SheetReader,
    key: RecordSheetKey | null,
    kinds: ReadonlyMap<number, RowKind>,
    records: readonly LedgerRecord[],
    why: readonly UnplacedWhy[] = [],
  ): void {
    const rows = this.entry(reader);
    if (key) rows.topics.add(recordSheets[key].title);
    for (const [row, kind] of kinds) rows.kinds.set(row, kind);
    for (const w of why) rows.why.set(w.row, w);
    if (key && records.length > 0) rows.records.set(key, [...(rows.records.get(key) ?? []), ...records]);
  }

  /**
   * Marks the records whose kind could not be told. A record's fields are settled only after all
   * sheets of its topic are read (a column another sheet has and its own lacks is unread), so this
   * runs when the account is asked for.
   */
  private settleKinds(): void {
    for (const { reader, kinds, why, records } of this.sheets.values()) {
      for (const [key, list] of records) {
        const untold = untoldKind(this.plan, key);
        for (const r of list) {
          const fields = untold(r);
          if (fields.length === 0) continue;
          kinds.set(r.row, 'unplaced');
          const column = (r.columns as Record<string, number | undefined>)[fields[0]] ?? firstFilled(reader, r.row);
          why.set(r.row, {
            row: r.row,
            column,
            message: `第${r.row}行这条“${recordSheets[key].title}”记录的“${fields.join('、')}”未能读懂，不知道它属于哪一类，未能归类；它可能计入的要求按“无法判断”计。`,
          });
        }
      }
    }
  }

  /** Rows of a sheet already read that are 未能归类, each with why. */
  unplaced(name: string, why: readonly UnplacedWhy[]): void {
    const sheet = this.sheets.get(name);
    if (!sheet) return;
    for (const w of why) {
      sheet.kinds.set(w.row, 'unplaced');
      sheet.why.set(w.row, w);
    }
  }

  /** A sheet read as no topic: 基本信息, 实施方案要求, or no register (`topic` null), with rows that might be records. */
  other(reader: SheetReader, topic: string | null, unplaced: readonly UnplacedWhy[]): void {
    const rows = this.entry(reader);
    rows.fixed = topic;
    for (const w of unplaced) {
      rows.kinds.set(w.row, 'unplaced');
      rows.why.set(w.row, w);
    }
  }

  /** One info finding (D10) at each 未能归类 row of the account, saying what was missing. */
  findings(): Finding[] {
    this.settleKinds();
    const found: Finding[] = [];
    for (const [name, { reader, kinds, why }] of this.sheets) {
      for (const [row, kind] of [...kinds].sort((a, b) => a[0] - b[0])) {
        if (kind !== 'unplaced' || !hasContent(reader, row)) continue;
        const w = why.get(row) ?? { row, column: firstFilled(reader, row), message: `第${row}行有内容，未能归类为记录，未作检查。` };
        found.push(finding('D10', { sheet: name, row, column: w.column }, w.message, { severity: 'info' }));
      }
    }
    return found;
  }

  account(order: readonly string[]): SheetAccount[] {
    this.settleKinds();
    return order.flatMap((name) => {
      const rows = this.sheets.get(name);
      if (!rows) return [];
      const { reader, kinds } = rows;
      const tally: Record<RowKind, number> = { record: 0, nonRecord: 0, unplaced: 0 };
      const unplacedRows: number[] = [];
      for (let row = reader.firstRow; row <= reader.lastRow; row++) {
        if (!hasContent(reader, row)) continue;
        const kind = kinds.get(row) ?? 'nonRecord';
        tally[kind]++;
        if (kind === 'unplaced') unplacedRows.push(row);
      }
      const topic = rows.fixed !== undefined ? rows.fixed : rows.topics.size > 0 ? [...rows.topics].join('、') : null;
      return [{ sheet: name, topic, records: tally.record, nonRecords: tally.nonRecord, unplaced: tally.unplaced, unplacedRows }];
    });
  }
}

/** A sheet holding nothing below its first three rows (title, unit line, header): a blank template. */
export function isBlankSheet(reader: SheetReader): boolean {
  for (let row = reader.firstRow + 3; row <= reader.lastRow; row++) if (hasContent(reader, row)) return false;
  return true;
}
