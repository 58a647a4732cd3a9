import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ValidationResult } from '../../ledger/model';
import { ledgerDigest } from '../../generator/summary/digest';
import { buildNotice } from '../../generator/summary/notice';
import { rollUp } from '../../generator/summary/rollup';
import { loadNoticeTemplate } from '../../generator/summary/template';
import { summaryWorkbook } from '../../generator/summary/workbook';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { validateLedger } from '../helpers/ledgerWorkbook';

/** The result as the rules will give it when a ledger lacks the records a requirement judges. */
function undecided(result: ValidationResult, id: string): ValidationResult {
  const rules = result.rules.map((r) =>
    r.id === id ? { ...r, status: '无法判断' as const, periods: r.periods.map((p) => ({ ...p, status: '无法判断' as const })) } : r,
  );
  return { ...result, rules };
}

describe('a requirement that cannot be judged (无法判断)', () => {
  it('is shown as such in the workbook and named in the 通报, neither as 达标 nor as 未达标', async () => {
    const result = undecided(await validateLedger(compliantLedger(), yearClosed), 'R14');
    const digest = ledgerDigest('/台账/测试局.xlsx', result, '2026H1');
    expect(digest.requirements.find((r) => r.id === 'R14')?.status).toBe('无法判断');
    const rollup = rollUp('2026H1', yearClosed, [{ kind: 'digest', path: digest.path, digest }]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await summaryWorkbook(rollup)).buffer as ArrayBuffer);
    const overview = workbook.getWorksheet('汇总')!;
    const header = (overview.getRow(1).values as string[]).slice(1);
    expect(overview.getRow(2).getCell(header.findIndex((h) => h.startsWith('R14')) + 1).value).toBe('无法判断');
    expect(workbook.getWorksheet('R14')!.getRow(3).getCell(6).value).toBe('无法判断');

    const notice = buildNotice(rollup, await loadNoticeTemplate());
    const texts = notice.body.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(texts).toContain(
      '一是部分单位台账记录不完整。“讲座、报告、论坛须提前登记报告党组审批”有1个单位的台账中缺少相应记录，无法判断落实情况：县测试局。',
    );
    const table = notice.body.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows[13]).toEqual([
      '14',
      '讲座、报告、论坛须提前登记报告党组审批（三（五））',
      '0',
      '0',
      '0',
      '1',
    ]);
  });
});
