import type { Ledger } from '../../model';
import type { UnitType } from '../../schema/sheets';
import { foldCompact } from '../../text/fold';
import { splitList } from '../../values/choice';

/** Names of the units of 组织架构 of the given types, once each, in sheet order. */
export function unitsOfType(ledger: Ledger, types: readonly UnitType[]): string[] {
  const names = ledger.records.organization
    .filter((r) => r.data.单位类型 !== undefined && types.includes(r.data.单位类型))
    .map((r) => r.data.单位名称)
    .filter((n): n is string => n !== undefined);
  return [...new Set(names)];
}

/**
 * The units a unit field names: one, or several in a list (`业务股、第一党支部`: one inspection of both,
 * one report of both), each counting for its unit (issue 22).
 */
export function unitsNamed(value: string): string[] {
  return splitList(value);
}

/** True when `a` names unit `b`: names compare folded, so `第一党支部` and `第一党支部 ` are one unit. */
export function sameUnit(a: string | undefined, b: string): boolean {
  return a !== undefined && unitsNamed(a).some((name) => foldCompact(name) === foldCompact(b));
}

/**
 * Records by each unit they name, as sameUnit compares: each name is folded once, rather than once for
 * every unit it is compared with. Each unit's records stay in row order.
 */
export function recordsByUnit<R>(records: readonly R[], unitOf: (r: R) => string | undefined): (unit: string) => R[] {
  const byUnit = new Map<string, R[]>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const value = unitOf(r);
    if (value === undefined) continue;
    for (const key of new Set(unitsNamed(value).map(foldCompact))) {
      const own = byUnit.get(key);
      if (own) own.push(r);
      else byUnit.set(key, [r]);
    }
  }
  return (unit) => byUnit.get(foldCompact(unit)) ?? [];
}

export const inspectedTypes: readonly UnitType[] = ['股室', '站所'];
export const branchTypes: readonly UnitType[] = ['党总支', '党支部'];

/**
 * Records by the unit of 组织架构 they are for, through the field that names it: compared whole, or
 * counting for every unit the text contains (see counting.ts's unitFieldOf).
 */
export function recordsForUnits<R extends { data: object }>(
  records: readonly R[],
  field: string,
  wholeName: boolean,
): (unit: string) => R[] {
  const valueOf = (r: R) => {
    const value = (r.data as Record<string, unknown>)[field];
    return typeof value === 'string' ? value : undefined;
  };
  if (wholeName) return recordsByUnit(records, valueOf);
  const named = records.flatMap((r) => {
    const value = valueOf(r);
    return value === undefined ? [] : [{ r, text: foldCompact(value) }];
  });
  return (unit) => {
    const folded = foldCompact(unit);
    return named.filter((n) => n.text.includes(folded)).map((n) => n.r);
  };
}
