import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildQuarterlyReport } from '../../generator/report/build/quarterly';
import { buildSemiannualReport } from '../../generator/report/build/semiannual';
import { placing } from '../../ledger/check/placing';
import type { Figure, Report } from '../../generator/report/model';
import { loadTemplateFile } from '../../generator/report/template/file';
import type { WorkSheetKey } from '../../generator/report/template/fields';
import type { QuarterlyTemplate, SemiannualTemplate } from '../../generator/report/template/schema';
import { toJsonReport } from '../../ledger/jsonReport';
import type { LedgerRecord, ValidationResult } from '../../ledger/model';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import type { RecordSheetKey } from '../../ledger/schema/sheets';
import { validateGrid } from '../../ledger/validate';
import { compliantLedger } from '../helpers/compliantLedger';
import type { TestCell, TestLedger } from '../helpers/ledgerWorkbook';
import { validateLedger } from '../helpers/ledgerWorkbook';

/**
 * Spec section 5: every figure in a report equals what `validate` says for the same ledger and date.
 * Each report holds its figures with what they count; this test recounts each one on its own terms —
 * a requirement's figures from `validate --format json`, record counts by the rules' period rule —
 * and then checks that every number printed in the report's text and tables is one of those figures.
 */

let quarterly: QuarterlyTemplate;
let semiannual: SemiannualTemplate;
beforeAll(async () => {
  quarterly = await loadTemplateFile('quarterly');
  semiannual = await loadTemplateFile('semiannual');
});

type Json = ReturnType<typeof toJsonReport>;

const months = (code: string): [number, number] => {
  const n = Number(code.slice(5));
  if (code[4] === 'Q') return [n * 3 - 2, n * 3];
  if (code[4] === 'H') return [n * 6 - 5, n * 6];
  return [1, 12];
};

/**
 * Whether a record counts in `period`: by its 所属期间 where it has one — a half or year counted in
 * the period that contains the whole of it, or in a quarter only when that quarter closes it — and
 * otherwise by its date.
 */
function countsIn(sheet: WorkSheetKey, record: LedgerRecord, period: string): boolean {
  const data = record.data as Record<string, unknown>;
  const own = placing[sheet].period ? (data[placing[sheet].period!] as string | undefined) : undefined;
  const [first, last] = months(period);
  if (own !== undefined) {
    const [ownFirst, ownLast] = months(own);
    if (own.slice(0, 4) !== period.slice(0, 4)) return false;
    if (ownFirst >= first && ownLast <= last) return true;
    return period[4] === 'Q' && ownLast === last;
  }
  const date = data[placing[sheet].date] as string | undefined;
  if (date === undefined || date.slice(0, 4) !== period.slice(0, 4)) return false;
  const month = Number(date.slice(5, 7));
  return month >= first && month <= last;
}

function recount(result: ValidationResult, figure: Extract<Figure, { of: 'records' }>): number {
  const repeats = new Set(result.findings.filter((f) => f.rule === 'D08').map((f) => `${f.sheet}!${f.row}`));
  const records = (result.ledger.records[figure.sheet as RecordSheetKey] as LedgerRecord[]).filter((r) => {
    const data = r.data as Record<string, unknown>;
    if (repeats.has(`${r.sheet}!${r.row}`) || !countsIn(figure.sheet as WorkSheetKey, r, figure.period)) return false;
    const matches = Object.entries(figure.where ?? {}).every(([field, want]) =>
      Array.isArray(want) ? want.includes(data[field] as string) : data[field] === want,
    );
    return matches && (figure.filled ?? []).every((field) => data[field] !== undefined);
  });
  if (figure.distinct) return new Set(records.map((r) => (r.data as Record<string, unknown>)[figure.distinct!])).size;
  return records.length;
}

/** A requirement's figure from validate's JSON: its own entry, or its entries within the period added up as validate adds a year. */
function fromValidate(json: Json, figure: Extract<Figure, { of: 'rule' }>): number {
  const rule = json.rules.find((r) => r.id === figure.rule)!;
  const exact = rule.periods.find((p) => p.period === figure.period && p.unit === figure.unit);
  if (exact) return exact[figure.field];
  const [first, last] = months(figure.period);
  const within = rule.periods.filter((p) => {
    const [a, b] = months(p.period);
    return p.period.slice(0, 4) === figure.period.slice(0, 4) && a >= first && b <= last;
  });
  expect(within.length, `${figure.rule} ${figure.period}`).toBeGreaterThan(0);
  return within.reduce((n, p) => n + (figure.field === 'required' ? p.required : Math.min(p.actual, p.required)), 0);
}

/** Numbers a report prints that are not figures: dates, times, time limits from 基本信息, quoted names. */
function printedNumbers(report: Report): number[] {
  const strip = (text: string): string =>
    text
      .replace(/“[^”]*”|‘[^’]*’/gu, '')
      .replace(/\d{4}年(\d{1,2}月(\d{1,2}日)?)?|\d{1,2}月\d{1,2}日|\d{1,2}时(\d{1,2}分)?|\d+小时|第\d+[行项]/gu, '');
  const texts: string[] = [];
  for (const block of [...report.body, ...report.appendices.flatMap((a) => a.body)]) {
    if (block.kind === 'paragraph') texts.push(block.text);
    // The first two columns of a requirement table are 序号 and the requirement's title.
    if (block.kind === 'table')
      texts.push(...block.rows.flatMap((row) => (block.columns[0].header === '序号' ? row.slice(2) : row.slice(1))));
  }
  return texts.flatMap((t) => [...strip(t).matchAll(/\d+/gu)].map((m) => Number(m[0])));
}

