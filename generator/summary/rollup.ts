import type { RequirementStatus } from '../../ledger/model';
import { periodYear, type PeriodCode } from '../../ledger/values/period';
import type { Outcome } from '../ledgers/judge';
import type { LedgerDigest } from './digest';

/** A ledger left out of the roll-up, and why: it is listed, never dropped in silence. */
export type Excluded =
  | { reason: 'otherYear'; path: string; workbook: string; unit: string; year: number }
  | { reason: 'unreadable'; path: string; workbook: string; message: string };

/** The county's ledgers for one period: those of the period's year, and the rest. */
export interface Rollup {
  period: PeriodCode;
  asOf: string;
  included: LedgerDigest[];
  excluded: Excluded[];
}

export function rollUp(period: PeriodCode, asOf: string, outcomes: readonly Outcome[]): Rollup {
  const rollup: Rollup = { period, asOf, included: [], excluded: [] };
  for (const o of outcomes) {
    if (o.kind === 'unreadable') rollup.excluded.push({ reason: 'unreadable', path: o.path, workbook: o.workbook, message: o.message });
    else if (o.kind !== 'digest') throw new Error(`summary got a ${o.kind} outcome`);
    else if (o.digest.year === periodYear(period)) rollup.included.push(o.digest);
    else rollup.excluded.push({ reason: 'otherYear', path: o.path, workbook: o.digest.workbook, unit: o.digest.unit, year: o.digest.year });
  }
  return rollup;
}

/** The bureau as the county names it: its 单位名称, or its file when the ledger has none. */
export const unitName = (d: LedgerDigest): string => d.unit || `（${d.workbook}）`;

/** How many ledgers have each status for one requirement. */
export function statusCounts(rollup: Rollup, id: string): Record<RequirementStatus, number> {
  const counts: Record<RequirementStatus, number> = { 达标: 0, 进行中: 0, 未达标: 0, 无法判断: 0 };
  for (const d of rollup.included) {
    const r = d.requirements.find((x) => x.id === id);
    if (r) counts[r.status]++;
  }
  return counts;
}

/** The units whose requirement has the status, in the roll-up's order. */
export function unitsWith(rollup: Rollup, id: string, status: RequirementStatus): string[] {
  return rollup.included.filter((d) => d.requirements.some((r) => r.id === id && r.status === status)).map(unitName);
}
