import type * as z from 'zod/mini';
import type { Finding } from '../findings';
import { fieldsOf, type FieldInfo } from '../schema/fields';
import { settings as settingsSchema, settingsColumns, type Settings } from '../schema/settings';
import { foldHeader } from '../text/fold';
import { displayText, isEmpty } from '../values/cell';
import { convertCell } from './convert';
import { finding, type Position } from './finding';
import { findHeader, headerIndex } from './header';
import { mappingKeys } from './mappings';
import type { SheetReader } from './sheetReader';

/** Keys a bureau may write on several rows, each adding to the others. */
const joined: ReadonlySet<string> = new Set(mappingKeys);

const columnFields: FieldInfo[] = settingsColumns.map((name) => ({ name, kind: 'text', synonyms: [], required: true }));

export interface SettingsRead {
  settings: Settings;
  headerRow: number;
  /** The columns of 项目 and 内容 (1-based), where a new key goes. */
  keyColumn: number;
  valueColumn: number;
  /** Where each key's value stands, for findings about a setting. */
  positions: Map<string, Position>;
  /** The keys 基本信息 gives a value of its own; the others stand as `given` or by default. */
  own: ReadonlySet<string>;
  findings: Finding[];
}

/**
 * Reads 基本信息 (项目 | 内容, one key per row). Missing required keys are reported and stood in for
 * (台账年度 by asOf's year) so that the rest of the ledger can still be checked. `given`: what the
 * ledger says of itself in its title rows or file name, which stands unless 基本信息 gives its own — a
 * 基本信息 a clerk made only to hold mapping lines does not take the unit's name away.
 */
export function readSettings(
  sheet: SheetReader | null,
  fallbackYear: number,
  date1904: boolean,
  given: Partial<Pick<Settings, '单位名称' | '台账年度'>> = {},
): SettingsRead {
  const findings: Finding[] = [];
  const positions = new Map<string, Position>();
  const candidate: Record<string, unknown> = { ...given };
  let headerRow = 0;
  let keyColumn = 1;
  let valueColumn = 2;
  const failedKeys = new Set<string>();
  const own = new Set<string>();
  const fields = fieldsOf(settingsSchema);
  if (sheet) {
    const located = findHeader(sheet, columnFields, new Map());
    findings.push(...located.findings);
    // Without a header the keys are still read from the first two columns, as most such sheets have them.
    keyColumn = located.header?.columns.get('项目') ?? sheet.firstColumn;
    valueColumn = located.header?.columns.get('内容') ?? keyColumn + 1;
    headerRow = located.header?.row ?? 0;
    const index = headerIndex(fields, new Map());
    /** Where each key's value was given, for a second row of the key. */
    const givenAt = new Map<string, Position>();
    for (let row = headerRow + 1; row <= sheet.lastRow; row++) {
      const name = index.get(foldHeader(displayText(sheet.value(row, keyColumn))));
      if (name === undefined) continue;
      const at = { sheet: sheet.name, row, column: valueColumn };
      if (!positions.has(name)) positions.set(name, at);
      const raw = sheet.value(row, valueColumn);
      if (isEmpty(raw)) continue;
      const field = fields.find((f) => f.name === name)!;
      const converted = convertCell(field, raw, sheet.format(row, valueColumn), { year: fallbackYear, date1904 });
      if (!converted.ok) {
        failedKeys.add(name);
        own.add(name);
        findings.push(finding(converted.rule, at, converted.message, { field: name, value: displayText(raw) }));
        continue;
      }
      const first = givenAt.get(name);
      if (first === undefined) {
        givenAt.set(name, at);
        own.add(name);
        candidate[name] = converted.value;
      } else if (joined.has(name)) {
        // A line pasted under one already there (a clerk adding map's lines): both hold.
        candidate[name] = [candidate[name], converted.value].join('；');
      } else if (field.kind === 'list') {
        candidate[name] = [...new Set([...(candidate[name] as string[]), ...(converted.value as string[])])];
      } else if (String(candidate[name]) !== String(converted.value)) {
        const both = `第${first.row}行为“${String(candidate[name])}”，第${row}行为“${String(converted.value)}”`;
        for (const cell of [first, at])
          findings.push(
            finding('D03', cell, `“${name}”填写了两行，值不同：${both}。只能有一个值，现按第${first.row}行计；请删去不对的一行。`, {
              field: name,
              value: displayText(sheet.value(cell.row, valueColumn)),
            }),
          );
      }
    }
  }
  const result = settingsSchema.safeParse(candidate);
  if (result.success) return { settings: result.data, headerRow, keyColumn, valueColumn, positions, own, findings };

  const anchor: Position = { sheet: sheet?.name ?? '', row: 1, column: 1 };
  // A 基本信息 made only to hold mapping lines says nothing of the ledger's own keys: a key it lacks is a
  // note, as where there is no 基本信息 at all, not an error the clerk's pasting caused.
  const mappingOnly = [...positions.keys()].every((key) => joined.has(key));
  for (const issue of result.error.issues as z.core.$ZodIssue[]) {
    const name = String(issue.path[0]);
    const field = fields.find((f) => f.name === name)!;
    const at = positions.get(name) ?? anchor;
    const raw = candidate[name];
    delete candidate[name];
    // A missing sheet is one S01; a value that could not be converted was reported already.
    if (!sheet || failedKeys.has(name)) continue;
    if (raw === undefined) {
      const where = positions.has(name) ? '此单元格为空' : `“${sheet?.name ?? '基本信息'}”中没有“${name}”一行`;
      findings.push(
        finding('D01', at, `“${name}”为必填项，但${where}。请在“项目”列填写“${name}”，并在“内容”列填写其值。`, {
          field: name,
          ...(mappingOnly ? { severity: 'info' as const } : {}),
        }),
      );
    } else if (field.kind === 'int') {
      findings.push(
        finding('D07', at, `“${name}”应为 ${field.min} 到 ${field.max} 之间的整数，实际为“${String(raw)}”。`, {
          field: name,
          value: String(raw),
        }),
      );
    } else {
      findings.push(
        finding('D03', at, `“${name}”的值“${String(raw)}”不在允许范围内。允许的值：${(field.values ?? []).join('、')}。`, {
          field: name,
          value: String(raw),
        }),
      );
    }
  }
  // Placeholders satisfy the schema so defaults apply; a missing text key then reads as empty.
  const placeholders = { 单位名称: '-', 台账年度: fallbackYear, 党组书记: '-', 分管领导: '-', 责任部室: '-' };
  const filled = settingsSchema.parse({ ...placeholders, ...candidate });
  for (const key of ['单位名称', '党组书记', '分管领导', '责任部室'] as const) if (candidate[key] === undefined) filled[key] = '';
  return { settings: filled, headerRow, keyColumn, valueColumn, positions, own, findings };
}
