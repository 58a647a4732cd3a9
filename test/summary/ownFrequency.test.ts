import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bureauPlanRows, withPlanSheet } from '../helpers/bureauPlan';
import { taizhang } from '../helpers/cli';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { ledgerFolder } from '../helpers/ledgerFolder';
import { setSetting } from '../helpers/ledgerCases';

function unit(name: string) {
  const ledger = compliantLedger();
  setSetting(ledger, '单位名称', name);
  return ledger;
}

describe('taizhang summary over a bureau that changed a frequency', () => {
  it('judges its 季度分析 by the half-year its plan says, on the requirement’s sheet, and says so there', async () => {
    // 县乙局 judges R03 by half-year, its sentence written from the row.
    const rows = bureauPlanRows().map((r) => (r.编号 === 'R03' ? { ...r, 要求: '', 频次: '按半年' } : r));
    const folder = await ledgerFolder({ '甲局.xlsx': unit('县甲局'), '乙局.xlsx': withPlanSheet(unit('县乙局'), rows) });
    const run = taizhang(['summary', folder, '--period', '2026H2', '--as-of', yearClosed, '--out', join(folder, '汇总.xlsx')]);
    expect(run.status, run.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(folder, '汇总.xlsx'));
    const values: string[][] = [];
    workbook.getWorksheet('R03')!.eachRow((row) => values.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const [title, , ...bureaus] = values;
    expect(title[0]).toContain('有的单位按本单位实施方案另定的要求判断，见备注');
    expect(bureaus.map((r) => `${r[0]} ${r[1]} ${r[3]} ${r[5]} ${r[7] ?? ''}`.trim())).toEqual([
      '县甲局 2026年第三季度 1 达标',
      '县甲局 2026年第四季度 1 达标',
      '县乙局 2026年下半年 1 达标 本单位要求每半年至少开展1次意识形态领域情况季度分析',
    ]);
  });
});
