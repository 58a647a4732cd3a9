import './noEval';
import * as z from 'zod/mini';

/**
 * Field builders: each returns a zod schema for the field's normalised value and registers how the
 * field is read from a cell (kind, synonyms, allowed values). A field is required unless the sheet
 * wraps it in `z.optional()` or `z._default()`. The sheet schemas built from these are the single source
 * of field names, types and header text for the reader, the template and the rules. They are zod/mini
 * schemas: every CLI run builds about a hundred, and a classic schema is built with some forty methods
 * of its own.
 */
export type FieldKind = 'text' | 'date' | 'datetime' | 'int' | 'enum' | 'yesno' | 'period' | 'unit' | 'list';

export type PeriodKind = 'quarter' | 'half' | 'any';

export interface FieldMeta {
  kind: FieldKind;
  synonyms: readonly string[];
  /** Allowed values of an enum, or of every item of a list. */
  values?: readonly string[];
  /** Accepted spellings of an allowed value (`抽查` → `不定期抽查`). */
  aliases?: Readonly<Record<string, string>>;
  min?: number;
  max?: number;
  periodKind?: PeriodKind;
}

export const fieldMeta = z.registry<FieldMeta>();

interface FieldOptions {
  syn?: readonly string[];
}

function register<T extends z.ZodMiniType>(schema: T, kind: FieldKind, o: FieldOptions, extra: Partial<FieldMeta> = {}): T {
  fieldMeta.add(schema, { kind, synonyms: o.syn ?? [], ...extra });
  return schema;
}

const nonEmpty = () => z.string().check(z.minLength(1));

/** ISO date `2026-03-05`. */
export const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
/** ISO local date-time `2026-03-05T14:30:00`. */
export const isoDateTime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/));
/** `2026Q3`, `2026H1` or `2026M08`. */
export const periodCode = z.string().check(z.regex(/^\d{4}(Q[1-4]|H[12]|M(0[1-9]|1[0-2]))$/));

export const text = (o: FieldOptions = {}) => register(nonEmpty(), 'text', o);
/** A unit name that must exist in 组织架构 (D06). */
export const unit = (o: FieldOptions = {}) => register(nonEmpty(), 'unit', o);
export const date = (o: FieldOptions = {}) => register(isoDate.clone(), 'date', o);
export const datetime = (o: FieldOptions = {}) => register(isoDateTime.clone(), 'datetime', o);
export const period = (o: FieldOptions & { of?: PeriodKind } = {}) =>
  register(periodCode.clone(), 'period', o, { periodKind: o.of ?? 'any' });
/** `aliases`: the bureau's words for yes and no (`重大` → `是`). */
export const yesno = (o: FieldOptions & { aliases?: Record<string, '是' | '否'> } = {}) =>
  register(z.boolean(), 'yesno', o, { aliases: o.aliases });

export function int(o: FieldOptions & { min: number; max: number }) {
  return register(z.int().check(z.minimum(o.min), z.maximum(o.max)), 'int', o, { min: o.min, max: o.max });
}

export function oneOf<const V extends readonly [string, ...string[]]>(
  values: V,
  o: FieldOptions & { aliases?: Record<string, V[number]> } = {},
) {
  return register(z.enum(values), 'enum', o, { values, aliases: o.aliases });
}

/** A multi-value cell, free text items. */
export const list = (o: FieldOptions = {}) => register(z.array(nonEmpty()).check(z.minLength(1)), 'list', o);

/** A multi-value cell whose list ends in 等: `values` are the usual items, others are accepted as written. */
export function openListOf<const V extends readonly [string, ...string[]]>(
  values: V,
  o: FieldOptions & { aliases?: Record<string, V[number]> } = {},
) {
  return register(z.array(nonEmpty()).check(z.minLength(1)), 'list', o, { values, aliases: o.aliases });
}

export interface FieldInfo extends FieldMeta {
  name: string;
  required: boolean;
}

/**
 * A field's own schema inside its `z.optional()` and `z._default()` wrappers: whether it is required,
 * and the default value when it has one. Read from the definitions, so it serves classic zod schemas too.
 */
export function unwrapField(schema: z.core.$ZodType): { inner: z.core.$ZodType; required: boolean; fallback?: { value: unknown } } {
  let inner = schema;
  let required = true;
  let fallback: { value: unknown } | undefined;
  for (let def = inner._zod.def; def.type === 'optional' || def.type === 'default'; def = inner._zod.def) {
    required = false;
    if (def.type === 'default') fallback ??= { value: (def as z.core.$ZodDefaultDef).defaultValue };
    inner = (def as z.core.$ZodOptionalDef).innerType;
  }
  return { inner, required, ...(fallback && { fallback }) };
}

/** The registered metadata of a field, looking through `z.optional()` and `z._default()`. */
export function fieldInfo(name: string, schema: z.ZodMiniType): FieldInfo {
  const { inner, required } = unwrapField(schema);
  const meta = fieldMeta.get(inner);
  if (!meta) throw new Error(`field ${name} has no registered metadata`);
  return { name, required, ...meta };
}

const fieldLists = new WeakMap<z.ZodMiniObject, readonly FieldInfo[]>();

/** Every field of an object schema, in declaration order; worked out once per schema, as reports ask per record. */
export function fieldsOf(schema: z.ZodMiniObject): readonly FieldInfo[] {
  let fields = fieldLists.get(schema);
  if (fields === undefined) {
    fields = Object.entries(schema.shape).map(([name, s]) => fieldInfo(name, s as z.ZodMiniType));
    fieldLists.set(schema, fields);
  }
  return fields;
}
