import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildQuarterlyReport } from '../../generator/report/build/quarterly';
import { buildSemiannualReport } from '../../generator/report/build/semiannual';
import { placing } from '../../ledger/check/placing';
import type { Figure, Report } from '../../generator/report/model';
import { loadTemplateFile } from '../../generator/report/template/file';
import type { WorkSheetKey } from '../../generator/report/template/fields';
import type { QuarterlyTemplate, SemiannualTemplate } from '../../generator/report/template/schema';
import { sameUnit, unitsNamed } from '../../ledger/check/rules/units';
import { scopeRules } from '../../ledger/check/scope';
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
 * Whether a record counts in `period`: by its 所属期间 where it has one — a quarter as it is; a half or
 * year in the quarter of the record's date when the date lies within it, else in its last quarter —
 * and otherwise by its date.
 */
function countsIn(sheet: WorkSheetKey, record: LedgerRecord, period: string): boolean {
  const data = record.data as Record<string, unknown>;
  const own = placing[sheet].period ? (data[placing[sheet].period!] as string | undefined) : undefined;
  const date = (data[placing[sheet].date] as string | undefined)?.slice(0, 10);
  const [first, last] = months(period);
  const inside = (year: string, month: number) => year === period.slice(0, 4) && month >= first && month <= last;
  if (own !== undefined) {
    const [ownFirst, ownLast] = months(own);
    if (own[4] === 'Q') return inside(own.slice(0, 4), ownFirst) && inside(own.slice(0, 4), ownLast);
    const month = date === undefined ? 0 : Number(date.slice(5, 7));
    const dated = date !== undefined && date.slice(0, 4) === own.slice(0, 4) && month >= ownFirst && month <= ownLast;
    return inside(own.slice(0, 4), dated ? month : ownLast);
  }
  if (date === undefined) return false;
  return inside(date.slice(0, 4), Number(date.slice(5, 7)));
}

function recount(result: ValidationResult, figure: Extract<Figure, { of: 'records' }>): number {
  const repeats = new Set(result.findings.filter((f) => f.rule === 'D08').map((f) => `${f.sheet}!${f.row}`));
  const records = (result.ledger.records[figure.sheet as RecordSheetKey] as LedgerRecord[]).filter((r) => {
    const data = r.data as Record<string, unknown>;
    if (repeats.has(`${r.sheet}!${r.row}`) || !countsIn(figure.sheet as WorkSheetKey, r, figure.period)) return false;
    // A unit field matches each unit it names.
    const unitField = placing[figure.sheet as WorkSheetKey].unit;
    const matches = Object.entries(figure.where ?? {}).every(([field, want]) =>
      Array.isArray(want)
        ? want.includes(data[field] as string)
        : field === unitField && typeof want === 'string'
          ? sameUnit(data[field] as string | undefined, want)
          : data[field] === want,
    );
    return matches && (figure.filled ?? []).every((field) => data[field] !== undefined);
  });
  // A unit field naming several units counts each of them.
  if (figure.distinct)
    return new Set(records.flatMap((r) => unitsNamed(String((r.data as Record<string, unknown>)[figure.distinct!])))).size;
  return records.length;
}

/**
 * A requirement's figure as `validate --period` gives it (spec section 5): the rule for the report's
 * period, or one unit's entry of it. The report counts itself as its period's 季度分析 / 半年通报 where
 * the ledger lacks it, and only then may its figures differ from validate's.
 */
function fromValidate(json: Json, figure: Extract<Figure, { of: 'rule' }>): number {
  expect(json.period).toBe(figure.period);
  const rule = json.rules.find((r) => r.id === figure.rule)!;
  if (figure.unit === null) return rule[figure.field];
  return rule.periods.find((p) => p.unit === figure.unit)![figure.field];
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

function checkReport(result: ValidationResult, report: Report, period: string): void {
  const plain = toJsonReport(result, scopeRules(result, period));
  const own = period.includes('Q')
    ? ({ sheet: 'analysis', data: { 分析类型: '季度分析', 所属期间: period, 分析日期: result.asOf } } as const)
    : ({ sheet: 'notification', data: { 通报类型: '半年通报', 所属期间: period, 通报日期: result.asOf } } as const);
  const scope = scopeRules(result, period, own);
  const json = toJsonReport(result, scope);
  if (!scope.ownCounted) expect(json.rules).toEqual(plain.rules);
  else expect(report.notices?.some((n) => n.includes('已按1次计入'))).toBe(true);
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

function reportsOf(result: ValidationResult): Array<[Report, string]> {
  const year = result.year;
  return [
    ...[1, 2, 3, 4].map((q): [Report, string] => [
      buildQuarterlyReport(result, quarterly, { period: `${year}Q${q}`, draft: true }),
      `${year}Q${q}`,
    ]),
    ...[1, 2].map((h): [Report, string] => [
      buildSemiannualReport(result, semiannual, { period: `${year}H${h}`, draft: true }),
      `${year}H${h}`,
    ]),
  ];
}

describe('every figure of both reports equals validate’s', () => {
  it('on the sample ledger', async () => {
    const grid = await readWorkbookFile('templates/示例台账.xlsx');
    for (const asOf of ['2026-07-20', '2027-01-20']) {
      const result = validateGrid(grid, { asOf });
      for (const [report, period] of reportsOf(result)) checkReport(result, report, period);
    }
  });

  it('counts a 半年通报 once: in its half, in one quarter of it', async () => {
    const result = validateGrid(await readWorkbookFile('templates/示例台账.xlsx'), { asOf: '2026-07-20' });
    const notifications = (period: string, report: Report) =>
      report.figures?.find((f) => f.of === 'records' && f.sheet === 'notification' && f.period === period && !f.where)?.value;
    const [q1, q2, q3, q4, h1, h2] = reportsOf(result).map(([report]) => report);
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
      // One inspection of two units, one report of two branches: each unit counts it (issue 22).
      joint: fc.boolean(),
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
              if (header === '被检查单位' && r.joint) return '业务股、城关站';
              if (header === '汇报单位' && r.joint) return '机关党总支、第一党支部';
              return cell;
            });
            return r.repeat ? [cells, [...cells]] : [cells];
          });
        }
        const result = await validateLedger(ledger, asOf);
        for (const [report, period] of reportsOf(result)) checkReport(result, report, period);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
