import type { WorkSheetKey } from '../check/placing';
import type { Frequency } from '../schema/plan';
import type { UnitType } from '../schema/sheets';

/**
 * A record counts only when each condition holds: its field holds one of `values`, in the field's
 * canonical spelling (`分析类型` ∈ [`季度分析`]; a yes/no field as `是`/`否`).
 */
export interface Condition {
  field: string;
  values: readonly string[];
}

/**
 * One counting requirement of the effective plan: at least `atLeast` records of `sheet` meeting
 * `conditions` in every period of `frequency` — for the bureau, or for each unit of `unitTypes`.
 */
export interface Requirement {
  /** `R01`…`R13` for this plan's built-in requirements, or the bureau's own 编号 (`本局1`). */
  id: string;
  /** The sentence the pane, the CLI and the reports show (`每年至少开展2次意识形态工作专题研究`). */
  text: string;
  /** What a shortfall says was not done, in a clerk's words (`开展意识形态领域情况季度分析`). */
  what: string;
  sheet: WorkSheetKey;
  conditions: readonly Condition[];
  frequency: Frequency;
  /** Empty for the bureau as a whole; else each unit of 组织架构 of these types must meet the count. */
  unitTypes: readonly UnitType[];
  atLeast: number;
  enabled: boolean;
  /** The section of the implementation plan (`三(一)`) a built-in comes from; null for a bureau's own. */
  plan: string | null;
  /** The row of 实施方案要求 it was read from; absent when it is the default plan's. */
  at?: { sheet: string; row: number };
}

/** The requirements a ledger is judged by: the default plan, or the workbook's 实施方案要求 over it. */
export interface Plan {
  requirements: readonly Requirement[];
  /** The name of the workbook's 实施方案要求 sheet, or null when the default plan applies. */
  sheet: string | null;
}
