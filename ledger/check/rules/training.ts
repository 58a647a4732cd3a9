import type { Rule } from '../context';
import { periodRule } from '../periods';
import { quarterOn } from '../placing';
import { countIn, periodTally } from './counting';

const byDate = quarterOn('training');

/** R12: the central group studies ideological security at least once a year. */
export const R12: Rule = (ctx) => {
  const studies = ctx.ledger.records.training.filter((r) => r.data.类型 === '中心组专题学习' && r.data.意识形态安全专题 === true);
  return periodRule(ctx, 'R12', [
    {
      period: String(ctx.year),
      required: 1,
      actual: countIn(periodTally(studies, byDate), String(ctx.year)),
      what: '安排中心组维护意识形态安全的专题学习',
    },
  ]);
};

/** R13: at least one 主题宣讲 a year. */
export const R13: Rule = (ctx) => {
  const talks = ctx.ledger.records.training.filter((r) => r.data.类型 === '主题宣讲');
  return periodRule(ctx, 'R13', [
    {
      period: String(ctx.year),
      required: 1,
      actual: countIn(periodTally(talks, byDate), String(ctx.year)),
      what: '开展意识形态主题宣讲活动',
    },
  ]);
};
