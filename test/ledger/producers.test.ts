import { describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';

/** The same small ledger typed by other producers (see test/fixtures/README.md). */
const producers = ['libreoffice-ledger.xlsx', 'openpyxl-ledger.xlsx', 'openpyxl-1904.xlsx', 'wps-style.xlsx'];
const asOf = '2026-07-20';

async function validate(name: string) {
  return validateGrid(await readWorkbookFile(`test/fixtures/${name}`), { asOf });
}

describe('workbooks written by LibreOffice, openpyxl and WPS habits', () => {
  for (const name of producers) {
    it(`${name} reads completely and only the running periods are open`, async () => {
      const result = await validate(name);
      expect(result.summary).toEqual({ error: 0, warning: 0, info: 3 });
      expect(result.findings.map((f) => `${f.rule} ${f.severity}`).sort()).toEqual(['R03 info', 'R05 info', 'R09 info']);
      expect(result.findings.find((f) => f.rule === 'R09')?.message).toContain('机关党支部');
      const counts = Object.fromEntries(Object.entries(result.ledger.records).map(([k, v]) => [k, v.length]));
      expect(counts).toEqual({
        organization: 3,
        research: 2,
        analysis: 3,
        notification: 1,
        inspection: 3,
        branchReport: 1,
        training: 3,
        lecture: 1,
        opinion: 2,
        review: 2,
        accountability: 0,
      });
      const { records, settings } = result.ledger;
      expect(settings).toMatchObject({ 单位名称: '县XX局', 台账年度: 2026, 党组成员: ['张建国', '李明华', '王志强'], 宽限天数: 15 });
      expect(records.research.map((r) => r.data.会议日期)).toEqual(['2026-03-05', '2026-06-18']);
      expect(records.opinion[1].data).toMatchObject({ 是否重大: true, 发现时间: '2026-05-12T09:30:00', 报送时间: '2026-05-12T12:50:00' });
      expect(records.inspection[0].data.检查方式).toEqual(['听取汇报', '查阅资料']);
      expect(records.analysis.map((r) => r.data.所属期间).filter(Boolean)).toEqual(['2026Q1', '2026Q2']);
      expect(records.branchReport[0].data.所属半年).toBe('2026H1');
    });
  }

  it('all four producers normalise to the same settings and records', async () => {
    const data = await Promise.all(
      producers.map(async (name) => {
        const { ledger } = await validate(name);
        return {
          settings: ledger.settings,
          records: Object.fromEntries(Object.entries(ledger.records).map(([k, v]) => [k, v.map((r) => r.data)])),
        };
      }),
    );
    for (const other of data.slice(1)) expect(other).toEqual(data[0]);
  });

  it('the 1904 date system gives the same dates as the 1900 one', async () => {
    const [a, b] = await Promise.all([
      readWorkbookFile('test/fixtures/openpyxl-ledger.xlsx'),
      readWorkbookFile('test/fixtures/openpyxl-1904.xlsx'),
    ]);
    expect(a.date1904).toBe(false);
    expect(b.date1904).toBe(true);
  });
});

describe('the sample ledger', () => {
  it('reports exactly its planted faults at their cells', async () => {
    const result = validateGrid(await readWorkbookFile('templates/示例台账.xlsx'), { asOf });
    // info: the 月度分析 record, its kind unread, is also 未能归类 at its row (D10, issue 19 §1).
    expect(result.summary).toEqual({ error: 7, warning: 3, info: 11 });
    const planted = result.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`);
    expect(planted.sort()).toEqual(
      [
        'D03 error 二、分析研判!C4',
        'D06 error ４．检查抽查!D7',
        'R06 error ４．检查抽查!A3',
        'R09 error 5、专题汇报!A2',
        'D02 error 学习培训!B6',
        'R14 error 讲座论坛!G5',
        'R16 error 舆情处置!F6',
        'R18 warning 组织架构!F11',
        'R19 warning ４．检查抽查!J6',
        'D08 warning 学习培训!B15',
      ].sort(),
    );
    expect(result.findings.find((f) => f.rule === 'D06')?.message).toContain('是否应为“政策法规股”');
  });
});
