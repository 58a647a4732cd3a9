import { inspectedTypes, sameUnit, unitsOfType } from '../../../ledger/check/rules/units';
import type { ValidationResult } from '../../../ledger/model';
import { isQuarter } from '../../../ledger/values/period';
import type { Block, Report } from '../model';
import { canFill } from '../template/phrase';
import type { QuarterlyTemplate } from '../template/schema';
import { reportContext, reportOf } from './context';
import type { BuildOptions, ReportContext, Section } from './context';
import { nextStepsSection } from './nextSteps';
import { opinionSummary, type OpinionSummary } from './opinions';
import { overviewSection } from './overview';
import { pointParagraphs } from './points';
import { problemsSection } from './problems';
import { requirementRows } from './requirements';
import { table } from './tables';
import { chineseNumber, cleanText, excerpt } from './text';
import { workValues } from './work';
import type { Values } from '../template/phrase';

type T = QuarterlyTemplate;

const paragraph = (text: string): Block => ({ kind: 'paragraph', text });

/** How many analyses' own words a report quotes, the 季度分析 first so the quarter's own view leads, and how much of each. */
const quoted = 3;
const quoteLength = 80;

/** 主要工作开展情况: one paragraph per theme with anything to say, `一是……二是……`. */
function work(ctx: ReportContext, t: T['主要工作'], values: Values): Section {
  const themes = t.方面
    .map((theme) => ({
      lead: ctx.say(theme.标题),
      sentences: theme.句子.filter((s) => canFill(s, values, ctx.common)).map((s) => ctx.say(s, values)),
    }))
    .filter((theme) => theme.sentences.length > 0);
  return { title: ctx.say(t.标题), blocks: pointParagraphs(themes) };
}

/** The wording where the template was written before it could be: inspections of some units found nothing. */
const someClean = '从监督检查看，本季度对{检查单位数}个单位开展检查抽查，未发现问题。';

/**
 * 意识形态领域总体态势和倾向性问题: what the quarter's 季度分析 and 专项研判 found, set beside the
 * public-opinion and inspection records. Without an analysis's own words the section says what the
 * other records show, and the clerk is told the section had nothing more to draw on.
 */
function situation(ctx: ReportContext, t: T['总体态势'], values: Values, opinions: OpinionSummary): Section {
  const analyses = ctx
    .records('analysis')
    .filter((r) => r.data.分析类型 === '季度分析' || r.data.分析类型 === '专项研判')
    .sort((a, b) => Number(b.data.分析类型 === '季度分析') - Number(a.data.分析类型 === '季度分析'));
  const texts = (field: '主要情况' | '倾向性问题') => {
    const found = [...new Set(analyses.flatMap((r) => (r.data[field] ? [excerpt(cleanText(r.data[field]), quoteLength)] : [])))];
    return found.length > 0 ? found.slice(0, quoted).join('；') : undefined;
  };
  const found = texts('主要情况');
  const tendencies = texts('倾向性问题');
  const blocks: Block[] = [];
  if (found) blocks.push(paragraph(ctx.say(t.分析, { ...values, 主要情况: found })));
  blocks.push(paragraph(opinions.records.length > 0 ? ctx.say(t.舆情, opinions.values) : ctx.say(t.无舆情)));
  const inspections = ctx.records('inspection');
  if (inspections.length > 0) {
    // 各单位……总体规范 speaks for every 股室/站所: only when the quarter's inspections reached them all.
    const all = unitsOfType(ctx.result.ledger, inspectedTypes).every((unit) => inspections.some((r) => sameUnit(r.data.被检查单位, unit)));
    const clean = all ? t.检查无问题 : (t.部分检查无问题 ?? someClean);
    blocks.push(paragraph(ctx.say(values.发现问题数 === undefined ? clean : t.检查有问题, values)));
  }
  if (tendencies) blocks.push(paragraph(ctx.say(t.倾向性问题, { 倾向性问题: tendencies })));
  if (!found && !tendencies) {
    ctx.notices.push(
      `台账中没有${ctx.common.期间}季度分析或专项研判的“主要情况”“倾向性问题”，报告第三部分“意识形态领域总体态势和倾向性问题”只能依据舆情和检查记录。如已开展分析研判，请在“分析研判”表中补记后重新生成。`,
    );
  }
  return { title: ctx.say(t.标题), blocks };
}

function rulesAppendix(ctx: ReportContext, t: T['附件']): Report['appendices'][number] {
  const rows = requirementRows(ctx).map((row, i) => [i + 1, row.plan ? `${row.title}（${row.plan}）` : row.title, row.label, row.required, row.actual, row.status]);
  return {
    titleLines: t.标题.map((line) => ctx.say(line)),
    body: [
      table(t.表头, [[3.2, 'center'], [12.6, 'left'], [8, 'center'], [4.2, 'center'], [4.2, 'center'], [4.6, 'center']], rows),
      ...(ctx.scope.ownCounted ? ctx.paragraphs(t.本报告计入) : []),
    ],
  };
}

/** 季度分析报告 for one quarter, from a validated ledger and a wording template. */
export function buildQuarterlyReport(result: ValidationResult, t: QuarterlyTemplate, options: BuildOptions): Report {
  if (!isQuarter(options.period)) throw new Error(`not a quarter: ${options.period}`);
  // The report is the quarter's 季度分析: it counts as one while the ledger does not yet hold it.
  const own = { sheet: 'analysis' as const, data: { 分析类型: '季度分析' as const, 所属期间: options.period, 分析日期: result.asOf } };
  const ctx = reportContext(result, options, { 季: chineseNumber(Number(options.period.slice(5))) }, own);
  if (ctx.scope.ownCounted) ctx.notices.push(`本报告即${ctx.common.期间}的季度分析，已按1次计入。`);
  const opinions = opinionSummary(ctx);
  const values = workValues(ctx, opinions);
  const problems = problemsSection(ctx, t.存在的问题);
  const measures = [
    ...new Set(ctx.records('analysis').flatMap((r) => (r.data.应对措施 ? [excerpt(cleanText(r.data.应对措施), quoteLength)] : []))),
  ].slice(0, quoted);
  // A quarter without any work to tell has no 主要工作 section, rather than a heading over nothing.
  const done = work(ctx, t.主要工作, values);
  const sections = [
    overviewSection(ctx, t.基本情况),
    ...(done.blocks.length > 0 ? [done] : []),
    situation(ctx, t.总体态势, values, opinions),
    problems.section,
    nextStepsSection(ctx, t.下一步, {
      facts: problems.facts,
      measures: measures.length > 0 ? ctx.say(t.下一步.应对措施, { 应对措施: measures.join('；') }) : null,
    }),
  ];
  const recipient = ctx.result.ledger.settings.报告主送?.trim().replace(/[:：]$/u, '');
  const head = recipient ? { ...t, 主送: `${recipient}：` } : t;
  return reportOf(ctx, head, sections, { appendices: [rulesAppendix(ctx, t.附件), ...(problems.data ? [problems.data] : [])] });
}
