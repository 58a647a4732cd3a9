import type { Ledger, LedgerRecord } from '../model';
import { fieldsOf } from '../schema/fields';
import { recordSheets } from '../schema/sheets';
import { periodContains, periodWithin, type PeriodCode } from '../values/period';
import { rulesOf } from './ruleTable';
import { unitFieldOf } from './rules/counting';
import { recordsForUnits } from './rules/units';

/**
 * Rows that might count toward a requirement but were not understood (spec section 3): rows 未能归类
 * on its sheet, and records whose type, date or unit — a field that decides whether and where they
 * count — could not be read. While any might fall in a period, a shortfall there is 无法判断, never
 * 未达标: `实际至少N次，另有M行未能归类`.
 */
export type Unsure = (rule: string, period: PeriodCode, unit?: string) => number;

interface Doubt {
  /** ISO day or period the row counts in, when that much could be read. */
  when?: string;
  /** The units the row names, where its unit field could be read: as the requirement counts them. */
  names?: (unit: string) => boolean;
}

function fallsIn(doubt: Doubt, period: PeriodCode, unit: string | undefined): boolean {
  if (doubt.names !== undefined && unit !== undefined && !doubt.names(unit)) return false;
  if (doubt.when === undefined) return true;
  return /^\d{4}-\d{2}/u.test(doubt.when) ? periodContains(period, doubt.when) : periodWithin(doubt.when, period);
}

/** The doubts of each requirement, worked out once per validation. */
export function unsureRows(ledger: Ledger): Unsure {
  const doubts = new Map<string, Doubt[]>();
  for (const rule of rulesOf(ledger.plan)) {
    const judged = rule.judged;
    if (!judged || judged.judges === 'settings') continue;
    const fields = fieldsOf(recordSheets[judged.sheet].schema);
    const kindOf = (name: string) => fields.find((f) => f.name === name)?.kind;
    const dateField = judged.needs.find((n) => kindOf(n) === 'date' || kindOf(n) === 'datetime');
    const periodField = fields.find((f) => f.kind === 'period')?.name;
    const unitField = judged.units && judged.sheet !== 'organization' ? unitFieldOf(judged.sheet) : undefined;
    const deciding = new Set([...judged.needs, ...(judged.counts ? [judged.counts.field] : [])]);
    const list: Doubt[] = [];
    for (const r of ledger.records[judged.sheet] as LedgerRecord[]) {
      if (!r.unread?.some((f) => deciding.has(f))) continue;
      const data = r.data as Record<string, unknown>;
      // A record whose type was read and is another type cannot count, whatever else is unread.
      if (judged.counts && data[judged.counts.field] !== undefined && !judged.counts.values.includes(String(data[judged.counts.field])))
        continue;
      const when =
        (periodField && typeof data[periodField] === 'string' ? data[periodField] : undefined) ?? (dateField ? data[dateField] : undefined);
      const unit = unitField ? data[unitField.field] : undefined;
      list.push({
        ...(typeof when === 'string' ? { when } : {}),
        ...(typeof unit === 'string' && {
          names: (u: string) => recordsForUnits([r], unitField!.field, unitField!.wholeName)(u).length > 0,
        }),
      });
    }
    // A rule over each record judges the records it has; a row not understood is no record it could fail.
    if (judged.judges === 'periods') {
      for (const row of ledger.unplaced) if (row.topics.includes(judged.sheet)) list.push(row.date ? { when: row.date } : {});
    }
    if (list.length > 0) doubts.set(rule.id, list);
  }
  return (rule, period, unit) => (doubts.get(rule) ?? []).filter((d) => fallsIn(d, period, unit)).length;
}
