import { resolve } from 'node:path';
import * as z from 'zod';
import { packagedTemplatePath, readTemplateText } from '../report/template/file';
import { parseTemplateWith } from '../report/template/parse';
import { headers, phrase } from '../report/template/schema';

/** Placeholders every phrase of the 汇总通报 may use; {发文机关} is the filled 发文机关署名. */
export const noticeContext = ['年度', '期间', '起始日期', '截止日期', '成文日期', '发文机关'] as const;

const the = (...names: string[]) => phrase([...noticeContext, ...names]);
const label = phrase([]);
const section = <T extends z.ZodRawShape>(shape: T) => z.strictObject({ 标题: label, ...shape });

/** The aspects 存在的问题 groups the requirements under (generator/report/build/problems.ts). */
const aspects = z.strictObject({ 责任落实: label, 阵地管理: label, 舆情处置: label, 问题整改: label, 台账记录: label });

// Keys marked optional were added after bureaus began editing this file: one without them reads as before.
const noticeSchema = z.strictObject({
  标题: z.array(the(), { error: '应为标题各行文字的列表' }).min(1, { error: '标题至少要有一行' }),
  主送: the(),
  发文机关署名: phrase(noticeContext.filter((name) => name !== '发文机关')),
  发文机关标志: the().optional(),
  开头: the(),
  总体情况: section({ 概述: the('报送数', '汇总数', '未纳入数', '全部达标数', '逾期单位数'), 无台账: the() }),
  // 未列入: added after counties began editing their templates.
  制度落实: section({ 概述: the('要求数'), 表头: headers(6), 未列入: the('单位', '要求').optional() }),
  各单位情况: section({ 概述: the(), 表头: headers(5), 表扬: the('单位', '单位数').optional() }),
  未纳入汇总: section({
    概述: the('未纳入数'),
    条目: the('序号', '台账文件', '单位', '文件夹', '原因'),
    其他年度: the('台账年度'),
    无法读取: the(),
    // A file without these says 无法读取 for them too.
    格式不符: the().optional(),
    设有密码: the().optional(),
    不是台账: the().optional(),
  }),
  存在的问题: section({
    未达标: the('要求', '依据', '单位数', '单位'),
    无法判断: the('要求', '依据', '单位数', '单位'),
    无问题: the(),
    // Without these each requirement's sentence is a paragraph of its own.
    方面: aspects.optional(),
    分组: the('序号', '方面', '问题').optional(),
  }),
  下一步: section({ 概述: the() }),
  版记: z.strictObject({ 印发: z.boolean({ error: '应为 true 或 false' }), 抄送: the(), 印发机关: the() }).optional(),
});

export type NoticeTemplate = z.output<typeof noticeSchema>;

export const defaultNoticeTemplate = '汇总通报.yaml';

/** The 汇总通报's wording: the file at `path` (--template), or the package's own. */
export async function loadNoticeTemplate(path?: string): Promise<NoticeTemplate> {
  const file = path === undefined ? packagedTemplatePath(defaultNoticeTemplate) : resolve(path);
  return parseTemplateWith(noticeSchema, await readTemplateText(file, path), path ?? file);
}
