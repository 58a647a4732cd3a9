import type { Severity } from '../findings';
import { builtInPlan } from '../plan/defaults';
import type { Plan, Requirement } from '../plan/requirement';
import type { RecordSheetKey } from '../schema/sheets';
import { placing } from './placing';

export type RuleKind = 'structure' | 'data' | 'requirement';

/**
 * What a requirement judges (spec section 3): the count of a sheet's records in each period, each
 * record on its own (R08, R14–R17, R19), or 基本信息 (R18). A report quotes the first kind by period
 * and recounts the second from the period's own records.
 */
export type Judged =
  | {
      judges: 'periods' | 'records';
      sheet: RecordSheetKey;
      /** The fields the rule reads: without one of them it is 无法判断. */
      needs: readonly string[];
      /** Judged per unit of 组织架构 (R06, R09, R10). */
      units?: true;
      /**
       * The type of record it counts. Where the type is only derived from the records' words (no
       * column), a type no record shows may be kept elsewhere: 无法判断 rather than 未开展.
       */
      counts?: { field: string; values: readonly string[] };
    }
  | { judges: 'settings'; sheet: 'settings' };

export interface RuleInfo {
  id: string;
  title: string;
  /** The part of the implementation plan the rule comes from, or null for structure and data rules. */
  plan: string | null;
  /** The severity a finding of this rule has unless the rule says otherwise (spec section 3). */
  severity: Severity;
  kind: RuleKind;
  /** For a requirement, what it judges and on which sheet; null for structure and data rules. */
  judged: Judged | null;
  /** For a counting requirement (R01–R07, R09–R13 and a bureau's own), the plan's row it is. */
  requirement?: Requirement;
}

/**
 * A counting requirement of the plan as a rule: it reads its sheet's date (or period), the fields of
 * its conditions and, per unit, the sheet's unit field. Its first condition other than a yes/no is the
 * type of record it counts, which a register may only show in the records' words.
 */
export function countingRule(requirement: Requirement): RuleInfo {
  const { sheet, conditions, unitTypes } = requirement;
  const unitField = unitTypes.length > 0 ? placing[sheet].unit : undefined;
  const type = conditions.find((c) => c.values.some((v) => v !== '是' && v !== '否'));
  const needs = [placing[sheet].date, ...conditions.map((c) => c.field), ...(unitField ? [unitField] : [])];
  return {
    id: requirement.id,
    title: requirement.text,
    plan: requirement.plan,
    severity: 'error',
    kind: 'requirement',
    judged: {
      judges: 'periods',
      sheet,
      needs: [...new Set(needs)],
      ...(unitField && { units: true as const }),
      ...(type && { counts: type }),
    },
    requirement,
  };
}

