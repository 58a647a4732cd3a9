import * as z from 'zod/mini';
import { int, list, oneOf, text } from './fields';
import { defaultInspectionCycle } from '../plan/defaults';

/** The years a ledger can be of: a date outside them is no ledger's year (a 1904 serial 0, a typo). */
export const ledgerYears = { min: 2000, max: 2100 } as const;

export const settingsSheetTitle = '基本信息';
/** The two columns of the settings sheet. */
export const settingsColumns = ['项目', '内容'] as const;

/** 基本信息: one key per row; defaults as in spec section 2. */
export const settings = z.object({
  单位名称: text({ syn: ['单位', '填报单位', '单位全称'] }),
  台账年度: int({ min: ledgerYears.min, max: ledgerYears.max, syn: ['年度', '台账年份', '年份'] }),
  党组书记: text({ syn: ['第一责任人'] }),
  分管领导: text({ syn: ['意识形态工作分管领导'] }),
  责任部室: text({ syn: ['责任股室', '责任科室', '牵头部室', '牵头股室'] }),
  党组成员: z.optional(list()),
  宽限天数: z._default(int({ min: 0, max: 366 }), 15),
  '舆情研判时限（小时）': z._default(int({ min: 0, max: 10000 }), 2),
  '舆情报送时限（小时）': z._default(int({ min: 0, max: 10000 }), 4),
  '舆情处置时限（小时）': z._default(int({ min: 0, max: 10000 }), 24),
  讲座审批提前天数: z._default(int({ min: 0, max: 366 }), 1),
  定期检查周期: z._default(oneOf(['年度', '半年', '季度']), defaultInspectionCycle),
  列名映射: z.optional(text()),
  表名映射: z.optional(text()),
  类别映射: z.optional(text()),
  值映射: z.optional(text()),
  /** Where the 季度分析报告 goes when not to the wording template's 主送 (县委宣传部 there). */
  报告主送: z.optional(text({ syn: ['主送机关'] })),
});

export type Settings = z.output<typeof settings>;
