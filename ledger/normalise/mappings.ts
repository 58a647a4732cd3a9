import type { Finding } from '../findings';
import { fieldsOf, type FieldInfo } from '../schema/fields';
import { recordSheetKeys, recordSheets, type RecordSheetKey } from '../schema/sheets';
import { foldCompact, foldSheetName, foldWidth } from '../text/fold';
import { splitList } from '../values/choice';
import { finding, type Position } from './finding';

/** Header text → field name, per sheet (`列名映射`). */
export type ColumnMapping = Map<RecordSheetKey, Map<string, string>>;
/**
 * Topic → the bureau's sheet names (`表名映射`), as written: one entry may name several sheets
 * (`学习培训=中心组学习、主题宣讲`), which the locator tells from one name holding `、` (`1、专题研究`).
 */
export type SheetMapping = Map<RecordSheetKey, string[]>;
/** Topic → the bureau's category names in a combined register (`类别映射`). */
export type CategoryMapping = Map<RecordSheetKey, string[]>;
/** Topic → field → the bureau's spelling (folded) → the contract's value (`值映射`). */
export type ValueMapping = Map<RecordSheetKey, Map<string, Map<string, string>>>;

export interface Mappings {
  columns: ColumnMapping;
  sheets: SheetMapping;
  categories: CategoryMapping;
  values: ValueMapping;
}

export type MappingKey = '列名映射' | '表名映射' | '类别映射' | '值映射';

/** The four mapping settings, in the order a clerk fills them in. */
export const mappingKeys: readonly MappingKey[] = ['表名映射', '列名映射', '类别映射', '值映射'];

const examples: Record<MappingKey, string> = {
  列名映射: '“表名.字段=本单位列名”，如“检查抽查.检查人=检查组成员”',
  表名映射: '“表名=本单位工作表名”，如“舆情处置=4.网络舆情处置台账”',
  类别映射: '“表名=本单位类别名、…”，如“专题研究=党组会议研究”',
  值映射: '“表名.字段：本单位写法=规范值”，如“舆情处置.是否重大：重大=是；一般=否”',
};

export function topicNamed(name: string): RecordSheetKey | undefined {
  return recordSheetKeys.find((k) => foldSheetName(recordSheets[k].title) === foldSheetName(name));
}

export function fieldNamed(key: RecordSheetKey, name: string): FieldInfo | undefined {
  return fieldsOf(recordSheets[key].schema).find((f) => f.name === foldSheetName(name) || foldWidth(f.name) === name.trim());
}

function entries(text: string | undefined): string[] {
  if (!text) return [];
  return foldWidth(text)
    .split(/[;\n\r]+/u)
    .map((e) => e.trim())
    .filter((e) => e !== '');
}

/**
 * Parses the four mapping settings of 基本信息, with which a bureau keeps its own sheet names, header
 * text, category names and spellings without touching code. An entry that cannot be understood is a
 * D03 at the setting's cell, saying how it is written.
 */
export function parseMappings(
  texts: Partial<Record<MappingKey, string>>,
  at: (key: MappingKey) => Position,
): { mappings: Mappings; findings: Finding[] } {
  const mappings: Mappings = { columns: new Map(), sheets: new Map(), categories: new Map(), values: new Map() };
  const findings: Finding[] = [];
  const bad = (key: MappingKey, item: string) =>
    findings.push(
      finding('D03', at(key), `“${key}”中的“${item}”无法识别：应写作${examples[key]}，表名和字段须与台账规范一致。`, {
        field: key,
        value: item,
      }),
    );

  for (const item of entries(texts.列名映射)) {
    const m = /^(.+?)\.(.+?)=(.+)$/u.exec(item);
    const key = m ? topicNamed(m[1]) : undefined;
    const field = m && key ? fieldNamed(key, m[2]) : undefined;
    if (!m || !key || !field) {
      bad('列名映射', item);
      continue;
    }
    const headers = mappings.columns.get(key) ?? new Map<string, string>();
    headers.set(m[3].trim(), field.name);
    mappings.columns.set(key, headers);
  }

  for (const item of entries(texts.表名映射)) {
    const m = /^(.+?)=(.+)$/u.exec(item);
    const key = m ? topicNamed(m[1]) : undefined;
    if (!m || !key) bad('表名映射', item);
    else mappings.sheets.set(key, [...(mappings.sheets.get(key) ?? []), m[2].trim()]);
  }

  for (const item of entries(texts.类别映射)) {
    const m = /^(.+?)=(.+)$/u.exec(item);
    const key = m ? topicNamed(m[1]) : undefined;
    if (!m || !key) bad('类别映射', item);
    else mappings.categories.set(key, [...(mappings.categories.get(key) ?? []), ...splitList(m[2])]);
  }

  // `舆情处置.是否重大：重大=是；较大=是；一般=否`: a field named once stands for the pairs after it.
  let current: { key: RecordSheetKey; field: string } | null = null;
  for (const item of entries(texts.值映射)) {
    const head = /^(.+?)\.(.+?):(.+)$/u.exec(item);
    let pair = item;
    if (head) {
      const key = topicNamed(head[1]);
      const field = key ? fieldNamed(key, head[2]) : undefined;
      current = key && field ? { key, field: field.name } : null;
      pair = head[3];
    }
    const m = /^(.+?)=(.+)$/u.exec(pair);
    if (!current || !m) {
      bad('值映射', item);
      continue;
    }
    const fields = mappings.values.get(current.key) ?? new Map<string, Map<string, string>>();
    const spellings = fields.get(current.field) ?? new Map<string, string>();
    spellings.set(foldCompact(m[1]), m[2].trim());
    fields.set(current.field, spellings);
    mappings.values.set(current.key, fields);
  }
  return { mappings, findings };
}
