import { periodLabel } from '../../../ledger/values/period';
import type { NextStepsTemplate } from '../template/schema';
import type { ReportContext, Section } from './context';
import { fillPoints, pointParagraphs, type Point } from './points';
import { someNames, type Fact } from './problems';
import { themes } from './themes';
import { dueNext, nextPeriod } from './requirements';

/**
 * 下一步: 3–5 measures, addressed to those who must act. First one per theme the problems fall under,
 * naming the units concerned; then the measures the period's analyses proposed; then the work the
 * next period must see done; then the template's general measures until there are three.
 */
export function nextStepsSection(ctx: ReportContext, t: NextStepsTemplate, from: { facts: readonly Fact[]; measures: string | null }): Section {
  const addressed: Point[] = themes
    .filter((theme) => from.facts.some((f) => f.theme === theme))
    .map((theme) => {
      const units = [...new Set(from.facts.filter((f) => f.theme === theme).flatMap((f) => f.units))];
      return { lead: ctx.say(t.措施[theme], { 单位: someNames(ctx, units, '个单位', `${theme}措施单位数`) }), sentences: [] };
    });
  const due = dueNext(ctx);
  const next = nextPeriod(ctx.period);
  const derived: Point[] = [
    ...addressed,
    ...(from.measures ? [{ lead: from.measures, sentences: [] }] : []),
    ...(due.length > 0 ? [{ lead: ctx.say(t.下期工作, { 下一期间: periodLabel(next), 事项: due.map((title) => `“${title}”`).join('') }), sentences: [] }] : []),
  ];
  return { title: ctx.say(t.标题), blocks: pointParagraphs(fillPoints(derived, t.一般措施, 3, 5)) };
}
