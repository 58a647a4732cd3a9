import type ExcelJS from 'exceljs';
import { defaultPlan } from '../../ledger/plan/defaults';
import { conditionsText, type Requirement } from '../../ledger/plan/requirement';
import { fieldsOf } from '../../ledger/schema/fields';
import { frequencies, planRow, planSheetTitle, type PlanRow } from '../../ledger/schema/plan';
import { recordSheets } from '../../ledger/schema/sheets';
import { headerCell, listValidation, thin, titleRows } from './sheetStyle';

type Column = keyof PlanRow;

/**
 * R06 leaves 频次 empty: its frequency is then 基本信息's 定期检查周期, as before the sheet existed, so a
 * bureau sets that period in one place only.
 */
export const inspectionPeriodNote = '留空则按“基本信息”中的“定期检查周期”（年度、半年或季度）；在此填写频次则以此处为准';

/** A requirement as a clerk writes it in 实施方案要求: its row's cells, by the schema's column names. */
export function planRowOf(requirement: Requirement): Record<Column, string | number> {
  return {
    编号: requirement.id,
    要求: requirement.text,
    工作表: recordSheets[requirement.sheet].title,
    条件: conditionsText(requirement.conditions),
    频次: requirement.id === 'R06' ? '' : requirement.frequency,
    对象: requirement.unitTypes.join('、'),
    至少次数: requirement.atLeast,
    启用: requirement.enabled ? '是' : '否',
  };
}

const widths: Record<Column, number> = { 编号: 8, 要求: 44, 工作表: 12, 条件: 42, 频次: 8, 对象: 16, 至少次数: 10, 启用: 8 };

const hints: Partial<Record<Column, string>> = {
  编号: 'R01–R13 为本方案的要求；本单位另加的要求用其他编号，如 本局1',
  要求: '校验结果和报告中显示的一句话；留空则按其他各列生成',
  工作表: '按哪张台账工作表的记录计数',
  条件: '留空，或 字段=值；多个条件用“；”分隔，一个字段可取多个值用“、”分隔，如 类型=民主生活会、组织生活会',
  频次: '年、半年、季度 或 月',
  对象: '留空为本单位整体；或单位类型，如 党总支、党支部：组织架构中每个这类单位都须达到次数',
  至少次数: '每个期间至少几次，整数，不小于 1',
  启用: '是 或 否；留空为 是',
};

const choices: Partial<Record<Column, readonly string[]>> = { 频次: frequencies, 启用: ['是', '否'] };

/** Rows given drop-downs below the plan: room for a bureau's own requirements. */
const preparedRows = 30;

/**
 * The sheet 实施方案要求 of a blank ledger, filled with this bureau's plan (`defaultPlan`): the rows a
 * bureau with a different plan edits. Header row 3 below two title rows, like every other sheet.
 */
export function addPlanSheet(workbook: ExcelJS.Workbook): void {
  const fields = fieldsOf(planRow);
  const ws = workbook.addWorksheet(planSheetTitle, { views: [{ state: 'frozen', ySplit: 3 }] });
  titleRows(
    ws,
    `意识形态工作台账——${planSheetTitle}`,
    fields.length,
    '每行一项按期间计数的要求：可改次数、频次，可停用，可另加本单位的要求',
  );
  const plan = defaultPlan({ 定期检查周期: '年度' });
  fields.forEach((f, i) => {
    const column = f.name as Column;
    // The schema's names as they are, without the record sheets' `*`: the issue fixes this header.
    headerCell(ws.getCell(3, i + 1), column, f.required, false);
    const hint = hints[column];
    if (hint) ws.getCell(3, i + 1).note = hint;
    ws.getColumn(i + 1).width = widths[column];
    const list = choices[column];
    if (list) for (let row = 4; row < 4 + plan.length + preparedRows; row++) ws.getCell(row, i + 1).dataValidation = listValidation(list);
  });
  ws.getRow(3).height = 24;
  plan.forEach((requirement, n) => {
    const values = planRowOf(requirement);
    fields.forEach((f, i) => {
      const cell = ws.getCell(4 + n, i + 1);
      const value = values[f.name as Column];
      if (value !== '') cell.value = value;
      cell.border = thin;
      cell.alignment = { vertical: 'middle', wrapText: true };
    });
    if (requirement.id === 'R06') ws.getCell(4 + n, fields.findIndex((f) => f.name === '频次') + 1).note = inspectionPeriodNote;
  });
}
