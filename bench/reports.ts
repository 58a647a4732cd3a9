import type { ValidationResult } from '../ledger/model';
import { fastest } from './measure';

export interface ReportTimes {
  quarterlyMs: number | null;
  semiannualMs: number | null;
}

/**
 * Building and rendering each report (.docx bytes) from a validation result, the way `taizhang report`
 * does after validating; reading the ledger is not counted again. The report generator is loaded when
 * the benchmark runs, so the benchmark still runs (with null here) while it is missing or broken.
 */
export async function reportTimes(result: ValidationResult): Promise<ReportTimes> {
  try {
    const { loadTemplateFile } = await import('../generator/report/template/file');
    const { buildQuarterlyReport } = await import('../generator/report/build/quarterly');
    const { buildSemiannualReport } = await import('../generator/report/build/semiannual');
    const { renderReport } = await import('../generator/report/docx/document');
    const quarterly = await loadTemplateFile('quarterly');
    const semiannual = await loadTemplateFile('semiannual');
    const year = result.year;
    const q = await fastest(3, async () => renderReport(buildQuarterlyReport(result, quarterly, { period: `${year}Q2` })));
    const h = await fastest(3, async () => renderReport(buildSemiannualReport(result, semiannual, { period: `${year}H1` })));
    return { quarterlyMs: q.ms, semiannualMs: h.ms };
  } catch (error) {
    process.stderr.write(`  报告生成无法计时：${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    return { quarterlyMs: null, semiannualMs: null };
  }
}
