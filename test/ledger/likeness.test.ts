import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { likelyValue } from '../../ledger/values/likeness';

/** Enumerated values read by meaning (issue 19 §2): the bureau's own word counts as the value it means. */
const analysis = ['季度分析', '综合分析', '专项研判'];
const training = ['中心组专题学习', '主题宣讲', '教育培训'];
const inspection = ['定期检查', '不定期抽查'];
const rectification = ['已整改', '整改中', '未整改', '无需整改'];
const notice = ['半年通报', '年度通报', '专项通报'];

const read = (raw: string, allowed: readonly string[]) => {
  const l = likelyValue(raw, allowed);
  return l.kind === 'one' ? l.value : l.kind === 'several' ? l.values : null;
};

describe('the allowed value a bureau word means', () => {
  it('reads the words of the issue by their meaning', () => {
    expect(read('季度研判', analysis)).toBe('季度分析');
    expect(read('一季度研判', analysis)).toBe('季度分析');
    expect(read('年度综合研判', analysis)).toBe('综合分析');
    expect(read('年度研判', analysis)).toBe('综合分析');
    expect(read('专题研判', analysis)).toBe('专项研判');
    expect(read('中心组学习', training)).toBe('中心组专题学习');
    expect(read('理论学习中心组学习', training)).toBe('中心组专题学习');
    expect(read('专题宣讲', training)).toBe('主题宣讲');
    expect(read('业务培训', training)).toBe('教育培训');
    expect(read('正在整改', rectification)).toBe('整改中');
    expect(read('整改完成', rectification)).toBe('已整改');
    expect(read('上半年通报', notice)).toBe('半年通报');
  });

  it('never reads across a period word, a kind word or a negation', () => {
    expect(read('月度分析', analysis)).not.toBe('季度分析');
    expect(read('年度分析', analysis)).not.toBe('季度分析');
    expect(read('季度分析', ['综合分析', '专项研判'])).toBeNull();
    expect(read('定期抽查', inspection)).not.toBe('不定期抽查');
    expect(read('不定期检查', inspection)).not.toBe('定期检查');
    expect(read('未完成整改', rectification)).toBe('未整改');
    expect(read('专项分析', ['综合分析', '季度分析'])).toBeNull();
    expect(read('年度通报', ['半年通报', '专项通报'])).toBeNull();
  });

  it('asks rather than guesses between two values equally near', () => {
    expect(read('中心组宣讲', training)).toEqual(['中心组专题学习', '主题宣讲']);
  });

  it('reads nothing into a word that shares only its head noun (专项检查 is no 定期检查)', () => {
    expect(read('专项检查', inspection)).toBeNull();
    expect(read('工作', analysis)).toBeNull();
  });

  const periodWords = ['月度', '季度', '年度', '半年'];
  const decorations = fc.constantFrom('', '2026年', '一', '第二', '局机关', '县局');
  const tails = fc.constantFrom('', '会', '工作', '情况');

  it('on random wordings: a value in the bureau’s decoration still reads as itself', () => {
    fc.assert(
      fc.property(fc.constantFrom(...analysis, ...training, ...inspection, ...notice), decorations, tails, (value, before, after) => {
        const allowed = [analysis, training, inspection, notice].find((list) => list.includes(value))!;
        const bureau = `${before}${value.replace('分析', '研判')}${after}`;
        expect(read(bureau, allowed)).toBe(value);
      }),
      { seed: 19, numRuns: 200 },
    );
  });

  it('on random wordings: a different period word never reads as the value holding another', () => {
    fc.assert(
      fc.property(fc.constantFrom(...periodWords), fc.constantFrom('分析', '研判', '通报'), decorations, (word, noun, before) => {
        const raw = `${before}${word}${noun}`;
        for (const value of [...analysis, ...notice]) {
          const own = periodWords.find((w) => value.includes(w));
          if (own !== undefined && own !== word) expect(read(raw, [value])).toBeNull();
        }
      }),
      { seed: 1919, numRuns: 200 },
    );
  });

  it('on random wordings: a negated word never reads as a value that is not negated', () => {
    fc.assert(
      fc.property(fc.constantFrom('未', '不', '没有', '无'), fc.constantFrom(...rectification, '同意', ...training), (no, value) => {
        if (/[不未无]/u.test(value)) return;
        expect(read(`${no}${value}`, [value])).toBeNull();
      }),
      { seed: 7, numRuns: 100 },
    );
  });
});
