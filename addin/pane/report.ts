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
}

/** The report as a .docx named by its title, as the clerk would name it. */
export async function reportFile(report: Report): Promise<ReportFile> {
  return { fileName: `${reportTitle(report)}.docx`, bytes: await renderReport(report) };
}

/** The report for `period`, built by the same model builders the CLI uses. */
export async function buildReport(kind: ReportKind, result: ValidationResult, period: string): Promise<ReportFile> {
  const report =
    kind === 'quarterly'
      ? buildQuarterlyReport(result, bundledTemplate('quarterly'), { period })
      : buildSemiannualReport(result, bundledTemplate('semiannual'), { period });
  return reportFile(report);
}
