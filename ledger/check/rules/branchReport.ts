import { halvesOf } from '../../values/period';
import type { Rule } from '../context';
import { periodRule } from '../periods';
import { quarterOn } from '../placing';
import { countIn, periodTally } from './counting';
import { branchTypes, recordsByUnit, unitsOfType } from './units';

/** R09: every 党总支/党支部 reports to the party group once each half. */
export const R09: Rule = (ctx) => {
  const recordsOf = recordsByUnit(ctx.ledger.records.branchReport, (r) => r.data.汇报单位);
  const needs = unitsOfType(ctx.ledger, branchTypes).flatMap((unit) => {
    const tally = periodTally(recordsOf(unit), quarterOn('branchReport'));
    return halvesOf(ctx.year).map((half) => ({
      period: half,
      unit,
      required: 1,
      actual: countIn(tally, half),
      what: '向党组专题汇报意识形态工作',
    }));
  });
  return periodRule(ctx, 'R09', needs);
};
