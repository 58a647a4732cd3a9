import { periodLabel } from '../../../ledger/values/period';
import type { NextStepsTemplate } from '../template/schema';
import type { ReportContext, Section } from './context';
import { fillPoints, pointParagraphs, type Point } from './points';
import { someNames, type Fact } from './problems';
import { themes, type Theme } from './themes';
import { dueNext, nextPeriod } from './requirements';
import { listOf } from './text';

/**
 * The measure a fact calls for. Most follow its theme; two facts share a theme with work of another
 * kind: a missed 中心组学习 or 主题宣讲 (学习培训) is 阵地管理 as a lecture held unapproved is, and a
 * 分管领导 outside the party group (基本信息) is 责任落实 as overdue work is — each gets its own measure.
 */
type Measure = Theme | '学习宣讲' | '一岗双责';
const measureOf = (fact: Fact): Measure => (fact.sheet === 'training' ? '学习宣讲' : fact.sheet === 'settings' ? '一岗双责' : fact.theme);
const measures: readonly Measure[] = themes.flatMap((theme): Measure[] =>
  theme === '责任落实' ? [theme, '一岗双责'] : theme === '阵地管理' ? ['学习宣讲', theme] : [theme],
);

/** The wording of the two measures where the template was written before they could be. */
const defaults: Record<'学习宣讲' | '一岗双责', string> = {
  学习宣讲: '抓好理论学习和主题宣讲。[{单位}要]按照实施方案的要求[按期组织{事项}]，做到有计划、有落实、有记录，局党组办公室加强督促检查',
  一岗双责: '落实“一岗双责”。[{单位}的意识形态工作要]由局党组成员分管，班子成员要抓好分管领域意识形态工作，做到与业务工作同部署、同落实、同检查、同考核',
};

/** What a requirement asks done, as the object of 组织: `开展中心组专题学习` → `中心组专题学习`. */
const work = (what: string) => what.replace(/^(开展|安排|组织)/u, '');

/** The work due next, the first few by name: `“A”“B”“C”等` reads on into the template's `各项工作任务`. */
const dueWork = (titles: readonly string[]) => `${titles.slice(0, 3).map((title) => `“${title}”`).join('')}${titles.length > 3 ? '等' : ''}`;

/** The lead of a point, up to its first full stop: two measures with one lead are one measure. */
const leadOf = (text: string) => text.split('。')[0];

/**
 * 下一步: 3–5 measures, addressed to those who must act. First one per kind of problem found, naming
 * the units concerned and the work they missed; then the measures the period's analyses proposed;
 * then the work the next period must see done; then the template's general measures until there are
 * three, leaving out one that repeats a measure already made.
 */
export function nextStepsSection(ctx: ReportContext, t: NextStepsTemplate, from: { facts: readonly Fact[]; measures: string | null }): Section {
  const addressed: Point[] = measures
    .filter((measure) => from.facts.some((f) => measureOf(f) === measure))
    .map((measure) => {
      const facts = from.facts.filter((f) => measureOf(f) === measure);
      const units = [...new Set(facts.flatMap((f) => f.units))];
      const missed = [...new Set(facts.flatMap((f) => (f.what ? [work(f.what)] : [])))];
      const phrase = measure === '学习宣讲' || measure === '一岗双责' ? (t.措施[measure] ?? defaults[measure]) : t.措施[measure];
      return {
        lead: ctx.say(phrase, {
          单位: someNames(ctx, units, '个单位', `${measure}措施单位数`),
          事项: missed.length > 0 ? listOf(missed) : undefined,
        }),
        sentences: [],
      };
    });
  const due = dueNext(ctx);
  const next = nextPeriod(ctx.period);
  const derived: Point[] = [
    ...addressed,
    ...(from.measures ? [{ lead: from.measures, sentences: [] }] : []),
    ...(due.length > 0 ? [{ lead: ctx.say(t.下期工作, { 下一期间: periodLabel(next), 事项: dueWork(due) }), sentences: [] }] : []),
  ];
  const general = t.一般措施.filter((g) => !derived.some((d) => leadOf(d.lead) === leadOf(g)));
  return { title: ctx.say(t.标题), blocks: pointParagraphs(fillPoints(derived, general, 3, 5)) };
}
