/// <reference types="vite/client" />
/**
 * Reports in the pane: the wording templates are bundled (the same files the CLI reads from
 * templates/reports/), and the .docx is rendered in the browser by the generator's own renderer.
 */
import { buildQuarterlyReport } from '../../generator/report/build/quarterly';
import { buildSemiannualReport } from '../../generator/report/build/semiannual';
import { renderReport } from '../../generator/report/docx/document';
import type { Report } from '../../generator/report/model';
import { reportTitle } from '../../generator/report/model';
import { parseTemplate } from '../../generator/report/template/parse';
import type { TemplateOf } from '../../generator/report/template/schema';
import type { ValidationResult } from '../../ledger/model';
import { periodLabel } from '../../ledger/values/period';
import { dataErrors, periodOpen, refuseWithoutUnit } from '../../generator/report/readiness';
import quarterlyText from '../../templates/reports/季度分析报告.yaml?raw';
import semiannualText from '../../templates/reports/半年通报.yaml?raw';
import type { ReportKind } from './viewModel';

export const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const templates: Record<ReportKind, { text: string; file: string }> = {
  quarterly: { text: quarterlyText, file: '季度分析报告.yaml' },
  semiannual: { text: semiannualText, file: '半年通报.yaml' },
};

/** The bundled wording template, checked exactly as the CLI checks a template file. */
export function bundledTemplate<K extends ReportKind>(kind: K): TemplateOf<K> {
  return parseTemplate(kind, templates[kind].text, templates[kind].file);
}

export interface ReportFile {
  fileName: string;
  bytes: Uint8Array;
  /** What the clerk should know of it: a 征求意见稿, data errors left out of it (empty when nothing). */
  notice: string;
}

/** The report as a .docx named by its title, as the clerk would name it. */
export async function reportFile(report: Report, notice = ''): Promise<ReportFile> {
  return { fileName: `${reportTitle(report)}.docx`, bytes: await renderReport(report), notice };
}

/**
 * The report for `period`, built by the same model builders the CLI uses and refused where the CLI
 * refuses it. A period not yet over gives the 征求意见稿 the CLI gives with --draft: in the pane the
 * clerk chose the period from a list, and a draft to circulate is what such a choice is for.
 */
export async function buildReport(kind: ReportKind, result: ValidationResult, period: string): Promise<ReportFile> {
  refuseWithoutUnit(kind, result);
  const options = { period, ...(periodOpen(period, result.asOf) && { draft: true }) };
  const report =
    kind === 'quarterly'
      ? buildQuarterlyReport(result, bundledTemplate('quarterly'), options)
      : buildSemiannualReport(result, bundledTemplate('semiannual'), options);
  const errors = dataErrors(result).length;
  const notice = [
    report.draft ? `${periodLabel(period)}尚未结束，已按征求意见稿生成。` : '',
    ...(report.notices ?? []),
    errors > 0 ? `台账有 ${errors} 处数据错误，这些单元格的内容未计入报告；请在问题清单中查看并更正后重新生成。` : '',
  ].join('');
  return reportFile(report, notice);
}
