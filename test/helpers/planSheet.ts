import { builtInPlan } from '../../ledger/plan/defaults';
import { planSheetTitle } from '../../ledger/schema/plan';
import { recordSheets } from '../../ledger/schema/sheets';
import type { TestCell, TestSheet } from './ledgerWorkbook';

export const planHeaders = ['编号', '要求', '工作表', '条件', '频次', '对象', '至少次数', '启用'];

/** A 实施方案要求 sheet with the given rows, in the column order of the issue. */
export function planSheet(rows: TestCell[][]): TestSheet {
  return { headers: [...planHeaders], rows };
}

/**
 * The default plan as the blank template would write it: every built-in restated, R06's 频次 left
 * empty (基本信息's 定期检查周期 decides it).
 */
export function defaultPlanRows(): TestCell[][] {
  return builtInPlan().map((r) => [
    r.id,
    r.text,
    recordSheets[r.sheet].title,
    r.conditions.map((c) => `${c.field}=${c.values.join('、')}`).join('；'),
    r.id === 'R06' ? '' : r.frequency,
    r.unitTypes.join('、'),
    r.atLeast,
    '是',
  ]);
}

export { planSheetTitle };
