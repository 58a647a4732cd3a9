import type { Finding } from '../../findings';
import { chineseDate, parseIsoDate } from '../../values/date';
import { atRecord, dayOf, type Rule } from '../context';
import { recordRuleStatus } from '../periods';

/**
 * R14: a lecture, report or forum held by asOf was registered, then approved (同意) at least
 * 讲座审批提前天数 days before it took place.
 */
export const R14: Rule = (ctx) => {
  const ahead = ctx.ledger.settings.讲座审批提前天数;
  // Many activities share a day, and date arithmetic costs more than a lookup.
  const latestBy = new Map<string, string>();
  const latestApproval = (held: string) => {
    let latest = latestBy.get(held);
    if (latest === undefined) {
      latest = parseIsoDate(held).subtract({ days: ahead }).toString();
      latestBy.set(held, latest);
    }
    return latest;
  };
  let checked = 0;
  const findings: Finding[] = [];
  const records = ctx.ledger.records.lecture;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const { 审批结果: result, 活动名称: name } = r.data;
    const held = dayOf(r, '活动日期');
    if (held === undefined || held > ctx.asOf) continue;
    checked++;
    const registered = dayOf(r, '登记日期');
    const approved = dayOf(r, '审批日期');
    const title = name ? `“${name}”` : '该活动';
    if (result === '不同意') {
      findings.push(
        atRecord(
          'R14',
          r,
          '审批结果',
          `${title}的审批结果为“不同意”，但已于 ${chineseDate(held)} 举办。未经党组同意的讲座、报告、论坛不得举办。`,
          { value: result },
        ),
      );
      continue;
    }
    if (registered !== undefined && approved !== undefined && registered > approved) {
      findings.push(
        atRecord(
          'R14',
          r,
          '登记日期',
          `${title}的登记日期 ${chineseDate(registered)} 晚于审批日期 ${chineseDate(approved)}。应先登记、后审批。`,
          { value: registered },
        ),
      );
      continue;
    }
    const latest = latestApproval(held);
    if (approved !== undefined && approved > latest) {
      findings.push(
        atRecord(
          'R14',
          r,
          '审批日期',
          `${title}于 ${chineseDate(held)} 举办，审批日期为 ${chineseDate(approved)}，未按要求至少提前${ahead}天报党组审批（最迟应于 ${chineseDate(latest)} 审批）。`,
          { value: approved },
        ),
      );
    }
  }
  return { findings, status: recordRuleStatus('R14', ctx, checked, findings.length) };
};
