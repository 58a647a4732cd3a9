import { chineseDate } from '../../ledger/values/date';
import { periodEnd, periodLabel, periodStart, periodYear } from '../../ledger/values/period';
import { themeOfRule, themeOfSheet, themes, type Theme } from '../report/build/themes';
import { planText } from '../report/build/requirements';
import { chineseNumber, heading, listOf } from '../report/build/text';
import type { Block, Imprint, Report, TableColumn } from '../report/model';
import { fillPhrase, type Values } from '../report/template/phrase';
import type { LedgerDigest } from './digest';
import type { Excluded, Rollup } from './rollup';
import { receivedCounts, statusCounts, toReport, unitName, unitsWith } from './rollup';
import type { NoticeTemplate } from './template';
import { requirements } from './workbook';
import { defaultPlan } from '../../ledger/plan/defaults';

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

/** Widths leave each header on one line in 小四 (无法判断, 逾期未完成事项). */
const columns = (headers: readonly string[], weights: readonly number[]): TableColumn[] =>
  headers.map((header, i) => ({ header, weight: weights[i], align: i === 1 ? 'left' : 'center' }));

const isComplete = (d: LedgerDigest) => d.requirements.every((r) => r.status === '达标');

/** Praised in the 通报: every requirement 达标 and nothing overdue. */
const praised = (d: LedgerDigest) => isComplete(d) && d.overdueItems === 0;

/** The note under the requirements table where the template was written before it could be. */
const notListed = '注：{单位}的实施方案未列入“{要求}”，该项统计不含{单位}。';

const defaults = defaultPlan({ 定期检查周期: '年度' });

/**
 * A built-in requirement as the county names it: its title, which states this plan's count, unless
 * some bureau's plan sets another; then what is to be done, without a count that is not everyone's.
 */
function countyTitle(rollup: Rollup, r: (typeof requirements)[number]): string {
  const what = defaults.find((d) => d.id === r.id)?.what;
  // A bureau that switched the requirement off is not judged by it, so the title's count is not said of it.
  const otherwise = rollup.included.some((d) => d.departures[r.id] !== undefined && d.requirements.some((x) => x.id === r.id));
  return what !== undefined && otherwise ? `${what}（按各单位实施方案要求）` : r.title;
}

/**
 * The county's 汇总通报 as a report model, rendered by the bureau reports' GB/T 9704 renderer: every
 * sentence from the wording template, every figure from the same digests as the summary workbook.
 */
