import type { Ledger, LedgerRecord, UnsureRows } from '../model';
import { fieldsOf } from '../schema/fields';
import { recordSheets } from '../schema/sheets';
import { periodContains, periodWithin, type PeriodCode } from '../values/period';
import { failsRead } from './kind';
import { rulesOf } from './ruleTable';
import { unitFieldOf } from './rules/counting';
import { recordsForUnits } from './rules/units';

/**
 * Rows that might count toward a requirement but were not understood (spec section 3): rows whose
 * content became no record (未能归类, kind.ts), and records whose type, yes/no condition, date, unit or
 * another field that decides whether and where they count could not be read. While any might fall in
 * a period, a shortfall there is 无法判断, never 未达标. The rows are told apart by what was not
 * understood, for the message to say it (unsureText.ts): a record is named by its unread fields, which
 * its own finding (D02/D03/D06, and D10 where its kind is untold) points at.
 */
export type Unsure = (rule: string, period: PeriodCode, unit?: string) => UnsureRows[];

interface Doubt {
  /** ISO day or period the row counts in, when that much could be read. */
  when?: string;
  /** The units the row names, where its unit field could be read: as the requirement counts them. */
  names?: (unit: string) => boolean;
  /** The record's deciding fields not read; empty for a row whose content became no record. */
  unread: readonly string[];
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
    const conditions = rule.requirement?.conditions ?? [];
    const list: Doubt[] = [];
    for (const r of ledger.records[judged.sheet] as LedgerRecord[]) {
      const unread: string[] = (r.unread ?? []).filter((f) => deciding.has(f));
      if (unread.length === 0) continue;
      if (failsRead(r, conditions, unread)) continue;
      const data = r.data as Record<string, unknown>;
      const when =
        (periodField && typeof data[periodField] === 'string' ? data[periodField] : undefined) ?? (dateField ? data[dateField] : undefined);
      const unit = unitField ? data[unitField.field] : undefined;
      list.push({
        ...(typeof when === 'string' ? { when } : {}),
        ...(typeof unit === 'string' && {
          names: (u: string) => recordsForUnits([r], unitField!.field, unitField!.wholeName)(u).length > 0,
        }),
        unread,
      });
    }
    // A rule over each record judges the records it has; a row not understood is no record it could fail.
    if (judged.judges === 'periods') {
      for (const row of ledger.unplaced)
        if (row.topics.includes(judged.sheet)) list.push({ ...(row.date ? { when: row.date } : {}), unread: [] });
    }
    if (list.length > 0) doubts.set(rule.id, list);
  }
  return (rule, period, unit) => {
    const alike = new Map<string, UnsureRows>();
    for (const d of doubts.get(rule) ?? []) {
      if (!fallsIn(d, period, unit)) continue;
      const why = d.unread.join('、');
      const rows = alike.get(why);
      if (rows) rows.rows++;
      else alike.set(why, { unread: [...d.unread], rows: 1 });
    }
    // 未能归类 first, as the message says it first.
    return [...alike.values()].sort((a, b) => Number(a.unread.length > 0) - Number(b.unread.length > 0));
  };
}
