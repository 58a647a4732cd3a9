import type { Finding } from '../findings';
import type { Ledger, LedgerRecord, RuleStatus } from '../model';
import type { FieldOf, RecordSheetKey } from '../schema/sheets';
import { recordSheets } from '../schema/sheets';
import { finding, type FindingDetail, type Position } from '../normalise/finding';
import { isoYear } from '../values/date';
import type { Unsure } from './unsure';

/** What every rule reads: the normalised ledger and the validation date. */
export interface CheckContext {
  ledger: Ledger;
  /** ISO date the ledger is checked for. */
  asOf: string;
  year: number;
  graceDays: number;
  settingPositions: ReadonlyMap<string, Position>;
  /** The workbook's first sheet: where a finding that belongs to no sheet of the ledger stands. */
  firstSheet: string;
  /** How many rows not understood might count toward a requirement in a period (and unit): see unsure.ts. */
  unsure?: Unsure;
}

export interface RuleOutcome {
  findings: Finding[];
  /** Requirement rules report their state for the year; structure and data rules do not. */
  status?: Omit<RuleStatus, 'title'>;
}

export type Rule = (ctx: CheckContext) => RuleOutcome;

/**
 * The sheet's name as it stands in the workbook; when the workbook lacks it (already an S01), the first
 * sheet that exists, so every finding points at a sheet the clerk can open.
 */
export function sheetName(ctx: CheckContext, key: RecordSheetKey): string {
  return (
    ctx.ledger.sheets[key]?.name ?? ctx.ledger.sheets.settings?.name ?? Object.values(ctx.ledger.sheets)[0]?.name ?? recordSheets[key].title
  );
}

/** A finding at a record's cell for `field`, or at the row's first cell when the column is absent. */
export function atRecord<K extends RecordSheetKey>(
  rule: string,
  record: LedgerRecord<K>,
  field: keyof LedgerRecord<K>['columns'] & string,
  message: string,
  detail: FindingDetail = {},
): Finding {
  const column = (record.columns[field] as number | undefined) ?? 1;
  return finding(rule, { sheet: record.sheet, row: record.row, column }, message, { field, ...detail });
}

/**
 * A finding that belongs to a sheet but to no record: the first cell of the sheet's header row, which
 * heads the records it is about (A1 is usually the sheet's title); A1 of the sheet that stands in where
 * the workbook has no such sheet or no header row was found.
 */
export function atSheet(rule: string, ctx: CheckContext, key: RecordSheetKey, message: string, detail: FindingDetail = {}): Finding {
  const header = ctx.ledger.sheets[key]?.headerRow || 1;
  return finding(rule, { sheet: sheetName(ctx, key), row: header, column: 1 }, message, detail);
}

export function inYear(ctx: CheckContext, iso: string | undefined): iso is string {
  return iso !== undefined && isoYear(iso) === ctx.year;
}

/**
 * A date field's day, for a rule that needs the day: undefined when the cell gave only a span
 * (`3月下旬`), which counts for its period but says no day.
 */
export function dayOf<K extends RecordSheetKey>(record: LedgerRecord<K>, field: FieldOf<K>): string | undefined {
  if (record.spans?.[field] !== undefined) return undefined;
  const value = (record.data as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}
