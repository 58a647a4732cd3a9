import type { LedgerRecord } from '../../../ledger/model';
import { hoursBetween } from '../../../ledger/values/date';
import type { Values } from '../template/phrase';
import type { ReportContext } from './context';
import { recordsIn } from './records';
import { listOf, unlessZero } from './text';

type Opinion = LedgerRecord<'opinion'>;

const steps = [
  { field: '研判时间', limit: '舆情研判时限（小时）' },
  { field: '报送时间', limit: '舆情报送时限（小时）' },
  { field: '处置时间', limit: '舆情处置时限（小时）' },
] as const;

/** 超时: a step done later than its limit after discovery; 未处置: not yet handled; 及时: neither. */
function timeliness(ctx: ReportContext, r: Opinion): '及时' | '超时' | '未处置' {
  const found = r.data.发现时间;
  const settings = ctx.result.ledger.settings;
  if (found === undefined) return '未处置';
  const late = steps.some((step) => {
    const time = r.data[step.field];
    return time !== undefined && hoursBetween(found, time) > settings[step.limit];
  });
  if (late) return '超时';
  return r.data.处置时间 === undefined ? '未处置' : '及时';
}

export interface OpinionSummary {
  records: Opinion[];
  values: Values;
}

/** The period's public-opinion events, counted by weight and by how promptly they were handled. */
export function opinionSummary(ctx: ReportContext): OpinionSummary {
  const records = recordsIn(ctx.result.ledger, 'opinion', ctx.period);
  const states = records.map((r) => timeliness(ctx, r));
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
