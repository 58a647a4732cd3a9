import { basename, dirname, resolve, sep } from 'node:path';
import type { RequirementStatus } from '../../ledger/model';
import { periodYear, type PeriodCode } from '../../ledger/values/period';
import type { Outcome, ReadFailure } from '../ledgers/judge';
import type { LedgerDigest } from './digest';

/** A ledger left out of the roll-up, and why: it is listed, never dropped in silence. */
export type Excluded =
  | { reason: 'otherYear'; path: string; workbook: string; unit: string; year: number }
  /** `folder`: the bureau's folder it was found in, under a folder the county named; absent for a file at the top. */
  | { reason: 'unreadable'; path: string; workbook: string; message: string; failure: ReadFailure; folder?: string }
  /** Byte for byte the ledger called `sameAs`, which is counted instead. */
  | { reason: 'copy'; path: string; workbook: string; sameAs: string };

/** The county's ledgers for one period: those of the period's year, and the rest. */
export interface Rollup {
  period: PeriodCode;
  asOf: string;
  included: LedgerDigest[];
  excluded: Excluded[];
}

/**
 * `copies`: files left unread for being another file's exact copy (copies.ts), each with that file's name.
 * `folders`: the bureau's folder of each file found in one (bureauFolders).
 */
export function rollUp(
  period: PeriodCode,
  asOf: string,
  outcomes: readonly Outcome[],
  copies: ReadonlyMap<string, string> = new Map(),
  folders: ReadonlyMap<string, string> = new Map(),
): Rollup {
  const rollup: Rollup = { period, asOf, included: [], excluded: [] };
  for (const o of outcomes) {
    // A summary of an earlier run kept in the same folder is the county's own paper, not a bureau's ledger.
    if (o.kind === 'ownWorkbook') continue;
    if (o.kind === 'unreadable') {
      const folder = folders.get(o.path);
      rollup.excluded.push({
        reason: 'unreadable',
        path: o.path,
        workbook: folder ? basename(o.path) : o.workbook,
        message: o.message,
        failure: o.failure,
        ...(folder ? { folder } : {}),
      });
    } else if (o.kind !== 'digest') throw new Error(`summary got a ${o.kind} outcome`);
    else if (o.digest.year === periodYear(period)) rollup.included.push(o.digest);
    else rollup.excluded.push({ reason: 'otherYear', path: o.path, workbook: o.digest.workbook, unit: o.digest.unit, year: o.digest.year });
  }
  for (const [path, sameAs] of copies) rollup.excluded.push({ reason: 'copy', path, workbook: basename(path), sameAs });
  return rollup;
}

/** Left out for what the bureau must put right: not the copies, which are the county's own double. */
export const toReport = (excluded: readonly Excluded[]): Excluded[] => excluded.filter((e) => e.reason !== 'copy');

/** The ledgers the county received, an exact copy counted once: what the CLI and the 通报 both say. */
export function receivedCounts(rollup: Rollup): { received: number; included: number; leftOut: number; copies: number } {
  const leftOut = toReport(rollup.excluded).length;
  return {
    received: rollup.included.length + leftOut,
    included: rollup.included.length,
    leftOut,
    copies: rollup.excluded.length - leftOut,
  };
}

/**
 * The folder a ledger was found in below a folder named on the command line, by its name: a county that
 * keeps each bureau's files in a folder of the bureau's name can then tell whose unreadable file it is.
 * Files at the top of a named folder, or named themselves, have none.
 */
export function bureauFolders(args: readonly string[], files: readonly string[]): Map<string, string> {
  const roots = args.map((arg) => resolve(arg));
  const folders = new Map<string, string>();
  for (const file of files) {
    const parent = dirname(resolve(file));
    if (roots.some((root) => parent !== root && parent.startsWith(root + sep))) folders.set(file, basename(parent));
  }
  return folders;
}

/**
 * A 单位名称 that more than one different ledger gives: a revised ledger sent beside the first, or a
 * bureau that kept the template's name. Which is meant cannot be told from the files, so both are counted
 * and the county is asked to look.
 */
export function sharedUnitNames(rollup: Rollup): Array<{ unit: string; workbooks: string[] }> {
  const byUnit = new Map<string, string[]>();
  for (const d of rollup.included) if (d.unit) byUnit.set(d.unit, [...(byUnit.get(d.unit) ?? []), d.workbook]);
  return [...byUnit].filter(([, workbooks]) => workbooks.length > 1).map(([unit, workbooks]) => ({ unit, workbooks }));
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