/** The rules of spec section 3 other than the plan's counting requirements, in the table's order. */
const fixedRules: readonly RuleInfo[] = [
  { id: 'S01', title: '缺少工作表', plan: null, severity: 'error', kind: 'structure', judged: null },
  { id: 'S02', title: '缺少必填列', plan: null, severity: 'error', kind: 'structure', judged: null },
  { id: 'S03', title: '前10行内未找到表头行', plan: null, severity: 'error', kind: 'structure', judged: null },
  { id: 'S04', title: '两列对应同一字段', plan: null, severity: 'warning', kind: 'structure', judged: null },
  { id: 'D01', title: '必填项为空', plan: null, severity: 'error', kind: 'data', judged: null },
  { id: 'D02', title: '日期、时间或期间无法识别', plan: null, severity: 'error', kind: 'data', judged: null },
  { id: 'D03', title: '取值不在允许范围内', plan: null, severity: 'error', kind: 'data', judged: null },
  { id: 'D04', title: '日期不在台账年度内', plan: null, severity: 'warning', kind: 'data', judged: null },
  { id: 'D05', title: '日期晚于校验日期', plan: null, severity: 'warning', kind: 'data', judged: null },
  { id: 'D06', title: '单位名称不在组织架构中', plan: null, severity: 'error', kind: 'data', judged: null },
  { id: 'D07', title: '数字不是范围内的整数', plan: null, severity: 'error', kind: 'data', judged: null },
  { id: 'D08', title: '两条记录完全相同', plan: null, severity: 'warning', kind: 'data', judged: null },
  { id: 'D09', title: '组织架构中单位名称重复', plan: null, severity: 'error', kind: 'data', judged: null },
  { id: 'D10', title: '行未能归类', plan: null, severity: 'info', kind: 'data', judged: null },
  {
    id: 'R08',
    title: '检查、抽查结果上报党组',
    plan: '三(二)',
    severity: 'error',
    kind: 'requirement',
    judged: { judges: 'records', sheet: 'inspection', needs: ['检查日期', '上报党组日期'] },
  },
  {
    id: 'R14',
    title: '讲座、报告、论坛须提前登记报告党组审批',
    plan: '三(五)',
    severity: 'error',
    kind: 'requirement',
    judged: { judges: 'records', sheet: 'lecture', needs: ['活动日期', '审批日期', '审批结果'] },
  },
  {
    id: 'R15',
    title: '舆情按发现、研判、报送、处置顺序办理',
    plan: '二(五)',
    severity: 'error',
    kind: 'requirement',
    judged: { judges: 'records', sheet: 'opinion', needs: ['发现时间'] },
  },
  {
    id: 'R16',
    title: '舆情第一时间研判、报送、处置',
    plan: '二(五)',
    severity: 'warning',
    kind: 'requirement',
    judged: { judges: 'records', sheet: 'opinion', needs: ['发现时间'] },
  },
  {
    id: 'R17',
    title: '重大舆情必须报送和处置',
    plan: '二(五)',
    severity: 'error',
    kind: 'requirement',
    judged: { judges: 'records', sheet: 'opinion', needs: ['是否重大', '发现时间'] },
  },
  {
    id: 'R18',
    title: '一岗双责：分管领导为党组成员',
    plan: '四(一)',
    severity: 'warning',
    kind: 'requirement',
    judged: { judges: 'settings', sheet: 'settings' },
  },
  {
    id: 'R19',
    title: '发现问题按期整改',
    plan: '三(二)',
    severity: 'warning',
    kind: 'requirement',
    judged: { judges: 'records', sheet: 'inspection', needs: ['整改情况', '整改期限'] },
  },
];

const byNumber = (a: RuleInfo, b: RuleInfo) => a.id.localeCompare(b.id);
const builtInIds = new Set(builtInPlan().map((r) => r.id));

/**
 * The rules a ledger is checked by under `plan`: the structure and data rules, then the requirements in
 * the order of their numbers — the plan's enabled built-ins among R08 and R14–R19 — and last the
 * bureau's own requirements in the order of its 实施方案要求 sheet. A disabled requirement is no rule.
 */
export function rulesOf(plan: Plan): RuleInfo[] {
  const counting = plan.requirements.filter((r) => r.enabled).map(countingRule);
  const builtIn = (r: RuleInfo) => builtInIds.has(r.id);
  const numbered = [...fixedRules.filter((r) => r.kind === 'requirement'), ...counting.filter(builtIn)].sort(byNumber);
  return [...fixedRules.filter((r) => r.kind !== 'requirement'), ...numbered, ...counting.filter((r) => !builtIn(r))];
}

/** Every rule of spec section 3, once, with the default plan's counting requirements. */
export const ruleTable: readonly RuleInfo[] = rulesOf({ requirements: builtInPlan(), sheet: null });

const byId = new Map(ruleTable.map((rule) => [rule.id, rule]));

/**
 * A rule by its id: under `plan` where it is given (a counting requirement as the ledger's plan states
 * it, a bureau's own included), else as the default table has it.
 */
export function ruleInfo(id: string, plan?: Plan): RuleInfo {
  const requirement = plan?.requirements.find((r) => r.id === id);
  if (requirement) return countingRule(requirement);
  const rule = byId.get(id);
  if (!rule) throw new Error(`unknown rule ${id}`);
  return rule;
}

/** The fields of a sheet that some requirement reads: a missing one is an S02 (spec section 3). */
export function neededFields(sheet: RecordSheetKey, plan?: Plan): Set<string> {
  const needed = new Set<string>();
  for (const { judged } of plan ? rulesOf(plan) : ruleTable) {
    if (judged?.judges !== 'settings' && judged?.sheet === sheet) for (const f of judged.needs) needed.add(f);
  }
  return needed;
}
