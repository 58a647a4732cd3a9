import type { LedgerRecord } from '../../model';
import { meetsConditions } from '../../plan/conditions';
import { periodsOf, whatTimes, type Requirement } from '../../plan/requirement';
import { fieldsOf } from '../../schema/fields';
import { recordSheets, type RecordSheetKey } from '../../schema/sheets';
import { periodWithin, type PeriodCode } from '../../values/period';
import type { Rule } from '../context';
import { periodRule, type PeriodNeed } from '../periods';
import { monthOn, placing, type WorkSheetKey } from '../placing';
import { recordsForUnits, unitsOfType } from './units';

/**
 * How many of `records` count toward each period they name. A rule asks for several periods of the
 * same records (quarters, halves, each unit's), so each record's period is worked out once.
 */
export function periodTally<K extends RecordSheetKey>(
  records: readonly LedgerRecord<K>[],
  periodOf: (r: LedgerRecord<K>) => PeriodCode | undefined,
): Map<PeriodCode, number> {
  const tally = new Map<PeriodCode, number>();
  // Indexed, as are other loops over every record: a for-of loop run once per check allocates an
  // iterator result per record until the optimiser takes it up.
  for (let i = 0; i < records.length; i++) {
    const p = periodOf(records[i]);
    if (p !== undefined) tally.set(p, (tally.get(p) ?? 0) + 1);
  }
  return tally;
}

/** How many of the tallied records count toward `period`. */
export function countIn(tally: ReadonlyMap<PeriodCode, number>, period: PeriodCode): number {
  let n = 0;
  for (const [p, count] of tally) if (periodWithin(p, period)) n += count;
  return n;
}

/**
 * The field of a sheet that names the units of 组织架构 a record is for, and how it names them: a unit
 * field (被检查单位, 汇报单位, D06 checked) holds one unit's name whole; a text field (对象 `第一党支部全体党员`,
 * 参加对象 `第一党支部、第二党支部`) names every unit it contains.
 */
export function unitFieldOf(sheet: WorkSheetKey): { field: string; wholeName: boolean } | undefined {
  const field = placing[sheet].unit;
  if (field === undefined) return undefined;
  return { field, wholeName: fieldsOf(recordSheets[sheet].schema).find((f) => f.name === field)?.kind === 'unit' };
}

/**
 * The one rule of every counting requirement of the plan (issue 22): its sheet's records that meet
 * its conditions, placed in months (placing.ts), counted in each period of its frequency in the
 * ledger's year — for the bureau, or for each unit of its unit types through the sheet's unit field.
 * R01 adds its mid-year checkpoint, a warning: by the first half's end a yearly 专题研究 should be half
 * done, Math.ceil(atLeast / 2) times — 1 of the default 2, but 2 of a bureau's 3, which 1 would pass unasked.
 */
export function requirementRule(requirement: Requirement): Rule {
  const { id, sheet, conditions, unitTypes, atLeast, frequency } = requirement;
  const placeOf = monthOn(sheet);
  return (ctx) => {
    const records = (ctx.ledger.records[sheet] as LedgerRecord[]).filter((r) => meetsConditions(r, conditions));
    const year = String(ctx.year);
    const checkpoint = id === 'R01' && frequency === '年';
    const needsOf = (tally: ReadonlyMap<PeriodCode, number>, unit?: string): PeriodNeed[] => [
      ...(checkpoint
        ? [
            {
              period: `${year}H1`,
              unit,
              required: Math.ceil(atLeast / 2),
              actual: countIn(tally, `${year}H1`),
              what: whatTimes(requirement.what, Math.ceil(atLeast / 2)),
              overdueSeverity: 'warning' as const,
            },
          ]
        : []),
      ...periodsOf(frequency, ctx.year).map((period) => ({
        period,
        unit,
        required: atLeast,
        actual: countIn(tally, period),
        what: whatTimes(requirement.what, atLeast),
      })),
    ];
    const unitField = unitFieldOf(sheet);
    if (unitTypes.length === 0 || unitField === undefined) {
      const tally = periodTally(records, placeOf);
      return periodRule(ctx, id, sheet, needsOf(tally), checkpoint ? { required: atLeast, actual: countIn(tally, year) } : undefined);
    }
    const recordsOf = recordsForUnits(records, unitField.field, unitField.wholeName);
    const needs = unitsOfType(ctx.ledger, unitTypes).flatMap((unit) => needsOf(periodTally(recordsOf(unit), placeOf), unit));
    return periodRule(ctx, id, sheet, needs);
  };
}
