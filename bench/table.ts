import { cpus } from 'node:os';

/** One size's figures; a figure that cannot be measured (yet) is null. */
export interface SizeFigures {
  records: number;
  fileBytes: number;
  readMs: number;
  normaliseMs: number;
  checkMs: number;
  /** read + normalise + check: what `taizhang validate` spends before printing. */
  validateMs: number;
  sheetjsParseMs: number;
  /** validateMs ÷ sheetjsParseMs. */
  ratio: number;
  /** Inflate + decode + one regex pass over every cell (bench/floor.ts). */
  floorMs: number;
  /** validateMs ÷ floorMs: the target. */
  floorRatio: number;
  /** readMs ÷ floorMs: how near the reading alone comes to the floor. */
  readFloorRatio: number;
  /** Peak resident set size of a `taizhang validate` child process. */
  peakRssMB: number | null;
  /** Wall time of that child process, start-up and output included. */
  cliMs: number | null;
  quarterlyMs: number | null;
  semiannualMs: number | null;
  /** `context.sync()` calls of an add-in read: on the desktop (fixed) and on Excel on the web (5 MB answers). */
  syncCalls: { desktop: number; web: number } | null;
}

export interface Target {
  target: string;
  /** null: not measured in this run. */
  met: boolean | null;
  detail: string;
}

const at = (figures: readonly SizeFigures[], records: number) => figures.find((f) => f.records === records);

/** The targets of the performance issue, as ratios measured in one run on one machine. */
export function checkTargets(figures: readonly SizeFigures[]): Target[] {
  const targets: Target[] = [];
  for (const records of [10_000, 100_000]) {
    const f = at(figures, records);
    targets.push({
      target: `${records.toLocaleString('en-US')} 条：校验 ≤ 2 × SheetJS 解析`,
      met: f ? f.ratio <= 2 : null,
      detail: f ? `${f.ratio.toFixed(2)} ×` : '未测',
    });
  }
  const small = at(figures, 10_000);
  const large = at(figures, 100_000);
  targets.push({
    target: '100,000 条：校验 ≤ 1.3 × 下限（解压 + 解码 + 一遍正则扫描）',
    met: large ? large.floorRatio <= 1.3 : null,
    detail: large ? `${large.floorRatio.toFixed(2)} ×` : '未测',
  });
  const growth = small && large ? (large.normaliseMs + large.checkMs) / (small.normaliseMs + small.checkMs) : null;
  targets.push({
    target: '规范化 + 规则检查线性增长：100,000 条 ≤ 12 × 10,000 条',
    met: growth === null ? null : growth <= 12,
    detail: growth === null ? '未测' : `${growth.toFixed(1)} ×`,
  });
  targets.push({
    target: '100,000 条：峰值内存 < 1 GB',
    met: large?.peakRssMB == null ? null : large.peakRssMB < 1024,
    detail: large?.peakRssMB == null ? '未测' : `${Math.round(large.peakRssMB)} MB`,
  });
  const slowest =
    small && small.quarterlyMs !== null && small.semiannualMs !== null ? Math.max(small.quarterlyMs, small.semiannualMs) : null;
  targets.push({
    target: '10,000 条：生成报告不慢于校验',
    met: small && slowest !== null ? slowest <= small.validateMs : null,
    detail: !small
      ? '未测'
      : slowest === null
        ? '未测（报告生成不可用）'
        : `${Math.round(slowest)} ms（校验 ${Math.round(small.validateMs)} ms）`,
  });
  return targets;
}

const ms = (v: number | null) => (v === null ? '—' : `${Math.round(v)} ms`);
const columns: Array<[string, (f: SizeFigures) => string]> = [
  ['记录数', (f) => f.records.toLocaleString('en-US')],
  ['文件', (f) => `${(f.fileBytes / 1024 / 1024).toFixed(1)} MB`],
  ['读取', (f) => ms(f.readMs)],
  ['规范化', (f) => ms(f.normaliseMs)],
  ['规则检查', (f) => ms(f.checkMs)],
  ['校验合计', (f) => ms(f.validateMs)],
  ['SheetJS 解析', (f) => ms(f.sheetjsParseMs)],
  ['比值', (f) => `${f.ratio.toFixed(2)} ×`],
  ['下限', (f) => ms(f.floorMs)],
  ['对下限', (f) => `${f.floorRatio.toFixed(2)} ×`],
  ['读取对下限', (f) => `${f.readFloorRatio.toFixed(2)} ×`],
  ['峰值内存', (f) => (f.peakRssMB === null ? '—' : `${Math.round(f.peakRssMB)} MB`)],
  ['CLI 全程', (f) => ms(f.cliMs)],
  ['季度报告', (f) => ms(f.quarterlyMs)],
  ['半年通报', (f) => ms(f.semiannualMs)],
  ['sync 次数 桌面/网页', (f) => (f.syncCalls === null ? '—' : `${f.syncCalls.desktop}/${f.syncCalls.web}`)],
];

/** Display width: CJK characters take two columns in a terminal. */
const width = (text: string) => [...text].reduce((n, ch) => n + (/[\u2e80-\uffff]/u.test(ch) ? 2 : 1), 0);
const pad = (text: string, n: number) => text + ' '.repeat(Math.max(0, n - width(text)));

export function figuresTable(figures: readonly SizeFigures[], targets: readonly Target[]): string {
  const cells = [columns.map(([title]) => title), ...figures.map((f) => columns.map(([, cell]) => cell(f)))];
  const widths = columns.map((_, c) => Math.max(...cells.map((row) => width(row[c]))));
  const line = (row: string[]) => `| ${row.map((cell, c) => pad(cell, widths[c])).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const verdict = (t: Target) => (t.met === null ? '未测' : t.met ? '达到' : '未达到');
  return [
    `台账助手性能基准（Node ${process.version}，${cpus().length} 核；时间取多次运行中最快的一次）`,
    '',
    line(cells[0]),
    rule,
    ...cells.slice(1).map(line),
    '',
    '目标：',
    ...targets.map((t) => `- [${verdict(t)}] ${t.target}：${t.detail}`),
    '',
  ].join('\n');
}
