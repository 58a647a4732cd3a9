import type * as z from 'zod/mini';
import type { Finding } from '../findings';
import type { LedgerRecord } from '../model';
import { fieldsOf, type FieldInfo } from '../schema/fields';
import { recordVerdict } from '../schema/verdict';
import { recordSheets, type RecordSheetKey } from '../schema/sheets';
import type { CellValue } from '../grid/types';
import { foldCompact } from '../text/fold';
import { displayText, isEmpty } from '../values/cell';
import { columnConverter, type ConvertContext } from './convert';
import { derivableFields, deriveFields, derivesAny } from './derive';
import { finding } from './finding';
import { otherHeaders, type HeaderMap } from './header';
import { isTotalRow, rowWithoutFields, type RowKind, type UnplacedCells } from './rows';
import type { SheetReader } from './sheetReader';

interface Column {
  field: FieldInfo;
  column: number;
}

function issueFinding(
  issue: z.core.$ZodIssue,
  field: FieldInfo,
  raw: string,
  at: { sheet: string; row: number; column: number },
  candidate: Record<string, unknown>,
): Finding {
  const params = (issue as { params?: { rule?: string; when?: string; expected?: string[] } }).params;
  const detail = { field: field.name, value: raw === '' ? undefined : raw };
  if (raw === '' || params?.rule === 'D01') {
    const when = params?.when ?? '';
    return finding('D01', at, `${when}“${field.name}”为必填项，但此单元格为空。请填写${field.name}。`, detail);
  }
  if (params?.rule === 'D03' || issue.code === 'invalid_value' || field.kind === 'enum' || field.kind === 'list') {
    const allowed = params?.expected ?? field.values ?? [];
    // zod names the offending item of a multi-value cell by its index.
    const index = issue.path[1];
    const items = candidate[field.name];
    const item = typeof index === 'number' && Array.isArray(items) ? `中的“${String(items[index])}”` : `“${raw}”`;
    return finding('D03', at, `“${field.name}”的值${item}不在允许范围内。允许的值：${allowed.join('、')}。`, detail);
  }
  if (field.kind === 'int') {
    return finding('D07', at, `“${field.name}”应为 ${field.min} 到 ${field.max} 之间的整数，实际为“${raw}”。`, detail);
  }
  return finding('D03', at, `“${field.name}”的值“${raw}”不符合要求。`, detail);
}

/** `—`, `/`, `无` in an optional cell: the clerk's way of leaving it empty. */
const noneMarks = new Set(['—', '——', '-', '--', '/', '无', '暂无', '无此项']);

/** `—`, `/`, `无`: a cell left empty the clerk's way. */
export function isNoneMark(value: CellValue): boolean {
  // Checked on every optional cell of a large ledger, so folding is left to the few short enough.
  return typeof value === 'string' && value.length <= 6 && noneMarks.has(foldCompact(value));
}

function isNone(field: FieldInfo, value: CellValue): boolean {
  return !field.required && field.kind !== 'yesno' && isNoneMark(value);
}

export interface RecordSource {
  /** The rows of the sheet that are records of this topic (a combined register's rows of one category). */
  rows?: (row: number) => boolean;
  /** The sheet's name or the row's category: what a derived type is read from. */
  context: (row: number) => string;
  /** The bureau's spellings of this topic's values (`值映射`): field → folded spelling → value. */
  values?: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** The fields of this topic some requirement of the ledger's plan reads: their missing columns are check's S02. */
  needed: ReadonlySet<string>;
}

/** A cell in the bureau's own spelling (`值映射`) becomes the contract's value before it is read. */
function mapped(value: CellValue, spellings: ReadonlyMap<string, string> | undefined): CellValue {
  if (!spellings || typeof value !== 'string') return value;
  return spellings.get(foldCompact(value)) ?? value;
}

export interface RecordsRead<K extends RecordSheetKey> {
  records: LedgerRecord<K>[];
  findings: Finding[];
  derived: Set<string>;
  /** What each row below the header with content became. */
  rowKinds: Map<number, RowKind>;
  /** Rows with content in no field's column: 未能归类. */
  unplaced: UnplacedCells[];
}

