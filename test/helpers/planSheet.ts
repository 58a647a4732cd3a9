import { planRowOf } from '../../generator/template/planSheet';
import { builtInPlan } from '../../ledger/plan/defaults';
import { fieldsOf } from '../../ledger/schema/fields';
import { planRow, planSheetTitle, type PlanRow } from '../../ledger/schema/plan';
import type { TestCell, TestSheet } from './ledgerWorkbook';

export const planHeaders = fieldsOf(planRow).map((f) => f.name as keyof PlanRow);

/** A 实施方案要求 sheet with the given rows, in the column order of the issue. */
export function planSheet(rows: TestCell[][]): TestSheet {
  return { headers: [...planHeaders], rows };
}

/**
 * The default plan as the blank template writes it: every built-in restated, R06's 频次 left empty
 * (基本信息's 定期检查周期 decides it).
 */
export function defaultPlanRows(): TestCell[][] {
  return builtInPlan().map((r) => {
    const row = planRowOf(r);
    return planHeaders.map((h) => row[h]);
  });
}

export { planSheetTitle };
