import { describe, expect, it } from 'vitest';
import { sha256, taizhang } from '../helpers/cli';

/** `taizhang map` and `validate` on a bureau's own workbook, through the built bin (issue 13). */
describe('taizhang map', () => {
  it('prints what it recognised, exits 0, and leaves the workbook as it was', () => {
    const path = 'test/fixtures/real-own-sheets.xlsx';
    const before = sha256(path);
    const run = taizhang(['map', path]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('工作表“4.网络舆情处置台账” → 舆情处置（名称含“网络舆情”）');
    expect(run.stdout).toContain('列“发现时间(××月××日××时××分)” → 发现时间（去掉填写提示后为“发现时间”）');
    expect(run.stdout).toContain('未找到的工作类别：组织架构、情况通报、专题汇报、述职评议、问责追究');
    expect(sha256(path)).toBe(before);
  });

  it('gives no line to paste it is not sure of: it asks, saying why, and says what remains', () => {
    const run = taizhang(['map', 'templates/示例台账.xlsx']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('（没有有把握的映射行）');
    expect(run.stdout).not.toMatch(/^值映射\t/mu);
    expect(run.stdout).toContain(
      '【请核对】以下对应没有把握，不能直接粘贴；请核对后按实际填写：\n  ？“分析研判.分析类型”中的“月度分析”是“季度分析”、“综合分析”、“专项研判”中的哪一个？',
    );
    expect(run.stdout).toContain('（把握低）依据：“月度分析”不是规定的值，也看不出是哪一个');
    expect(run.stdout).toContain('【结论】\n  没有可直接粘贴的映射行：请按上面的提问核对，确认后自行填写。');
    const fine = taizhang(['map', 'test/fixtures/wps-style.xlsx']);
    expect(fine.stdout).toContain('【结论】\n  无需映射：本台账按现有的工作表和表头即可读取。');
  });

  it('guides a workbook with no recognisable sheet instead of refusing it', () => {
    const run = taizhang(['map', 'test/fixtures/no-ledger-sheets.xlsx']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('工作表“工资表”：名称中没有认出工作类别');
  });

  it('validate shows 无法判断 in its text and JSON, and points a refused workbook at taizhang map', () => {
    const text = taizhang(['validate', 'test/fixtures/real-own-sheets.xlsx', '--as-of', '2026-07-20']);
    expect(text.stdout).toContain('R04 无法判断  缺少记录或列，见问题清单');
    expect(text.stdout).toMatch(/；\d+ 项要求无法判断/u);
    const json = JSON.parse(
      taizhang(['validate', 'test/fixtures/real-own-sheets.xlsx', '--as-of', '2026-07-20', '--format', 'json']).stdout,
    ) as {
      rules: Array<{ id: string; status: string }>;
    };
    expect(json.rules.find((r) => r.id === 'R04')?.status).toBe('无法判断');
    const refused = taizhang(['validate', 'test/fixtures/no-ledger-sheets.xlsx']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('taizhang map');
    expect(refused.stderr).not.toContain('模板');
  });

  it('names a Word file as a Word document', () => {
    const run = taizhang(['validate', 'test/fixtures/word-register.docx']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('这是 Word 文档');
  });
});