/** One warning per bureau word read as an allowed value, at its first cell, saying how to make it silent. */
function readingFindings(key: RecordSheetKey, sheet: string, readings: ReadonlyMap<string, Reading>): Finding[] {
  return [...readings.values()].map((r) => {
    const rows = r.count > 1 ? `（共${r.count}行）` : '';
    return finding(
      'D03',
      { sheet, row: r.row, column: r.column },
      `“${r.field}”中的“${r.raw}”${rows}不是规定的写法，按意思计：“${r.raw}”按“${r.value}”计。如理解有误请改正；如对，可在基本信息中添加“值映射：${recordSheets[key].title}.${r.field}：${r.raw}=${r.value}”，此提示即不再出现。`,
      { field: r.field, value: r.raw, severity: 'warning' },
    );
  });
}

interface Reading {
  field: string;
  raw: string;
  value: string;
  row: number;
  column: number;
  count: number;
}

/** Reads the data rows under a sheet's header into records; what cannot be read becomes findings. */
export function readRecords<K extends RecordSheetKey>(
  key: K,
  sheet: SheetReader,
  header: HeaderMap,
  ctx: ConvertContext,
  source: RecordSource,
): RecordsRead<K> {
  const schema: z.ZodMiniObject = recordSheets[key].schema;
  const sound = recordVerdict(schema);
  const columns: Column[] = fieldsOf(recordSheets[key].schema)
    .filter((field) => header.columns.has(field.name))
    .map((field) => ({ field, column: header.columns.get(field.name)! }));
  const absent = new Set(
    fieldsOf(recordSheets[key].schema)
      .map((f) => f.name)
      .filter((name) => !header.columns.has(name)),
  );
  const derivedFields = new Set<string>();
  const deriving = derivesAny(key, absent);
  const byName = new Map(columns.map((c) => [c.field.name, c]));
  const sheetColumns = Object.fromEntries(columns.map((c) => [c.field.name, c.column]));
  const records: LedgerRecord<K>[] = [];
  const findings: Finding[] = [];
  const fieldNamed = new Map(fieldsOf(recordSheets[key].schema).map((f) => [f.name, f]));
  const missingReported = new Set<string>();
  const { needed } = source;
  /**
   * A required column that is missing was reported once as S02 when the header was read. A column
   * required only in some rows (整改情况 once 发现问题 is filled) is reported once, at the first row
   * that needs it, rather than as a D01 in every such row.
   */
  const missingColumn = (issue: z.core.$ZodIssue, name: string, row: number) => {
    const when = (issue as { params?: { when?: string } }).params?.when;
    // A column some requirement reads has its S02 from check, which names the requirements too.
    if (when === undefined || missingReported.has(name) || needed.has(name)) return;
    missingReported.add(name);
    const also = otherHeaders(fieldNamed.get(name));
    findings.push(
      finding(
        'S02',
        { sheet: sheet.name, row: header.row, column: sheet.firstColumn },
        `工作表“${sheet.name}”第${header.row}行的表头缺少列“${name}”${also}。${when}该项必填（第${row}行起）。`,
        { field: name },
      ),
    );
  };

  const converters = columns.map((c) => columnConverter(c.field, ctx));
  const spellings = columns.map((c) => source.values?.get(c.field.name));
  const raws: CellValue[] = new Array<CellValue>(columns.length);
  const rowKinds = new Map<number, RowKind>();
  const unplaced: UnplacedCells[] = [];
  const readings = new Map<string, Reading>();
  for (let row = header.row + 1; row <= sheet.lastRow; row++) {
    if (source.rows && !source.rows(row)) continue;
    let blank = true;
    for (let i = 0; i < columns.length; i++) {
      const raw = mapped(sheet.value(row, columns[i].column), spellings[i]);
      raws[i] = raw;
      if (blank && !isEmpty(raw)) blank = false;
    }
    if (blank) {
      const without = rowWithoutFields(sheet, row, header.serialColumn);
      if (without.kind === 'unplaced') unplaced.push(without.cells);
      if (without.kind !== 'empty') rowKinds.set(row, without.kind);
      continue;
    }
    if (isTotalRow(sheet, row)) {
      rowKinds.set(row, 'nonRecord');
      continue;
    }
    rowKinds.set(row, 'record');
    const candidate: Record<string, unknown> = {};
    let failed: Set<string> | undefined;
    let unread: string[] | undefined;
    let spans: Record<string, string> | undefined;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      const raw = raws[i];
      if (isEmpty(raw) || isNone(c.field, raw)) continue;
      const converted = converters[i](raw, sheet.format(row, c.column));
      if (converted.ok) {
        candidate[c.field.name] = converted.value;
        if (converted.reading !== undefined) {
          const text = displayText(raw).trim();
          const id = `${c.field.name}\u0000${text}`;
          const seen = readings.get(id);
          if (seen) seen.count++;
          else readings.set(id, { field: c.field.name, raw: text, value: converted.reading, row, column: c.column, count: 1 });
        }
        if (converted.span !== undefined) {
          (spans ??= {})[c.field.name] = converted.span;
          findings.push(
            finding(
              'D02',
              { sheet: sheet.name, row, column: c.column },
              `“${c.field.name}”写作“${converted.span}”，是一段时间而不是具体日期：只按所在期间计数，需要具体日期的检查不使用此值。`,
              { field: c.field.name, value: converted.span, severity: 'info' },
            ),
          );
        }
        continue;
      }
      (failed ??= new Set()).add(c.field.name);
      if (converted.rule !== 'D07') (unread ??= []).push(c.field.name);
      findings.push(
        finding(converted.rule, { sheet: sheet.name, row, column: c.column }, converted.message, {
          field: c.field.name,
          value: displayText(raw),
        }),
      );
    }
    if (deriving) {
      // The whole row speaks for the record: a title or a 主要内容 column no field of this topic reads.
      const cells: string[] = [];
      for (let column = sheet.firstColumn; column <= sheet.lastColumn; column++) cells.push(displayText(sheet.value(row, column)));
      // Cells are kept apart: `2` in 序号 beside `季度研判` is no `2季度`.
      const text = cells.join('|');
      const derived = deriveFields(key, source.context(row), text, ctx.year, absent);
      for (const [name, value] of Object.entries(derived)) {
        if (candidate[name] !== undefined) continue;
        candidate[name] = value;
        derivedFields.add(name);
      }
    }
    const result = sound(candidate) ? null : schema.safeParse(candidate);
    if (result?.success === false) {
      for (const issue of result.error.issues) {
        const name = String(issue.path[0]);
        const column = byName.get(name);
        if (!column) {
          missingColumn(issue, name, row);
          continue;
        }
        // A cell that could not be converted was reported above, and is not reported again.
        if (failed?.has(name)) continue;
        (failed ??= new Set()).add(name);
        const raw = displayText(sheet.value(row, column.column));
        const problem = issueFinding(issue, column.field, raw.trim(), { sheet: sheet.name, row, column: column.column }, candidate);
        if (problem.rule === 'D03') (unread ??= []).push(name);
        findings.push(problem);
      }
    }
    for (const name of failed ?? []) delete candidate[name];
    const record: LedgerRecord = { sheet: sheet.name, row, columns: sheetColumns, data: candidate };
    if (spans) record.spans = spans;
    if (unread) record.unread = unread as never;
    records.push(record as LedgerRecord<K>);
  }
  // A field the words gave some records stands as the sheet's: for a record whose words do not say its
  // type or whether it touched 意识形态, it is unread — not 否, not another type. (A field no record's words
  // give is a missing column, S02.)
  for (const r of records) {
    const data = r.data as Record<string, unknown>;
    const silent = derivableFields(key).filter((name) => derivedFields.has(name) && data[name] === undefined);
    if (silent.length > 0) r.unread = [...new Set([...(r.unread ?? []), ...silent])] as never;
  }
  findings.push(...readingFindings(key, sheet.name, readings));
  return { records, findings, derived: derivedFields, rowKinds, unplaced };
}
