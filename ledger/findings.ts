export type Severity = 'error' | 'warning' | 'info';

export const severityLabel: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** One problem found in the ledger, positioned in Excel's own 1-based coordinates. */
export interface Finding {
  rule: string;
  severity: Severity;
  /** The sheet's name as it stands in the workbook. */
  sheet: string;
  cell: string;
  row: number;
  column: string;
  field: string | null;
  value: string | null;
  message: string;
}

export type Summary = Record<Severity, number>;

export function summarise(findings: readonly Finding[]): Summary {
  const summary: Summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity] += 1;
  return summary;
}
