import type { LedgerRecord } from '../../../ledger/model';
import type { Figure } from '../model';
import type { Values } from '../template/phrase';
import type { WorkSheetKey } from '../template/fields';
import type { ReportContext } from './context';
import { majorEvents, type OpinionSummary } from './opinions';
import { countValues, countsIn } from './overview';
import { cleanText, listOf, unlessZero } from './text';

/** A report names at most this many items of a kind (议题, 主题, 检查): the rest are counted, not listed. */
const named = 3;

/** A name longer than this is a description, not a name: a sentence cannot carry it. */
const nameLength = 24;

/** Up to `named` distinct short texts; the template's sentence says `等`. */
function some(texts: ReadonlyArray<string | undefined>, quote = true): string | undefined {
  const distinct = [...new Set(texts.flatMap((t) => (t ? [cleanText(t)] : [])))].filter((t) => [...t].length <= nameLength);
  if (distinct.length === 0) return undefined;
  return listOf(distinct.slice(0, named).map((t) => (quote ? `“${t}”` : t)));
}

/**
 * The figures and names a quarterly report's themes weave into sentences: counts by sheet and by
 * type, the few items worth naming (every 重大舆情, each inspection that found a problem). A count of
 * zero is left absent, so the sentence that needs it is dropped rather than saying `0次`.
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
  const units = new Set(inspections.flatMap((r) => (r.data.被检查单位 ? [r.data.被检查单位] : [])));
  const branchReports = ctx.records('branchReport');
  const reporting = new Set(branchReports.flatMap((r) => (r.data.汇报单位 ? [r.data.汇报单位] : [])));
  const problemInspections = withProblems
    .filter((r) => [...cleanText(r.data.发现问题 ?? '')].length <= nameLength)
    .slice(0, named)
    .map((r) => `对${r.data.被检查单位 ?? '有关单位'}的检查发现“${cleanText(r.data.发现问题 ?? '')}”`);

  return {
    ...countValues(counts),
    研究议题: some(ctx.records('research').map((r) => r.data.研究内容), false),
    季度分析: ofType('analysis', '分析类型', '季度分析'),
    综合分析: ofType('analysis', '分析类型', '综合分析'),
    专项研判: ofType('analysis', '分析类型', '专项研判'),
    通报类型: some(ctx.records('notification').map((r) => r.data.通报类型), false),
    定期检查: ofType('inspection', '检查类型', '定期检查'),
    不定期抽查: ofType('inspection', '检查类型', '不定期抽查'),
    检查单位数: count('inspection', inspections, { distinct: '被检查单位' }, units.size),
    发现问题数: count('inspection', withProblems, { filled: ['发现问题'] }),
    已整改数: count('inspection', fixed, { filled: ['发现问题'], where: { 整改情况: '已整改' } }),
    问题检查: problemInspections.length > 0 ? problemInspections.join('，') : undefined,
    汇报单位数: count('branchReport', branchReports, { distinct: '汇报单位' }, reporting.size),
    中心组学习: ofType('training', '类型', '中心组专题学习'),
    主题宣讲: ofType('training', '类型', '主题宣讲'),
    教育培训: ofType('training', '类型', '教育培训'),
    学习主题: some(ctx.records('training').map((r) => r.data.主题)),
    重大舆情数: opinions.values.重大舆情数,
    重大舆情: majorEvents(opinions),
    评议类型: some(ctx.records('review').map((r) => r.data.类型), false),
  };
}
