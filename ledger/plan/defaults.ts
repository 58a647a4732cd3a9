import type { Frequency } from '../schema/plan';
import type { Settings } from '../schema/settings';
import { branchTypes as branches, inspectedTypes as sections } from '../check/rules/units';
import type { Requirement } from './requirement';

/** 基本信息's 定期检查周期 as a plan frequency: R06's frequency where the plan does not set one. */
export function inspectionFrequency(settings: Pick<Settings, '定期检查周期'>): Frequency {
  return settings.定期检查周期 === '年度' ? '年' : settings.定期检查周期;
}

/**
 * The counting requirements of this bureau's implementation plan (plan.txt), as rows of 实施方案要求
 * would state them: what a ledger without that sheet is judged by, what the blank template's sheet is
 * filled with, and the titles and plan sections of R01–R07 and R09–R13 wherever they are shown. R08
 * and R14–R19 judge each record, not a count, and keep their parameters in 基本信息.
 */
export function defaultPlan(settings: Pick<Settings, '定期检查周期'>): Requirement[] {
  const builtIn = (r: Omit<Requirement, 'enabled' | 'unitTypes' | 'conditions'> & Partial<Requirement>): Requirement => ({
    enabled: true,
    unitTypes: [],
    conditions: [],
    ...r,
  });
  return [
    builtIn({
      id: 'R01',
      text: '每年至少开展2次意识形态工作专题研究',
      what: '开展意识形态工作专题研究',
      sheet: 'research',
      frequency: '年',
      atLeast: 2,
      plan: '三(一)',
    }),
    builtIn({
      id: 'R02',
      text: '每年至少开展1次综合分析',
      what: '开展意识形态综合分析',
      sheet: 'analysis',
      conditions: [{ field: '分析类型', values: ['综合分析'] }],
      frequency: '年',
      atLeast: 1,
      plan: '三(一)',
    }),
    builtIn({
      id: 'R03',
      text: '意识形态领域情况季度分析',
      what: '开展意识形态领域情况季度分析',
      sheet: 'analysis',
      conditions: [{ field: '分析类型', values: ['季度分析'] }],
      frequency: '季度',
      atLeast: 1,
      plan: '二(七)',
    }),
    builtIn({
      id: 'R04',
      text: '每年至少通报1次意识形态领域情况',
      what: '在党内通报意识形态领域情况',
      sheet: 'notification',
      frequency: '年',
      atLeast: 1,
      plan: '三(一)',
    }),
    builtIn({
      id: 'R05',
      text: '意识形态领域情况半年通报',
      what: '开展意识形态领域情况半年通报',
      sheet: 'notification',
      conditions: [{ field: '通报类型', values: ['半年通报'] }],
      frequency: '半年',
      atLeast: 1,
      plan: '二(七)',
    }),
    builtIn({
      id: 'R06',
      text: '定期对各股室站所开展检查',
      what: '接受意识形态定期检查',
      sheet: 'inspection',
      conditions: [{ field: '检查类型', values: ['定期检查'] }],
      frequency: inspectionFrequency(settings),
      unitTypes: sections,
      atLeast: 1,
      plan: '三(二)',
    }),
    builtIn({
      id: 'R07',
      text: '不定期开展抽查',
      what: '开展不定期抽查',
      sheet: 'inspection',
      conditions: [{ field: '检查类型', values: ['不定期抽查'] }],
      frequency: '年',
      atLeast: 1,
      plan: '三(二)',
    }),
    builtIn({
      id: 'R09',
      text: '党总支、各支部每半年专题汇报1次',
      what: '向党组专题汇报意识形态工作',
      sheet: 'branchReport',
      frequency: '半年',
      unitTypes: branches,
      atLeast: 1,
      plan: '三(三)',
    }),
    builtIn({
      id: 'R10',
      text: '意识形态工作作为民主生活会和述职报告的重要内容',
      what: '在民主生活会、组织生活会或述职报告中纳入意识形态工作',
      sheet: 'review',
      conditions: [
        { field: '类型', values: ['民主生活会', '组织生活会', '述职报告'] },
        { field: '含意识形态内容', values: ['是'] },
      ],
      frequency: '年',
      unitTypes: branches,
      atLeast: 1,
      plan: '三(四)',
    }),
    builtIn({
      id: 'R11',
      text: '意识形态工作责任制落实情况纳入干部考核',
      what: '将意识形态工作责任制落实情况纳入干部考核',
      sheet: 'review',
      conditions: [
        { field: '类型', values: ['干部考核'] },
        { field: '含意识形态内容', values: ['是'] },
      ],
      frequency: '年',
      atLeast: 1,
      plan: '三(四)',
    }),
    builtIn({
      id: 'R12',
      text: '中心组每年至少1次维护意识形态安全的专题学习',
      what: '安排中心组维护意识形态安全的专题学习',
      sheet: 'training',
      conditions: [
        { field: '类型', values: ['中心组专题学习'] },
        { field: '意识形态安全专题', values: ['是'] },
      ],
      frequency: '年',
      atLeast: 1,
      plan: '三(五)',
    }),
    builtIn({
      id: 'R13',
      text: '组织开展意识形态主题宣讲活动',
      what: '开展意识形态主题宣讲活动',
      sheet: 'training',
      conditions: [{ field: '类型', values: ['主题宣讲'] }],
      frequency: '年',
      atLeast: 1,
      plan: '三(五)',
    }),
  ];
}

/**
 * 基本信息's 定期检查周期 where the clerk leaves it out (the settings schema's default). Kept here, free
 * of zod, so that the rule table, which the CLI loads at start, holds the default plan without the schemas.
 */
export const defaultInspectionCycle = '年度';

/** The default plan where 基本信息 leaves 定期检查周期 at its default: `taizhang rules` without a ledger, the rule table. */
export function builtInPlan(): Requirement[] {
  return defaultPlan({ 定期检查周期: defaultInspectionCycle });
}
