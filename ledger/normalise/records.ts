import type { z } from 'zod';
import type { Finding } from '../findings';
import type { LedgerRecord } from '../model';
import { fieldsOf, type FieldInfo } from '../schema/fields';
import { recordSheets, type RecordSheetKey } from '../schema/sheets';
import { displayText, isEmpty } from '../values/cell';
import { convertCell, type ConvertContext } from './convert';
import { finding } from './finding';
import { otherHeaders, type HeaderMap } from './header';
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

/** Reads the data rows under a sheet's header into records; what cannot be read becomes findings. */
export function readRecords<K extends RecordSheetKey>(
  key: K,
  sheet: SheetReader,
  header: HeaderMap,
  ctx: ConvertContext,
): { records: LedgerRecord<K>[]; findings: Finding[] } {
  const schema = recordSheets[key].schema as z.ZodType;
  const columns: Column[] = fieldsOf(recordSheets[key].schema)
    .filter((field) => header.columns.has(field.name))
    .map((field) => ({ field, column: header.columns.get(field.name)! }));
  const byName = new Map(columns.map((c) => [c.field.name, c]));
  const sheetColumns = Object.fromEntries(columns.map((c) => [c.field.name, c.column]));
  const records: LedgerRecord<K>[] = [];
  const findings: Finding[] = [];
  const fieldNamed = new Map(fieldsOf(recordSheets[key].schema).map((f) => [f.name, f]));
  const missingReported = new Set<string>();
  /**
   * A required column that is missing was reported once as S02 when the header was read. A column
   * required only in some rows (整改情况 once 发现问题 is filled) is reported once, at the first row
   * that needs it, rather than as a D01 in every such row.
   */
  const missingColumn = (issue: z.core.$ZodIssue, name: string, row: number) => {
    const when = (issue as { params?: { when?: string } }).params?.when;
    if (when === undefined || missingReported.has(name)) return;
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

  for (let row = header.row + 1; row <= sheet.lastRow; row++) {
    const raws = columns.map((c) => sheet.value(row, c.column));
    if (raws.every(isEmpty)) continue;
    const candidate: Record<string, unknown> = {};
    let failed: Set<string> | undefined;
    columns.forEach((c, i) => {
      if (isEmpty(raws[i])) return;
      const converted = convertCell(c.field, raws[i], sheet.format(row, c.column), ctx);
      if (converted.ok) {
        candidate[c.field.name] = converted.value;
        return;
      }
      (failed ??= new Set()).add(c.field.name);
      findings.push(
        finding(converted.rule, { sheet: sheet.name, row, column: c.column }, converted.message, {
          field: c.field.name,
          value: displayText(raws[i]),
        }),
      );
    });
    const result = schema.safeParse(candidate);
    if (!result.success) {
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
        findings.push(issueFinding(issue, column.field, raw.trim(), { sheet: sheet.name, row, column: column.column }, candidate));
      }
    }
    for (const name of failed ?? []) delete candidate[name];
    records.push({ sheet: sheet.name, row, columns: sheetColumns, data: candidate } as LedgerRecord<K>);
  }
  return { records, findings };
}
