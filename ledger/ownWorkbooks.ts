/**
 * The workbooks taizhang writes beside a bureau's ledgers: 台账助手.html's 下载校验结果 and the county's
 * summary. Their writers take the sheet names from here, and so does the check that tells them from a
 * ledger when one lies in a folder of ledgers or is opened by mistake.
 */
export const ownSheetNames = { results: '校验结果', summary: '汇总', summaryLeftOut: '未纳入汇总的台账' } as const;

/** What the workbook is, in the clerk's words, when it is one of ours by its sheets; null for any other. */
export function ownWorkbookKind(sheetNames: readonly string[]): string | null {
  const names = new Set(sheetNames);
  if (names.has(ownSheetNames.summary) && names.has(ownSheetNames.summaryLeftOut)) return '汇总表';
  if (names.size === 1 && names.has(ownSheetNames.results)) return '校验结果表';
  return null;
}
