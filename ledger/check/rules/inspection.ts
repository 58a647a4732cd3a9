import type { Finding } from '../../findings';
import { chineseDate } from '../../values/date';
import { atRecord, dayOf, type Rule } from '../context';
import { recordRuleStatus } from '../periods';

/** R08: the result of each inspection is reported to the party group on or after the inspection. */
export const R08: Rule = (ctx) => {
  let checked = 0;
  const findings: Finding[] = [];
  const records = ctx.ledger.records.inspection;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const done = dayOf(r, '检查日期');
    const reported = dayOf(r, '上报党组日期');
    if (done === undefined || reported === undefined) continue;
    checked++;
    if (reported >= done) continue;
    findings.push(
      atRecord(
        'R08',
        r,
        '上报党组日期',
        `上报党组日期 ${chineseDate(reported)} 早于检查日期 ${chineseDate(done)}。检查、抽查结果应在检查之后上报党组，请核对日期。`,
        { value: reported },
      ),
    );
  }
  return { findings, status: recordRuleStatus('R08', ctx, checked, findings.length) };
};

/** R19: problems found are put right by their deadline. */
export const R19: Rule = (ctx) => {
  let checked = 0;
  const findings: Finding[] = [];
  const records = ctx.ledger.records.inspection;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const state = r.data.整改情况;
    const deadline = dayOf(r, '整改期限');
    if (deadline === undefined || state === undefined) continue;
    checked++;
    if (state === '已整改' || state === '无需整改' || deadline >= ctx.asOf) continue;
    const unit = r.data.被检查单位 ? `“${r.data.被检查单位}”` : '';
    findings.push(
      atRecord(
        'R19',
        r,
        '整改期限',
        `${unit}的整改期限 ${chineseDate(deadline)} 已过，整改情况仍为“${state}”。请督促整改并更新整改情况。`,
        { value: deadline },
      ),
    );
  }
  return { findings, status: recordRuleStatus('R19', ctx, checked, findings.length) };
};
