import type { Finding } from '../../findings';
import type { LedgerRecord } from '../../model';
import { chineseDateTime, hoursBetween, parseIsoDateTime } from '../../values/date';
import { atRecord, type Rule } from '../context';
import { recordRuleStatus } from '../periods';

type Step = '研判时间' | '报送时间' | '处置时间';
const steps: Array<{ field: Step; name: string; limit: '舆情研判时限（小时）' | '舆情报送时限（小时）' | '舆情处置时限（小时）' }> = [
  { field: '研判时间', name: '研判', limit: '舆情研判时限（小时）' },
  { field: '报送时间', name: '报送', limit: '舆情报送时限（小时）' },
  { field: '处置时间', name: '处置', limit: '舆情处置时限（小时）' },
];

const eventName = (r: LedgerRecord<'opinion'>) => {
  const name = r.data.事件名称;
  if (name === undefined) return '该舆情事件';
  return /[“”"]/u.test(name) ? name : `“${name}”`;
};

/** R15: discovery, assessment, reporting and handling happen in that order. */
export const R15: Rule = (ctx) => {
  let checked = 0;
  const findings: Finding[] = [];
  const records = ctx.ledger.records.opinion;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const found = r.data.发现时间;
    if (found === undefined) continue;
    checked++;
    let [previousName, previousTime] = ['发现', found];
    for (let j = 0; j < steps.length; j++) {
      const step = steps[j];
      const time = r.data[step.field];
      if (time === undefined) continue;
      if (time < previousTime) {
        findings.push(
          atRecord(
            'R15',
            r,
            step.field,
            `${eventName(r)}的${step.name}时间 ${chineseDateTime(time)} 早于${previousName}时间 ${chineseDateTime(previousTime)}。应按发现、研判、报送、处置的顺序办理，请核对时间。`,
            { value: time },
          ),
        );
        break;
      }
      [previousName, previousTime] = [step.name, time];
    }
  }
  return { findings, status: recordRuleStatus('R15', ctx, checked, findings.length) };
};

/** R16: each step within its limit from discovery; late steps of a 重大 event are errors. */
export const R16: Rule = (ctx) => {
  let checked = 0;
  let failed = 0;
  const findings: Finding[] = [];
  const records = ctx.ledger.records.opinion;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const found = r.data.发现时间;
    if (found === undefined) continue;
    checked++;
    const before = findings.length;
    for (let j = 0; j < steps.length; j++) {
      const step = steps[j];
      const time = r.data[step.field];
      const limit = ctx.ledger.settings[step.limit];
      if (time === undefined || time < found) continue;
      const hours = hoursBetween(found, time);
      if (hours <= limit) continue;
      const major = r.data.是否重大 === true;
      findings.push(
        atRecord(
          'R16',
          r,
          step.field,
          `${major ? '重大舆情' : ''}${eventName(r)}发现后 ${Math.round(hours * 10) / 10} 小时才${step.name}，超过${limit}小时的时限（发现时间 ${chineseDateTime(found)}，${step.name}时间 ${chineseDateTime(time)}）。`,
          { value: time, severity: major ? 'error' : 'warning' },
        ),
      );
    }
    if (findings.length > before) failed++;
  }
  return { findings, status: recordRuleStatus('R16', ctx, checked, failed) };
};

/** R17: a 重大 event is reported and handled once its handling limit has passed. */
export const R17: Rule = (ctx) => {
  const limit = ctx.ledger.settings['舆情处置时限（小时）'];
  // asOf is a day; a deadline counts as passed only when it passed before that day began.
  const asOfStart = `${ctx.asOf}T00:00:00`;
  let checked = 0;
  let failed = 0;
  const findings: Finding[] = [];
  const records = ctx.ledger.records.opinion;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const found = r.data.发现时间;
    if (r.data.是否重大 !== true || found === undefined) continue;
    const deadline = parseIsoDateTime(found).add({ hours: limit }).toString();
    if (deadline >= asOfStart) continue;
    checked++;
    const missing = (['报送时间', '处置时间'] as const).filter((f) => r.data[f] === undefined);
    if (missing.length > 0) failed++;
    for (const field of missing) {
      findings.push(
        atRecord(
          'R17',
          r,
          field,
          `重大舆情${eventName(r)}于 ${chineseDateTime(found)} 发现，已超过${limit}小时，但“${field}”为空。重大舆情必须报送并处置，请补记或立即办理。`,
        ),
      );
    }
  }
  return { findings, status: recordRuleStatus('R17', ctx, checked, failed) };
};
