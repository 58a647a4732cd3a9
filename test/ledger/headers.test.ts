import { describe, expect, it } from 'vitest';
import { cellAddress } from '../../ledger/grid/address';
import type { ValidationResult } from '../../ledger/model';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { addColumn, allPlaced, renameHeader, renameSheets, setCell, setSetting } from '../helpers/ledgerCases';
import { day, validateLedger, type TestLedger } from '../helpers/ledgerWorkbook';

/** Every record's data, by sheet: what a tolerant reading must make of a ledger however it is laid out. */
const recordData = (result: ValidationResult) =>
  Object.fromEntries(Object.entries(result.ledger.records).map(([k, v]) => [k, v.map((r) => r.data)]));

let reference: ReturnType<typeof recordData> | undefined;
async function compliantData() {
  reference ??= recordData(await validateLedger(compliantLedger(), yearClosed));
  return reference;
}

function renameHeaders(ledger: TestLedger, sheet: string, names: Record<string, string>): void {
  for (const [from, to] of Object.entries(names)) renameHeader(ledger, sheet, from, to);
}

describe('the header row', () => {
  it('is found under a merged title row and a unit line, and cells keep their Excel rows', async () => {
    const ledger = compliantLedger();
    ledger.专题研究.above = ['县测试局意识形态工作台账——专题研究', '填报单位：办公室　　填报时间：2026年12月'];
    ledger.基本信息.above = ['基本信息'];
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(result.ledger.sheets.research?.headerRow).toBe(3);
    expect(result.ledger.sheets.settings?.headerRow).toBe(2);
    expect(result.ledger.records.research.map((r) => cellAddress(r.row, r.columns.主持人!))).toEqual(['C4', 'C5']);
    expect(recordData(result)).toEqual(await compliantData());

    setCell(ledger, '专题研究', 1, '主持人', null);
    setSetting(ledger, '宽限天数', '半个月');
    const broken = await validateLedger(ledger, yearClosed);
    expect(allPlaced(broken)).toEqual(['D07 error 基本信息!B9', 'D01 error 专题研究!C5']);
  });

  it('is the first row holding every required header, past a title that names one of them', async () => {
    const ledger = compliantLedger();
    ledger.讲座论坛.above = ['活动名称', '讲座、报告、论坛登记审批表'];
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(result.ledger.sheets.lecture?.headerRow).toBe(3);
  });

  it('matches headers with line breaks, spaces, full-width forms, （必填） and *', async () => {
    const ledger = compliantLedger();
    renameHeaders(ledger, '专题研究', {
      会议日期: '会议\n日期',
      会议名称: '会 议　名 称',
      主持人: '主持人（必填）',
      研究内容: '研究内容*',
    });
    renameHeaders(ledger, '分析研判', {
      分析日期: '分析\r\n日期（必填）',
      分析类型: '分析类型＊',
      所属期间: ' 所属期间 ',
      主要情况: '主要情况(必填)*',
    });
    renameHeaders(ledger, '舆情处置', { 发现时间: '发现时间\n（必填）', 是否重大: '是否重大 *' });
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(recordData(result)).toEqual(await compliantData());
  });

  it('accepts the synonyms of spec section 2', async () => {
    const ledger = compliantLedger();
    renameHeaders(ledger, '组织架构', { 单位名称: '股室站所', 意识形态责任人: '责任人' });
    renameHeaders(ledger, '专题研究', { 会议日期: '日期', 会议名称: '会议主题', 研究内容: '议题' });
    renameHeaders(ledger, '分析研判', { 分析日期: '日期', 分析类型: '类型' });
    renameHeaders(ledger, '情况通报', { 通报日期: '日期', 通报类型: '类型', 通报内容: '主要内容' });
    renameHeaders(ledger, '检查抽查', { 检查日期: '日期', 上报党组日期: '结果上报日期' });
    renameHeaders(ledger, '专题汇报', { 汇报日期: '日期', 所属半年: '所属期间', 汇报内容: '主要内容' });
    renameHeaders(ledger, '学习培训', { 日期: '学习日期', 主题: '学习主题' });
    renameHeaders(ledger, '讲座论坛', { 主讲人: '报告人' });
    renameHeaders(ledger, '舆情处置', { 事件名称: '舆情事件' });
    renameHeaders(ledger, '述职评议', { 对象: '单位或个人' });
    renameHeaders(ledger, '问责追究', { 被问责对象: '责任人' });
    ledger.基本信息.rows = ledger.基本信息.rows.map(([k, v]) => [
      ({ 台账年度: '年度', 党组书记: '第一责任人', 分管领导: '意识形态工作分管领导' } as Record<string, string>)[String(k)] ?? k,
      v,
    ]);
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(recordData(result)).toEqual(await compliantData());
    expect(result.ledger.settings).toMatchObject({ 台账年度: 2026, 党组书记: '张建国', 分管领导: '李明华' });
  });

  it('is found for a table that starts in column B, and cells keep their Excel columns', async () => {
    const ledger = compliantLedger();
    ledger.专题研究.headers.unshift('');
    ledger.专题研究.rows = ledger.专题研究.rows.map((row) => [null, ...row]);
    setCell(ledger, '专题研究', 0, '主持人', null);
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D01 error 专题研究!D2']);
    const record = result.ledger.records.research[1];
    expect([record.row, record.columns]).toMatchObject([3, { 会议日期: 2, 研究内容: 5 }]);
  });

  it('reads 基本信息 keys written with half-width brackets, spaces or a trailing *', async () => {
    const ledger = compliantLedger();
    setSetting(ledger, '舆情研判时限(小时)', 3);
    setSetting(ledger, '宽限 天数*', 20);
    setSetting(ledger, '讲座审批提前天数（必填）', 2);
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(result.ledger.settings).toMatchObject({ '舆情研判时限（小时）': 3, 宽限天数: 20, 讲座审批提前天数: 2 });
  });

  it('reports a header row left empty as S03', async () => {
    const ledger = compliantLedger();
    ledger.讲座论坛.headers = ledger.讲座论坛.headers.map(() => '');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['S03 error 讲座论坛!A1']);
    expect(result.ledger.records.lecture).toEqual([]);
  });
});

