import ExcelJS from 'exceljs';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256, taizhang } from '../helpers/cli';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { ledgerFolder } from '../helpers/ledgerFolder';
import { setSetting } from '../helpers/ledgerCases';
import { paragraphsOf, tablesOf, textOf, unzipDocx } from '../report/docxXml';

function unit(name: string, year = 2026) {
  const ledger = compliantLedger();
  setSetting(ledger, '单位名称', name);
  setSetting(ledger, '台账年度', year);
  return ledger;
}

/** 县乙局: 第一党支部 never reported to the 党组 in the first half (R09 未达标 once the half is due). */
function missingBranchReport() {
  const ledger = unit('县乙局');
  ledger.专题汇报.rows = ledger.专题汇报.rows.filter((row) => row[0] !== '第一党支部' || !String(row[2]).includes('H1'));
  return ledger;
}

async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

const rowsOf = (ws: ExcelJS.Worksheet) =>
  ws
    .getSheetValues()
    .flatMap((values) => (Array.isArray(values) ? [values.slice(1).map((v) => (v === undefined || v === null ? '' : String(v)))] : []));

let folder: string;
let run: ReturnType<typeof taizhang>;
beforeAll(async () => {
  folder = await ledgerFolder({
    '甲局.xlsx': unit('县甲局'),
    '乙局.xlsx': missingBranchReport(),
    '往年/丙局2025.xlsx': unit('县丙局', 2025),
    '丁局.xlsx': 'damaged',
    // A bureau that sent its ledger in the old format is listed with how to save it, not passed over.
    '戊局.xls': readFileSync('test/fixtures/legacy.xls'),
  });
  run = taizhang(['summary', folder, '--period', '2026H1', '--as-of', yearClosed, '--out', join(folder, '汇总.xlsx'), '--docx']);
});

