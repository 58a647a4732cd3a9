import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ledgerDigest } from '../../generator/summary/digest';
import { buildNotice } from '../../generator/summary/notice';
import { rollUp } from '../../generator/summary/rollup';
import { loadNoticeTemplate } from '../../generator/summary/template';
import { summaryWorkbook } from '../../generator/summary/workbook';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { addRow, setSetting } from '../helpers/ledgerCases';
import { day, validateLedger } from '../helpers/ledgerWorkbook';

/** A bureau whose inspections of 2026 found `late` problems still being put right long after their deadline. */
async function lateRectifications(unit: string, late: number) {
  const ledger = compliantLedger();
  setSetting(ledger, '单位名称', unit);
  for (let i = 0; i < late; i++) {
    const date = `2026-03-${String((i % 28) + 1).padStart(2, '0')}`;
    addRow(ledger, '检查抽查', {
      检查日期: day(date),
      检查类型: '不定期抽查',
      被检查单位: '业务股',
      检查方式: '实地检查',
      发现问题: `学习记录不全（第${i + 1}处）`,
      整改情况: '整改中',
      整改期限: day('2026-04-30'),
      上报党组日期: day(date),
    });
  }
  const result = await validateLedger(ledger, yearClosed);
  return ledgerDigest(`/台账/${unit}.xlsx`, result, '2026H1');
}

describe('逾期未完成事项 in the county’s roll-up', () => {
  it('counts the overdue items, not the requirements they fall under: 234 late rectifications are 234', async () => {
    const many = await lateRectifications('县庚局', 234);
    const none = await lateRectifications('县辛局', 0);
    expect(many.overdueItems).toBe(234);
    expect(none.overdueItems).toBe(0);
    const rollup = rollUp(
      '2026H1',
      yearClosed,
      [many, none].map((digest) => ({ kind: 'digest', path: digest.path, digest }) as const),
    );

    const notice = buildNotice(rollup, await loadNoticeTemplate());
    const units = notice.body.filter((b) => b.kind === 'table')[1];
    expect(units.kind === 'table' && units.rows.map((row) => [row[1], row[4]])).toEqual([
      ['县庚局', '234'],
      ['县辛局', '0'],
    ]);
    const texts = notice.body.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    // Praised only where nothing is overdue.
    expect(texts).toContain('2026年上半年，县辛局各项制度均已落实到位，没有逾期未完成事项，予以通报表扬。');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await summaryWorkbook(rollup)).buffer as ArrayBuffer);
    const overview = workbook.getWorksheet('汇总')!;
    const header = (overview.getRow(1).values as string[]).slice(1);
    expect(overview.getRow(2).getCell(header.indexOf('逾期事项数') + 1).value).toBe(234);
  });
});