describe('列名映射 in 基本信息', () => {
  it('maps a bureau’s own header text to a field', async () => {
    const ledger = compliantLedger();
    setSetting(ledger, '列名映射', '检查抽查.检查人=检查组成员；专题研究.主持人=主持');
    renameHeader(ledger, '专题研究', '主持人', '主持');
    addColumn(ledger, '检查抽查', '检查组成员', ['周一、吴二', '郑三']);
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(result.ledger.records.research.map((r) => r.data.主持人)).toEqual(['张建国', '张建国']);
    expect(result.ledger.records.inspection.map((r) => r.data.检查人)).toEqual(['周一、吴二', '郑三', undefined, undefined]);
    const inspection = result.ledger.records.inspection[0];
    expect(cellAddress(inspection.row, inspection.columns.检查人!)).toBe('I2');
  });

  it('tolerates spaces, half-width ; and line breaks between entries', async () => {
    const ledger = compliantLedger();
    setSetting(ledger, '列名映射', '检查抽查 . 检查人 = 检查组成员;\n专题研究.主持人=主持');
    renameHeader(ledger, '专题研究', '主持人', '主持');
    addColumn(ledger, '检查抽查', '检查组成员', ['周一']);
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(result.ledger.records.inspection[0].data.检查人).toBe('周一');
  });

  it('without the mapping a header the rules need is not understood (S02)', async () => {
    const ledger = compliantLedger();
    // A header sharing no two characters with 会议日期 or its synonyms (开会日 shares 开会时间's, and is read by its dates).
    renameHeader(ledger, '专题研究', '会议日期', '召开');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['S02 error 专题研究!A1']);
    setSetting(ledger, '列名映射', '专题研究.会议日期=召开');
    expect((await validateLedger(ledger, yearClosed)).findings).toEqual([]);
  });

  it('reports an entry it cannot read as D03 at the setting’s cell, and keeps the good ones', async () => {
    const ledger = compliantLedger();
    setSetting(ledger, '列名映射', '会议记录.记录人=记录；专题研究.主持人=主持；专题研究.主持者=主讲；专题研究主持人');
    renameHeader(ledger, '专题研究', '主持人', '主持');
    const result = await validateLedger(ledger, yearClosed);
    expect(allPlaced(result)).toEqual(['D03 error 基本信息!B8', 'D03 error 基本信息!B8', 'D03 error 基本信息!B8']);
    expect(result.findings.map((f) => f.value)).toEqual(['会议记录.记录人=记录', '专题研究.主持者=主讲', '专题研究主持人']);
    expect(result.findings[0].message).toContain('会议记录.记录人=记录');
    expect(result.findings[0].message).toContain('表名.字段=本单位列名');
    expect(result.ledger.records.research[0].data.主持人).toBe('张建国');
  });
});

