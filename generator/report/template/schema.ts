import { closest, distance } from 'fastest-levenshtein';
import * as z from 'zod';
import { countNames, quarterlyContext, semiannualContext } from './fields';
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

/** Names of the work figures a quarterly report's sentences may weave in (`{专题研究}`, `{重大舆情}` …). */
export const workNames = [
  ...countNames,
  '研究议题',
  '研判构成',
  '通报类型',
  '检查构成',
  '检查单位数',
  '汇报单位',
  '学习构成',
  '学习主题',
  '审批合规活动',
  '审批活动',
  '重大舆情',
  '评议类型',
  '问责事由',
] as const;

function schemasFor(context: readonly string[]) {
  const the = (...names: string[]) => phrase([...context, ...names]);
  const lines = (item: z.ZodType<string>, error: string) => z.array(item, { error }).min(2, { error: '至少要有两项' });

  const overview = z.strictObject({
    标题: label,
    概述: the('工作概况'),
    无工作: the(),
    事项: z.strictObject(Object.fromEntries(countNames.map((name) => [name, the('次数')])) as Record<string, ReturnType<typeof the>>),
  });

  /** A period requirement overdue: who did not do it, in which period, by when it was due. */
  const shortfall = ['单位', '考核期间', '到期日期'];
  const themes = (item: z.ZodType<string>) => z.strictObject({ 责任落实: item, 阵地管理: item, 舆情处置: item, 问题整改: item });
  const period = () => the(...shortfall);
  const facts = z.strictObject({
    R01: period(),
    R02: period(),
    R03: period(),
    R04: period(),
    R05: period(),
    R06: period(),
    R07: period(),
    R08: the('单位'),
    R09: period(),
    R10: period(),
    R11: period(),
    R12: period(),
    R13: period(),
    // A bureau's own requirement of 实施方案要求 (issue 22); added after bureaus began editing their templates.
    本单位要求: the(...shortfall, '要求').optional(),
    R14未同意: the('活动名称', '活动日期', '审批日期'),
    R14先批后登: the('活动名称', '活动日期', '审批日期'),
    R14审批滞后: the('活动名称', '活动日期', '审批日期'),
    R15: the('事件名称'),
    R16: the('事件名称', '步骤'),
    R17: the('事件名称', '步骤', '处置时限'),
    R18: the('单位'),
    R19: the('单位'),
  });

  const problems = section({
    方面: themes(label),
    事实: facts,
    原因: z.strictObject({
      逾期未开展: the(...shortfall),
      逾期未完成: the(...shortfall, '完成次数', '要求次数'),
      未启动整改: the('单位'),
      整改未到位: the('单位'),
      未按程序报送: the('单位'),
    }),
    无问题: z.strictObject({ 均已落实: the('台账问题'), 无逾期: the('台账问题') }),
    无法判断: the('要求'),
    台账数据: section({ 概述: the('错误数'), 条目: the('序号', '说明', '工作表', '单元格') }),
  });

  // A measure may name what was missed: {事项}, the work of the requirements not met (`中心组专题学习`).
  const measure = () => the('单位', '事项');
  const nextSteps = section({
    措施: z.strictObject({
      ...themes(measure()).shape,
      // Added after bureaus began editing their templates: without them the program's own wording applies.
      学习宣讲: measure().optional(),
      一岗双责: measure().optional(),
    }),
    下期工作: the('下一期间', '事项'),
    一般措施: lines(the(), '应为措施各条的列表'),
  });

  const opinionCounts = ['舆情数', '重大舆情数', '及时数', '超时数', '未处置数', '超时事件', '研判时限', '报送时限', '处置时限'];

  const titleLines = () => z.array(the(), { error: '应为标题各行文字的列表' }).min(1, { error: '标题至少要有一行' });

  const head = {
    标题: titleLines(),
    主送: the(),
    发文机关署名: the(),
    // Added after bureaus began editing their templates: a file without it has a blank 版头.
    发文机关标志: the().optional(),
    开头: the(),
  };

  return { the, overview, problems, nextSteps, opinionCounts, head, titleLines };
}

function quarterlySchema() {
  const s = schemasFor(quarterlyContext);
  const theme = z.strictObject({ 标题: label, 句子: z.array(s.the(...workNames), { error: '应为句子的列表' }).min(1) });
  return z.strictObject({
    ...s.head,
    基本情况: s.overview,
    主要工作: section({ 方面: z.array(theme, { error: '应为工作方面的列表' }).min(2, { error: '至少要有两个方面' }) }),
    总体态势: section({
      分析: s.the('研判构成', '主要情况'),
      舆情: s.the(...s.opinionCounts),
      无舆情: s.the(),
      检查无问题: s.the(),
      // Added after bureaus began editing their templates: inspections that did not reach every 股室站所.
      部分检查无问题: s.the(...workNames).optional(),
      检查有问题: s.the('发现问题数', '已整改数', '问题检查'),
      倾向性问题: s.the('倾向性问题'),
    }),
    存在的问题: s.problems,
    下一步: s.nextSteps.extend({ 应对措施: s.the('应对措施') }),
    附件: z.strictObject({ 标题: s.titleLines(), 表头: headers(6), 本报告计入: s.the() }),
  });
}

function semiannualSchema() {
  const s = schemasFor(semiannualContext);
  return z.strictObject({
    ...s.head,
    总体情况: s.overview.extend({ 表扬: s.the('单位') }),
    制度落实: section({
      概述: s.the('要求数', '达标数', '进行中数', '未达标数', '无法判断数'),
      表头: headers(5),
      全年要求: s.the('次数'),
      已开展: s.the('次数'),
      本通报计入: s.the(),
    }),
    专题汇报: section({
      概述: s.the('要求', '单位类型', '应汇报数', '已汇报数', '不足单位', '未汇报单位'),
      // Added after bureaus began editing their templates: a plan that switched 专题汇报 off.
      无要求: s.the('单位类型', '应汇报数', '已汇报数', '未汇报单位').optional(),
      表头: headers(4),
      已汇报: label,
      尚未汇报: label,
      逾期未汇报: label,
      // Added after bureaus began editing their templates, for a plan asking more than one report a half.
      次数不足: label.optional(),
      进行中: label.optional(),
      未汇报: label.optional(),
      无单位: s.the(),
    }),
    检查抽查: section({
      概述: s.the('检查数', '检查构成', '覆盖数', '单位数', '问题数', '已整改数', '整改中数', '未整改数'),
      无检查: s.the(),
      表头: headers(4),
      未检查: label,
      无问题: label,
      其他单位: label,
      无单位: s.the(),
    }),
    舆情处置: section({ 概述: s.the(...s.opinionCounts), 时效: s.the(...s.opinionCounts), 无记录: s.the() }),
    存在的问题: s.problems,
    下一步: s.nextSteps.extend({ 整改要求: s.the() }),
    版记: z.strictObject({ 印发: z.boolean({ error: '应为 true 或 false' }), 抄送: s.the(), 印发机关: s.the() }),
  });
}

export const templateSchemas = { quarterly: quarterlySchema(), semiannual: semiannualSchema() };

export type ReportKind = keyof typeof templateSchemas;
export type QuarterlyTemplate = z.output<typeof templateSchemas.quarterly>;
export type SemiannualTemplate = z.output<typeof templateSchemas.semiannual>;
export type ProblemsTemplate = QuarterlyTemplate['存在的问题'];
export type NextStepsTemplate = QuarterlyTemplate['下一步'] | SemiannualTemplate['下一步'];
export type TemplateOf<K extends ReportKind> = z.output<(typeof templateSchemas)[K]>;
