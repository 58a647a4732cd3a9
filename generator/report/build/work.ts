import type { LedgerRecord } from '../../../ledger/model';
import { unitsNamed } from '../../../ledger/check/rules/units';
import type { Figure } from '../model';
import type { Values } from '../template/phrase';
import type { WorkSheetKey } from '../template/fields';
import type { ReportContext } from './context';
import { majorEvents, type OpinionSummary } from './opinions';
import { countValues, countsIn } from './overview';
import { someNames } from './problems';
import { cleanText, excerpt, listOf, unlessZero } from './text';

/** A report names at most this many items of a kind (议题, 主题, 检查): the rest are counted, not listed. */
const named = 3;

/** A name longer than this is a description, not a name: a sentence cannot carry it. */
const nameLength = 24;

/** Up to `named` distinct short texts, `等` after them only when some were left out. */
export function some(texts: ReadonlyArray<string | undefined>, quote = true): string | undefined {
  const distinct = [...new Set(texts.flatMap((t) => (t ? [cleanText(t)] : [])))].filter((t) => [...t].length <= nameLength);
  if (distinct.length === 0) return undefined;
  const list = listOf(distinct.slice(0, named).map((t) => (quote ? `“${t}”` : t)));
  return distinct.length > named ? `${list}等` : list;
}

/**
 * The parts of a count, those that are not zero (`季度分析1次、专项研判1次`): a sentence gives the total
 * once (in 基本情况) and its parts here, so no figure is said twice and no part is said as `0次`.
 * After a total (`共开展检查抽查2次，其中…`) a single part would only repeat it: `least` is then 2.
 */
export function parts(items: ReadonlyArray<readonly [string, number | undefined, string]>, least = 1): string | undefined {
  const present = items.filter(([, n]) => n !== undefined && n > 0);
  return present.length < least ? undefined : listOf(present.map(([name, n, unit]) => `${name}${n}${unit}`));
}

/**
 * The figures and names a quarterly report's themes weave into sentences: the parts of each kind of
 * work, and the few items worth naming (every 重大舆情, each inspection that found a problem). The
 * totals are 基本情况's; a value that would be zero is left absent, so its sentence is dropped.
 */
export function workValues(ctx: ReportContext, opinions: OpinionSummary): Values {
  const counts = countsIn(ctx);
  const count = <K extends WorkSheetKey>(
    key: K,
    records: LedgerRecord<K>[],
    extra: Pick<Extract<Figure, { of: 'records' }>, 'where' | 'filled' | 'distinct'>,
    value = records.length,
  ) => unlessZero(ctx.figure({ of: 'records', sheet: key, period: ctx.period, ...extra, value }));
  const ofType = <K extends WorkSheetKey>(key: K, field: string, type: string) =>
    count(
      key,
      ctx.records(key).filter((r) => (r.data as Record<string, unknown>)[field] === type),
      { where: { [field]: type } },
    );

  const inspections = ctx.records('inspection');
  const withProblems = inspections.filter((r) => r.data.发现问题 !== undefined);
  const fixed = withProblems.filter((r) => r.data.整改情况 === '已整改');
  const units = new Set(inspections.flatMap((r) => (r.data.被检查单位 ? unitsNamed(r.data.被检查单位) : [])));
  const reporting = [...new Set(ctx.records('branchReport').flatMap((r) => (r.data.汇报单位 ? unitsNamed(r.data.汇报单位) : [])))];
  const problemInspections = withProblems
    .filter((r) => [...cleanText(r.data.发现问题 ?? '')].length <= nameLength)
    .slice(0, named)
    .map((r) => `对${r.data.被检查单位 ?? '有关单位'}的检查发现“${cleanText(r.data.发现问题 ?? '')}”`);
  const lectures = some(ctx.records('lecture').map((r) => r.data.活动名称));
  const lecturesMet = ctx.scope.rules.find((r) => r.id === 'R14')?.status === '达标';

  return {
    ...countValues(counts),
    研究议题: some(ctx.records('research').map((r) => r.data.研究内容), false),
    研判构成: parts([
      ['季度分析', ofType('analysis', '分析类型', '季度分析'), '次'],
      ['专项研判', ofType('analysis', '分析类型', '专项研判'), '次'],
      ['综合分析', ofType('analysis', '分析类型', '综合分析'), '次'],
    ]),
    通报类型: some(ctx.records('notification').map((r) => r.data.通报类型), false),
    检查构成: parts([
      ['定期检查', ofType('inspection', '检查类型', '定期检查'), '次'],
      ['不定期抽查', ofType('inspection', '检查类型', '不定期抽查'), '次'],
    ]),
    检查单位数: count('inspection', inspections, { distinct: '被检查单位' }, units.size),
    发现问题数: count('inspection', withProblems, { filled: ['发现问题'] }),
    已整改数: count('inspection', fixed, { filled: ['发现问题'], where: { 整改情况: '已整改' } }),
    问题检查: problemInspections.length > 0 ? problemInspections.join('，') : undefined,
    汇报单位: someNames(ctx, reporting, '个党组织', '汇报单位数'),
    学习构成: parts([
      ['中心组专题学习', ofType('training', '类型', '中心组专题学习'), '次'],
      ['主题宣讲', ofType('training', '类型', '主题宣讲'), '次'],
      ['教育培训', ofType('training', '类型', '教育培训'), '次'],
    ]),
    学习主题: some(ctx.records('training').map((r) => r.data.主题)),
    审批合规活动: lecturesMet ? lectures : undefined,
    审批活动: lecturesMet ? undefined : lectures,
    重大舆情: majorEvents(opinions),
    评议类型: some(ctx.records('review').map((r) => r.data.类型), false),
    问责事由: some(
      ctx.records('accountability').map((r) => (r.data.问责事由 ? excerpt(cleanText(r.data.问责事由), nameLength) : undefined)),
    ),
  };
}
