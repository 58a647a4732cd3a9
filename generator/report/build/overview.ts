import { recordSheets } from '../../../ledger/schema/sheets';
import type { PeriodCode } from '../../../ledger/values/period';
import { workSheets } from '../template/fields';
import type { WorkSheetKey } from '../template/fields';
import type { Values } from '../template/phrase';
import type { ReportContext } from './context';
import { countIn } from './records';

/** How many records of each sheet fall in `period`. */
export function countsIn(ctx: ReportContext, period: PeriodCode): Record<WorkSheetKey, number> {
  return Object.fromEntries(workSheets.map((key) => [key, countIn(ctx.result.ledger, key, period)])) as Record<
    WorkSheetKey,
    number
  >;
}

/** The counts as placeholders named after their sheets ({专题研究} …). */
export function countValues(counts: Record<WorkSheetKey, number>): Values {
  return Object.fromEntries(workSheets.map((key) => [recordSheets[key].title, counts[key]]));
}

export const noWork = (counts: Record<WorkSheetKey, number>) => workSheets.every((key) => counts[key] === 0);
