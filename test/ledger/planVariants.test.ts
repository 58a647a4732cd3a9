import ExcelJS from 'exceljs';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { random } from '../../bench/ledger';
import { placing, type WorkSheetKey } from '../../ledger/check/placing';
import type { Requirement } from '../../ledger/plan/requirement';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { fieldsOf, type FieldInfo } from '../../ledger/schema/fields';
import { frequencies, planRow, type Frequency } from '../../ledger/schema/plan';
import { recordSheets, unitTypes, type UnitType } from '../../ledger/schema/sheets';
import { validateGrid } from '../../ledger/validate';
import { libreOfficeConvert, python } from '../page/producers';

/**
 * 实施方案要求 as bureaus type it: each row's columns spelled at random, from a seed, among the ways a clerk
 * writes the same meaning — and the plan read from it must be the one intended, whoever wrote the file.
 */

type Cell = string | number | null;
interface Intended {
  row: Cell[];
  meant: Pick<Requirement, 'id' | 'sheet' | 'conditions' | 'frequency' | 'unitTypes' | 'atLeast' | 'enabled'>;
}

const words = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const inWords = (n: number): string =>
  n < 10 ? words[n] : `${n >= 20 ? words[Math.floor(n / 10)] : ''}十${n % 10 === 0 ? '' : words[n % 10]}`;
const fullWidth = (text: string): string => text.replace(/[0-9=;:,]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const frequencySpellings: Record<Frequency, string[]> = {
  年: ['年', '每年', '按年', '年度', '一年一次', '全年', '1年'],
  半年: ['半年', '每半年', '按半年', '半年度', '半年一次'],
  季度: ['季度', '每季度', '按季度', '每季', '一季度一次', '季'],
  月: ['月', '每月', '按月', '月度', '每个月', '每月一次'],
};
const onSpellings = ['', '是', '√', 'Y', '启用', '执行'];
const offSpellings = ['否', '×', 'N', '停用', '不启用', '暂停'];
const yesSpellings = { 是: ['是', '√', 'Y', '有'], 否: ['否', '×', 'N', '无'] };

/** Fields a condition may name: those with fixed values. */
function conditionFields(key: WorkSheetKey): FieldInfo[] {
  return fieldsOf(recordSheets[key].schema).filter(
    (f) => f.kind === 'yesno' || ((f.kind === 'enum' || f.kind === 'list') && f.values !== undefined),
  );
}

function generate(seed: number, count: number): { header: string[]; rows: Intended[] } {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const some = <T>(items: readonly T[], most: number): T[] => {
    const chosen = items.filter(() => next() < 0.5).slice(0, most);
    return chosen.length > 0 ? chosen : [pick(items)];
  };
  const header = fieldsOf(planRow).map((f) => pick([f.name, ...f.synonyms]));
  const keys = Object.keys(placing) as WorkSheetKey[];
  const rows: Intended[] = [];
  for (let i = 1; i <= count; i++) {
    const id = `本局${i}`;
    const sheet = pick(keys);
    const frequency = pick(frequencies);
    const atLeast = 1 + Math.floor(next() * 24);
    const enabled = next() < 0.7;
    const units: UnitType[] = placing[sheet].unit !== undefined && next() < 0.5 ? some(unitTypes, 2) : [];

    const conditions: Array<{ field: string; values: string[] }> = [];
    const written: string[] = [];
    const eq = pick(['=', '＝', ':', '：']);
    const fields = conditionFields(sheet);
    for (const field of fields.length > 0 && next() < 0.8 ? some(fields, 2) : []) {
      const values = field.kind === 'yesno' ? [pick(['是', '否'] as const)] : some(field.values!, 3);
      const spelled = values.map((v) => {
        if (field.kind === 'yesno') return pick(yesSpellings[v as '是' | '否']);
        const aliases = Object.entries(field.aliases ?? {})
          .filter(([, canonical]) => canonical === v)
          .map(([alias]) => alias);
        return pick([v, ...aliases]);
      });
      conditions.push({ field: field.name, values });
      written.push(`${pick([field.name, ...field.synonyms])}${eq}${spelled.join(pick(['、', '，', '/', ',']))}`);
    }

    const countCell = pick<Cell>([
      atLeast,
      String(atLeast),
      `${atLeast}次`,
      fullWidth(String(atLeast)),
      inWords(atLeast),
      `${atLeast === 2 ? '两' : inWords(atLeast)}次`,
      `至少${atLeast}次`,
    ]);
    const title = recordSheets[sheet].title;
    rows.push({
      row: [
        id,
        null,
        pick([title, `${1 + Math.floor(next() * 9)}.${title}`, `${pick(words.slice(1))}、${title}`]),
        written.length > 0 ? written.join(pick(['；', ';', '\n', '，'])) : null,
        pick(frequencySpellings[frequency]),
        units.length > 0 ? units.map((u) => pick([u, `各${u}`])).join(pick(['、', '，', '/', ',', '；'])) : null,
        countCell,
        enabled ? pick(onSpellings) || null : pick(offSpellings),
      ],
      meant: { id, sheet, conditions, frequency, unitTypes: units, atLeast, enabled },
    });
  }
  return { header, rows };
}

const fixture = resolve(import.meta.dirname, '../fixtures/openpyxl-ledger.xlsx');
const seed = 20260822;
const { header, rows } = generate(seed, 50);
const sheetName = '５．实施方案要求';

async function byExcelJs(out: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(fixture);
  const ws = workbook.addWorksheet(sheetName);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r.row);
  await workbook.xlsx.writeFile(out);
}

