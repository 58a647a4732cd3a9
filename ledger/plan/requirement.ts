import type { WorkSheetKey } from '../check/placing';
import type { Frequency } from '../schema/plan';
import type { UnitType } from '../schema/sheets';
import { halvesOf, monthsOf, quartersOf, type PeriodCode } from '../values/period';

/**
 * A record counts only when each condition holds: its field holds one of `values`, in the field's
 * canonical spelling (`分析类型` ∈ [`季度分析`]; a yes/no field as `是`/`否`).
 */
export interface Condition {
  field: string;
  values: readonly string[];
}

/**
 * One counting requirement of the effective plan: at least `atLeast` records of `sheet` meeting
 * `conditions` in every period of `frequency` — for the bureau, or for each unit of `unitTypes`.
 */
export interface Requirement {
  /** `R01`…`R13` for this plan's built-in requirements, or the bureau's own 编号 (`本局1`). */
  id: string;
  /** The sentence the pane, the CLI and the reports show (`每年至少开展2次意识形态工作专题研究`). */
  text: string;
  /**
   * What a shortfall says was not done, in a clerk's words (`开展意识形态领域情况季度分析`); a bureau's
   * own requirement's is written from its sheet and conditions (`中心组专题学习`).
   */
  what: string;
  sheet: WorkSheetKey;
  conditions: readonly Condition[];
  frequency: Frequency;
  /** Empty for the bureau as a whole; else each unit of 组织架构 of these types must meet the count. */
  unitTypes: readonly UnitType[];
  atLeast: number;
  enabled: boolean;
  /** The section of the implementation plan (`三(一)`) a built-in comes from; null for a bureau's own. */
  plan: string | null;
  /** The row of 实施方案要求 it was read from; absent when it is the default plan's. */
  at?: { sheet: string; row: number };
}

/** The requirements a ledger is judged by: the default plan, or the workbook's 实施方案要求 over it. */
export interface Plan {
  requirements: readonly Requirement[];
  /** The name of the workbook's 实施方案要求 sheet, or null when the default plan applies. */
  sheet: string | null;
}

/** The periods of a year a requirement of `frequency` is judged in. */
export function periodsOf(frequency: Frequency, year: number): PeriodCode[] {
  if (frequency === '月') return monthsOf(year);
  if (frequency === '季度') return quartersOf(year);
  if (frequency === '半年') return halvesOf(year);
  return [String(year)];
}

/** Conditions as a clerk writes them in 条件: `类型=民主生活会、组织生活会；含意识形态内容=是`. */
export function conditionsText(conditions: readonly Condition[]): string {
  return conditions.map((c) => `${c.field}=${c.values.join('、')}`).join('；');
}

const every: Record<Frequency, string> = { 年: '每年', 半年: '每半年', 季度: '每季度', 月: '每月' };

/**
 * What must be done `atLeast` times, in a clerk's words: the count goes after a leading 开展
 * (`开展3次意识形态工作专题研究`); other wordings carry the count in the sentence around them.
 */
export function whatTimes(what: string, atLeast: number): string {
  return atLeast > 1 && what.startsWith('开展') ? `开展${atLeast}次${what.slice(2)}` : what;
}

/**
 * The sentence of a requirement whose 要求 cell is empty, written from its other columns:
 * `每年至少开展3次意识形态工作专题研究`, `各党支部每月至少1次中心组专题学习`.
 */
export function requirementSentence(r: Pick<Requirement, 'what' | 'frequency' | 'unitTypes' | 'atLeast'>): string {
  const who = r.unitTypes.length > 0 ? `各${r.unitTypes.join('、')}` : '';
  const times = r.what.startsWith('开展') ? `至少开展${r.atLeast}次${r.what.slice(2)}` : `至少${r.atLeast}次${r.what}`;
  return `${who}${every[r.frequency]}${times}`;
}
