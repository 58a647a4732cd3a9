import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compliantLedger, yearClosed } from '../helpers/compliantLedger';
import { sha256, taizhang } from '../helpers/cli';
import { writeLedger } from '../helpers/ledgerWorkbook';

const sample = 'templates/示例台账.xlsx';

describe('taizhang validate', () => {
  it('exits 0 for a ledger without errors and 1 for one with errors', async () => {
    const clean = await writeLedger(compliantLedger());
    expect(taizhang(['validate', clean, '--as-of', yearClosed]).status).toBe(0);
    const broken = compliantLedger();
    broken.专题研究.rows.pop();
    const path = await writeLedger(broken);
    const run = taizhang(['validate', path, '--as-of', yearClosed]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('R01');
    expect(run.stdout).toContain('专题研究');
  });

  it('prints the sample ledger findings with sheet and cell in Chinese', () => {
    const run = taizhang(['validate', sample, '--as-of', '2026-07-20']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/错误 \d+ 项，警告 \d+ 项，提示 \d+ 项/u);
    expect(run.stdout).toContain('【制度落实情况】');
    expect(run.stdout).toMatch(/错误 [A-Z]+\d+ +D02 “日期”无法识别为日期：“2026年13月1日”/u);
  });

  it('prints spec section 4 JSON field for field', () => {
    const run = taizhang(['validate', sample, '--as-of', '2026-07-20', '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['workbook', 'unit', 'year', 'asOf', 'summary', 'rules', 'findings', 'account']);
    expect(report).toMatchObject({ workbook: '示例台账.xlsx', unit: '县XX局', year: 2026, asOf: '2026-07-20' });
    const summary = report.summary as Record<string, number>;
    expect(Object.keys(summary)).toEqual(['error', 'warning', 'info']);
    const findings = report.findings as Array<Record<string, unknown>>;
    expect(summary.error).toBe(findings.filter((f) => f.severity === 'error').length);
    for (const f of findings) {
      expect(Object.keys(f)).toEqual(['rule', 'severity', 'sheet', 'cell', 'row', 'column', 'field', 'value', 'message']);
      expect(f.cell).toBe(`${f.column}${f.row}`);
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(typeof f.message).toBe('string');
    }
    const rules = report.rules as Array<Record<string, unknown>>;
    expect(rules.map((r) => r.id)).toHaveLength(19);
    for (const r of rules) {
      expect(Object.keys(r)).toEqual(['id', 'title', 'status', 'required', 'actual', 'periods']);
      expect(['达标', '进行中', '未达标']).toContain(r.status);
    }
    const d02 = findings.find((f) => f.rule === 'D02');
    expect(d02).toMatchObject({ severity: 'error', field: '日期', value: '2026年13月1日' });
    // The sheet is named as it stands in the workbook, ordinal and all.
    expect(findings.some((f) => f.sheet === '二、分析研判')).toBe(true);
  });

  it('never changes the input workbook', () => {
    const before = sha256(sample);
    taizhang(['validate', sample, '--as-of', '2026-07-20']);
    taizhang(['validate', sample, '--format', 'json']);
    expect(sha256(sample)).toBe(before);
  });
});

describe('taizhang rules', () => {
  it('prints every rule id with its title', () => {
    const run = taizhang(['rules']);
    expect(run.status).toBe(0);
    const ids = [...run.stdout.matchAll(/^([SDR]\d\d) /gmu)].map((m) => m[1]);
    expect(ids).toHaveLength(33);
    expect(run.stdout).toContain('每年至少开展2次意识形态工作专题研究');
  });
});

describe('the bundled CLI', () => {
  /** esbuild's account of the bundle (generator/build.mjs): each output file's sources and static imports. */
  const meta = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../node_modules/.cache/taizhang/cli-bundle.json'), 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, unknown>; imports: Array<{ path: string; kind: string }> }>;
  };

  /** The sources of a bundle file and of every file it imports statically, transitively: what Node loads with it. */
  function loadedWith(output: string, seen = new Set<string>()): string[] {
    if (seen.has(output)) return [];
    seen.add(output);
    const { inputs, imports } = meta.outputs[output];
    const statics = imports.filter((i) => i.kind === 'import-statement' && i.path.startsWith('build/'));
    return [...Object.keys(inputs), ...statics.flatMap((i) => loadedWith(i.path, seen))];
  }

  /** The packages among some sources. */
  const packagesIn = (sources: string[]) => new Set(sources.flatMap((s) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//u.exec(s)?.[1] ?? []));

  /** The bundle file holding a source module, with what it loads. */
  function commandCode(source: string): string[] {
    const output = Object.keys(meta.outputs).find((o) => source in meta.outputs[o].inputs);
    if (!output) throw new Error(`no chunk holds ${source}`);
    return loadedWith(output);
  }

  it('starts with commander and the date library alone: each command loads its own work when it runs', () => {
    const start = loadedWith('build/taizhang.mjs');
    expect([...packagesIn(start)].sort()).toEqual(['@internationalized/date', 'commander']);
    expect(start.filter((s) => /^ledger\/(read|normalise|schema)\//u.test(s))).toEqual([]);
  });

  it('loads the reader and zod for validate, but not docx, the YAML reader, exceljs or the browser inflater', () => {
    const validate = commandCode('generator/validate/run.ts');
    expect(validate).toContain('ledger/read/workbookFile.ts');
    const packages = packagesIn(validate);
    expect(packages).toContain('zod');
    for (const lib of ['docx', 'yaml', 'exceljs', 'fflate']) expect(packages).not.toContain(lib);
  });
});