/** openpyxl's file; with `wps`, reshaped as WPS saves a workbook (宋体, its custom properties, √/× kept as typed). */
function byOpenpyxl(out: string, wps: boolean): void {
  const data = join(mkdtempSync(join(tmpdir(), 'taizhang-plan-rows-')), 'rows.json');
  writeFileSync(data, JSON.stringify({ sheet: sheetName, header, rows: rows.map((r) => r.row) }));
  python(
    `
import json, sys, zipfile, io
sys.path.insert(0, sys.argv[4])
import openpyxl
spec = json.load(open(sys.argv[2], encoding='utf-8'))
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.create_sheet(spec['sheet'])
ws.append(['实施方案要求（本局）'])
ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(spec['header']))
ws.append(spec['header'])
for row in spec['rows']:
    ws.append(row)
wb.save(sys.argv[3])
if sys.argv[5] == 'wps':
    from make_registers import reshape
    reshape(sys.argv[3], 1, True)
`,
    fixture,
    data,
    out,
    resolve(import.meta.dirname, '../fixtures'),
    wps ? 'wps' : 'openpyxl',
  );
}

async function planOf(path: string) {
  const result = validateGrid(await readWorkbookFile(path), { asOf: '2026-07-20' });
  return {
    sheet: result.ledger.plan.sheet,
    own: result.ledger.plan.requirements
      .filter((r) => r.id.startsWith('本局'))
      .map((r) => ({
        id: r.id,
        sheet: r.sheet,
        conditions: r.conditions,
        frequency: r.frequency,
        unitTypes: r.unitTypes,
        atLeast: r.atLeast,
        enabled: r.enabled,
      })),
    onSheet: result.findings.filter((f) => f.sheet === sheetName).map((f) => `${f.rule} ${f.cell} ${f.message}`),
  };
}

describe(`实施方案要求 spelled at random (seed ${seed}), by each producer`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'taizhang-plan-variants-'));
  const intended = rows.map((r) => r.meant);

  it('exceljs: every row read as meant', async () => {
    const out = join(dir, 'exceljs.xlsx');
    await byExcelJs(out);
    expect(await planOf(out)).toEqual({ sheet: sheetName, own: intended, onSheet: [] });
  });

  it('openpyxl and WPS’s package: read as meant', async () => {
    for (const shape of [false, true]) {
      const out = join(dir, shape ? 'wps.xlsx' : 'openpyxl.xlsx');
      byOpenpyxl(out, shape);
      expect(await planOf(out)).toEqual({ sheet: sheetName, own: intended, onSheet: [] });
    }
  });

  it('LibreOffice, from openpyxl’s file and from its own .ods: read as meant', async () => {
    const source = join(dir, 'lo-source.xlsx');
    byOpenpyxl(source, false);
    const fromXlsx = libreOfficeConvert(source, 'xlsx');
    const ods = libreOfficeConvert(source, 'ods');
    const fromOds = join(dir, 'lo-from-ods.xlsx');
    copyFileSync(libreOfficeConvert(ods, 'xlsx'), fromOds);
    for (const out of [fromXlsx, fromOds]) expect(await planOf(out)).toEqual({ sheet: sheetName, own: intended, onSheet: [] });
  }, 240_000);
});

describe('实施方案要求 with a 序号 column beside 编号', () => {
  it('reads each requirement’s 编号, the row numbers standing aside', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taizhang-plan-serial-'));
    const out = join(dir, 'serial.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(fixture);
    const ws = workbook.addWorksheet('实施方案要求');
    ws.addRow(['序号', '编号', '工作要求', '工作表', '条件', '频次', '对象', '至少次数', '启用']);
    ws.addRow([1, 'R01', null, '专题研究', null, '年', null, 3, '是']);
    ws.addRow([2, '本局1', null, '学习培训', '类型=中心组专题学习', '按月', null, 1, '是']);
    await workbook.xlsx.writeFile(out);
    const result = validateGrid(await readWorkbookFile(out), { asOf: '2026-07-20' });
    expect(result.findings.filter((f) => f.sheet === '实施方案要求')).toEqual([]);
    const read = result.ledger.plan.requirements.filter((r) => r.at !== undefined).map((r) => `${r.id} ${r.frequency} ${r.atLeast}`);
    expect(read).toEqual(['R01 年 3', '本局1 月 1']);
  });
});
