import type { NextStepsTemplate } from '../template/schema';
import type { ReportContext, Section } from './context';
import { fillPoints, pointParagraphs, type Point } from './points';
import { requirementValues } from './problems';
import { dueSoon } from './requirements';

/**
 * 下一步: 3–5 measures. First what validate says falls due by the end of the next period, then 整改
 * of the problems the report pointed out, then the measures the quarter's analyses proposed, then the
 * template's general ones.
 */
export function nextStepsSection(ctx: ReportContext, t: NextStepsTemplate, from: { problems: boolean; measures: string | null }): Section {
  const due = dueSoon(ctx);
  const derived: Point[] = [
    ...(due.length > 0 ? [{ lead: ctx.say(t.到期工作.标题), sentences: due.map((g) => ctx.say(t.到期工作.条目, requirementValues(ctx, g))) }] : []),
    ...(from.problems ? [{ lead: ctx.say(t.整改), sentences: [] }] : []),
    ...(from.measures ? [{ lead: from.measures, sentences: [] }] : []),
  ];
  return { title: ctx.say(t.标题), blocks: pointParagraphs(fillPoints(derived, t.一般措施, 3, 5)) };
}
