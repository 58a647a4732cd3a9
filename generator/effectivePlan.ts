import type { Ledger } from '../ledger/model';
import { defaultPlan } from '../ledger/plan/defaults';
import { conditionsText, requirementSentence, type Requirement } from '../ledger/plan/requirement';

// What the county's roll-up needs to know of the plan a ledger was judged by, beyond its rule statuses.

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Where the ledger's plan departs from this bureau's for built-in `id`, in the county's words
 * (`本单位要求每年至少开展3次意识形态工作专题研究`, `本单位未启用此项`), written from the columns the
 * count is made by rather than the clerk's 要求 text; null where it judges as the default plan does.
 */
export function departure(ledger: Pick<Ledger, 'plan' | 'settings'>, id: string): string | null {
  const standard = defaultPlan(ledger.settings).find((r) => r.id === id);
  if (!standard) return null;
  const own = ledger.plan.requirements.find((r) => r.id === id);
  if (!own?.enabled) return '本单位未启用此项';
  const counted = own.atLeast !== standard.atLeast || own.frequency !== standard.frequency || !sameList(own.unitTypes, standard.unitTypes);
  const conditions = conditionsText(own.conditions) !== conditionsText(standard.conditions) || own.sheet !== standard.sheet;
  if (!counted && !conditions) return null;
  return `本单位要求${requirementSentence(own)}${conditions ? '（计数条件另定）' : ''}`;
}

/** The bureau's own requirements of the ledger's plan (no part of this plan), enabled, in the sheet's order. */
export const ownRequirements = (ledger: Pick<Ledger, 'plan'>): Requirement[] =>
  ledger.plan.requirements.filter((r) => r.enabled && r.plan === null);
