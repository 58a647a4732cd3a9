/**
 * The ledger's filling guide (templates/台账填写说明.md), written from the zod schemas that the reader
 * itself uses, so the guide cannot say one thing while the program reads another. `npm run guide:update`
 * rewrites the file; a test fails when the committed file differs from what the schemas give.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod/mini';
import { fieldsOf, unwrapField, type FieldInfo } from '../ledger/schema/fields';
import { settings, settingsColumns, settingsSheetTitle } from '../ledger/schema/settings';
import { recordSheets } from '../ledger/schema/sheets';
import { defaultPlan } from '../ledger/plan/defaults';
import { planRow, planSheetTitle } from '../ledger/schema/plan';
import { inspectionPeriodNote, planRowOf } from '../generator/template/planSheet';
import { yesNoForms } from '../ledger/values/choice';

export const fillingGuidePath = 'templates/台账填写说明.md';

const periodForms: Record<string, string> = {
  quarter: '季度：`2026Q3`、`2026-Q3`、`2026年第三季度`、`2026年三季度`、`第三季度`、`三季度`、`Q3`',
  half: '半年：`2026H1`、`2026年上半年`、`上半年`、`2026年下半年`、`下半年`',
  any: '季度或半年：`2026Q3`、`2026年第三季度`、`三季度`、`2026H1`、`上半年` 等',
};

/** What a clerk may type into a cell of this kind, in the form the reader accepts. */
function accepted(field: FieldInfo): string {
  switch (field.kind) {
    case 'text':
      return '文字';
    case 'unit':
      return '单位名称，须与“组织架构”表中的写法一致';
    case 'date':
      return '日期：Excel 日期，或 `2026-03-05`、`2026/3/5`、`2026.3.5`、`2026年3月5日`、`3月5日`（台账年度）';
    case 'datetime':
      return '日期和时间：如 `2026-05-12 14:30`、`2026年5月12日14时30分`（须写到时分）';
    case 'int':
      return `整数，${field.min}–${field.max}（后面可带单位，如 \`30人\`）`;
    case 'enum': {
      const aliases = Object.entries(field.aliases ?? {}).map(([from, to]) => `\`${from}\` 视为 ${to}`);
      return `以下之一：${(field.values ?? []).join('、')}${aliases.length > 0 ? `（${aliases.join('；')}）` : ''}`;
    }
    case 'yesno':
      return `是或否：${yesNoForms.join('、')}`;
    case 'period':
      return periodForms[field.periodKind ?? 'any'];
    case 'list':
      return `一项或多项，用 、，；/ 或换行分隔${field.values ? `；每项为：${field.values.join('、')}` : ''}`;
  }
}

function defaultOf(schema: z.ZodMiniType): string {
  const { fallback } = unwrapField(schema);
  return fallback ? String(fallback.value) : '';
}

const cell = (text: string) => text.replace(/\|/gu, '\\|');

function fieldRows(schema: z.ZodMiniObject, withDefault: boolean): string[] {
  const head = withDefault
    ? ['| 项目 | 必填 | 填写内容 | 默认 |', '| --- | --- | --- | --- |']
    : ['| 列名 | 必填 | 填写内容 | 也可写作 |', '| --- | --- | --- | --- |'];
  return [
    ...head,
    ...fieldsOf(schema).map((field) => {
      const last = withDefault ? defaultOf(schema.shape[field.name] as z.ZodMiniType) : field.synonyms.join('、');
      const synonyms = withDefault && field.synonyms.length > 0 ? `（也可写作：${field.synonyms.join('、')}）` : '';
      return `| ${field.name}${synonyms} | ${field.required ? '是' : ''} | ${cell(accepted(field))} | ${cell(last)} |`;
    }),
  ];
}

/** 实施方案要求: how a row is written, and the rows the blank template comes with. */
function planSection(): string[] {
  const columns = fieldsOf(planRow).map((f) => f.name);
  const rows = defaultPlan({ 定期检查周期: '年度' }).map((r) => {
    const cells = planRowOf(r) as Record<string, string | number>;
    return `| ${columns.map((c) => cell(String(cells[c]))).join(' | ')} |`;
  });
  return [
    '',
    `## ${planSheetTitle}`,
    '',
    '可选。本单位实施方案中按期间计数的要求，每行一项；没有这张表时按下表的要求校验。空白台账已按本方案填好，',
    '本单位方案不同时改“至少次数”“频次”，不执行的要求把“启用”改为“否”，本单位另加的要求另起一行、编号不用 R 开头（如 `本局1`）。',
    '',
    '- 条件：留空，或 `字段=值`，多个条件用 `；` 分隔，一个字段可取多个值用 `、` 分隔（任一即可），如 `类型=民主生活会、组织生活会、述职报告`。',
    '- 对象：留空为本单位整体；写单位类型（如 `党总支、党支部`）时，“组织架构”中每个这类单位都须达到次数。',
    `- R06 的频次：${inspectionPeriodNote}。`,
    '',
    ...fieldRows(planRow, false),
    '',
    '空白台账预填的各行：',
    '',
    `| ${columns.join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows,
  ];
}

export function fillingGuide(): string {
  const sheets = Object.values(recordSheets).flatMap(({ title, schema }) => ['', `## ${title}`, '', ...fieldRows(schema, false)]);
  return [
    '# 意识形态工作台账填写说明',
    '',
    '<!-- 本文件由 `npm run guide:update` 根据台账字段定义（ledger/schema/）生成，请勿手工修改。 -->',
    '',
    '台账是一个 Excel 工作簿，每年一本。下面各表的表名、列名和填写方法就是台账助手读取台账时认的写法。',
    '空白台账可用 `npx taizhang template --year 2026` 生成。',
    '',
    '- 工作表名可带序号（`1.专题研究`、`一、专题研究`、`（一）专题研究`），全角半角均可；多余的工作表不影响。',
    '- 表头行可在前 10 行内任意一行；表头中的空格、换行、`（必填）`、`*` 都会忽略；“也可写作”一栏的列名同样认得。',
    '- 只填了序号的空行、全空的行会跳过；合并单元格的值对它覆盖的每一行都有效。',
    '- “必填”为“是”的列留空时，校验会指出所在单元格。',
    '- 本单位的列名与下表不同时，在“基本信息”的 `列名映射` 中写 `检查抽查.检查人=检查组成员；…`，不用改程序。',
    '',
    `## ${settingsSheetTitle}`,
    '',
    `两列：\`${settingsColumns[0]}\` | \`${settingsColumns[1]}\`，每行一个项目。`,
    '',
    ...fieldRows(settings, true),
    ...sheets,
    ...planSection(),
    '',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(resolve(fillingGuidePath), fillingGuide());
  process.stdout.write(`已写入 ${fillingGuidePath}\n`);
}
