import type ExcelJS from 'exceljs';

// The look every sheet of a blank ledger shares: two title rows, then a header row.

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const requiredFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
export const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export function listValidation(values: readonly string[]): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '取值不在列表中',
    error: `请从列表中选择：${values.join('、')}`,
  };
}

export function titleRows(ws: ExcelJS.Worksheet, title: string, width: number, unitLine: string): void {
  ws.mergeCells(1, 1, 1, width);
  const cell = ws.getCell(1, 1);
  cell.value = title;
  cell.font = { name: '黑体', size: 16, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, width);
  ws.getCell(2, 1).value = unitLine;
  ws.getCell(2, 1).font = { name: '宋体', size: 10, color: { argb: 'FF595959' } };
}

/** A header cell, coloured where the column is required and, unless `star` is false, marked with `*`. */
export function headerCell(cell: ExcelJS.Cell, text: string, required: boolean, star = required): void {
  cell.value = star ? `${text}*` : text;
  cell.font = { name: '宋体', size: 11, bold: true };
  cell.fill = required ? requiredFill : headerFill;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.border = thin;
}
