import { quartersOf } from '../../values/period';
import type { Rule } from '../context';
import { periodRule } from '../periods';
import { quarterOn } from '../placing';
import { countIn, periodTally } from './counting';

const periodOf = quarterOn('analysis');

/** R02: at least one 综合分析 a year. */
export const R02: Rule = (ctx) => {
  const records = ctx.ledger.records.analysis.filter((r) => r.data.分析类型 === '综合分析');
  const actual = countIn(periodTally(records, periodOf), String(ctx.year));
  return periodRule(ctx, 'R02', [{ period: String(ctx.year), required: 1, actual, what: '开展意识形态综合分析' }]);
};

/** R03: a 季度分析 for every quarter. */
export const R03: Rule = (ctx) => {
  const tally = periodTally(
    ctx.ledger.records.analysis.filter((r) => r.data.分析类型 === '季度分析'),
    periodOf,
  );
  return periodRule(
    ctx,
    'R03',
    quartersOf(ctx.year).map((q) => ({
      period: q,
      required: 1,
      actual: countIn(tally, q),
      what: '开展意识形态领域情况季度分析',
    })),
  );
};
