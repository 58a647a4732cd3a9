import type { RecordSheetKey } from '../schema/sheets';
import { foldCompact } from '../text/fold';

/**
 * Types that real registers do not keep, taken from what the record says (issue 13 §3): a 分析研判
 * record titled `一季度…分析研判会` is a 季度分析 of the first quarter; a 学习 record on a 中心组
 * sheet is 中心组专题学习. Only fields the sheet has no column for are derived; `context` is the
 * sheet's name or the row's category, `text` the row's own cells.
 */
type Deriver = (context: string, text: string, year: number) => Record<string, unknown>;

const quarterDigit: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function firstOf<T>(text: string, words: ReadonlyArray<[RegExp, T]>): T | undefined {
  return words.find(([word]) => word.test(text))?.[1];
}

const derivers: Partial<Record<RecordSheetKey, Deriver>> = {
  analysis: (context, text, year) => {
    const quarter = /(?:第)?([一二三四1-4])季度/u.exec(text);
    if (quarter) return { 分析类型: '季度分析', 所属期间: `${year}Q${quarterDigit[quarter[1]]}` };
    const type = firstOf(text, [
      [/综合/u, '综合分析'],
      [/专项|专题/u, '专项研判'],
    ]);
    return type ? { 分析类型: type } : {};
  },
  notification: (context, text, year) => {
    const half = /([上下])半年/u.exec(text);
    if (half) return { 通报类型: '半年通报', 所属期间: `${year}H${half[1] === '上' ? 1 : 2}` };
    const type = firstOf(text, [
      [/年度|全年/u, '年度通报'],
      [/专项|专题/u, '专项通报'],
    ]);
    return type ? { 通报类型: type } : {};
  },
  inspection: (context, text) => {
    const type = firstOf(`${text}${context}`, [
      [/抽查|不定期/u, '不定期抽查'],
      [/定期/u, '定期检查'],
    ]);
    return type ? { 检查类型: type } : {};
  },
  training: (context, text) => {
    const type = firstOf(context, [
      [/中心组/u, '中心组专题学习'],
      [/宣讲/u, '主题宣讲'],
      [/培训/u, '教育培训'],
    ]);
    return {
      ...(type ? { 类型: type } : {}),
      ...(/意识形态/u.test(text) ? { 意识形态安全专题: true } : {}),
    };
  },
  lecture: (context, text) => {
    const type = firstOf(text, [
      [/报告会/u, '报告会'],
      [/研讨会/u, '研讨会'],
      [/论坛/u, '论坛'],
      [/讲座/u, '讲座'],
    ]);
    return type ? { 活动类型: type } : {};
  },
  review: (context, text) => {
    const type = firstOf(`${text}${context}`, [
      [/民主生活会/u, '民主生活会'],
      [/组织生活会/u, '组织生活会'],
      [/述职/u, '述职报告'],
      [/考核/u, '干部考核'],
    ]);
    return {
      ...(type ? { 类型: type } : {}),
      ...(/意识形态/u.test(text) ? { 含意识形态内容: true } : {}),
    };
  },
};

/** The fields a sheet's records can have derived (所属期间 only comes along with a derived type). */
const derivable: Partial<Record<RecordSheetKey, readonly string[]>> = {
  analysis: ['分析类型'],
  notification: ['通报类型'],
  inspection: ['检查类型'],
  training: ['类型', '意识形态安全专题'],
  lecture: ['活动类型'],
  review: ['类型', '含意识形态内容'],
};

/** The fields of `key` its records' own words may stand in for. */
export function derivableFields(key: RecordSheetKey): readonly string[] {
  return derivable[key] ?? [];
}

/** True when a sheet lacking the columns `absent` has fields to derive: only then are rows read whole. */
export function derivesAny(key: RecordSheetKey, absent: ReadonlySet<string>): boolean {
  return (derivable[key] ?? []).some((field) => absent.has(field));
}

/** The fields of `key` that may be derived, given those the sheet lacks a column for. */
export function deriveFields(
  key: RecordSheetKey,
  context: string,
  text: string,
  year: number,
  absent: ReadonlySet<string>,
): Record<string, unknown> {
  const derived = Object.entries(derivers[key]?.(foldCompact(context), foldCompact(text), year) ?? {});
  // A derived 季度分析 or 半年通报 brings its period along, even into an empty 所属期间 cell.
  const typed = derived.some(([field]) => field !== '所属期间' && absent.has(field));
  return Object.fromEntries(derived.filter(([field]) => absent.has(field) || (typed && field === '所属期间')));
}