describe('sheet names', () => {
  it('match with leading ordinals 1. 1、 一、 （一） (1), full-width forms and spaces', async () => {
    const names = {
      基本信息: '（一）基本信息',
      组织架构: '1.组织架构',
      专题研究: '2、专题研究',
      分析研判: '三、分析研判',
      情况通报: '（四）情况通报',
      检查抽查: '(5)检查抽查',
      专题汇报: '６．专题汇报',
      学习培训: '７、学习　培训',
      讲座论坛: '八、 讲座论坛',
      舆情处置: '（９）舆情处置',
      述职评议: '10.述职评议',
      问责追究: '十一、问责追究',
    };
    const ledger = renameSheets(compliantLedger(), names);
    setCell(ledger, '2、专题研究', 0, '主持人', null);
    setCell(ledger, '６．专题汇报', 0, '汇报单位', '机关党总支部');
    const result = await validateLedger(ledger, yearClosed);
    // Findings name each sheet as it stands in the workbook.
    expect(allPlaced(result)).toEqual(['D01 error 2、专题研究!C2', 'R09 error ６．专题汇报!A1', 'D06 error ６．专题汇报!A2']);
    expect(result.ledger.sheets.branchReport?.name).toBe('６．专题汇报');
    expect(Object.values(result.ledger.records).reduce((n, rs) => n + rs.length, 0)).toBe(29);
  });

  it('ignores extra sheets, wherever they stand', async () => {
    const { 基本信息, ...rest } = compliantLedger();
    const ledger: TestLedger = {
      填表说明: { headers: ['说明'], rows: [['本台账按年度填写'], ['日期请写作 2026-03-05']] },
      基本信息,
      Sheet1: { headers: [], rows: [] },
      ...rest,
      '2025年专题研究': { headers: ['会议日期', '会议名称'], rows: [[day('2025-03-01'), '旧会议']] },
    };
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(recordData(result)).toEqual(await compliantData());
  });
});

describe('data rows', () => {
  it('a merged cell over two rows gives both rows its value', async () => {
    const ledger = compliantLedger();
    setCell(ledger, '专题研究', 1, '会议名称', null);
    setCell(ledger, '专题研究', 1, '主持人', null);
    ledger.专题研究.merges = ['B2:B3', 'C2:C3'];
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(result.ledger.records.research.map((r) => [r.data.会议名称, r.data.主持人])).toEqual([
      ['党组会议', '张建国'],
      ['党组会议', '张建国'],
    ]);
  });

  it('a merged date over two rows counts for both', async () => {
    const ledger = compliantLedger();
    ledger.检查抽查.rows[1][0] = null;
    ledger.检查抽查.merges = ['A2:A3'];
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(result.ledger.records.inspection.map((r) => r.data.检查日期).slice(0, 2)).toEqual(['2026-05-10', '2026-05-10']);
  });

  it('skips pre-numbered blank rows (only 序号 filled) but not a numbered row with content', async () => {
    const ledger = compliantLedger();
    const sheet = ledger.专题研究;
    sheet.headers.unshift('序号');
    sheet.rows = [...sheet.rows.map((row, i) => [i + 1, ...row]), [3], [4], [5, null, null, null, null], [6]];
    const clean = await validateLedger(ledger, yearClosed);
    expect(clean.findings).toEqual([]);
    expect(clean.ledger.records.research).toHaveLength(2);

    sheet.rows[3] = [4, null, '党组会议'];
    const partial = await validateLedger(ledger, yearClosed);
    expect(allPlaced(partial)).toEqual(['D01 error 专题研究!B5', 'D01 error 专题研究!D5', 'D01 error 专题研究!E5']);
  });

  it('skips numbered blank rows under a 编号 column too, and wholly empty rows', async () => {
    const ledger = compliantLedger();
    const sheet = ledger.讲座论坛;
    sheet.headers.unshift('编号');
    sheet.rows = [[null], ['1', ...sheet.rows[0]], [null], ['2'], ['3']];
    const result = await validateLedger(ledger, yearClosed);
    expect(result.findings).toEqual([]);
    expect(result.ledger.records.lecture.map((r) => r.row)).toEqual([3]);
  });
});
