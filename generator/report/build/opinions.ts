import type { LedgerRecord } from '../../../ledger/model';
import type { Values } from '../template/phrase';
import type { ReportContext } from './context';
import { recordsIn } from './records';
import { faultyRows } from './requirements';
import { listOf, unlessZero } from './text';

type Opinion = LedgerRecord<'opinion'>;

/**
 * 超时: a step done later than its limit after discovery, as R16 found; 未处置: not yet handled;
 * 及时: neither.
 */
function timeliness(r: Opinion, lateRows: ReadonlySet<number>): '及时' | '超时' | '未处置' {
  if (r.data.发现时间 === undefined) return '未处置';
  if (lateRows.has(r.row)) return '超时';
  return r.data.处置时间 === undefined ? '未处置' : '及时';
}

export interface OpinionSummary {
  records: Opinion[];
  values: Values;
}

/** The period's public-opinion events, counted by weight and by how promptly they were handled. */
export function opinionSummary(ctx: ReportContext): OpinionSummary {
  const records = recordsIn(ctx.result.ledger, 'opinion', ctx.period);
  const lateRows = faultyRows(ctx.result.findings, 'R16', records);
  const states = records.map((r) => timeliness(r, lateRows));
  const late = records.filter((_, i) => states[i] === '超时');
  const settings = ctx.result.ledger.settings;
  return {
    records,
    values: {
      舆情数: records.length,
      重大舆情数: records.filter((r) => r.data.是否重大 === true).length,
      及时数: states.filter((s) => s === '及时').length,
      超时数: unlessZero(late.length),
      未处置数: unlessZero(states.filter((s) => s === '未处置').length),
      超时事件: late.length > 0 ? listOf(late.map((r) => `“${r.data.事件名称 ?? '未填写名称的事件'}”`)) : undefined,
      研判时限: settings['舆情研判时限（小时）'],
      报送时限: settings['舆情报送时限（小时）'],
      处置时限: settings['舆情处置时限（小时）'],
    },
  };
}
