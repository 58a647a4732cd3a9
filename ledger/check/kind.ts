import type { LedgerRecord } from '../model';
import { meetsConditions } from '../plan/conditions';
import type { Condition, Plan } from '../plan/requirement';
import type { RecordSheetKey } from '../schema/sheets';
import { rulesOf } from './ruleTable';

/**
 * What 未能归类 means (spec section 1), in the one place the account (validate's 各工作表读取情况, JSON
 * `account`, the pane's and the page's 读取情况, each row's D10) and the requirements' 无法判断
 * (unsure.ts) both take it from: a row whose content became no record, or a record whose kind could
 * not be told. A record's kind is what the plan's
 * requirements on its sheet tell records apart by — the fields of their conditions, a type and yes/no
 * conditions such as 含意识形态内容 alike — so a record is 未能归类 when one of those fields is unread
 * and a requirement it might count toward (none of whose conditions its read fields already fail)
 * turns on it. A record whose date or unit is unread stays a record: its kind is known, only where it
 * counts is not, and its D02/D06 at the cell says so. A requirement left 无法判断 by a record names the
 * record's unread fields (`另有1行“含意识形态内容”未能读懂`), which its D10 names too.
 *
 * Returns, for a record of `key`, the fields that leave its kind untold: empty when it is a record.
 */
export function untoldKind(plan: Plan, key: RecordSheetKey): (record: LedgerRecord) => string[] {
  const conditionSets = rulesOf(plan).flatMap((rule) => (rule.requirement?.sheet === key ? [rule.requirement.conditions] : []));
  return (record) => {
    const unread: readonly string[] = record.unread ?? [];
    if (unread.length === 0) return [];
    const untold = new Set<string>();
    for (const conditions of conditionSets) {
      if (failsRead(record, conditions, unread)) continue;
      for (const c of conditions) if (unread.includes(c.field)) untold.add(c.field);
    }
    return [...untold];
  };
}

/**
 * True when a field of the record that was read already fails one of the conditions (another type,
 * 含意识形态内容 否, or left blank): it cannot count, whatever its unread fields hold.
 */
export function failsRead(record: LedgerRecord, conditions: readonly Condition[], unread: readonly string[]): boolean {
  return conditions.some((c) => !unread.includes(c.field) && !meetsConditions(record, [c]));
}
