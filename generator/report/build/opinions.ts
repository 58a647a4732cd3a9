import type { LedgerRecord } from '../../../ledger/model';
import type { Values } from '../template/phrase';
import type { ReportContext } from './context';
import { rowKey } from './records';
import { listOf, unlessZero } from './text';

type Opinion = LedgerRecord<'opinion'>;

/**
 * 超时: a step done later than its limit after discovery, as R16 found; 未处置: not yet handled;
 * 及时: neither.
 */
function timeliness(r: Opinion, lateRows: ReadonlySet<string>): '及时' | '超时' | '未处置' {
  if (lateRows.has(rowKey(r.sheet, r.row))) return '超时';
  return r.data.处置时间 === undefined ? '未处置' : '及时';
}

export interface OpinionSummary {
  records: Opinion[];
  major: Opinion[];
  values: Values;
}

const eventName = (r: Opinion) => `“${r.data.事件名称 ?? '未填写名称的事件'}”`;

/** The period's public-opinion events, counted by weight and by how promptly they were handled. */
export function opinionSummary(ctx: ReportContext): OpinionSummary {
  const records = ctx.records('opinion');
  const lateRows = new Set(ctx.result.findings.filter((f) => f.rule === 'R16').map((f) => rowKey(f.sheet, f.row)));
  const states = records.map((r) => timeliness(r, lateRows));
  const late = records.filter((_, i) => states[i] === '超时');
  const major = records.filter((r) => r.data.是否重大 === true);
  const settings = ctx.result.ledger.settings;
  const derived = (name: string, value: number) => ctx.figure({ of: 'derived', name, value });
  return {
    records,
    major,
    values: {
      舆情数: ctx.figure({ of: 'records', sheet: 'opinion', period: ctx.period, value: records.length }),
      重大舆情数: unlessZero(ctx.figure({ of: 'records', sheet: 'opinion', period: ctx.period, where: { 是否重大: true }, value: major.length })),
      及时数: unlessZero(derived('舆情及时', states.filter((s) => s === '及时').length)),
      超时数: unlessZero(derived('舆情超时', late.length)),
      未处置数: unlessZero(derived('舆情未处置', states.filter((s) => s === '未处置').length)),
      超时事件: late.length > 0 ? `${listOf(late.slice(0, namedEvents).map(eventName))}${late.length > namedEvents ? '等' : ''}` : undefined,
      研判时限: settings['舆情研判时限（小时）'],
      报送时限: settings['舆情报送时限（小时）'],
      处置时限: settings['舆情处置时限（小时）'],
    },
  };
}

/** A report names this many 重大舆情 at most; a ledger with more is counted, not listed, to keep the report short. */
const namedEvents = 5;

/** The period's 重大舆情 by name (the first few when there are many). */
export const majorEvents = (summary: OpinionSummary) =>
  summary.major.length === 0
    ? undefined
    : `${listOf(summary.major.slice(0, namedEvents).map(eventName))}${summary.major.length > namedEvents ? '等' : ''}`;
