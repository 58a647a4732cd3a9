import type { LedgerRecord } from '../model';
import { meetsConditions } from '../plan/conditions';
import type { Condition, Plan } from '../plan/requirement';
import type { RecordSheetKey } from '../schema/sheets';
import { rulesOf } from './ruleTable';

/**
 * What 未能归类 means (spec section 1), in the one place the account (validate's 各工作表读取情况, JSON
 * `account`, the pane's and the page's 读取情况, each row's D10) and the requirements' 无法判断
 * (unsure.ts) both take it from: a row whose content became no record, or a record whose kind could
 * not be told. A record's kind is the type the plan's requirements on its sheet tell records apart
 * by (分析类型, 检查类型, 类型 …: a condition other than yes/no), so a record is 未能归类 when such a
 * field is unread and a requirement it might count toward (none of whose conditions its read fields
 * already fail) turns on it. A record whose date, unit or yes/no condition (含意识形态内容,
 * 意识形态安全专题) is unread stays a record: what it is is known, only whether or where it counts is
 * not. Diaries leave a yes/no unsaid on most rows (a 中心组学习 whose words do not say 意识形态安全), and
 * calling each such row 未能归类 told the clerk half the diary went unread. A requirement left 无法判断
 * names the record's unread fields (`另有1行“含意识形态内容”未能读懂`); a type unread is also the row's D10.
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
      for (const c of conditions) if (unread.includes(c.field) && !isYesNo(c)) untold.add(c.field);
    }
    return [...untold];
  };
}

const isYesNo = (c: Condition): boolean => c.values.every((v) => v === '是' || v === '否');

/**
 * True when a field of the record that was read already fails one of the conditions (another type,
 * 含意识形态内容 否, or left blank): it cannot count, whatever its unread fields hold.
 */
export function failsRead(record: LedgerRecord, conditions: readonly Condition[], unread: readonly string[]): boolean {
  return conditions.some((c) => !unread.includes(c.field) && !meetsConditions(record, [c]));
}
