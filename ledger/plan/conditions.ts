import type { LedgerRecord } from '../model';
import { headerIndex } from '../normalise/header';
import { fieldsOf, type FieldInfo } from '../schema/fields';
import { recordSheets } from '../schema/sheets';
import { foldCompact, foldHeader, foldWidth } from '../text/fold';
import { matchChoice, parseYesNo } from '../values/choice';
import type { WorkSheetKey } from '../check/placing';
import type { Condition } from './requirement';

/** A 条件 cell read: its conditions, or why it cannot be (a clerk's sentence). */
export type ReadConditions = { ok: true; conditions: Condition[] } | { ok: false; message: string };

/** A field with fixed values, which a condition can name: a choice, a yes/no or a list of usual items. */
function valuesOf(field: FieldInfo): readonly string[] | null {
  if (field.kind === 'yesno') return ['是', '否'];
  if ((field.kind === 'enum' || field.kind === 'list') && field.values) return field.values;
  return null;
}

/** One value as the field's canonical spelling (`抽查` → `不定期抽查`, `√` → `是`), or null when not allowed. */
function canonical(field: FieldInfo, raw: string): string | null {
  if (field.kind === 'yesno') {
    const yes = parseYesNo(field.aliases?.[foldCompact(raw)] ?? raw);
    return yes === null ? null : yes ? '是' : '否';
  }
  return matchChoice(raw, field.values ?? [], field.aliases);
}

/** The bureau's own names and spellings for a sheet (列名映射 and 值映射), which its conditions may use too. */
export interface OwnWords {
  columns?: ReadonlyMap<string, string>;
  values?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** Between the values of one condition, and between conditions where a clerk uses the same marks. */
const listSeparator = /[、,/]+/u;

/**
 * The `字段=值` parts of a 条件 cell. `；` and line breaks always part conditions; `，`, `、` and `/` part
 * values, except where what follows names a field of its own (`类型=中心组专题学习，意识形态安全专题=是`).
 */
function conditionParts(text: string): string[] {
  const parts: string[] = [];
  for (const clause of foldWidth(text).split(/[;\n\r]+/u)) {
    let current: number | null = null;
    for (const piece of clause.split(listSeparator)) {
      const item = piece.trim();
      if (item === '') continue;
      const named = /[=:]/u.test(item);
      if (!named && current !== null) parts[current] += `、${item}`;
      else {
        parts.push(item);
        current = named ? parts.length - 1 : null;
      }
    }
  }
  return parts;
}

/**
 * Reads a 条件 cell: `字段=值` joined by `；`, `、` between values meaning any of them. Field names are
 * the spec's names and synonyms (and the bureau's 列名映射 for the sheet), values those the field
 * allows, in any spelling the reader accepts (and the bureau's 值映射).
 */
export function readConditions(key: WorkSheetKey, text: string, own: OwnWords = {}): ReadConditions {
  const fields = fieldsOf(recordSheets[key].schema);
  const index = headerIndex(fields, own.columns ?? new Map());
  const title = recordSheets[key].title;
  const conditions: Condition[] = [];
  for (const part of conditionParts(text)) {
    const eq = /^([^=:]+)[=:](.*)$/u.exec(part);
    if (!eq) return { ok: false, message: `条件“${part}”应写成“字段=值”，如“类型=中心组专题学习”` };
    const name = index.get(foldHeader(eq[1]));
    const field = fields.find((f) => f.name === name);
    if (!field)
      return {
        ok: false,
        message: `“${title}”没有字段“${eq[1].trim()}”。可用的字段：${fields
          .filter((f) => valuesOf(f))
          .map((f) => f.name)
          .join('、')}`,
      };
    const allowed = valuesOf(field);
    if (!allowed)
      return {
        ok: false,
        message: `“${field.name}”没有固定的取值，不能作为条件。可用的字段：${fields
          .filter((f) => valuesOf(f))
          .map((f) => f.name)
          .join('、')}`,
      };
    const values: string[] = [];
    for (const raw of eq[2]
      .split(listSeparator)
      .map((v) => v.trim())
      .filter((v) => v !== '')) {
      const value = canonical(field, own.values?.get(field.name)?.get(foldCompact(raw)) ?? raw);
      if (value === null) return { ok: false, message: `“${field.name}”的值“${raw}”不在允许范围内。允许的值：${allowed.join('、')}` };
      if (!values.includes(value)) values.push(value);
    }
    if (values.length === 0) return { ok: false, message: `条件“${part}”没有写值，应写成“${field.name}=${allowed[0]}”` };
    conditions.push({ field: field.name, values });
  }
  return { ok: true, conditions };
}

/** A record's value of a condition's field in the condition's terms: yes/no as 是/否, a list as its items. */
function heldValues(record: LedgerRecord, field: string): readonly string[] {
  const value = (record.data as Record<string, unknown>)[field];
  if (typeof value === 'boolean') return [value ? '是' : '否'];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.map(String);
  return [];
}

/** True when the record meets every condition: its field holds one of the condition's values. */
export function meetsConditions(record: LedgerRecord, conditions: readonly Condition[]): boolean {
  for (const c of conditions) if (!heldValues(record, c.field).some((v) => c.values.includes(v))) return false;
  return true;
}
