import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../generator/errors';
import { TemplateError } from '../../generator/report/template/errors';
import { defaultTemplatePath, loadTemplateFile } from '../../generator/report/template/file';
import { parseTemplate } from '../../generator/report/template/parse';
import { fillPhrase, parsePhrase } from '../../generator/report/template/phrase';

const quarterly = readFileSync(defaultTemplatePath('quarterly'), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'taizhang-templates-'));

/** The default quarterly template with one line replaced, and the line number it is on. */
function quarterlyWith(find: string, replace: string): { text: string; line: number } {
  const lines = quarterly.split('\n');
  const index = lines.findIndex((l) => l.includes(find));
  if (index < 0) throw new Error(`no line with ${find}`);
  lines[index] = lines[index].replace(find, replace);
  return { text: lines.join('\n'), line: index + 1 };
}

function failure(run: () => unknown): TemplateError {
  try {
    run();
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('expected a TemplateError');
}

describe('the default templates', () => {
  it('load and check cleanly', async () => {
    const q = await loadTemplateFile('quarterly');
    const s = await loadTemplateFile('semiannual');
    expect(q.标题).toEqual(['{单位名称}{年度}年第{季}季度', '意识形态领域情况分析报告']);
    expect(q.发文机关署名).toBe('中共{单位名称}党组');
    expect(q.主送).toBe('县委宣传部：');
    expect(s.标题).toEqual(['关于{年度}年{半年}半年', '意识形态工作情况的通报']);
    expect(s.主送).toBe('机关各股室、各站所，机关党总支、各党支部：');
    expect(s.版记.印发).toBe(true);
  });
});

describe('a wrong template', () => {
  it('names the file, the line and the unknown placeholder, and suggests the right one', () => {
    const { text, line } = quarterlyWith('听取{汇报单位}意识形态', '听取{汇报单元}意识形态');
    const error = failure(() => parseTemplate('quarterly', text, '我的模板.yaml'));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain(`模板文件“我的模板.yaml”第${line}行（主要工作.方面.第1项.句子.第2项）`);
    expect(error.message).toContain('未知的占位符“{汇报单元}”');
    expect(error.message).toContain('是否应为“{汇报单位}”');
  });

  it('refuses a placeholder that exists elsewhere but not where it is used', () => {
    const { text, line } = quarterlyWith(
      "无舆情: '从网络舆情看，本季度未发现涉及本单位的网络舆情。'",
      "无舆情: '本季度未发现{舆情数}起网络舆情。'",
    );
    const error = failure(() => parseTemplate('quarterly', text, 't.yaml'));
    expect(error.message).toContain(`第${line}行（总体态势.无舆情）：未知的占位符“{舆情数}”`);
  });

  it('reports broken YAML with its line', () => {
    const { text, line } = quarterlyWith('  标题: 基本情况', '  标题: 基本情况: 多余的冒号');
    const error = failure(() => parseTemplate('quarterly', text, 't.yaml'));
    expect(error.message).toMatch(new RegExp(`^模板文件“t\\.yaml”第${line}行：YAML 格式有误`, 'u'));
  });

  it('reports unbalanced braces and brackets in a phrase', () => {
    const { text, line } = quarterlyWith('检查抽查{次数}次', '检查抽查{次数次');
    expect(failure(() => parseTemplate('quarterly', text, 't.yaml')).message).toContain(`第${line}行`);
    const bracket = quarterlyWith('[，围绕{学习主题}开展学习]', '[，围绕{学习主题}开展学习');
    expect(failure(() => parseTemplate('quarterly', bracket.text, 't.yaml')).message).toContain('“[”没有对应的“]”');
  });

  it('reports a misspelt key and the missing one it stands for', () => {
    const { text, line } = quarterlyWith('  无工作:', '  无工做:');
    const message = failure(() => parseTemplate('quarterly', text, 't.yaml')).message;
    expect(message).toContain(`第${line}行（基本情况.无工做）：未知的项目“无工做”`);
    expect(message).toContain('（基本情况.无工作）：缺少此项');
  });

  it('reports a table header of the wrong length', () => {
    const { text } = quarterlyWith('表头: [序号, 工作要求（实施方案依据）, 考核期间, 应完成, 已完成, 落实情况]', '表头: [序号, 工作要求]');
    expect(failure(() => parseTemplate('quarterly', text, 't.yaml')).message).toContain('表头应有6项');
  });

  it('refuses a list of general points with fewer than two, since a numbered list of one is no list', () => {
    const lines = quarterly.split('\n');
    const start = lines.findIndex((l) => l.startsWith('  一般措施:'));
    const text = [...lines.slice(0, start + 2), ...lines.slice(start + 4)].join('\n');
    expect(failure(() => parseTemplate('quarterly', text, 't.yaml')).message).toContain(
      `第${start + 2}行（下一步.一般措施）：至少要有两项`,
    );
  });

  it('reports an empty file', () => {
    expect(failure(() => parseTemplate('semiannual', '', 'empty.yaml')).message).toBe(
      '模板文件“empty.yaml”第1行：模板内容应为“项目: 文字”形式的 YAML。',
    );
  });

  it('reports a missing file', async () => {
    await expect(loadTemplateFile('quarterly', join(scratch, 'nope.yaml'))).rejects.toThrow(/^找不到模板文件“.*nope\.yaml”/u);
    await expect(loadTemplateFile('quarterly', scratch)).rejects.toBeInstanceOf(TemplateError);
  });

  it('accepts a file saved with a byte-order mark, as Windows Notepad does', async () => {
    const path = join(scratch, 'bom.yaml');
    writeFileSync(path, `\uFEFF${quarterly}`);
    await expect(loadTemplateFile('quarterly', path)).resolves.toHaveProperty('发文机关署名');
  });
});

describe('phrases', () => {
  it('fill placeholders and drop an optional segment whose value is missing', () => {
    const phrase = '{日期}，{主持人}主持召开会议[，{形成决议}]。';
    expect(fillPhrase(phrase, { 日期: '7月9日', 主持人: '张建国', 形成决议: '通过要点' })).toBe('7月9日，张建国主持召开会议，通过要点。');
    expect(fillPhrase(phrase, { 日期: '7月9日', 主持人: '张建国' })).toBe('7月9日，张建国主持召开会议。');
    expect(fillPhrase(phrase, { 日期: '7月9日', 主持人: '' })).toBe('7月9日，（未填写）主持召开会议。');
  });

  it('refuse nested brackets and brackets without a placeholder', () => {
    expect(parsePhrase('[a[{b}]]')).toMatchObject({ ok: false, problem: { kind: 'nested' } });
    expect(parsePhrase('[纯文字]')).toMatchObject({ ok: false, problem: { kind: 'noPlaceholderInOptional' } });
  });
});
