/**
 * The `校验结果` sheet: a title line, a header and one row per finding, with a link from each row to
 * the offending cell. The 序号 is a number, so Excel sorts and sums it without a "number stored as
 * text" triangle; everything else is text, so nothing a clerk typed (`=1+1`, `-3`, `@x`) can turn
 * into a formula or a number here.
 */
import { severityLabel } from '../../ledger/findings';
import type { Finding } from '../../ledger/findings';
import type { ValidationResult } from '../../ledger/model';
import { ownSheetNames } from '../../ledger/ownWorkbooks';

export const resultSheetName = ownSheetNames.results;

export const resultHeader = ['序号', '级别', '规则', '工作表', '单元格', '字段', '单元格内容', '问题说明'] as const;

/** Column widths in points, in header order; the message column is wide and wraps. */
export const resultColumnWidths = [36, 36, 40, 72, 48, 72, 120, 360];

/** Index of the column that links to the cell. */
export const linkColumn = resultHeader.indexOf('单元格');

export interface ResultLink {
  /** 0-based row of the sheet. */
  row: number;
  /** `'专题研究'!B7` */
  reference: string;
  text: string;
}

/** A value of the sheet: a number is written as a number, a string as text. */
export type ResultValue = string | number;

export interface ResultSheet {
  rows: ResultValue[][];
  links: ResultLink[];
  /** Rows above the findings (title and header), frozen. */
  headerRows: number;
}

/** A sheet name as a formula reference: always quoted, inner quotes doubled. */
export function sheetReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/gu, "''")}'!${cell}`;
}

function titleLine(result: ValidationResult): string {
  const { error, warning, info } = result.summary;
  const unit = result.unit ? `${result.unit}${result.year}年台账` : `${result.year}年台账`;
  return `台账校验结果：${unit}，截至${result.asOf}，错误 ${error} 项、警告 ${warning} 项、提示 ${info} 项`;
}

function findingRow(f: Finding, index: number): ResultValue[] {
  return [index + 1, severityLabel[f.severity], f.rule, f.sheet, f.cell, f.field ?? '', f.value ?? '', f.message];
}

/** `sheetNames`: the workbook's sheets; a finding on a sheet that is not there gets no link. */
export function resultSheet(result: ValidationResult, sheetNames: ReadonlySet<string>): ResultSheet {
  const headerRows = 2;
  const width = resultHeader.length;
  const title = [titleLine(result), ...Array<string>(width - 1).fill('')];
  const rows = [title, [...resultHeader], ...result.findings.map(findingRow)];
  const links = result.findings.flatMap((f, i) =>
    sheetNames.has(f.sheet) ? [{ row: headerRows + i, reference: sheetReference(f.sheet, f.cell), text: f.cell }] : [],
  );
  return { rows, links, headerRows };
}
