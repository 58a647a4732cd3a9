import { isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import type * as z from 'zod';
import { TemplateError } from './errors';
import { templateSchemas } from './schema';
import type { ReportKind, TemplateOf } from './schema';

type Path = ReadonlyArray<PropertyKey>;

/** How many problems one message lists; the rest are counted, so a badly broken file stays readable. */
const shownIssues = 5;

function lineOfOffset(lines: LineCounter, offset: number): number {
  return Math.max(1, lines.linePos(offset).line);
}

/** The line of the YAML node at `path`, or of its nearest ancestor that exists. */
function lineOf(doc: Document, lines: LineCounter, path: Path): number {
  for (let p = [...path]; ; p = p.slice(0, -1)) {
    const node = p.length === 0 ? doc.contents : doc.getIn(p, true);
    if (isNode(node) && node.range) return lineOfOffset(lines, node.range[0]);
    if (p.length === 0) return 1;
  }
}

function lineOfKey(doc: Document, lines: LineCounter, path: Path, key: string): number {
  const map = path.length === 0 ? doc.contents : doc.getIn([...path], true);
  if (isMap(map)) {
    const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
    if (pair && isScalar(pair.key) && pair.key.range) return lineOfOffset(lines, pair.key.range[0]);
  }
  return lineOf(doc, lines, path);
}

const pathText = (path: Path) => path.map((p) => (typeof p === 'number' ? `第${p + 1}项` : String(p))).join('.');

function describeIssue(doc: Document, lines: LineCounter, issue: z.core.$ZodIssue): Array<{ line: number; text: string }> {
  const where = (path: Path) => (path.length > 0 ? `（${pathText(path)}）` : '');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      line: lineOfKey(doc, lines, issue.path, key),
      text: `${where([...issue.path, key])}：未知的项目“${key}”，可能是拼写有误或多余，请对照默认模板修改。`,
    }));
  }
  const line = lineOf(doc, lines, issue.path);
  if (issue.code === 'invalid_type' && !doc.hasIn([...issue.path])) {
    return [{ line, text: `${where(issue.path)}：缺少此项，请对照默认模板补上。` }];
  }
  if (issue.code === 'invalid_type' && issue.expected === 'object') {
    const text = issue.path.length === 0 ? '模板内容应为“项目: 文字”形式的 YAML。' : '应为包含下级项目的一组“项目: 文字”。';
    return [{ line, text: `${where(issue.path)}：${text}` }];
  }
  return [{ line, text: `${where(issue.path)}：${issue.message}` }];
}

/**
 * Parses and checks a report's wording template. Takes the text rather than a path so the add-in
 * can pass the template bundled with it; `file` names the template in messages.
 */
export function parseTemplate<K extends ReportKind>(kind: K, text: string, file: string): TemplateOf<K> {
  return parseTemplateWith<unknown>(templateSchemas[kind], text, file) as TemplateOf<K>;
}

/** The same for any wording template's schema (the county's 汇总通报 has its own). */
export function parseTemplateWith<T>(schema: z.ZodType<T>, text: string, file: string): T {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = lineOfOffset(lines, syntax.pos[0]);
    const reason = syntax.message.split('\n')[0];
    throw new TemplateError(`模板文件“${file}”第${line}行：YAML 格式有误（${reason}）。请检查缩进、冒号和引号是否成对。`);
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((issue) => describeIssue(doc, lines, issue));
  const shown = problems.slice(0, shownIssues).map((p) => `模板文件“${file}”第${p.line}行${p.text}`);
  const more = problems.length > shownIssues ? [`……另有 ${problems.length - shownIssues} 处问题。`] : [];
  throw new TemplateError([...shown, ...more].join('\n'));
}
