import { halvesOf } from '../../values/period';
import type { Rule } from '../context';
import { periodRule } from '../periods';
import { quarterOn } from '../placing';
import { countIn, periodTally } from './counting';

const periodOf = quarterOn('notification');

/** R04: at least one 情况通报 a year, of any type. */
export const R04: Rule = (ctx) => {
  const actual = countIn(periodTally(ctx.ledger.records.notification, periodOf), String(ctx.year));
  return periodRule(ctx, 'R04', [{ period: String(ctx.year), required: 1, actual, what: '在党内通报意识形态领域情况' }]);
};

/** R05: a 半年通报 for each half. */
export const R05: Rule = (ctx) => {
  const tally = periodTally(
    ctx.ledger.records.notification.filter((r) => r.data.通报类型 === '半年通报'),
    periodOf,
  );
  return periodRule(
    ctx,
    'R05',
    halvesOf(ctx.year).map((h) => ({
      period: h,
      required: 1,
      actual: countIn(tally, h),
      what: '开展意识形态领域情况半年通报',
    })),
  );
};
