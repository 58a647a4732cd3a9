import { foldCompact } from '../../text/fold';
import { splitList } from '../../values/choice';
import { atRecord, type Rule } from '../context';
import { recordRuleStatus } from '../periods';

/** D09: 组织架构 names each unit once. */
export const D09: Rule = (ctx) => {
  const seen = new Map<string, number>();
  const findings = ctx.ledger.records.organization.flatMap((r) => {
    const name = r.data.单位名称;
    if (name === undefined) return [];
    const key = foldCompact(name);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, r.row);
      return [];
    }
    return [
      atRecord('D09', r, '单位名称', `单位“${name}”在组织架构中重复出现（第${first}行已有）。每个单位只应列一次，请删除或改名。`, {
        value: name,
      }),
    ];
  });
  return { findings };
};

/** R18: under 一岗双责 each unit's 分管领导 is a member of the party group. */
export const R18: Rule = (ctx) => {
  const members = ctx.ledger.settings.党组成员;
  if (!members || members.length === 0) return { findings: [], status: recordRuleStatus('R18', ctx, 0, 0) };
  const folded = new Set(members.map(foldCompact));
  let checked = 0;
  const findings = ctx.ledger.records.organization.flatMap((r) => {
    const leader = r.data.分管领导;
    if (leader === undefined) return [];
    checked++;
    const outside = splitList(leader).filter((name) => !folded.has(foldCompact(name)));
    if (outside.length === 0) return [];
    return [
      atRecord(
        'R18',
        r,
        '分管领导',
        `“${r.data.单位名称 ?? ''}”的分管领导“${outside.join('、')}”不在基本信息的党组成员（${members.join('、')}）中。按“一岗双责”，分管领导应为党组成员。`,
        { value: leader },
      ),
    ];
  });
  return { findings, status: recordRuleStatus('R18', ctx, checked, findings.length) };
};
