import { describe, expect, it } from 'vitest';
import { terminalWidth } from '../../generator/help';
import { taizhang } from '../helpers/cli';

/** The column where each item's description starts, in terminal columns (a Chinese character takes two). */
function descriptionColumns(help: string, section: string): number[] {
  const lines = help.split('\n');
  const start = lines.indexOf(section);
  const items = lines.slice(
    start + 1,
    lines.findIndex((l, i) => i > start && l === ''),
  );
  return items.map((line) => {
    const m = /^( {2}\S.*?\s{2,})\S/u.exec(line);
    return m ? terminalWidth(m[1]) : -1;
  });
}

describe('help', () => {
  it('taizhang alone prints the help in Chinese and exits 2', () => {
    const run = taizhang([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^用法：/u);
    expect(run.stderr).toContain('命令：');
    expect(run.stderr).toContain('选项：');
    expect(run.stderr).not.toMatch(/Usage|Options|Commands|\[options\]/u);
  });

  it('taizhang report alone prints its help with the two kinds and exits 2', () => {
    const run = taizhang(['report']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('quarterly [选项] <ledger.xlsx>');
    expect(run.stderr).toContain('semiannual [选项] <ledger.xlsx>');
  });

  it('an unknown report kind lists the kinds there are', () => {
    const run = taizhang(['report', 'annual']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('不认识的“report”子命令“annual”。可用：quarterly（季度分析报告）、semiannual（半年通报）。');
  });

  it('aligns the descriptions by display width, Chinese terms included', () => {
    const run = taizhang(['report', 'quarterly', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('选项：');
    const columns = descriptionColumns(run.stdout, '选项：');
    expect(columns.length).toBeGreaterThan(5);
    expect(new Set(columns).size).toBe(1);
    expect(run.stdout).toContain('--period <期间>');
  });

  it('translates commander’s notes on choices and defaults', () => {
    const run = taizhang(['validate', '--help']);
    expect(run.stdout).toContain('（可选："text", "json"；默认："text"）');
  });
});
