import type { Finding } from '../../../ledger/findings';
import type { LedgerRecord } from '../../../ledger/model';
import { ruleInfo } from '../../../ledger/check/ruleTable';
import { chineseDate } from '../../../ledger/values/date';
import { periodEnd } from '../../../ledger/values/period';
import type { Block } from '../model';
import type { QuarterlyTemplate } from '../template/schema';
import type { Values } from '../template/phrase';
import type { Part, ReportContext, Section } from './context';
import { faultyRows, planText, recordRuleSheet, shortfalls } from './requirements';
import type { EntryGroup } from './requirements';
import { recordValues, recordsIn } from './records';
import { listOf, unlessZero } from './text';

type ProblemsTemplate = QuarterlyTemplate['存在的问题'];

/** Placeholders of a requirement sentence ({要求} {单位} {应完成} …). */
export function requirementValues(group: EntryGroup): Values {
  return {
    要求: group.rule.title,
    依据: planText(ruleInfo(group.rule.id).plan),
    单位: group.units.length > 0 ? listOf(group.units) : undefined,
    考核期间: group.label,
    应完成: group.counts?.required,
    已完成: group.counts?.actual,
    尚需: group.counts ? unlessZero(Math.max(0, group.counts.required - group.counts.actual)) : undefined,
    到期日期: chineseDate(group.due),
  };
}

const paragraph = (text: string): Block => ({ kind: 'paragraph', text });

function recordFindings(ctx: ReportContext): Finding[] {
  const ledger = ctx.result.ledger;
  const sheets = new Set(ctx.result.rules.flatMap((rule) => recordRuleSheet(rule.id) ?? []));
  const periodRows = new Set(
    [...sheets].flatMap((key) => (recordsIn(ledger, key, ctx.period) as LedgerRecord[]).map((r) => `${r.sheet}\u0000${r.row}`)),
  );
  // R19's overdue 整改 are told under 问题整改, from the inspections themselves.
  const told = (f: Finding) => recordRuleSheet(f.rule) !== null && f.rule !== 'R19' && periodRows.has(`${f.sheet}\u0000${f.row}`);
  return ctx.result.findings.filter((f) => f.severity !== 'info' && (told(f) || ruleInfo(f.rule).judged?.judges === 'settings'));
}

function requirementPart(ctx: ReportContext, t: ProblemsTemplate['制度落实']): Part | null {
  const blocks = [
    ...shortfalls(ctx).map((group) => paragraph(ctx.say(t.条目, requirementValues(group)))),
    ...recordFindings(ctx).map((f) => paragraph(ctx.say(t.记录条目, { 说明: f.message, 工作表: f.sheet, 单元格: f.cell }))),
  ];
  return blocks.length > 0 ? { title: ctx.say(t.标题), blocks } : null;
}

/** Problems found in inspections up to the period's end and not yet put right. */
function rectificationPart(ctx: ReportContext, t: ProblemsTemplate['问题整改']): Part | null {
  const end = periodEnd(ctx.period);
  const open = ctx.result.ledger.records.inspection
    .filter((r) => r.data.发现问题 !== undefined && (r.data.整改情况 === '整改中' || r.data.整改情况 === '未整改'))
    .filter((r) => r.data.检查日期 !== undefined && r.data.检查日期 <= end)
    .sort((a, b) => (a.data.检查日期 ?? '').localeCompare(b.data.检查日期 ?? ''));
  if (open.length === 0) return null;
  // Past its deadline is what R19 found.
  const overdue = faultyRows(ctx.result.findings, 'R19', open);
  const blocks = open.map((r) =>
    paragraph(ctx.say(t.条目, { ...recordValues('inspection', r, ctx.year), 逾期: overdue.has(r.row) ? '已逾期' : undefined })),
  );
  return { title: ctx.say(t.标题), blocks };
}

/** Errors in the ledger itself (structure and data rules): a report built on it should say so. */
function ledgerPart(ctx: ReportContext, t: ProblemsTemplate['台账记录']): Part | null {
  const ofData = ctx.result.findings.filter((f) => ruleInfo(f.rule).kind !== 'requirement');
  const errors = ofData.filter((f) => f.severity === 'error');
  if (errors.length === 0) return null;
  const warnings = ofData.filter((f) => f.severity === 'warning').length;
  const blocks = [
    paragraph(ctx.say(t.概述, { 错误数: errors.length, 警告数: unlessZero(warnings) })),
    ...errors.map((f, i) => paragraph(ctx.say(t.条目, { 序号: i + 1, 说明: f.message, 工作表: f.sheet, 单元格: f.cell }))),
  ];
  return { title: ctx.say(t.标题), blocks };
}

/** 存在的问题: unmet requirements, open rectifications, errors in the ledger; or a sentence saying there are none. */
export function problemsSection(ctx: ReportContext, t: ProblemsTemplate): Section {
  const parts = [requirementPart(ctx, t.制度落实), rectificationPart(ctx, t.问题整改), ledgerPart(ctx, t.台账记录)].filter(
    (p): p is Part => p !== null,
  );
  return { title: ctx.say(t.标题), blocks: parts.length > 0 ? [] : ctx.paragraphs(t.无问题), parts };
}
