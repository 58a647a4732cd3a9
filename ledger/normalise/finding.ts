import type { Finding, Severity } from '../findings';
import { cellAddress, columnLetter } from '../grid/address';
import { ruleInfo } from '../check/ruleTable';

export interface Position {
  sheet: string;
  row: number;
  column: number;
}

export interface FindingDetail {
  field?: string;
  value?: string;
  /** Overrides the rule's usual severity (S01 for 问责追究, R16 for a 重大 event, period rules before due). */
  severity?: Severity;
}

/** Builds a finding at an Excel position; the one place positions become `cell`/`row`/`column`. */
export function finding(rule: string, at: Position, message: string, detail: FindingDetail = {}): Finding {
  return {
    rule,
    severity: detail.severity ?? ruleInfo(rule).severity,
    sheet: at.sheet,
    cell: cellAddress(at.row, at.column),
    row: at.row,
    column: columnLetter(at.column),
    field: detail.field ?? null,
    value: detail.value ?? null,
    message,
  };
}
