/// <reference types="vite/client" />
/**
 * Reports in the pane: the wording templates are bundled (the same files the CLI reads from
 * templates/reports/), and the .docx is rendered in the browser by the generator's own renderer.
 */
import { renderReport } from '../../generator/report/docx/document';
import type { Report } from '../../generator/report/model';
import { reportTitle } from '../../generator/report/model';
import { parseTemplate } from '../../generator/report/template/parse';
import type { TemplateOf } from '../../generator/report/template/schema';
import type { ValidationResult } from '../../ledger/model';
import { periodLabel } from '../../ledger/values/period';
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

/**
 * The report for `period`. The step from a validation result to the report's content
 * (generator/report's model builders) has not landed yet; until it does, the pane says so.
 */
export async function buildReport(kind: ReportKind, result: ValidationResult, period: string): Promise<ReportFile> {
  bundledTemplate(kind);
  const name = kind === 'quarterly' ? '季度分析报告' : '半年通报';
  throw new Error(`本版本尚未包含报告内容的生成模块，暂不能生成${result.unit}${periodLabel(period)}的${name}。`);
}
