import { foldCompact } from '../../text/fold';
import type { Rule } from '../context';
import { periodRule } from '../periods';
import { quarterOn } from '../placing';
import { countIn, periodTally } from './counting';
import { branchTypes, unitsOfType } from './units';

const byDate = quarterOn('review');

/** R10: every 党总支/党支部 holds a 民主生活会, 组织生活会 or 述职报告 with ideology work in it. */
export const R10: Rule = (ctx) => {
  const reviews = ctx.ledger.records.review.filter(
    (r) => r.data.含意识形态内容 === true && r.data.类型 !== undefined && r.data.类型 !== '干部考核',
  );
  // 对象 is free text (`第一党支部全体党员`), so a review counts for every unit it names.
  const named = reviews.flatMap((r) => (r.data.对象 === undefined ? [] : [{ r, object: foldCompact(r.data.对象) }]));
  const needs = unitsOfType(ctx.ledger, branchTypes).map((unit) => {
    const folded = foldCompact(unit);
    return {
      period: String(ctx.year),
      unit,
      required: 1,
      actual: countIn(
        periodTally(
          named.filter((n) => n.object.includes(folded)).map((n) => n.r),
          byDate,
        ),
        String(ctx.year),
      ),
      what: '在民主生活会、组织生活会或述职报告中纳入意识形态工作',
    };
  });
  return periodRule(ctx, 'R10', needs);
};

/** R11: ideology work is part of cadre appraisal. */
export const R11: Rule = (ctx) => {
  const appraisals = ctx.ledger.records.review.filter((r) => r.data.类型 === '干部考核' && r.data.含意识形态内容 === true);
  return periodRule(ctx, 'R11', [
    {
      period: String(ctx.year),
      required: 1,
      actual: countIn(periodTally(appraisals, byDate), String(ctx.year)),
      what: '将意识形态工作责任制落实情况纳入干部考核',
    },
  ]);
};
