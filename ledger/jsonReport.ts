import type { Finding, Summary } from './findings';
import type { Scope } from './check/scope';
import type { RuleStatus, SheetAccount, ValidationResult } from './model';

/** The `--format json` object of spec section 4. */
export interface JsonReport {
  workbook: string;
  unit: string;
  year: number;
  asOf: string;
  /** With `--period`: the period the rules are stated for (`2026H1`), their periods those that speak for it. */
  period?: string;
  summary: Summary;
  rules: RuleStatus[];
  findings: Finding[];
  /** How every sheet's rows were read: records, not records, 未能归类 (spec section 1). */
  account: SheetAccount[];
  /** Only when the reader passed over part of the workbook (see `ValidationResult.notes`). */
  notes?: string[];
}

export function toJsonReport(result: ValidationResult, scope?: Scope): JsonReport {
  return {
    workbook: result.workbook,
    unit: result.unit,
    year: result.year,
    asOf: result.asOf,
    ...(scope && { period: scope.period }),
    summary: result.summary,
    rules: (scope?.rules ?? result.rules).map(({ id, title, status, required, actual, periods }) => ({
      id,
      title,
      status,
      required,
      actual,
      periods,
    })),
    findings: result.findings.map(({ rule, severity, sheet, cell, row, column, field, value, message }) => ({
      rule,
      severity,
      sheet,
      cell,
      row,
      column,
      field,
      value,
      message,
    })),
    account: result.ledger.account.map(({ sheet, topic, records, nonRecords, unplaced, unplacedRows }) => ({
      sheet,
      topic,
      records,
      nonRecords,
      unplaced,
      unplacedRows,
    })),
    ...(result.notes.length > 0 && { notes: result.notes }),
  };
}
