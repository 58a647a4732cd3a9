import { severityLabel, type Finding } from '../../ledger/findings';
import type { SheetAccount, ValidationResult } from '../../ledger/model';
import type { ListedRule } from '../rules/run';
import { accountCounts, accountTopic, accountUnplacedRows } from '../../ledger/accountText';
import { unsureCount } from '../../ledger/unsureText';

/** The validation result as a clerk reads it in a terminal. */
export function renderText(result: ValidationResult, period?: string): string {
  const { summary } = result;
  const unjudged = result.rules.filter((r) => r.status === '无法判断').length;
  const lines = [
    `台账校验：${result.workbook}（${result.unit || '未填写单位名称'}，${result.year}年台账，校验日期 ${result.asOf}）`,
    `错误 ${summary.error} 项，警告 ${summary.warning} 项，提示 ${summary.info} 项${unjudged > 0 ? `；${unjudged} 项要求无法判断` : ''}`,
    ...result.notes.map((note) => `注意：${note}`),
    '',
    period ? `【制度落实情况】${period}（全年要求的项目按截至期末的完成情况统计）` : '【制度落实情况】',
  ];
  for (const rule of result.rules) {
    const unsure = rule.periods.filter((p) => p.unsure !== undefined && p.status === '无法判断');
    if (unsure.length > 0) {
      const detail = unsure.map((p) => `${p.label}${p.unit ?? ''}实际至少${p.actual}次，${unsureCount(p.unsure!)}`).join('；');
      lines.push(`  ${rule.id} 无法判断  ${rule.title}（${detail}）`);
      continue;
    }
    if (rule.status === '无法判断') {
      // Nothing to count: the finding (S01/S02) says which sheet or column to add.
      lines.push(`  ${rule.id} 无法判断  缺少记录或列，见问题清单  ${rule.title}`);
      continue;
    }
    const open = rule.periods.filter((p) => p.status !== '达标').map((p) => `${p.label}${p.unit ? p.unit : ''}${p.status}`);
    const detail = open.length > 0 ? `（${open.join('；')}）` : '';
    lines.push(`  ${rule.id} ${rule.status}  完成 ${rule.actual}/${rule.required}  ${rule.title}${detail}`);
  }
  lines.push('', '【各工作表读取情况】');
  for (const a of result.ledger.account) lines.push(`  ${accountLine(a)}`);
  lines.push('', '【问题清单】');
  if (result.findings.length === 0) lines.push('  未发现问题。');
  const bySheet = new Map<string, Finding[]>();
  for (const f of result.findings) bySheet.set(f.sheet, [...(bySheet.get(f.sheet) ?? []), f]);
  for (const [sheet, findings] of bySheet) {
    lines.push(`工作表“${sheet}”：`);
    for (const f of findings) lines.push(`  ${severityLabel[f.severity]} ${f.cell.padEnd(5)} ${f.rule} ${f.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `工作表“中心组学习”（学习培训）：记录 38 行，非记录 12 行，未能归类 3 行（第5、9、12行）`. */
export function accountLine(a: SheetAccount): string {
  const rows = accountUnplacedRows(a.unplacedRows);
  return `工作表“${a.sheet}”（${accountTopic(a)}）：${accountCounts(a)}${rows && `（${rows}）`}`;
}

/** A counting requirement's terms: `每季度至少1次；各党总支、党支部；分析研判中 分析类型为季度分析；按实施方案要求第5行`. */
function requirementTerms(r: NonNullable<ListedRule['requirement']>, planSheet: string | null): string {
  const every = r.frequency === '年' ? '每年' : `每${r.frequency}`;
  const who = r.unitTypes.length > 0 ? `各${r.unitTypes.join('、')}` : '全局';
  const which = r.conditions.map((c) => `${c.field}为${c.values.join('或')}`).join('且');
  const from = r.from ? `按“${planSheet ?? r.from.sheet}”第${r.from.row}行` : '按默认实施方案';
  return `${every}至少${r.atLeast}次；${who}；计“${r.sheet}”${which ? `中${which}` : ''}的记录；${from}`;
}

/**
 * `taizhang rules`: every rule with its severity and its part of the plan; a counting requirement
 * with its terms and where they come from, a disabled one marked 停用.
 */
export function renderRuleTable(
  rules: readonly ListedRule[],
  source: { workbook: string | null; planSheet: string | null; findings: readonly Finding[] },
): string {
  const lines: string[] = [];
  const unread = source.findings[0]?.sheet;
  if (source.workbook) {
    lines.push(
      source.planSheet
        ? `“${source.workbook}”的实施方案要求：按工作表“${source.planSheet}”，其中未列出的要求按默认实施方案。`
        : unread
          ? `“${source.workbook}”的工作表“${unread}”未能读取，按默认实施方案。`
          : `“${source.workbook}”没有“实施方案要求”工作表，按默认实施方案。`,
      '',
    );
  }
  lines.push('编号  级别  依据      规则');
  for (const r of rules) {
    const level = r.enabled ? severityLabel[r.severity] : '停用';
    const terms = r.requirement ? `（${requirementTerms(r.requirement, source.planSheet)}）` : '';
    lines.push(`${r.id}   ${level}  ${(r.plan ?? '—').padEnd(8)}  ${r.title}${terms}`);
  }
  if (source.findings.length > 0) {
    lines.push('', `“${unread}”中未能采用的内容：`);
    for (const f of source.findings) lines.push(`  ${severityLabel[f.severity]} ${f.cell.padEnd(5)} ${f.rule} ${f.message}`);
  }
  return `${lines.join('\n')}\n`;
}
