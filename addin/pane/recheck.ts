/**
 * Before the pane writes anything from a check (标注, 写入校验结果表), it checks the workbook again:
 * a clerk fixing problems inserts and deletes rows, and the last check's cells would then be other
 * records' cells. What the clerk is told when the new check differs from the one shown.
 */
import type { Finding, Summary } from '../../ledger/findings';

const findingKey = (f: Finding) => JSON.stringify([f.rule, f.severity, f.sheet, f.cell, f.field, f.value, f.message]);

/** The same findings at the same cells, in the same order. */
export function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && a.every((f, i) => findingKey(f) === findingKey(b[i]));
}

/** The opening of the status line when the workbook changed since the check the clerk was shown. */
export function changedNotice(summary: Summary): string {
  const { error, warning, info } = summary;
  return `工作簿在上次校验后有改动，已按现在的内容重新校验（错误 ${error} 项，警告 ${warning} 项，提示 ${info} 项），问题清单已更新。`;
}
