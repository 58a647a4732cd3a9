import ExcelJS from 'exceljs';
import { defaultPlan } from '../../ledger/plan/defaults';
import { planRow, planSheetTitle, type PlanRow } from '../../ledger/schema/plan';
import { planRowOf } from '../../generator/template/planSheet';
import type { TestLedger } from './ledgerWorkbook';

/**
 * Another bureau's plan as its clerk would edit 实施方案要求: 专题研究 three times a year instead of two,
 * 不定期抽查 switched off, and a monthly 中心组学习 of its own.
 */
export function bureauPlanRows(): Array<Record<keyof PlanRow, string | number>> {
  const rows = defaultPlan({ 定期检查周期: '年度' }).map(planRowOf);
  return [
    ...rows.map((row) =>
      row.编号 === 'R01'
        ? { ...row, 要求: '每年至少开展3次意识形态工作专题研究', 至少次数: 3 }
        : row.编号 === 'R07'
          ? { ...row, 启用: '否' }
          : row,
    ),
    {
      编号: '本局1',
      要求: '每月至少开展1次中心组学习',
      工作表: '学习培训',
      条件: '类型=中心组专题学习',
      频次: '月',
      对象: '',
      至少次数: 1,
      启用: '是',
    },
  ];
}

/** A row of 实施方案要求 that cannot be understood: 频次 every two years is none of 年/半年/季度/月. */
export const brokenPlanRow: Record<keyof PlanRow, string | number> = {
  编号: '本局2',
  要求: '',
  工作表: '学习培训',
  条件: '类型=主题宣讲',
  频次: '每两年',
  对象: '',
  至少次数: 1,
  启用: '是',
};

/** `source` with a sheet 实施方案要求 holding `rows` (header on row 1), written to `out`. */
export async function writeWithPlan(source: string, out: string, rows = bureauPlanRows()): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(source);
  const ws = workbook.addWorksheet(planSheetTitle);
  const header = Object.keys(planRow.shape) as Array<keyof PlanRow>;
  ws.addRow(header);
  for (const row of rows) ws.addRow(header.map((h) => (row[h] === '' ? null : row[h])));
  await workbook.xlsx.writeFile(out);
}

/** `ledger` with a sheet 实施方案要求 holding `rows`. */
export function withPlanSheet(ledger: TestLedger, rows = bureauPlanRows()): TestLedger {
  const headers = Object.keys(planRow.shape) as Array<keyof PlanRow>;
  return { ...ledger, [planSheetTitle]: { headers, rows: rows.map((row) => headers.map((h) => (row[h] === '' ? null : row[h]))) } };
}
