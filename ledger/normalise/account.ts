import { rulesOf } from '../check/ruleTable';
import type { LedgerRecord, SheetAccount } from '../model';
import type { Plan } from '../plan/requirement';
import { recordSheets, type RecordSheetKey } from '../schema/sheets';
import { hasContent, type RowKind } from './rows';
import type { SheetReader } from './sheetReader';

/** The fields that tell a record's kind (分析类型, 检查类型 …): those a requirement of the plan counts records by. */
function kindFields(plan: Plan, key: RecordSheetKey): ReadonlySet<string> {
  const fields = new Set<string>();
  for (const { judged } of rulesOf(plan))
    if (judged && judged.judges !== 'settings' && judged.sheet === key && judged.counts) fields.add(judged.counts.field);
  return fields;
}

interface SheetRows {
  reader: SheetReader;
  /** Topic titles read from the sheet; `fixed` when the sheet is no register or 基本信息. */
  topics: Set<string>;
  fixed?: string | null;
  kinds: Map<number, RowKind>;
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
    if (!rows) this.sheets.set(reader.name, (rows = { reader, topics: new Set(), kinds: new Map() }));
    return rows;
  }

  has(name: string): boolean {
    return this.sheets.has(name);
  }

  /** What a topic's reading made of a sheet's rows; a record whose kind could not be read is 未能归类. */
  rows(reader: SheetReader, key: RecordSheetKey | null, kinds: ReadonlyMap<number, RowKind>, records: readonly LedgerRecord[]): void {
    const rows = this.entry(reader);
    if (key) rows.topics.add(recordSheets[key].title);
    for (const [row, kind] of kinds) rows.kinds.set(row, kind);
    if (!key) return;
    const kindOf = kindFields(this.plan, key);
    for (const r of records) if (r.unread?.some((f) => kindOf.has(f))) rows.kinds.set(r.row, 'unplaced');
  }

  unplaced(name: string, rows: readonly number[]): void {
    const sheet = this.sheets.get(name);
    if (sheet) for (const row of rows) sheet.kinds.set(row, 'unplaced');
  }

  /** A sheet read as no topic: 基本信息, 实施方案要求, or no register (`topic` null), with rows that might be records. */
  other(reader: SheetReader, topic: string | null, unplaced: readonly number[]): void {
    const rows = this.entry(reader);
    rows.fixed = topic;
    for (const row of unplaced) rows.kinds.set(row, 'unplaced');
  }

  account(order: readonly string[]): SheetAccount[] {
    return order.flatMap((name) => {
      const rows = this.sheets.get(name);
      if (!rows) return [];
      const { reader, kinds } = rows;
      const tally: Record<RowKind, number> = { record: 0, nonRecord: 0, unplaced: 0 };
      for (let row = reader.firstRow; row <= reader.lastRow; row++) if (hasContent(reader, row)) tally[kinds.get(row) ?? 'nonRecord']++;
      const topic = rows.fixed !== undefined ? rows.fixed : rows.topics.size > 0 ? [...rows.topics].join('、') : null;
      return [{ sheet: name, topic, records: tally.record, nonRecords: tally.nonRecord, unplaced: tally.unplaced }];
    });
  }
}

/** A sheet holding nothing below its first three rows (title, unit line, header): a blank template. */
export function isBlankSheet(reader: SheetReader): boolean {
  for (let row = reader.firstRow + 3; row <= reader.lastRow; row++) if (hasContent(reader, row)) return false;
  return true;
}