function checkReport(result: ValidationResult, report: Report): void {
  const json = toJsonReport(result);
  const figures = report.figures ?? [];
  expect(figures.length).toBeGreaterThan(0);
  for (const figure of figures) {
    if (figure.of === 'records') expect(figure.value, JSON.stringify(figure)).toBe(recount(result, figure));
    if (figure.of === 'rule') expect(figure.value, JSON.stringify(figure)).toBe(fromValidate(json, figure));
  }
  const timeliness = ['舆情及时', '舆情超时', '舆情未处置'].map(
    (name) => figures.find((f) => f.of === 'derived' && f.name === name)?.value ?? 0,
  );
  const events = figures.find((f) => f.of === 'records' && f.sheet === 'opinion' && !f.where)?.value ?? 0;
  expect(timeliness.reduce((a, b) => a + b, 0)).toBe(events);
  // A cell that could not be read counts as missing: no gap marker, no placeholder left over.
  const text = [...report.body, ...report.appendices.flatMap((a) => a.body)]
    .map((b) => (b.kind === 'table' ? b.rows.flat().join('') : b.text))
    .join('\n');
  expect(text).not.toMatch(/（未填写）|undefined|NaN|\{|\}/u);
  const values = new Set(figures.map((f) => f.value));
  const printed = printedNumbers(report);
  expect(printed.length).toBeGreaterThan(0);
  for (const n of printed) expect(values, `printed ${n}`).toContain(n);
}

function reportsOf(result: ValidationResult): Report[] {
  const year = result.year;
  return [
    ...[1, 2, 3, 4].map((q) => buildQuarterlyReport(result, quarterly, { period: `${year}Q${q}`, draft: true })),
    ...[1, 2].map((h) => buildSemiannualReport(result, semiannual, { period: `${year}H${h}`, draft: true })),
  ];
}

describe('every figure of both reports equals validate’s', () => {
  it('on the sample ledger', async () => {
    const grid = await readWorkbookFile('templates/示例台账.xlsx');
    for (const asOf of ['2026-07-20', '2027-01-20']) {
      const result = validateGrid(grid, { asOf });
      for (const report of reportsOf(result)) checkReport(result, report);
    }
  });

  it('counts a 半年通报 once: in its half, in the quarter that closes it, in no other quarter', async () => {
    const result = validateGrid(await readWorkbookFile('templates/示例台账.xlsx'), { asOf: '2026-07-20' });
    const notifications = (period: string, report: Report) =>
      report.figures?.find((f) => f.of === 'records' && f.sheet === 'notification' && f.period === period && !f.where)?.value;
    const [q1, q2, q3, q4, h1, h2] = reportsOf(result);
    const quarters = [notifications('2026Q1', q1), notifications('2026Q2', q2), notifications('2026Q3', q3), notifications('2026Q4', q4)];
    expect(quarters[0]! + quarters[1]!).toBe(notifications('2026H1', h1));
    expect(quarters[2]! + quarters[3]!).toBe(notifications('2026H2', h2));
  });

  it('on ledgers no test has seen', async () => {
    const base = compliantLedger();
    const sheets = Object.keys(base).filter((name) => !['基本信息', '组织架构'].includes(name));
    const periods = ['', '2026Q1', '2026Q2', '2026Q3', '2026Q4', '2026H1', '2026H2', '上半年'];
    const row = fc.record({
      pick: fc.nat(),
      shift: fc.integer({ min: -120, max: 120 }),
      repeat: fc.boolean(),
      period: fc.constantFrom(...periods),
      stranger: fc.boolean(),
    });
    const ledgerArb = fc.record({
      rows: fc.record(Object.fromEntries(sheets.map((name) => [name, fc.array(row, { maxLength: 6 })]))),
      asOf: fc.constantFrom('2026-04-10', '2026-07-20', '2026-10-20', '2027-01-20'),
    });
    await fc.assert(
      fc.asyncProperty(ledgerArb, async ({ rows, asOf }) => {
        const ledger: TestLedger = structuredClone(compliantLedger());
        for (const name of sheets) {
          const sheet = ledger[name];
          const source = base[name].rows;
          if (source.length === 0) continue;
          sheet.rows = rows[name].flatMap((r) => {
            const cells: TestCell[] = source[r.pick % source.length].map((cell, i) => {
              const header = sheet.headers[i];
              if (cell instanceof Date) return new Date(cell.getTime() + r.shift * 86_400_000);
              if ((header === '所属期间' || header === '所属半年') && r.period !== '') return r.period;
              if (header === '被检查单位' && r.stranger) return '不存在股';
              return cell;
            });
            return r.repeat ? [cells, [...cells]] : [cells];
          });
        }
        const result = await validateLedger(ledger, asOf);
        for (const report of reportsOf(result)) checkReport(result, report);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
