import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withPlanSheet } from '../helpers/bureauPlan';
import { taizhang } from '../helpers/cli';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { ledgerFolder } from '../helpers/ledgerFolder';
import { setSetting } from '../helpers/ledgerCases';
import { paragraphsOf, tablesOf, unzipDocx } from '../report/docxXml';

function unit(name: string) {
  const ledger = compliantLedger();
  setSetting(ledger, '单位名称', name);
  return ledger;
}

const rowsOf = (ws: ExcelJS.Worksheet) =>
  ws
    .getSheetValues()
    .flatMap((values) => (Array.isArray(values) ? [values.slice(1).map((v) => (v === undefined || v === null ? '' : String(v)))] : []));

let folder: string;
let workbook: ExcelJS.Workbook;
beforeAll(async () => {
  // 县乙局's plan: 专题研究 three times a year (its ledger holds two), 不定期抽查 off, a monthly 中心组学习 of its own.
  folder = await ledgerFolder({ '甲局.xlsx': unit('县甲局'), '乙局.xlsx': withPlanSheet(unit('县乙局')) });
  const run = taizhang(['summary', folder, '--period', '2026H1', '--as-of', yearClosed, '--out', join(folder, '汇总.xlsx'), '--docx']);
  expect(run.status, run.stderr).toBe(0);
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(folder, '汇总.xlsx'));
});

describe('taizhang summary over bureaus with plans of their own', () => {
  it('judges a bureau that changed a count by its count, and the requirement’s sheet says so', () => {
    const [title, header, ...rows] = rowsOf(workbook.getWorksheet('R01')!);
    expect(title[0]).toContain('有的单位按本单位实施方案另定的要求判断，见备注');
    expect(header.at(-1)).toBe('备注');
    expect(rows).toContainEqual([
      '县乙局',
      '2026年',
      '',
      '3',
      '2',
      '未达标',
      '2027年1月15日',
      '本单位要求每年至少开展3次意识形态工作专题研究',
    ]);
    expect(rows).toContainEqual(['县甲局', '2026年', '', '2', '2', '达标', '2027年1月15日']);
    const [, , ...checks] = rowsOf(workbook.getWorksheet('R07')!);
    expect(checks).toContainEqual(['县乙局', '', '', '', '', '', '', '本单位未启用此项']);
    const [overview, ...bureaus] = rowsOf(workbook.getWorksheet('汇总')!);
    const r01 = overview.findIndex((h) => h.startsWith('R01'));
    expect(bureaus.map((r) => r[r01])).toEqual(['达标', '未达标']);
    expect(
      workbook
        .getWorksheet('汇总')!
        .getRow(3)
        .getCell(r01 + 1).note,
    ).toBe('本单位要求每年至少开展3次意识形态工作专题研究');
  });

  it('lists each bureau’s own requirement under that bureau, month by month', () => {
    expect(workbook.worksheets.map((w) => w.name).slice(-2)).toEqual(['各单位自定要求', '未纳入汇总的台账']);
    const [, header, ...rows] = rowsOf(workbook.getWorksheet('各单位自定要求')!);
    expect(header).toEqual(['单位', '编号', '工作要求', '考核期间', '涉及单位', '应完成', '已完成', '落实情况', '到期日期']);
    expect(rows.map((r) => r.slice(0, 4))).toEqual(
      [1, 2, 3, 4, 5, 6].map((m) => ['县乙局', '本局1', '每月至少开展1次中心组学习', `2026年${m}月`]),
    );
    // The ledger's one 中心组专题学习 is in April.
    expect(rows.map((r) => r[7])).toEqual(['未达标', '未达标', '未达标', '达标', '未达标', '未达标']);
    // Its overdue months are the bureau's overdue items.
    const [overview, , yi] = rowsOf(workbook.getWorksheet('汇总')!);
    expect(yi[overview.indexOf('逾期事项')]).toContain('2026年1月每月至少开展1次中心组学习');
  });

  it('writes the 通报 without a count that is not every bureau’s', () => {
    const { document } = unzipDocx(readFileSync(join(folder, '汇总.docx')));
    const [requirements] = tablesOf(document);
    expect(requirements).toContainEqual(['1', '开展意识形态工作专题研究（按各单位实施方案要求）（三（一））', '1', '0', '1', '0']);
    const text = paragraphsOf(document)
      .map((p) => p.text)
      .join('\n');
    expect(text).not.toContain('每年至少开展2次');
    // 县乙局 switched 不定期抽查 off: it is not judged by it, so the requirement keeps its own words, counting 县甲局 alone.
    expect(requirements).toContainEqual(['7', '不定期开展抽查（三（二））', '1', '0', '0', '0']);
    // …and the 通报 says so under the table, or row 7 reads one bureau short.
    expect(text).toContain('注：县乙局的实施方案未列入“不定期开展抽查”，该项统计不含县乙局。');
    expect(text.match(/实施方案未列入/gu)).toHaveLength(1);
    expect(text).toContain('“开展意识形态工作专题研究（按各单位实施方案要求）”');
    // A bureau's own requirement is named with that bureau, under the theme of the sheet it counts.
    expect(text).toMatch(/理论学习和阵地管理还有薄弱环节。[^\n]*“每月至少开展1次中心组学习”落实不到位，1个单位未达标：县乙局。/u);
  });
});
