import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bundledTemplate, reportFile } from '../../addin/pane/report';

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
});