describe('taizhang summary', () => {
  it('writes the workbook and the 通报 and says what it left out', () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`已生成汇总表：${join(folder, '汇总.xlsx')}（共收到 5 份台账，纳入汇总 2 个单位，3 份台账未纳入汇总`);
    expect(run.stdout).toContain(`已生成汇总通报：${join(folder, '汇总.docx')}`);
    expect(run.stderr).toContain('丁局.xlsx');
    // The packaged template's signing organ is a placeholder the county has to replace.
    expect(run.stderr).toContain('注意：汇总通报的发文机关仍是模板中的“中共XX县委宣传部”。请把措辞模板中的“发文机关署名”改为本县的名称');
    expect(readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('has one row per bureau with each requirement’s status for the period and the overdue items', async () => {
    const workbook = await readWorkbook(join(folder, '汇总.xlsx'));
    const [header, ...rows] = rowsOf(workbook.getWorksheet('汇总')!);
    expect(header.slice(0, 7)).toEqual(['序号', '单位', '年度', '台账文件', '错误', '警告', '提示']);
    expect(header.slice(7, 26).map((h) => h.slice(0, 3))).toEqual(
      Array.from({ length: 19 }, (_, i) => `R${String(i + 1).padStart(2, '0')}`),
    );
    expect(header.slice(26)).toEqual(['逾期事项数', '逾期事项']);
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['1', '县甲局', '2026', '甲局.xlsx'],
      ['2', '县乙局', '2026', '乙局.xlsx'],
    ]);
    const r09 = header.findIndex((h) => h.startsWith('R09'));
    expect(rows.map((r) => r[r09])).toEqual(['达标', '未达标']);
    for (const r of rows) for (const status of r.slice(7, 26)) expect(['达标', '进行中', '未达标', '无法判断']).toContain(status);
    expect(rows[1][26]).toBe('1');
    expect(rows[1][27]).toBe('2026年上半年“第一党支部”党总支、各支部每半年专题汇报1次');
    expect(rows[0].slice(26)).toEqual(['0', '']);
    // The errors column is what validate counts for the same ledger and date.
    const validated = JSON.parse(taizhang(['validate', join(folder, '乙局.xlsx'), '--as-of', yearClosed, '--format', 'json']).stdout) as {
      summary: { error: number; warning: number };
    };
    expect(rows[1].slice(4, 6)).toEqual([String(validated.summary.error), String(validated.summary.warning)]);
  });

  it('has a sheet per requirement with each bureau’s periods and units', async () => {
    const workbook = await readWorkbook(join(folder, '汇总.xlsx'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      ...Array.from({ length: 19 }, (_, i) => `R${String(i + 1).padStart(2, '0')}`),
      '未纳入汇总的台账',
    ]);
    const [title, header, ...rows] = rowsOf(workbook.getWorksheet('R09')!);
    expect(title[0]).toBe('R09 党总支、各支部每半年专题汇报1次（实施方案三(三)）——2026年上半年');
    expect(header).toEqual(['单位', '考核期间', '涉及单位', '应完成', '已完成', '落实情况', '到期日期', '备注']);
    expect(rows).toContainEqual(['县乙局', '2026年上半年', '第一党支部', '1', '0', '未达标', '2026年7月15日']);
    expect(rows).toContainEqual(['县甲局', '2026年上半年', '第一党支部', '1', '1', '达标', '2026年7月15日']);
    // The second half is not the period asked for.
    expect(rows.some((r) => r[1] === '2026年下半年')).toBe(false);
  });

  it('lists the ledger of another year and the unreadable one instead of dropping them', async () => {
    const workbook = await readWorkbook(join(folder, '汇总.xlsx'));
    const [header, ...rows] = rowsOf(workbook.getWorksheet('未纳入汇总的台账')!);
    expect(header).toEqual(['序号', '台账文件', '单位', '年度', '原因']);
    expect(rows).toHaveLength(3);
    expect(rows[0].slice(1)).toEqual([join(folder, '丁局.xlsx'), '', '', expect.stringContaining('丁局.xlsx') as string]);
    expect(rows[1].slice(1)).toEqual([join(folder, '往年', '丙局2025.xlsx'), '县丙局', '2025', '台账年度为2025年，不是本次汇总的年度']);
    expect(rows[2].slice(1)).toEqual([join(folder, '戊局.xls'), '', '', expect.stringContaining('旧版 .xls') as string]);
  });

  it('writes a 汇总通报 with the county’s figures, the units that fall short and the ledgers left out', () => {
    const { document } = unzipDocx(readFileSync(join(folder, '汇总.docx')));
    const texts = paragraphsOf(document).map((p) => p.text);
    // The title's two lines are one paragraph broken where the template breaks it, between words.
    expect(texts[0]).toBe('关于2026年上半年全县意识形态工作责任制落实情况的通报');
    const titleLines = paragraphsOf(document)[0]
      .xml.split('<w:br/>')
      .map((part) => textOf(part));
    expect(titleLines).toEqual(['关于2026年上半年全县', '意识形态工作责任制落实情况的通报']);
    expect(texts).toContain('各乡镇党委，县直各单位党组（党委）：');
    expect(texts).toContain(
      '共收到5份意识形态工作台账，纳入本次汇总2个单位，另有3份台账未纳入汇总。2026年上半年各项制度均已落实到位的单位1个。有逾期未完成事项的单位1个。',
    );
    expect(texts).toContain(
      '一是意识形态工作责任制落实还有差距。“党总支、各支部每半年专题汇报1次”（实施方案三（三））落实不到位，1个单位未达标：县乙局。',
    );
    expect(texts).toContain('2026年上半年，县甲局各项制度均已落实到位，没有逾期未完成事项，予以通报表扬。');
    expect(texts).toContain('1.“丁局.xlsx”，文件不是 .xlsx 格式的 Excel 工作簿（如旧版 .xls、WPS 的 .et），须另存为 .xlsx 后报送。');
    expect(texts).toContain('2.县丙局报送的“丙局2025.xlsx”，台账年度为2025年。');
    expect(texts).toContain('3.“戊局.xls”，文件不是 .xlsx 格式的 Excel 工作簿（如旧版 .xls、WPS 的 .et），须另存为 .xlsx 后报送。');
    expect(texts).toContain('中共XX县委宣传部');
    expect(texts).toContain('2027年1月20日');
    const headings = texts.filter((t) => /^[一二三四五六七]、/u.test(t));
    expect(headings).toEqual([
      '一、总体情况',
      '二、各项制度落实情况',
      '三、各单位落实情况',
      '四、未纳入汇总的台账',
      '五、存在的问题',
      '六、下一步工作要求',
    ]);
    const [requirements, units] = tablesOf(document);
    expect(requirements[0]).toEqual(['序号', '工作要求', '达标', '进行中', '未达标', '无法判断']);
    expect(requirements[9]).toEqual(['9', '党总支、各支部每半年专题汇报1次（三（三））', '1', '0', '1', '0']);
    expect(units).toEqual([
      ['序号', '单位', '达标项数', '未达标项数', '逾期未完成事项'],
      ['1', '县甲局', '19', '0', '0'],
      ['2', '县乙局', '18', '1', '1'],
    ]);
    // Read by the 党组: no rule ids, no cell addresses, no half-width brackets.
    expect(texts.join('')).not.toMatch(/\b[RSD]\d\d\b|[A-Z]+\d+：|[()]/u);
    // The 版记 ends it, with the 印发机关 drawn from the signing organ.
    expect(texts.at(-1)).toBe('中共XX县委宣传部办公室2027年1月20日印发');
  });

  it('signs with the county’s own name once the template has it, and then warns no more', () => {
    const template = join(folder, '临江县汇总通报.yaml');
    writeFileSync(template, readFileSync('templates/reports/汇总通报.yaml', 'utf8').replace('中共XX县委宣传部', '中共临江县委宣传部'));
    const out = join(folder, '汇总-临江.xlsx');
    const signed = taizhang([
      'summary',
      folder,
      '--period',
      '2026H1',
      '--as-of',
      yearClosed,
      '--out',
      out,
      '--docx',
      '--template',
      template,
    ]);
    expect(signed.status).toBe(0);
    expect(signed.stderr).not.toContain('发文机关');
    const texts = paragraphsOf(unzipDocx(readFileSync(join(folder, '汇总-临江.docx'))).document).map((p) => p.text);
    expect(texts).toContain('中共临江县委宣传部');
    expect(texts.at(-1)).toBe('中共临江县委宣传部办公室2027年1月20日印发');
  });

  it('passes over its own summary kept in the folder when the county runs it again', async () => {
    const out = join(folder, '汇总-复核.xlsx');
    const again = taizhang(['summary', folder, '--period', '2026H1', '--as-of', yearClosed, '--out', out]);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain(`已跳过：“汇总.xlsx”是台账助手生成的汇总表，不是台账。`);
    expect(again.stdout).toContain('（共收到 5 份台账，纳入汇总 2 个单位，3 份台账未纳入汇总');
    const [, ...rows] = rowsOf((await readWorkbook(out)).getWorksheet('未纳入汇总的台账')!);
    expect(rows.map((r) => r[1])).not.toContain(join(folder, '汇总.xlsx'));
  });

  it('never overwrites a file: an existing --out is refused before anything is read', () => {
    const out = join(folder, '汇总.xlsx');
    const before = sha256(out);
    const again = taizhang(['summary', folder, '--period', '2026H1', '--as-of', yearClosed, '--out', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(`文件“${out}”已存在，不会覆盖。请另选文件名，或先把原文件移走。\n`);
    expect(sha256(out)).toBe(before);
    const docxTaken = taizhang(['summary', folder, '--period', '2026H1', '--out', join(folder, '汇总.xlsx'), '--docx']);
    expect(docxTaken.status).toBe(2);
  });

  it('refuses a wrong --out, a period without its year and a broken wording template with exit 2', () => {
    const out = join(folder, 'new.xlsx');
    const docx = taizhang(['summary', folder, '--period', '2026H1', '--out', join(folder, '汇总.docx.out')]);
    expect(docx.status).toBe(2);
    expect(docx.stderr).toContain('应以 .xlsx 结尾');
    const noYear = taizhang(['summary', folder, '--period', '上半年', '--out', out]);
    expect(noYear.status).toBe(2);
    expect(noYear.stderr).toContain('没有写年度');
    const template = join(folder, '坏模板.yaml');
    const bad = taizhang(['summary', folder, '--period', '2026H1', '--out', out, '--docx', '--template', template]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('找不到模板文件');
    expect(existsSync(out)).toBe(false);
    expect(statSync(folder).isDirectory()).toBe(true);
  });
});
