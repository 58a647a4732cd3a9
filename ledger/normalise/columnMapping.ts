import type { Finding } from '../findings';
import { fieldsOf } from '../schema/fields';
import { recordSheets, type RecordSheetKey } from '../schema/sheets';
import { foldSheetName, foldWidth } from '../text/fold';
import { finding, type Position } from './finding';

export type ColumnMapping = Map<RecordSheetKey, Map<string, string>>;

/**
 * Parses the 列名映射 setting, `表名.字段=本单位列名；…`, which lets a bureau keep its own header text
 * for a field without touching code.
 */
export function parseColumnMapping(text: string | undefined, at: Position): { mapping: ColumnMapping; findings: Finding[] } {
  const mapping: ColumnMapping = new Map();
  const findings: Finding[] = [];
  if (!text) return { mapping, findings };
  for (const entry of foldWidth(text).split(/[;\n\r]+/u)) {
    const item = entry.trim();
    if (item === '') continue;
    const m = /^(.+?)\.(.+?)=(.+)$/u.exec(item);
    const key = m
      ? (Object.keys(recordSheets) as RecordSheetKey[]).find((k) => foldSheetName(recordSheets[k].title) === foldSheetName(m[1]))
      : undefined;
    const field =
      m && key
        ? fieldsOf(recordSheets[key].schema).find((f) => f.name === foldSheetName(m[2]) || foldWidth(f.name) === m[2].trim())
        : undefined;
    if (!m || !key || !field) {
      findings.push(
        finding(
          'D03',
          at,
          `“列名映射”中的“${item}”无法识别：应写作“表名.字段=本单位列名”，表名和字段须与台账规范一致，如“检查抽查.检查人=检查组成员”。`,
          {
            field: '列名映射',
            value: item,
          },
        ),
      );
      continue;
    }
    const headers = mapping.get(key) ?? new Map<string, string>();
    headers.set(m[3].trim(), field.name);
    mapping.set(key, headers);
  }
  return { mapping, findings };
}
