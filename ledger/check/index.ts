import type { Finding } from '../findings';
import type { Ledger, RecordsBySheet, RuleStatus } from '../model';
import type { Recognition } from '../normalise';
import type { CheckContext, Rule } from './context';
import { coverage } from './coverage';
import { rulesOf, type RuleInfo } from './ruleTable';
import { unsureRows } from './unsure';
import { requirementRule } from './rules/counting';
import { D03, D04, D05, D06, D08 } from './rules/data';
import { R08, R19 } from './rules/inspection';
import { R14 } from './rules/lecture';
import { R15, R16, R17 } from './rules/opinion';
import { D09, R18 } from './rules/organization';
import type { Plan } from '../plan/requirement';

/** The rules whose code is their own: data rules over records, and requirements judged record by record. */
const ownCode: Readonly<Record<string, Rule>> = { D03, D04, D05, D06, D08, D09, R08, R14, R15, R16, R17, R18, R19 };

/**
 * The rules run over normalised records under a ledger's plan, in the order of its rule table: the
 * counting requirements all by the one counting rule. S01–S04, D01, D02, D07 and most of D03 are found
 * while reading (normalise), where the cell is at hand.
 */
export function checksOf(plan: Plan): Array<[RuleInfo, Rule]> {
  return rulesOf(plan).flatMap((info): Array<[RuleInfo, Rule]> => {
    if (info.requirement) return [[info, requirementRule(info.requirement)]];
    const rule = ownCode[info.id];
    return rule ? [[info, rule]] : [];
  });
}

/**
 * A requirement that cannot be judged keeps the shape of its status (its periods and units, for the
 * reports' tables) but says 无法判断 throughout, and none of its own findings: a shortfall counted on
 * absent records would be a false alarm.
 */
function unjudged(status: Omit<RuleStatus, 'title'>): Omit<RuleStatus, 'title'> {
  return {
    ...status,
    status: '无法判断',
    required: 0,
    actual: 0,
    // Its periods are unjudged for want of a sheet or column, not for rows not understood.
    periods: status.periods.map(({ unplaced: _, unsure: __, ...p }) => ({ ...p, status: '无法判断', actual: 0 })),
  };
}

/**
 * The ledger as the requirements count it: a row D08 found to repeat an earlier one is the same piece
 * of work typed twice, so it counts once, in validate and in the reports alike.
 */
export function withoutRepeats(ledger: Ledger, repeats: readonly Finding[]): Ledger {
  if (repeats.length === 0) return ledger;
  const rowsOf = new Map<string, Set<number>>();
  for (const f of repeats) {
    const rows = rowsOf.get(f.sheet);
    if (rows) rows.add(f.row);
    else rowsOf.set(f.sheet, new Set([f.row]));
  }
  const records = Object.fromEntries(
    Object.entries(ledger.records).map(([sheet, list]) => [sheet, list.filter((r) => !rowsOf.get(r.sheet)?.has(r.row))]),
  ) as RecordsBySheet;
  return { ...ledger, records };
}

export function runChecks(given: CheckContext, recognition: Recognition): { findings: Finding[]; rules: RuleStatus[] } {
  const ctx: CheckContext = { ...given, unsure: unsureRows(given.ledger) };
  const covered = coverage(ctx, recognition);
  const findings: Finding[] = [...covered.findings];
  const rules: RuleStatus[] = [];
  let counted = ctx;
  for (const [info, rule] of checksOf(ctx.ledger.plan)) {
    const outcome = rule(info.kind === 'requirement' ? counted : ctx);
    if (info.id === 'D08') counted = { ...ctx, ledger: withoutRepeats(ctx.ledger, outcome.findings) };
    const judgeable = !covered.unjudged.has(info.id);
    if (judgeable) findings.push(...outcome.findings);
    if (outcome.status) rules.push({ ...(judgeable ? outcome.status : unjudged(outcome.status)), title: info.title });
  }
  return { findings, rules };
}
