import { ruleTable, type RuleInfo } from '../ledger/check/ruleTable';
import type { Ledger } from '../ledger/model';
import { defaultPlan } from '../ledger/plan/defaults';
import type { Requirement } from '../ledger/plan/requirement';
import type { Frequency } from '../ledger/schema/plan';

// What the reports and the county's roll-up need to know of the plan a ledger was judged by: a
// RuleStatus's id is a built-in's (R01…) or the bureau's own 编号, which the rule table does not hold.

const known = new Map<string, RuleInfo>(ruleTable.map((rule) => [rule.id, rule]));

/** The enabled counting requirement of the ledger's plan that rule `id` stands for: a built-in as the bureau set it, or its own. */
export function requirementOf(ledger: Pick<Ledger, 'plan'>, id: string): Requirement | undefined {
  return ledger.plan.requirements.find((r) => r.id === id && r.enabled);
}

/** Whether rule `id` judges the bureau's work (a requirement, built-in or its own) rather than the ledger's structure or data. */
export const judgesWork = (id: string): boolean => (known.get(id)?.kind ?? 'requirement') === 'requirement';

/** Whether rule `id` counts records per period: every requirement of the plan, and only those. */
export const countsPeriods = (ledger: Pick<Ledger, 'plan'>, id: string): boolean => requirementOf(ledger, id) !== undefined;

/** The part of the implementation plan (`三(一)`) a requirement comes from; null for a bureau's own. */
export const planPart = (ledger: Pick<Ledger, 'plan'>, id: string): string | null =>
  requirementOf(ledger, id)?.plan ?? known.get(id)?.plan ?? null;

/** The sheet a rule judges: its requirement's where the plan has one, else the rule table's. */
export const sheetOf = (ledger: Pick<Ledger, 'plan'> | undefined, id: string): string | undefined =>
  (ledger && requirementOf(ledger, id)?.sheet) ?? known.get(id)?.judged?.sheet;

const every: Record<Frequency, string> = { 年: '每年', 半年: '每半年', 季度: '每季度', 月: '每月' };

/** How often and how many, as a plan says it: `每年至少3次`, `每半年各党支部至少1次`. */
export function countWords(r: Pick<Requirement, 'frequency' | 'unitTypes' | 'atLeast'>): string {
  return `${every[r.frequency]}${r.unitTypes.length > 0 ? `各${r.unitTypes.join('、')}` : ''}至少${r.atLeast}次`;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const conditionText = (r: Requirement) => r.conditions.map((c) => `${c.field}=${c.values.join('、')}`).join('；');

/**
 * Where the ledger's plan departs from this bureau's for built-in `id`, in the county's words
 * (`本单位要求每年至少3次`, `本单位未启用此项`); null where it judges as the default plan does.
 */
export function departure(ledger: Pick<Ledger, 'plan' | 'settings'>, id: string): string | null {
  const standard = defaultPlan(ledger.settings).find((r) => r.id === id);
  if (!standard) return null;
  const own = ledger.plan.requirements.find((r) => r.id === id);
  if (!own?.enabled) return '本单位未启用此项';
  const counted = own.atLeast !== standard.atLeast || own.frequency !== standard.frequency || !sameList(own.unitTypes, standard.unitTypes);
  const conditions = conditionText(own) !== conditionText(standard);
  if (!counted && !conditions && own.sheet === standard.sheet) return null;
  return `本单位要求${countWords(own)}${conditions || own.sheet !== standard.sheet ? '（计数条件另定）' : ''}`;
}

/** The bureau's own requirements of the ledger's plan, enabled, in the sheet's order. */
export const ownRequirements = (ledger: Pick<Ledger, 'plan'>): Requirement[] =>
  ledger.plan.requirements.filter((r) => r.enabled && !known.has(r.id));
