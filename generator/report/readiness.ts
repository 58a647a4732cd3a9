/**
 * Whether a ledger and a period can make a report, decided once for the CLI, the task pane and
 * 台账助手.html: a report must say whose it is, and a period not yet over makes only a 征求意见稿.
 */
import { ruleInfo } from '../../ledger/check/ruleTable';
import type { Finding } from '../../ledger/findings';
import type { ValidationResult } from '../../ledger/model';
import { chineseDate } from '../../ledger/values/date';
import { periodEnd, periodLabel } from '../../ledger/values/period';
import { UsageError } from '../errors';
import type { ReportKind } from './template/schema';

/** A report that cannot be made from this ledger: the CLI exits 2 with its message, the pane shows it. */
export class ReportRefusal extends UsageError {
  override name = 'ReportRefusal';
}

export const reportNoun: Record<ReportKind, string> = { quarterly: '季度分析报告', semiannual: '半年通报' };

/** A ledger that does not name its unit (the blank template) cannot sign a report. */
export function refuseWithoutUnit(kind: ReportKind, result: Pick<ValidationResult, 'unit' | 'workbook'>): void {
  const unit = result.unit.trim();
  if (unit === '' || unit === '-') {
    throw new ReportRefusal(
      `台账“${result.workbook}”没有填写单位名称，不能生成${reportNoun[kind]}。请在“基本信息”表的“单位名称”一行填写本单位全称。`,
    );
  }
}

/** The period is not over on the report's date, so the report can only be a 征求意见稿. */
export const periodOpen = (period: string, asOf: string): boolean => asOf <= periodEnd(period);

/** Why a formal report of a period not yet over is refused (the CLI's --draft makes the 征求意见稿). */
export function openPeriodRefusal(kind: ReportKind, period: string, asOf: string): ReportRefusal {
  return new ReportRefusal(
    `${periodLabel(period)}到${chineseDate(periodEnd(period))}才结束，成文日期${chineseDate(asOf)}时还不能成为正式的${reportNoun[kind]}。如需征求意见稿，请加 --draft。`,
  );
}

/** Errors in the ledger's own data (not unmet requirements, which are what a report is about). */
export const dataErrors = (result: Pick<ValidationResult, 'findings' | 'ledger'>): Finding[] =>
  result.findings.filter((f) => f.severity === 'error' && ruleInfo(f.rule, result.ledger.plan).kind !== 'requirement');
