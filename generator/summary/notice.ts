import { chineseDate } from '../../ledger/values/date';
import { periodEnd, periodLabel, periodStart, periodYear } from '../../ledger/values/period';
import { heading } from '../report/build/text';
import type { Block, Report, TableColumn } from '../report/model';
import { fillPhrase, type Values } from '../report/template/phrase';
import type { LedgerDigest } from './digest';
import type { Excluded, Rollup } from './rollup';
import { statusCounts, toReport, unitName, unitsWith } from './rollup';
import type { NoticeTemplate } from './template';
import { requirements } from './workbook';

export interface NoticeOptions {
  docNumber?: string;
}

const paragraph = (text: string): Block => ({ kind: 'paragraph', text });

/** A phrase written over several lines in the template: a paragraph per line. */
const paragraphs = (text: string): Block[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(paragraph);

const columns = (headers: readonly string[], weights: readonly number[]): TableColumn[] =>
  headers.map((header, i) => ({ header, weight: weights[i], align: i === 1 ? 'left' : 'center' }));

const isComplete = (d: LedgerDigest) => d.requirements.every((r) => r.status === '达标');

/**
 * The county's 汇总通报 as a report model, rendered by the bureau reports' GB/T 9704 renderer: every
 * sentence from the wording template, every figure from the same digests as the summary workbook.
 */
export function buildNotice(rollup: Rollup, template: NoticeTemplate, options: NoticeOptions = {}): Report {
  const shared: Values = {
    年度: periodYear(rollup.period),
    期间: periodLabel(rollup.period),
    起始日期: chineseDate(periodStart(rollup.period)),
    截止日期: chineseDate(periodEnd(rollup.period)),
    成文日期: chineseDate(rollup.asOf),
  };
  const fill = (source: string, values: Values = {}) => fillPhrase(source, values, shared);
  const body: Block[] = [paragraph(fill(template.开头))];
  let section = 0;
  const addHeading = (text: string) => body.push(heading(1, ++section, fill(text)));

  const t = template;
  addHeading(t.总体情况.标题);
  const { included } = rollup;
  const excluded = toReport(rollup.excluded);
  const overdueUnits = included.filter((d) => d.overdue.length > 0).length;
  body.push(
    paragraph(
      included.length === 0
        ? fill(t.总体情况.无台账)
        : fill(t.总体情况.概述, {
            报送数: included.length + excluded.length,
            汇总数: included.length,
            未纳入数: excluded.length || undefined,
            全部达标数: included.filter(isComplete).length || undefined,
            逾期单位数: overdueUnits || undefined,
          }),
    ),
  );

  if (included.length > 0) {
    addHeading(t.制度落实.标题);
    body.push(paragraph(fill(t.制度落实.概述, { 要求数: requirements.length })));
    body.push({
      kind: 'table',
      columns: columns(t.制度落实.表头, [1, 6, 1.2, 1.2, 1.2, 1.4]),
      rows: requirements.map((r, i) => {
        const c = statusCounts(rollup, r.id);
        return [String(i + 1), `${r.title}（${r.plan ?? ''}）`, String(c.达标), String(c.进行中), String(c.未达标), String(c.无法判断)];
      }),
    });

    addHeading(t.各单位情况.标题);
    body.push(paragraph(fill(t.各单位情况.概述)));
    body.push({
      kind: 'table',
      columns: columns(t.各单位情况.表头, [1, 5, 1.6, 1.6, 2]),
      rows: included.map((d, i) => {
        const count = (status: string) => String(d.requirements.filter((r) => r.status === status).length);
        return [String(i + 1), unitName(d), count('达标'), count('未达标'), String(d.overdue.length)];
      }),
    });
  }

  if (excluded.length > 0) {
    addHeading(t.未纳入汇总.标题);
    body.push(paragraph(fill(t.未纳入汇总.概述, { 未纳入数: excluded.length })));
    const leftOut = t.未纳入汇总;
    // A template without a failure's own wording says 无法读取 for it.
    const failed = { format: leftOut.格式不符, password: leftOut.设有密码, notLedger: leftOut.不是台账, other: undefined };
    const reason = (e: Excluded): string => {
      if (e.reason === 'otherYear') return fill(leftOut.其他年度, { 台账年度: e.year });
      const own = e.reason === 'unreadable' ? failed[e.failure] : undefined;
      return fill(own ?? leftOut.无法读取);
    };
    excluded.forEach((e, i) => {
      const unit = e.reason === 'otherYear' ? e.unit : '';
      body.push(paragraph(fill(t.未纳入汇总.条目, { 序号: i + 1, 台账文件: e.workbook, 单位: unit, 原因: reason(e) })));
    });
  }

  addHeading(t.存在的问题.标题);
  const problems = requirements.flatMap((r) =>
    (['未达标', '无法判断'] as const).flatMap((status) => {
      const units = unitsWith(rollup, r.id, status);
      if (units.length === 0) return [];
      return [paragraph(fill(t.存在的问题[status], { 要求: r.title, 依据: r.plan ?? '', 单位数: units.length, 单位: units.join('、') }))];
    }),
  );
  body.push(...(problems.length > 0 ? problems : [paragraph(fill(t.存在的问题.无问题))]));

  addHeading(t.下一步.标题);
  body.push(...paragraphs(fill(t.下一步.概述)));

  return {
    titleLines: t.标题.map((line) => fill(line)),
    ...(options.docNumber ? { docNumber: options.docNumber } : {}),
    ...(t.主送.trim() ? { recipients: fill(t.主送) } : {}),
    body,
    appendices: [],
    issuer: fill(t.发文机关署名),
    date: chineseDate(rollup.asOf),
  };
}
