import { safeParse, type $ZodObject, type $ZodType } from 'zod/v4/core';
import { conditionsOf } from './conditions';
import { unwrapField } from './fields';

/**
 * A quick yes for the common record. Parsing every record of a 100,000-record ledger through zod was a
 * third of normalising it, while nearly every record is sound. The verdict reads the schema's own
 * definition once (each field's type and checks, and the sheet's conditional requirements) and says
 * whether zod would accept a record: true only when it would; false sends the record to zod, which stays
 * the only judge of what is wrong and says so. A check this reading does not know is left to zod's
 * parser for that field, value by value, so the verdict is exact for any schema.
 */
type Accepts = (value: unknown) => boolean;

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

const lengthOf = (value: unknown) => (value as { length: number }).length;

/** The checks zod 4 attaches for `.min`, `.max`, `.regex` and `.int` on strings, numbers and arrays. */
function checkAccepts(def: CheckDef): Accepts | null {
  const { minimum, maximum, value: bound, pattern } = def;
  switch (def.check) {
    case 'min_length':
      return minimum === undefined ? null : (v) => lengthOf(v) >= minimum;
    case 'max_length':
      return maximum === undefined ? null : (v) => lengthOf(v) <= maximum;
    case 'greater_than':
      if (bound === undefined) return null;
      return def.inclusive ? (v) => (v as number) >= bound : (v) => (v as number) > bound;
    case 'less_than':
      if (bound === undefined) return null;
      return def.inclusive ? (v) => (v as number) <= bound : (v) => (v as number) < bound;
    case 'number_format':
      return def.format === 'safeint' ? (v) => Number.isSafeInteger(v) : null;
    case 'string_format':
      if (def.format !== 'regex' || !pattern) return null;
      return (v) => {
        pattern.lastIndex = 0;
        return pattern.test(v as string);
      };
    default:
      return null;
  }
}

function typeAccepts(schema: $ZodType): Accepts | null {
  const def = schema._zod.def as { type: string; format?: string; entries?: Record<string, unknown>; element?: $ZodType };
  switch (def.type) {
    case 'string':
      return (v) => typeof v === 'string';
    case 'number':
      // zod 4 refuses NaN and ±Infinity as numbers; `z.int()` is a number of the format `safeint`.
      if (def.format === 'safeint') return (v) => Number.isSafeInteger(v);
      return def.format === undefined ? (v) => typeof v === 'number' && Number.isFinite(v) : null;
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'enum': {
      const members = new Set(Object.values(def.entries ?? {}));
      return (v) => members.has(v);
    }
    case 'array': {
      const element = def.element && valueAccepts(def.element);
      return element ? (v) => Array.isArray(v) && v.every(element) : null;
    }
    default:
      return null;
  }
}

/** Whether zod accepts a present value: from the definition where it is read here, else from zod itself. */
function valueAccepts(schema: $ZodType): Accepts {
  const type = typeAccepts(schema);
  const checks = ((schema._zod.def as { checks?: Array<{ _zod: { def: CheckDef } }> }).checks ?? []).map((c) => checkAccepts(c._zod.def));
  if (type === null || checks.some((c) => c === null)) return (v) => safeParse(schema, v).success;
  const all = checks as Accepts[];
  return (v) => type(v) && all.every((check) => check(v));
}

interface FieldVerdict {
  name: string;
  required: boolean;
  accepts: Accepts;
}

function fieldVerdict(name: string, schema: $ZodType): FieldVerdict | null {
  const { inner, required, fallback } = unwrapField(schema);
  // A default reaches the sheet's conditional requirements in place of an absent value, unlike here.
  if (fallback) return null;
  return { name, required, accepts: valueAccepts(inner) };
}

const verdicts = new WeakMap<$ZodObject, (record: Record<string, unknown>) => boolean>();

/** Whether `schema.safeParse(record)` would succeed, for a record holding only the schema's own fields. */
export function recordVerdict(schema: $ZodObject): (record: Record<string, unknown>) => boolean {
  let verdict = verdicts.get(schema);
  if (verdict !== undefined) return verdict;
  const fields = Object.entries(schema._zod.def.shape).map(([name, field]) => fieldVerdict(name, field as $ZodType));
  const objectChecks = schema._zod.def.checks ?? [];
  const conditions = conditionsOf.get(schema);
  const known = fields.every((f) => f !== null) && (objectChecks.length === 0 || (objectChecks.length === 1 && conditions));
  if (!known) {
    verdict = (record) => safeParse(schema, record).success;
  } else {
    const sound = fields as FieldVerdict[];
    verdict = (record) => {
      for (const { name, required, accepts } of sound) {
        const value = record[name];
        if (value === undefined ? required : !accepts(value)) return false;
      }
      if (!conditions) return true;
      let met = true;
      conditions(record, {
        addIssue: () => {
          met = false;
        },
      });
      return met;
    };
  }
  verdicts.set(schema, verdict);
  return verdict;
}
