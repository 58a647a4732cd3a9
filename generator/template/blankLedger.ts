import type ExcelJS from 'exceljs';
import { fieldsOf, type FieldInfo } from '../../ledger/schema/fields';
import { settings as settingsSchema, settingsColumns, settingsSheetTitle } from '../../ledger/schema/settings';
import { recordSheetKeys, recordSheets } from '../../ledger/schema/sheets';
import { addPlanSheet } from './planSheet';
import { headerCell, listValidation, thin, titleRows } from './sheetStyle';

/** Rows of a sheet given drop-downs and date formats: a year's worth of records and then some. */
const preparedRows = 500;
const headerRow = 3;

const widthOf: Record<FieldInfo['kind'], number> = {
  text: 30,
  unit: 16,
  date: 13,
  datetime: 18,
  int: 10,
  enum: 16,
  yesno: 10,
  period: 16,
  list: 24,
};

const hintOf = (f: FieldInfo): string => {
  switch (f.kind) {
    case 'date':
      return '日期，如 2026-03-05';
    case 'datetime':
      return '日期和时间，如 2026-03-05 14:30';
    case 'period':
      return f.periodKind === 'half' ? '上半年 或 下半年' : '季度，如 2026年第三季度';
    case 'list':
      return f.values ? `可填多项，用“、”分隔：${f.values.join('、')}` : '可填多项，用“、”分隔';
    case 'yesno':
      return '是 或 否';
    case 'unit':
      return '须与“组织架构”中的单位名称一致';
    default:
      return '';
  }
};

function addRecordSheet(workbook: ExcelJS.Workbook, title: string, fields: readonly FieldInfo[], year: number): void {
  const ws = workbook.addWorksheet(title, { views: [{ state: 'frozen', ySplit: headerRow }] });
  titleRows(ws, `意识形态工作台账——${title}`, fields.length + 1, `${year}年度\u3000带 * 的列为必填项`);
  headerCell(ws.getCell(headerRow, 1), '序号', false);
  ws.getColumn(1).width = 6;
  fields.forEach((f, i) => {
    const column = i + 2;
    headerCell(ws.getCell(headerRow, column), f.name, f.required);
    const hint = hintOf(f);
    if (hint) ws.getCell(headerRow, column).note = hint;
    const col = ws.getColumn(column);
    col.width = widthOf[f.kind];
    if (f.kind === 'date') col.numFmt = 'yyyy-mm-dd';
    if (f.kind === 'datetime') col.numFmt = 'yyyy-mm-dd hh:mm';
    const choices = f.kind === 'yesno' ? ['是', '否'] : f.kind === 'enum' ? f.values : undefined;
    if (choices) {
      const validation = listValidation(choices);
      for (let row = headerRow + 1; row <= headerRow + preparedRows; row++) ws.getCell(row, column).dataValidation = validation;
    }
  });
  ws.getRow(headerRow).height = 32;
}

const settingHints: Record<string, string> = {
  台账年度: '四位年份，如 2026',
  党组成员: '用“、”分隔，如 张三、李四',
  宽限天数: '期间结束后多少天内完成仍算按期，默认 15',
  定期检查周期: '年度、半年 或 季度',
  列名映射: '本单位列名与规范不同时填写，如 检查抽查.检查人=检查组成员；多项用“；”分隔',
  表名映射: '本单位工作表名与规范不同时填写，如 舆情处置=4.网络舆情处置台账',
  类别映射: '综合台账的类别名与规范不同时填写，如 专题研究=党组会议研究',
  值映射: '本单位写法与规范值不同时填写，如 舆情处置.是否重大：重大=是；一般=否',
  报告主送: '季度分析报告的主送机关，不填为“县委宣传部”',
};

function addSettingsSheet(workbook: ExcelJS.Workbook, year: number): void {
  const ws = workbook.addWorksheet(settingsSheetTitle);
  titleRows(ws, '意识形态工作台账——基本信息', 3, '带 * 的项目为必填项');
  [...settingsColumns, '说明'].forEach((text, i) => headerCell(ws.getCell(headerRow, i + 1), text, false));
  ws.getColumn(1).width = 24;
  ws.getColumn(2).width = 36;
  ws.getColumn(3).width = 60;
  const defaults = settingsSchema.parse({ 单位名称: '-', 台账年度: year, 党组书记: '-', 分管领导: '-', 责任部室: '-' });
  fieldsOf(settingsSchema).forEach((f, i) => {
    const row = headerRow + 1 + i;
    ws.getCell(row, 1).value = f.name;
    ws.getCell(row, 1).font = { bold: f.required };
    const preset = f.name === '台账年度' || !f.required ? (defaults as Record<string, unknown>)[f.name] : undefined;
    if (typeof preset === 'number' || typeof preset === 'string') ws.getCell(row, 2).value = preset;
    ws.getCell(row, 3).value = `${f.required ? '必填。' : ''}${settingHints[f.name] ?? ''}`;
    if (f.kind === 'enum' && f.values) ws.getCell(row, 2).dataValidation = listValidation(f.values);
    for (let c = 1; c <= 3; c++) ws.getCell(row, c).border = thin;
  });
}

/**
 * A blank ledger with every sheet and header of the spec, and 实施方案要求 filled with this bureau's plan, ready for a clerk to fill in. */
export async function blankLedger(year: number): Promise<ExcelJS.Workbook> {
  // Loaded here rather than at startup: only this command writes workbooks, and exceljs is slow to load.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'taizhang';
  // Fixed dates keep the generated file identical from run to run.
  workbook.created = new Date(Date.UTC(year, 0, 1));
  workbook.modified = new Date(Date.UTC(year, 0, 1));
  addSettingsSheet(workbook, year);
  for (const key of recordSheetKeys) {
    addRecordSheet(workbook, recordSheets[key].title, fieldsOf(recordSheets[key].schema), year);
  }
  addPlanSheet(workbook);
  return workbook;
}
