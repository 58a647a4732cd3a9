import { recordSheets } from '../../../ledger/schema/sheets';
import type { WorkSheetKey } from '../../../ledger/check/placing';

/** Placeholder names every phrase of a wording template may use; each report adds its own period word. */
export const contextNames = ['单位名称', '年度', '期间', '起始日期', '截止日期', '成文日期', '党组书记', '分管领导', '责任部室'] as const;

export const quarterlyContext = [...contextNames, '季'] as const;
export const semiannualContext = [...contextNames, '半年'] as const;

export type { WorkSheetKey };

/** The record sheets whose work a report counts, in the order the reports list them. */
export const workSheets: readonly WorkSheetKey[] = [
  'research',
  'analysis',
  'notification',
  'inspection',
  'branchReport',
  'training',
  'lecture',
  'opinion',
  'review',
  'accountability',
];

/** `{专题研究}` … `{问责追究}`: how many records of each sheet the period has. */
export const countNames = workSheets.map((key) => recordSheets[key].title);
