/**
 * A workbook's grids checked for the panel, in the pane and in the page's worker alike: the result with
 * what `taizhang map` recognises for 对应关系, or, where no ledger sheet is recognised at all, the
 * 对应关系 alone, so the clerk can say there what each sheet holds (issue 13 §5).
 */
import { NotALedgerError } from '../../ledger/errors';
import type { WorkbookGrid } from '../../ledger/grid/types';
import type { ValidationResult } from '../../ledger/model';
import { mapWorkbook, type LedgerMap } from '../../ledger/normalise/suggest';
import { normaliseWorkbook } from '../../ledger/normalise';
import { fallbackYear, validateNormalised } from '../../ledger/validate';

/** What the 对应关系 view needs: the map, and the unit and year a new 基本信息 is given. */
export interface MappedLedger {
  workbook: string;
  unit: string;
  year: number;
  asOf: string;
  map: LedgerMap;
}

export type CheckedGrid = ValidationResult & { map: LedgerMap };

export type GridCheck = { kind: 'checked'; result: CheckedGrid } | { kind: 'unrecognised'; mapped: MappedLedger };

/** Normalises the grids once: the check and the map both read them from there. */
export function checkGrid(grid: WorkbookGrid, asOf: string): GridCheck {
  const year = fallbackYear({ asOf });
  const normalised = normaliseWorkbook(grid, year);
  const map = () => mapWorkbook(grid, year, normalised);
  try {
    return { kind: 'checked', result: { ...validateNormalised(grid, normalised, { asOf }), map: map() } };
  } catch (error) {
    if (!(error instanceof NotALedgerError)) throw error;
    return { kind: 'unrecognised', mapped: { workbook: grid.name, unit: error.unit, year: error.year, asOf, map: map() } };
  }
}
