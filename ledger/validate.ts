import { NotALedgerError, OwnWorkbookError } from './errors';
import { summarise } from './findings';
import type { WorkbookGrid } from './grid/types';
import type { Ledger, ValidationResult } from './model';
import { runChecks } from './check';
import { normaliseWorkbook, type Normalised } from './normalise';
import { ownWorkbookKind } from './ownWorkbooks';
import { sortFindings } from './sortFindings';

export interface ValidateOptions {
  /** ISO date (YYYY-MM-DD) the ledger is checked for. */
  asOf: string;
}

/** No sheet was recognised: the clerk is pointed at `taizhang map`, which shows what to set. */
function notALedger(grid: WorkbookGrid, settings: Ledger['settings']): NotALedgerError {
  const present = grid.sheets.map((s) => s.name).join('、') || '（无）';
  return new NotALedgerError(
    `“${grid.name}”看起来不是意识形态工作台账：没有认出任何台账工作表（现有工作表：${present}）。如果它是本单位的台账，请运行 taizhang map “${grid.name}”，查看识别情况并按提示在“基本信息”中添加表名映射。`,
    settings.单位名称,
    settings.台账年度,
  );
}

/** The year a workbook that names none is taken to be of: asOf's. */
export const fallbackYear = (options: ValidateOptions): number => Number(options.asOf.slice(0, 4));

/** read → normalise → check, on grids from either reader. Pure: no I/O, no Node APIs. */
export function validateGrid(grid: WorkbookGrid, options: ValidateOptions): ValidationResult {
  return validateNormalised(grid, normaliseWorkbook(grid, fallbackYear(options)), options);
}

/** The check of grids already normalised, for a host that also maps them for 对应关系 from the same reading. */
export function validateNormalised(grid: WorkbookGrid, normalised: Normalised, options: ValidateOptions): ValidationResult {
  const { ledger, recognition } = normalised;
  // Told by its sheets before any reading: its tables' titles and columns may well read as a topic's.
  const own = ownWorkbookKind(grid.sheets.map((s) => s.name));
  if (own) throw new OwnWorkbookError(`“${grid.name}”是台账助手生成的${own}，不是台账。请选择台账文件本身。`);
  const recognised = ledger.sheets.settings || Object.keys(recognition.topics).length > 0 || recognition.uncategorised.length > 0;
  if (!recognised) throw notALedger(grid, ledger.settings);
  const checked = runChecks(
    {
      ledger,
      asOf: options.asOf,
      year: ledger.settings.台账年度,
      graceDays: ledger.settings.宽限天数,
      settingPositions: normalised.settingPositions,
      firstSheet: grid.sheets[0]?.name ?? '',
    },
    recognition,
  );
  const findings = sortFindings(grid, [...normalised.findings, ...checked.findings]);
  return {
    workbook: grid.name,
    unit: ledger.settings.单位名称,
    year: ledger.settings.台账年度,
    asOf: options.asOf,
    summary: summarise(findings),
    rules: checked.rules,
    findings,
    notes: grid.notes ?? [],
    ledger,
  };
}
