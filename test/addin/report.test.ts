import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildReport, bundledTemplate, reportFile } from '../../addin/pane/report';
import { ReportRefusal } from '../../generator/report/readiness';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';

const documentText = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']).replace(/<[^>]+>/gu, '');

describe('reports in the pane', () => {
  it('bundles both wording templates and they pass the same checks as in the CLI', () => {
    expect(bundledTemplate('quarterly').标题.join('')).toContain('意识形态领域情况分析报告');
    expect(bundledTemplate('semiannual').标题.join('')).toContain('意识形态工作情况的通报');
  });

  it('renders a report into a .docx named by its title', async () => {
    const file = await reportFile({
      titleLines: ['县XX局2026年第三季度', '意识形态领域情况分析报告'],
      body: [
        { kind: 'heading', level: 1, text: '一、基本情况' },
        { kind: 'paragraph', text: '本季度召开专题研究会议2次。' },
      ],
      appendices: [],
      issuer: '中共县XX局党组',
      date: '2026年10月8日',
    });
    expect(file.fileName).toBe('县XX局2026年第三季度意识形态领域情况分析报告.docx');
    const xml = strFromU8(unzipSync(file.bytes)['word/document.xml']).replace(/<[^>]+>/gu, '');
    expect(xml).toContain('意识形态领域情况分析报告');
    expect(xml).toContain('本季度召开专题研究会议2次。');
  });

  it('refuses a ledger without 单位名称 as the CLI does, and says so in Chinese', async () => {
    const blank = validateGrid(await readWorkbookFile('templates/台账模板.xlsx'), { asOf: '2027-01-20' });
    const refused = await buildReport('quarterly', blank, '2026Q2').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ReportRefusal);
    expect((refused as Error).message).toContain('没有填写单位名称，不能生成季度分析报告');
  });

  it('makes a 征求意见稿 of a period not yet over, and tells of data errors left out', async () => {
    const sample = validateGrid(await readWorkbookFile('templates/示例台账.xlsx'), { asOf: '2026-07-20' });
    const open = await buildReport('quarterly', sample, '2026Q3');
    expect(documentText(open.bytes)).toContain('征求意见稿');
    expect(open.notice).toMatch(
      /^2026年第三季度尚未结束，已按征求意见稿生成。本报告即2026年第三季度的季度分析，已按1次计入。.*台账有 \d+ 处数据错误/u,
    );
    // The ledger holds nothing of the third quarter's analysis: the clerk is told what section 三 could not draw on.
    expect(open.notice).toContain('报告第三部分“意识形态领域总体态势和倾向性问题”只能依据舆情和检查记录');
    const closed = await buildReport('quarterly', sample, '2026Q2');
    expect(documentText(closed.bytes)).not.toContain('征求意见稿');
    expect(closed.notice).not.toContain('征求意见稿');
    expect(closed.notice).not.toContain('已按1次计入');
  });
});
