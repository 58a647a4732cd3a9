/**
 * The report generator proper: wording templates, model builders and the Word renderer. `taizhang
 * report` loads it when it runs, so that `validate` does not pay for docx and the YAML reader.
 */
import type { ValidationResult } from '../../ledger/model';
import { buildQuarterlyReport } from './build/quarterly';
import { buildSemiannualReport } from './build/semiannual';
import type { BuildOptions } from './build/context';
import type { Report } from './model';
import { loadTemplateFile } from './template/file';
import type { ReportKind } from './template/schema';

export { renderReport } from './docx/document';

export type Builder = (result: ValidationResult, options: BuildOptions) => Report;

/** Loads the kind's wording template (the default one, or the file at `templatePath`) and returns its builder. */
export async function reportBuilder(kind: ReportKind, templatePath?: string): Promise<Builder> {
  if (kind === 'quarterly') {
    const template = await loadTemplateFile('quarterly', templatePath);
    return (result, options) => buildQuarterlyReport(result, template, options);
  }
  const template = await loadTemplateFile('semiannual', templatePath);
  return (result, options) => buildSemiannualReport(result, template, options);
}
