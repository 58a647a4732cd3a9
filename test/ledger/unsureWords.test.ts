import { describe, expect, it } from 'vitest';
import { renderText } from '../../generator/render/text';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { addColumn, ofRules, ruleStatus, setCell } from '../helpers/ledgerCases';
import { validateLedger, type TestLedger } from '../helpers/ledgerWorkbook';

/**
 * What 未能归类 is, said alike by the account (validate's 各工作表读取情况, JSON `account`, the pane's
 * and the page's 读取情况, each row's D10) and by the requirements' 无法判断 (issue 19 §1–§2): a row whose
 * content became no record, or a record whose kind — any condition field of the plan's requirements on
 * its sheet, a yes/no such as 含意识形态内容 included — could not be read. A record whose date is unread
 * stays a record, and the 无法判断 it causes names the field, never 未能归类.
 */

type Result = Awaited<ReturnType<typeof validateLedger>>;

const accountOf = (result: Result, sheet: string) => result.ledger.account.find((a) => a.sheet === sheet);
const d10 = (result: Result) => ofRules(result, 'D10').map((f) => `${f.sheet}!${f.cell}`);

/** The compliant ledger with three rows not understood, each of its own kind. */
function threeDoubts(): TestLedger {
  const ledger = compliantLedger();
  // 第一党支部's 组织生活会: whether it touched 意识形态 cannot be read.
  setCell(ledger, '述职评议', 1, '含意识形态内容', '见会议记录');
  // The year's only 主题宣讲: its date cannot be read.
  setCell(ledger, '学习培训', 1, '日期', '2026年13月1日');
  // The second quarter's 分析 is no record: its content stands in columns that are no field of the sheet.
  ledger.分析研判.rows.splice(1, 1);
  addColumn(ledger, '分析研判', '备忘');
  addColumn(ledger, '分析研判', '地点');
  ledger.分析研判.rows.push([null, null, null, null, '二季度分析会', '会议室']);
  return ledger;
}

describe('rows not understood: the account and the requirements agree, and say what was not understood', () => {
  it('a type unread is 未能归类 in the account; an unread yes/no condition or date is not; the messages name what was unread', async () => {
    const result = await validateLedger(threeDoubts(), yearClosed);

    expect(accountOf(result, '述职评议')).toMatchObject({ records: 3, unplaced: 0 });
    expect(accountOf(result, '学习培训')).toMatchObject({ records: 2, unplaced: 0 });
    expect(accountOf(result, '分析研判')).toMatchObject({ records: 4, unplaced: 1 });
    expect(d10(result)).toEqual(['分析研判!E6']);
    expect(ofRules(result, 'D02').map((f) => `${f.sheet}!${f.cell}`)).toEqual(['学习培训!A3']);

    const r10 = ruleStatus(result, 'R10');
    expect(r10.status).toBe('无法判断');
    expect(r10.periods.find((p) => p.unit === '第一党支部')).toMatchObject({
      status: '无法判断',
      actual: 0,
      unplaced: 1,
      unsure: [{ unread: ['含意识形态内容'], rows: 1 }],
    });
    expect(ofRules(result, 'R10').map((f) => f.message)).toEqual([
      '2026年“第一党支部”是否在民主生活会、组织生活会或述职报告中纳入意识形态工作无法判断（要求1次，实际至少0次，另有1行“含意识形态内容”未能读懂）：这些行可能计入，请按各行的提示核对后再看是否完成。',
    ]);
    // The record is a 组织生活会, read: it cannot be the 干部考核 R11 counts, whatever its 含意识形态内容.
    expect(ruleStatus(result, 'R11').status).toBe('达标');

    const r13 = ruleStatus(result, 'R13');
    expect(r13.status).toBe('无法判断');
    expect(r13.periods[0]).toMatchObject({ actual: 0, unplaced: 1, unsure: [{ unread: ['日期'], rows: 1 }] });
    expect(ofRules(result, 'R13').map((f) => f.message)).toEqual([
      '2026年是否开展意识形态主题宣讲活动无法判断（要求1次，实际至少0次，另有1行“日期”未能读懂）：这些行可能计入，请按各行的提示核对后再看是否完成。',
    ]);

    const r03 = ruleStatus(result, 'R03');
    expect(r03.periods.map((p) => p.status)).toEqual(['达标', '无法判断', '达标', '达标']);
    expect(ofRules(result, 'R03').map((f) => f.message)).toEqual([
      '2026年第二季度是否开展意识形态领域情况季度分析无法判断（要求1次，实际至少0次，另有1行未能归类）：这些行可能计入，请按各行的提示核对后再看是否完成。',
    ]);

    const text = renderText(result);
    expect(text).toContain(
      'R10 无法判断  意识形态工作作为民主生活会和述职报告的重要内容（2026年第一党支部实际至少0次，另有1行“含意识形态内容”未能读懂）',
    );
    expect(text).toContain('R13 无法判断  组织开展意识形态主题宣讲活动（2026年实际至少0次，另有1行“日期”未能读懂）');
    expect(text).toContain('R03 无法判断  意识形态领域情况季度分析（2026年第二季度实际至少0次，另有1行未能归类）');
    expect(text).toContain('工作表“述职评议”（述职评议）：记录 3 行，非记录 1 行，未能归类 0 行');
    expect(text).not.toContain('类型、日期或单位');
  });

  it('rows of both kinds in one period are each said for what they are', async () => {
    const ledger = threeDoubts();
    addColumn(ledger, '学习培训', '备忘');
    addColumn(ledger, '学习培训', '地点');
    ledger.学习培训.rows.push([null, null, null, null, null, '下半年宣讲', '礼堂']);
    const result = await validateLedger(ledger, yearClosed);
    expect(accountOf(result, '学习培训')).toMatchObject({ records: 2, unplaced: 1 });
    expect(ruleStatus(result, 'R13').periods[0]).toMatchObject({
      unplaced: 2,
      unsure: [
        { unread: [], rows: 1 },
        { unread: ['日期'], rows: 1 },
      ],
    });
    expect(ofRules(result, 'R13')[0].message).toContain('（要求1次，实际至少0次，另有1行未能归类、1行“日期”未能读懂）');
  });

  it('a record whose read condition already fails is no doubt: a 否 under an unread type cannot count', async () => {
    const ledger = compliantLedger();
    // The year's only 中心组专题学习 says 否 to 意识形态安全专题 and has a type no reading can settle.
    setCell(ledger, '学习培训', 0, '类型', '见附件');
    setCell(ledger, '学习培训', 0, '意识形态安全专题', '否');
    const result = await validateLedger(ledger, yearClosed);
    expect(ruleStatus(result, 'R12').status).toBe('未达标');
    // It might be the 主题宣讲 R13 counts, which is met by the other record: it is still 未能归类, for R13's sake.
    expect(accountOf(result, '学习培训')).toMatchObject({ records: 1, unplaced: 1 });
  });
});
