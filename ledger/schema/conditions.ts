import * as z from 'zod/mini';

/** What a sheet's conditional requirements report to: zod's refinement context, or the quick verdict's. */
export type ConditionContext = Pick<z.core.$RefinementCtx, 'addIssue'>;
type Conditions = (record: Record<string, unknown>, ctx: ConditionContext) => void;

/** The conditional requirements of each sheet schema that has some, for the quick verdict (verdict.ts). */
export const conditionsOf = new WeakMap<z.core.$ZodType, Conditions>();

/**
 * A sheet schema with requirements that depend on other fields of the row. They run even when other
 * fields of the row failed, so one bad cell does not hide another; each therefore guards the fields it
 * reads.
 */
export function withConditions<S extends z.ZodMiniObject>(shape: S, conditions: (record: z.output<S>, ctx: ConditionContext) => void): S {
  const schema = shape.check(z.superRefine(conditions, { when: () => true }));
  conditionsOf.set(schema, conditions as Conditions);
  return schema;
}
