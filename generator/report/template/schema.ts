import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { countNames, quarterlyContext, recordNames, semiannualContext } from './fields';
import type { WorkSheetKey } from './fields';
import { describeProblem, parsePhrase, placeholdersOf } from './phrase';

function unknownPlaceholder(name: string, allowed: readonly string[]): string {
  if (allowed.length === 0) return `未知的占位符“{${name}}”，此处不能使用占位符。`;
  const guess = closest(name, [...allowed]);
  const hint = distance(name, guess) <= Math.max(1, Math.floor(guess.length / 2)) ? `是否应为“{${guess}}”？` : '';
  return `未知的占位符“{${name}}”。${hint}此处可用的占位符：${allowed.map((n) => `{${n}}`).join(' ')}`;
}

/** Text with `{placeholders}` drawn from `allowed`; checked when the template is loaded. */
export function phrase(allowed: readonly string[]) {
  return z.string({ error: '应为一段文字' }).superRefine((text, ctx) => {
    const parsed = parsePhrase(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: describeProblem(parsed.problem) });
      return;
    }
    for (const name of placeholdersOf(parsed.tokens)) {
      if (!allowed.includes(name)) ctx.addIssue({ code: 'custom', message: unknownPlaceholder(name, allowed) });
    }
  });
}

/** Text with no placeholders at all: headings, table headers. */
const label = phrase([]);

const section = <T extends z.ZodRawShape>(shape: T) => z.strictObject({ 标题: label, ...shape });

export function headers(count: number) {
  return z.array(label, { error: '应为表头文字的列表' }).length(count, { error: `表头应有${count}项` });
}

function schemasFor(context: readonly string[]) {
  const the = (...names: string[]) => phrase([...context, ...names]);
  const record = (key: WorkSheetKey, ...extra: string[]) => the(...recordNames(key), ...extra);

  /** 主要工作开展情况: one sub-section per sheet, a sentence per record. */
  const workItem = (key: WorkSheetKey) => section({ 条目: record(key), 无记录: the() });

  const rowLabels = z.strictObject({
    专题研究: label,
    分析研判: label,
    情况通报: label,
    检查抽查: label,
    专题汇报: label,
    学习培训: label,
    讲座论坛: label,
    舆情处置: label,
    述职评议: label,
    问责追究: label,
  });

  const overview = z.strictObject({ 标题: label, 概述: the(...countNames), 无工作: the() });

  /** A requirement of the plan in one period; grouped per-unit entries name their units. */
  const requirement = ['要求', '依据', '单位', '考核期间', '应完成', '已完成', '尚需', '到期日期'];

  const problems = section({
    制度落实: section({ 条目: the(...requirement), 记录条目: the('说明', '工作表', '单元格') }),
    问题整改: section({ 条目: the(...recordNames('inspection'), '逾期') }),
    台账记录: section({ 概述: the('错误数', '警告数'), 条目: the('序号', '说明', '工作表', '单元格') }),
    无问题: the(),
  });

  const opinionCounts = ['舆情数', '重大舆情数', '及时数', '超时数', '未处置数', '超时事件', '研判时限', '报送时限', '处置时限'];

  const titleLines = () => z.array(the(), { error: '应为标题各行文字的列表' }).min(1, { error: '标题至少要有一行' });

  const head = {
    标题: titleLines(),
    主送: the(),
    发文机关署名: the(),
    开头: the(),
  };

  return { the, record, workItem, rowLabels, overview, requirement, problems, opinionCounts, head, titleLines };
}

function quarterlySchema() {
  const s = schemasFor(quarterlyContext);
  return z.strictObject({
    ...s.head,
    基本情况: s.overview.extend({ 表头: headers(3), 事项: s.rowLabels }),
    主要工作: section({
      专题研究: s.workItem('research'),
      分析研判: s.workItem('analysis'),
      情况通报: s.workItem('notification'),
      检查抽查: s.workItem('inspection'),
      专题汇报: s.workItem('branchReport'),
      学习培训: s.workItem('training'),
      讲座论坛: s.workItem('lecture'),
      述职评议: s.workItem('review'),
      问责追究: s.workItem('accountability'),
    }),
    领域情况: section({
      主要情况: section({ 条目: s.record('analysis'), 无记录: s.the('到期日期') }),
      倾向性问题: section({ 条目: s.record('analysis'), 无记录: s.the() }),
      网络舆情: section({ 概述: s.the(...s.opinionCounts), 条目: s.record('opinion', '重大'), 无记录: s.the() }),
    }),
    存在的问题: s.problems,
    下一步: section({
      到期工作: section({ 条目: s.the(...s.requirement) }),
      应对措施: section({ 条目: s.record('analysis') }),
      概述: s.the(),
    }),
    附件: z.strictObject({ 标题: s.titleLines(), 表头: headers(6) }),
  });
}

function semiannualSchema() {
  const s = schemasFor(semiannualContext);
  return z.strictObject({
    ...s.head,
    总体情况: s.overview,
    制度落实: section({ 概述: s.the('要求数', '达标数', '进行中数', '未达标数'), 表头: headers(5) }),
    专题汇报: section({
      概述: s.the('应汇报数', '已汇报数', '未汇报单位'),
      表头: headers(4),
      已汇报: label,
      尚未汇报: label,
      逾期未汇报: label,
      无单位: s.the(),
    }),
    检查抽查: section({
      概述: s.the('定期检查数', '抽查数', '覆盖数', '单位数', '问题数', '已整改数', '整改中数', '未整改数'),
      表头: headers(4),
      未检查: label,
      无问题: label,
      无单位: s.the(),
    }),
    舆情处置: section({ 概述: s.the(...s.opinionCounts), 时效: s.the(...s.opinionCounts), 无记录: s.the() }),
    存在的问题: s.problems,
    下一步: section({ 概述: s.the(), 到期工作: section({ 条目: s.the(...s.requirement) }) }),
  });
}

export const templateSchemas = { quarterly: quarterlySchema(), semiannual: semiannualSchema() };

export type ReportKind = keyof typeof templateSchemas;
export type QuarterlyTemplate = z.output<typeof templateSchemas.quarterly>;
export type SemiannualTemplate = z.output<typeof templateSchemas.semiannual>;
export type TemplateOf<K extends ReportKind> = z.output<(typeof templateSchemas)[K]>;
