import { recordSheets } from '../../../ledger/schema/sheets';
import { workSheets } from '../template/fields';
import type { WorkSheetKey } from '../template/fields';
import type { Values } from '../template/phrase';
import type { ReportContext, Section } from './context';
import { unlessZero } from './text';

/** How many records of each sheet the report's period counts, each a figure of the report. */
export function countsIn(ctx: ReportContext): Record<WorkSheetKey, number> {
  return Object.fromEntries(
    workSheets.map((key) => [key, ctx.figure({ of: 'records', sheet: key, period: ctx.period, value: ctx.records(key).length })]),
  ) as Record<WorkSheetKey, number>;
}

/** The counts as placeholders named after their sheets ({专题研究} …), absent where nothing was done. */
export function countValues(counts: Record<WorkSheetKey, number>): Values {
  return Object.fromEntries(workSheets.map((key) => [recordSheets[key].title, unlessZero(counts[key])]));
}

interface OverviewTemplate {
  标题: string;
  概述: string;
  无工作: string;
  事项: Record<string, string>;
}

/** 基本情况 / 总体情况: the period's work in one sentence, naming only what was done. */
export function overviewSection(ctx: ReportContext, t: OverviewTemplate): Section {
  const counts = countsIn(ctx);
  const done = workSheets.filter((key) => counts[key] > 0);
  // An item the template leaves empty is told in a section of its own, and not said twice.
  const items = done.map((key) => ctx.say(t.事项[recordSheets[key].title], { 次数: counts[key] })).filter((item) => item !== '');
  const text = done.length === 0 ? ctx.say(t.无工作) : ctx.say(t.概述, { 工作概况: items.length > 0 ? items.join('，') : undefined });
  return { title: ctx.say(t.标题), blocks: [{ kind: 'paragraph', text }] };
}
