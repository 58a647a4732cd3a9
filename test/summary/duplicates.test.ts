import ExcelJS from 'exceljs';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { taizhang, type CliRun } from '../helpers/cli';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { ledgerFolder } from '../helpers/ledgerFolder';
import { setSetting } from '../helpers/ledgerCases';
import { paragraphsOf, tablesOf, unzipDocx } from '../report/docxXml';

function unit(name: string) {
  const ledger = compliantLedger();
  setSetting(ledger, '单位名称', name);
  return ledger;
}

/** 县乙局's ledger sent again after a change: one 专题研究 fewer, the same 单位名称. */
function revised() {
  const ledger = unit('县乙局');
  ledger.专题研究.rows.pop();
  return ledger;
}

let folder: string;
let run: CliRun;

async function summaryWorkbook(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(folder, '汇总.xlsx'));
  return workbook;
}

/** The 汇总 sheet's rows below its header, as [序号, 单位, 年度, 台账文件, …]. */
async function overviewRows(): Promise<ExcelJS.CellValue[][]> {
  const rows = (await summaryWorkbook()).getWorksheet('汇总')!.getSheetValues().slice(2);
  return rows.map((row) => (row as ExcelJS.CellValue[]).slice(1));
}
beforeAll(async () => {
  folder = await ledgerFolder({ '甲局.xlsx': unit('县甲局'), '乙局.xlsx': unit('县乙局'), '乙局修改稿.xlsx': revised() });
  // The same file sent twice, saved by the mail client under another name.
  copyFileSync(join(folder, '甲局.xlsx'), join(folder, '甲局(1).xlsx'));
  run = taizhang(['summary', folder, '--period', '2026H1', '--as-of', yearClosed, '--out', join(folder, '汇总.xlsx'), '--docx']);
});

describe('taizhang summary of a folder where a bureau sent its ledger twice', () => {
  it('counts an exact copy once and lists it in the workbook as a copy of the other file', async () => {
    expect(run.status).toBe(0);
    // The copy is one ledger received, not one left out: the same count as the 通报's 共收到.
    expect(run.stdout).toContain('（共收到 3 份台账，纳入汇总 3 个单位，另有 1 份与其他台账完全相同，按一份计）');
    expect((await overviewRows()).filter((row) => row[1] === '县甲局')).toHaveLength(1);
    const excluded = (await summaryWorkbook()).getWorksheet('未纳入汇总的台账')!;
    expect(excluded.rowCount).toBe(2);
    expect((excluded.getRow(2).values as ExcelJS.CellValue[]).slice(1)).toEqual([
      1,
      join(folder, '甲局(1).xlsx'),
      '',
      '',
      '与“甲局.xlsx”内容完全相同（重复报送），已按一份汇总',
    ]);
  });

  it('counts two different ledgers of one 单位名称 both, and asks the county to look', async () => {
    const files = (await overviewRows()).filter((row) => row[1] === '县乙局').map((row) => row[3]);
    expect(files.sort()).toEqual(['乙局.xlsx', '乙局修改稿.xlsx']);
    const warnings = run.stderr
      .trim()
      .split('\n')
      .filter((line) => line.includes('单位名称'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^注意：2 份内容不同的台账都填写单位名称“县乙局”（“乙局\S*\.xlsx”、“乙局\S*\.xlsx”），均已纳入汇总。请核实/u,
    );
  });

  it('keeps the copy out of the 通报, which counts the ledgers received once each', () => {
    const { document } = unzipDocx(readFileSync(join(folder, '汇总.docx')));
    const texts = paragraphsOf(document).map((p) => p.text);
    expect(texts.find((t) => t.startsWith('共收到'))).toMatch(/^共收到3份意识形态工作台账，纳入本次汇总3个单位。/u);
    expect(texts.join('')).not.toContain('甲局(1)');
    expect(texts.some((t) => t.endsWith('未纳入汇总的台账'))).toBe(false);
    const [, units] = tablesOf(document);
    expect(units.slice(1).map((row) => row[1])).toEqual(['县甲局', '县乙局', '县乙局']);
  });

  it('names a bad file in the 通报 by its bureau’s folder when every bureau gave its file the same name', async () => {
    const bureaus = await ledgerFolder({
      '县甲局/意识形态工作台账.xlsx': unit('县甲局'),
      // Cut short in copying: a workbook, damaged.
      '县乙局/意识形态工作台账.xlsx': readFileSync('test/fixtures/truncated.xlsx'),
      // A name no other file has: still attributed to the folder it was found in.
      '县丙局/丙局台账2026.xlsx': 'damaged',
    });
    const out = join(bureaus, '汇总.xlsx');
    expect(taizhang(['summary', bureaus, '--period', '2026H1', '--as-of', yearClosed, '--out', out, '--docx']).status).toBe(0);
    const texts = paragraphsOf(unzipDocx(readFileSync(join(bureaus, '汇总.docx'))).document).map((p) => p.text);
    expect(texts.find((t) => t.includes('意识形态工作台账.xlsx'))).toMatch(
      /^\d\.“县乙局”文件夹中的“意识形态工作台账\.xlsx”，文件已损坏或无法打开。$/u,
    );
    expect(texts.find((t) => t.includes('丙局台账2026.xlsx'))).toMatch(/^\d\.“县丙局”文件夹中的“丙局台账2026\.xlsx”，/u);
  });
});
