import type { Severity } from '../findings';
import type { RecordSheetKey } from '../schema/sheets';

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
}

/** Every rule of spec section 3, once. */
export const ruleTable: readonly RuleInfo[] = [
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
    id: 'R01',
    title: '每年至少开展2次意识形态工作专题研究',
    plan: '三(一)',
    severity: 'error',
    kind: 'requirement',
    judged: { judges: 'periods', sheet: 'research', needs: ['会议日期'] },
  },
  {
    id: 'R02',
    title: '每年至少开展1次综合分析',
    plan: '三(一)',
    severity: 'error',
    kind: 'requirement',
    judged: { judges: 'periods', sheet: 'analysis', needs: ['分析日期', '分析类型'], counts: { field: '分析类型', values: ['综合分析'] } },
  },
  {
    id: 'R03',
    title: '意识形态领域情况季度分析',
    plan: '二(七)',
    severity: 'error',
    kind: 'requirement',
    judged: { judges: 'periods', sheet: 'analysis', needs: ['分析日期', '分析类型'], counts: { field: '分析类型', values: ['季度分析'] } },
  },
  {
    id: 'R04',
    title: '每年至少通报1次意识形态领域情况',
    plan: '三(一)',
    severity: 'error',
    kind: 'requirement',
    judged: { judges: 'periods', sheet: 'notification', needs: ['通报日期'] },
  },
  {
    id: 'R05',
    title: '意识形态领域情况半年通报',
    plan: '二(七)',
    severity: 'error',
    kind: 'requirement',
    judged: {
      judges: 'periods',
      sheet: 'notification',
      needs: ['通报日期', '通报类型'],
      counts: { field: '通报类型', values: ['半年通报'] },
    },
  },
  {
    id: 'R06',
    title: '定期对各股室站所开展检查',
    plan: '三(二)',
    severity: 'error',
    kind: 'requirement',
    judged: {
      judges: 'periods',
      sheet: 'inspection',
      needs: ['检查日期', '检查类型', '被检查单位'],
      units: true,
      counts: { field: '检查类型', values: ['定期检查'] },
    },
  },
  {
    id: 'R07',
    title: '不定期开展抽查',
    plan: '三(二)',
    severity: 'error',
    kind: 'requirement',
    judged: {
      judges: 'periods',
      sheet: 'inspection',
      needs: ['检查日期', '检查类型'],
      counts: { field: '检查类型', values: ['不定期抽查'] },
    },
  },
  {
    id: 'R08',
    title: '检查、抽查结果上报党组',
    plan: '三(二)',
    severity: 'error',
    kind: 'requirement',
    judged: { judges: 'records', sheet: 'inspection', needs: ['检查日期', '上报党组日期'] },
  },
  {
    id: 'R09',
    title: '党总支、各支部每半年专题汇报1次',
    plan: '三(三)',
    severity: 'error',
    kind: 'requirement',
    judged: { judges: 'periods', sheet: 'branchReport', needs: ['汇报单位', '汇报日期'], units: true },
  },
  {
    id: 'R10',
    title: '意识形态工作作为民主生活会和述职报告的重要内容',
    plan: '三(四)',
    severity: 'error',
    kind: 'requirement',
    judged: {
      judges: 'periods',
      sheet: 'review',
      needs: ['日期', '类型', '对象', '含意识形态内容'],
      units: true,
      counts: { field: '类型', values: ['民主生活会', '组织生活会', '述职报告'] },
    },
  },
  {
    id: 'R11',
    title: '意识形态工作责任制落实情况纳入干部考核',
    plan: '三(四)',
    severity: 'error',
    kind: 'requirement',
    judged: {
      judges: 'periods',
      sheet: 'review',
      needs: ['日期', '类型', '含意识形态内容'],
      counts: { field: '类型', values: ['干部考核'] },
    },
  },
  {
    id: 'R12',
    title: '中心组每年至少1次维护意识形态安全的专题学习',
    plan: '三(五)',
    severity: 'error',
    kind: 'requirement',
    judged: {
      judges: 'periods',
      sheet: 'training',
      needs: ['日期', '类型', '意识形态安全专题'],
      counts: { field: '类型', values: ['中心组专题学习'] },
    },
  },
  {
    id: 'R13',
    title: '组织开展意识形态主题宣讲活动',
    plan: '三(五)',
    severity: 'error',
    kind: 'requirement',
    judged: { judges: 'periods', sheet: 'training', needs: ['日期', '类型'], counts: { field: '类型', values: ['主题宣讲'] } },
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

const byId = new Map(ruleTable.map((rule) => [rule.id, rule]));

export function ruleInfo(id: string): RuleInfo {
  const rule = byId.get(id);
  if (!rule) throw new Error(`unknown rule ${id}`);
  return rule;
}

/** The fields of a sheet that some requirement reads: a missing one is an S02 (spec section 3). */
export function neededFields(sheet: RecordSheetKey): Set<string> {
  const needed = new Set<string>();
  for (const { judged } of ruleTable) {
    if (judged?.judges !== 'settings' && judged?.sheet === sheet) for (const f of judged.needs) needed.add(f);
  }
  return needed;
}