export function buildNotice(rollup: Rollup, template: NoticeTemplate, options: NoticeOptions = {}): Report {
  const dates: Values = {
    年度: periodYear(rollup.period),
    期间: periodLabel(rollup.period),
    起始日期: chineseDate(periodStart(rollup.period)),
    截止日期: chineseDate(periodEnd(rollup.period)),
    成文日期: chineseDate(rollup.asOf),
  };
  const issuer = fillPhrase(template.发文机关署名, {}, dates);
  const shared: Values = { ...dates, 发文机关: issuer };
  const fill = (source: string, values: Values = {}) => fillPhrase(source, values, shared);
  const body: Block[] = [paragraph(fill(template.开头))];
  let section = 0;
  const addHeading = (text: string) => body.push(heading(1, ++section, fill(text)));

  const t = template;
  addHeading(t.总体情况.标题);
  const { included } = rollup;
  const excluded = toReport(rollup.excluded);
  const counts = receivedCounts(rollup);
  const overdueUnits = included.filter((d) => d.overdueItems > 0).length;
  body.push(
    paragraph(
      included.length === 0
        ? fill(t.总体情况.无台账)
        : fill(t.总体情况.概述, {
            报送数: counts.received,
            汇总数: counts.included,
            未纳入数: counts.leftOut || undefined,
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
      columns: columns(t.制度落实.表头, [1, 5.4, 1.3, 1.3, 1.3, 1.7]),
      rows: requirements.map((r, i) => {
        const c = statusCounts(rollup, r.id);
        return [
          String(i + 1),
          `${countyTitle(rollup, r)}（${planText(r.plan)}）`,
          String(c.达标),
          String(c.进行中),
          String(c.未达标),
          String(c.无法判断),
        ];
      }),
    });
    // A row counts fewer units than were summed where some bureau's plan switched it off: say which, or the row reads short.
    for (const r of requirements) {
      const without = included.filter((d) => !d.requirements.some((x) => x.id === r.id)).map(unitName);
      if (without.length > 0)
        body.push(paragraph(fill(t.制度落实.未列入 ?? notListed, { 单位: without.join('、'), 要求: countyTitle(rollup, r) })));
    }

    addHeading(t.各单位情况.标题);
    body.push(paragraph(fill(t.各单位情况.概述)));
    body.push({
      kind: 'table',
      columns: columns(t.各单位情况.表头, [1, 4.2, 1.8, 2, 2.8]),
      rows: included.map((d, i) => {
        const count = (status: string) => String(d.requirements.filter((r) => r.status === status).length);
        return [String(i + 1), unitName(d), count('达标'), count('未达标'), String(d.overdueItems)];
      }),
    });
    const best = included.filter(praised).map(unitName);
    if (best.length > 0 && t.各单位情况.表扬) body.push(paragraph(fill(t.各单位情况.表扬, { 单位: listOf(best), 单位数: best.length })));
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
      const folder = e.reason === 'unreadable' ? e.folder : undefined;
      body.push(paragraph(fill(t.未纳入汇总.条目, { 序号: i + 1, 台账文件: e.workbook, 单位: unit, 文件夹: folder, 原因: reason(e) })));
    });
  }

  addHeading(t.存在的问题.标题);
  const problems = problemParagraphs(rollup, t.存在的问题, fill);
  body.push(...(problems.length > 0 ? problems : [paragraph(fill(t.存在的问题.无问题))]));

  addHeading(t.下一步.标题);
  body.push(...paragraphs(fill(t.下一步.概述)));

  const mark = t.发文机关标志 ? fill(t.发文机关标志) : '';
  const imprint: Imprint | null = t.版记?.印发
    ? { ...(fill(t.版记.抄送) ? { copyTo: fill(t.版记.抄送) } : {}), issuedBy: fill(t.版记.印发机关), issuedOn: chineseDate(rollup.asOf) }
    : null;
  return {
    titleLines: t.标题.map((line) => fill(line)),
    ...(options.docNumber ? { docNumber: options.docNumber } : {}),
    ...(mark ? { organMark: mark } : {}),
    ...(t.主送.trim() ? { recipients: fill(t.主送) } : {}),
    body,
    appendices: [],
    issuer,
    date: chineseDate(rollup.asOf),
    ...(imprint ? { imprint } : {}),
  };
}

/**
 * 存在的问题: for each requirement some units fall short of, a sentence naming them; the sentences
 * gathered by aspect of the work into paragraphs `一是…二是…`, those no ledger lets us judge last.
 * A template without 分组 gives each sentence a paragraph, as it did before.
 */
function problemParagraphs(rollup: Rollup, t: NoticeTemplate['存在的问题'], fill: (source: string, values?: Values) => string): Block[] {
  const sentence = (r: (typeof requirements)[number], status: '未达标' | '无法判断') => {
    const units = unitsWith(rollup, r.id, status);
    return units.length === 0
      ? []
      : [fill(t[status], { 要求: countyTitle(rollup, r), 依据: planText(r.plan), 单位数: units.length, 单位: listOf(units) })];
  };
  // A bureau's own requirement is its alone: named with that bureau, after the county's requirements of its theme.
  const own = (status: '未达标' | '无法判断', aspect?: Theme) =>
    rollup.included.flatMap((d) =>
      d.own.flatMap(({ id, sheet }) => {
        const r = d.requirements.find((x) => x.id === id);
        if (r?.status !== status || (aspect !== undefined && themeOfSheet(sheet) !== aspect)) return [];
        return [fill(t[status], { 要求: r.title, 单位数: 1, 单位: unitName(d) })];
      }),
    );
  const groups = [
    ...themes.map((aspect) => ({
      aspect,
      sentences: [
        ...requirements.filter((r) => themeOfRule(r.id) === aspect).flatMap((r) => sentence(r, '未达标')),
        ...own('未达标', aspect),
      ],
    })),
    { aspect: '台账记录' as const, sentences: [...requirements.flatMap((r) => sentence(r, '无法判断')), ...own('无法判断')] },
  ].filter((g) => g.sentences.length > 0);
  const { 分组: grouped, 方面: labels } = t;
  if (!grouped || !labels) return groups.flatMap((g) => g.sentences.map(paragraph));
  return groups.map((g, i) => paragraph(fill(grouped, { 序号: chineseNumber(i + 1), 方面: labels[g.aspect], 问题: g.sentences.join('') })));
}
