import * as z from 'zod/mini';
import { int, oneOf, text, yesno } from './fields';

/** The optional sheet of a bureau's own plan (issue 22): one counting requirement per row. */
export const planSheetTitle = '实施方案要求';

export const frequencies = ['年', '半年', '季度', '月'] as const;
export type Frequency = (typeof frequencies)[number];

/**
 * A row of 实施方案要求 as the clerk writes it. 频次 may be left empty only on R06, whose frequency is
 * then 基本信息's 定期检查周期 as before the sheet existed; 启用 empty is 是.
 */
export const planRow = z.object({
  编号: text({ syn: ['要求编号'] }),
  要求: z.optional(text({ syn: ['要求内容', '工作要求'] })),
  工作表: text({ syn: ['台账', '记录表'] }),
  条件: z.optional(text({ syn: ['计数条件'] })),
  频次: z.optional(
    oneOf(frequencies, {
      syn: ['频率', '周期'],
      aliases: { 每年: '年', 年度: '年', 全年: '年', 每半年: '半年', 半年度: '半年', 每季度: '季度', 每季: '季度', 每月: '月', 月度: '月' },
    }),
  ),
  对象: z.optional(text({ syn: ['考核对象', '适用对象'] })),
  至少次数: int({ min: 1, max: 1000, syn: ['次数', '最少次数'] }),
  启用: z._default(yesno({ syn: ['是否启用'] }), true),
});

export type PlanRow = z.output<typeof planRow>;
