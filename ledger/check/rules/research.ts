import { periodRule } from '../periods';
import { inYear, type Rule } from '../context';
import { halfOfDate } from '../../values/period';

/** R01: at least two 专题研究 a year, and at least one by the end of the first half (a warning). */
export const R01: Rule = (ctx) => {
  const dates = ctx.ledger.records.research.map((r) => r.data.会议日期).filter((d) => inYear(ctx, d));
  const firstHalf = dates.filter((d) => halfOfDate(d) === `${ctx.year}H1`).length;
  return periodRule(
    ctx,
    'R01',
    [
      {
        period: `${ctx.year}H1`,
        required: 1,
        actual: firstHalf,
        what: '开展意识形态工作专题研究',
        overdueSeverity: 'warning',
      },
      { period: String(ctx.year), required: 2, actual: dates.length, what: '开展2次意识形态工作专题研究' },
    ],
    { required: 2, actual: dates.length },
  );
};
