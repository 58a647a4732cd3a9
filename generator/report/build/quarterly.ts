import type { ValidationResult } from '../../../ledger/model';
import { recordSheets } from '../../../ledger/schema/sheets';
import { chineseDate } from '../../../ledger/values/date';
import { isQuarter, periodYear, type PeriodCode } from '../../../ledger/values/period';
import type { Block, Report } from '../model';
import { workSheets, type WorkSheetKey } from '../template/fields';
import type { QuarterlyTemplate } from '../template/schema';
import { reportContext, reportOf } from './context';
import type { BuildOptions, Part, ReportContext, Section } from './context';
import { opinionSummary } from './opinions';
import { countsIn, countValues, noWork } from './overview';
import { problemsSection, requirementValues } from './problems';
import { recordValues, recordsIn } from './records';
import { dueSoon, entriesFor, nextPeriod, requirementRows } from './requirements';
import { table } from './tables';
import { chineseNumber } from './text';

type T = QuarterlyTemplate;

const paragraph = (text: string): Block => ({ kind: 'paragraph', text });

function quartersTo(period: PeriodCode): PeriodCode[] {
  const n = Number(period.slice(5));
  return Array.from({ length: n }, (_, i) => `${periodYear(period)}Q${i + 1}`);
}

function overview(ctx: ReportContext, t: T['基本情况']): Section {
  const counts = countsIn(ctx, ctx.period);
  const toDate = quartersTo(ctx.period).map((q) => countsIn(ctx, q));
  const rows = workSheets.map((key) => [
    t.事项[recordSheets[key].title as keyof T['基本情况']['事项']],
    counts[key],
    toDate.reduce((n, c) => n + c[key], 0),
  ]);
  const intro = noWork(counts) ? ctx.say(t.无工作) : ctx.say(t.概述, countValues(counts));
  return {
    title: ctx.say(t.标题),
    blocks: [paragraph(intro), table(t.表头, [[20, 'left'], [8, 'center'], [8, 'center']], rows)],
  };
}

type WorkTemplate = T['主要工作'];
type WorkItemKey = Exclude<keyof WorkTemplate, '标题'>;

function workPart(ctx: ReportContext, key: WorkSheetKey, item: WorkTemplate[WorkItemKey]): Part {
  const records = recordsIn(ctx.result.ledger, key, ctx.period);
  const blocks = records.length === 0 ? ctx.paragraphs(item.无记录) : records.map((r) => paragraph(ctx.say(item.条目, recordValues(key, r, ctx.year))));
  return { title: ctx.say(item.标题), blocks };
}

function work(ctx: ReportContext, t: WorkTemplate): Section {
  const parts = workSheets
    .filter((key) => key !== 'opinion')
    .map((key) => workPart(ctx, key, t[recordSheets[key].title as WorkItemKey]));
  return { title: ctx.say(t.标题), blocks: [], parts };
}

/** 意识形态领域主要情况和倾向性问题, from the quarter's analyses and public-opinion events. */
function situation(ctx: ReportContext, t: T['领域情况']): Section {
  const analyses = recordsIn(ctx.result.ledger, 'analysis', ctx.period).sort(
    (a, b) => Number(b.data.分析类型 === '季度分析') - Number(a.data.分析类型 === '季度分析'),
  );
  const values = (r: (typeof analyses)[number]) => recordValues('analysis', r, ctx.year);

  const quarterly = analyses.some((r) => r.data.分析类型 === '季度分析');
  const r03 = ctx.result.rules.find((rule) => rule.id === 'R03');
  const due = r03 ? entriesFor(r03, ctx.period).find((p) => p.period === ctx.period)?.due : undefined;
  const main = [
    ...analyses.filter((r) => r.data.主要情况 !== undefined).map((r) => paragraph(ctx.say(t.主要情况.条目, values(r)))),
    ...(quarterly ? [] : ctx.paragraphs(t.主要情况.无记录, { 到期日期: due ? chineseDate(due) : undefined })),
  ];

  const tendencies = analyses.filter((r) => r.data.倾向性问题 !== undefined);
  const tendencyBlocks =
    tendencies.length > 0 ? tendencies.map((r) => paragraph(ctx.say(t.倾向性问题.条目, values(r)))) : ctx.paragraphs(t.倾向性问题.无记录);

  const opinions = opinionSummary(ctx);
  const opinionBlocks =
    opinions.records.length === 0
      ? ctx.paragraphs(t.网络舆情.无记录)
      : [
          paragraph(ctx.say(t.网络舆情.概述, opinions.values)),
          ...opinions.records.map((r) =>
            paragraph(ctx.say(t.网络舆情.条目, { ...recordValues('opinion', r, ctx.year), 重大: r.data.是否重大 ? '重大舆情' : undefined })),
          ),
        ];

  return {
    title: ctx.say(t.标题),
    blocks: [],
    parts: [
      { title: ctx.say(t.主要情况.标题), blocks: main },
      { title: ctx.say(t.倾向性问题.标题), blocks: tendencyBlocks },
      { title: ctx.say(t.网络舆情.标题), blocks: opinionBlocks },
    ],
  };
}

function nextSteps(ctx: ReportContext, t: T['下一步']): Section {
  const due = dueSoon(ctx, nextPeriod(ctx.period));
  const measures = recordsIn(ctx.result.ledger, 'analysis', ctx.period).filter((r) => r.data.应对措施 !== undefined);
  const parts: Part[] = [
    ...(due.length > 0
      ? [{ title: ctx.say(t.到期工作.标题), blocks: due.map((group) => paragraph(ctx.say(t.到期工作.条目, requirementValues(group)))) }]
      : []),
    ...(measures.length > 0
      ? [{ title: ctx.say(t.应对措施.标题), blocks: measures.map((r) => paragraph(ctx.say(t.应对措施.条目, recordValues('analysis', r, ctx.year)))) }]
      : []),
  ];
  return { title: ctx.say(t.标题), blocks: ctx.paragraphs(t.概述), parts };
}

function rulesAppendix(ctx: ReportContext, t: T['附件']): Report['appendices'][number] {
  const rows = requirementRows(ctx).map((row, i) => [i + 1, `${row.title}（${row.plan}）`, row.label, row.required, row.actual, row.status]);
  return {
    titleLines: t.标题.map((line) => ctx.say(line)),
    body: [table(t.表头, [[3.2, 'center'], [12.6, 'left'], [8, 'center'], [4.2, 'center'], [4.2, 'center'], [4.6, 'center']], rows)],
  };
}

/** 季度分析报告 for one quarter, from a validated ledger and a wording template. */
export function buildQuarterlyReport(result: ValidationResult, t: QuarterlyTemplate, options: BuildOptions): Report {
  if (!isQuarter(options.period)) throw new Error(`not a quarter: ${options.period}`);
  const ctx = reportContext(result, options.period, { 季: chineseNumber(Number(options.period.slice(5))) });
  const sections = [
    overview(ctx, t.基本情况),
    work(ctx, t.主要工作),
    situation(ctx, t.领域情况),
    problemsSection(ctx, t.存在的问题),
    nextSteps(ctx, t.下一步),
  ];
  return reportOf(ctx, t, sections, [rulesAppendix(ctx, t.附件)], options);
}
