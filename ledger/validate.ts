import { summarise } from './findings';
import type { WorkbookGrid } from './grid/types';
import type { ValidationResult } from './model';
import { runChecks } from './check';
import { normaliseWorkbook } from './normalise';
import { sortFindings } from './sortFindings';

export interface ValidateOptions {
  /** ISO date (YYYY-MM-DD) the ledger is checked for. */
  asOf: string;
}

/** read → normalise → check, on grids from either reader. Pure: no I/O, no Node APIs. */
export function validateGrid(grid: WorkbookGrid, options: ValidateOptions): ValidationResult {
  const normalised = normaliseWorkbook(grid, Number(options.asOf.slice(0, 4)));
  const { ledger } = normalised;
  const checked = runChecks({
    ledger,
    asOf: options.asOf,
    year: ledger.settings.台账年度,
    graceDays: ledger.settings.宽限天数,
    settingPositions: normalised.settingPositions,
  });
  const findings = sortFindings(grid, [...normalised.findings, ...checked.findings]);
  return {
    workbook: grid.name,
    unit: ledger.settings.单位名称,
    year: ledger.settings.台账年度,
    asOf: options.asOf,
    summary: summarise(findings),
    rules: checked.rules,
    findings,
    ledger,
  };
}
