import { foldCompact } from '../text/fold';

/**
 * The allowed value a bureau's own word for a type, category or state means (spec section 1,
 * "enumerated values by meaning"): `季度研判` is a 季度分析, `专题宣讲` a 主题宣讲, `正在整改` 整改中. Read
 * by a small vocabulary of the bureau's words and by likeness of characters, never across the words
 * that carry a distinction: a value differing from an allowed one in its period (月度/季度/年度), its
 * kind (定期/不定期, 专项/综合) or a negation is not that value.
 */
export type Likeness = { kind: 'one'; value: string } | { kind: 'several'; values: string[] } | { kind: 'none' };

/** Words bureaus write for the contract's words, read the same on both sides before comparing. */
const sameWords: ReadonlyArray<[RegExp, string]> = [
  [/研判|研析/gu, '分析'],
  [/督查|检查/gu, '检查'],
  [/专题/gu, '专项'],
  [/全年|年度/gu, '年度'],
  [/每季度?|季度/gu, '季度'],
  [/每月|月度/gu, '月度'],
];

/**
 * The bureau's vocabulary (real-ledgers.md): a word that by itself says which allowed value is meant,
 * where the characters alone do not (`业务培训` shares little with 教育培训 but is one). An entry speaks
 * only for a field that allows its value.
 */
const vocabulary: ReadonlyArray<[RegExp, string]> = [
  [/年度.*分析/u, '综合分析'],
  [/中心组|理论学习|集中学习|专项学习/u, '中心组专题学习'],
  [/宣讲/u, '主题宣讲'],
  [/培训|轮训/u, '教育培训'],
  [/正在|推进中|进行中|落实中|整改中/u, '整改中'],
  [/完成|到位|办结|销号/u, '已整改'],
  [/未完成|尚未/u, '未整改'],
  [/无需|不需|无须|不必/u, '无需整改'],
  [/民主生活/u, '民主生活会'],
  [/组织生活/u, '组织生活会'],
  [/述职/u, '述职报告'],
  [/考核|考评/u, '干部考核'],
  [/抽查|暗访|随机/u, '不定期抽查'],
  [/例行|常规/u, '定期检查'],
  [/总结/u, '综合性工作总结'],
  [/情况汇报/u, '专题性情况汇报'],
  [/批准|准予|通过/u, '同意'],
  [/不予|驳回|不批准/u, '不同意'],
];

/** Classes of distinction words: a value and an allowed one naming different words of a class differ. */
const distinctions: ReadonlyArray<(text: string) => string | null> = [
  (text) => /半年|年度|季度|月度/u.exec(text)?.[0] ?? null,
  (text) => (text.includes('不定期') ? '不定期' : text.includes('定期') ? '定期' : null),
  (text) => /专项|综合/u.exec(text)?.[0] ?? null,
  (text) => (/[不未无非没]/u.test(text.replace('不定期', '')) ? '否定' : '肯定'),
];

function rewrite(text: string): string {
  let out = foldCompact(text);
  for (const [word, same] of sameWords) out = out.replace(word, same);
  return out;
}

function differs(a: string, b: string): boolean {
  return distinctions.some((word) => {
    const x = word(a);
    const y = word(b);
    return x !== null && y !== null && x !== y;
  });
}

/** Length of the longest common subsequence: how many of one's characters the other holds in order. */
export function commonLength(a: string, b: string): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = above;
    }
  }
  return row[b.length];
}

/** More than half of an allowed value's characters, and two at least, must be found in the word. */
const threshold = 0.5;

/** The allowed value `raw` most likely means, several when equally likely, or none. */
export function likelyValue(raw: string, allowed: readonly string[]): Likeness {
  const text = rewrite(raw);
  if (text === '') return { kind: 'none' };
  const scored: Array<{ value: string; score: number; common: number }> = [];
  for (const value of allowed) {
    const form = rewrite(value);
    if (differs(text, form)) continue;
    const common = commonLength(text, form);
    const named = vocabulary.some(([word, meant]) => meant === value && word.test(text));
    const score = named ? 1 : common >= 2 ? common / form.length : 0;
    // Two values the vocabulary both names are equally likely, however many characters each shares.
    if (score > threshold) scored.push({ value, score, common: named ? Infinity : common });
  }
  if (scored.length === 0) return { kind: 'none' };
  scored.sort((a, b) => b.score - a.score || b.common - a.common);
  const best = scored.filter((s) => s.score === scored[0].score && s.common === scored[0].common);
  return best.length === 1 ? { kind: 'one', value: best[0].value } : { kind: 'several', values: best.map((s) => s.value) };
}
