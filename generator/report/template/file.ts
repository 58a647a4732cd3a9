import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TemplateError } from './errors';
import { parseTemplate } from './parse';
import type { ReportKind, TemplateOf } from './schema';

/** The file names of the default templates under `templates/reports/`. */
export const defaultTemplateFile: Record<ReportKind, string> = {
  quarterly: '季度分析报告.yaml',
  semiannual: '半年通报.yaml',
};

/**
 * The package's own `templates/reports/`: searched upwards from this module, because the code runs
 * both from source (generator/report/template/) and bundled (build/).
 */
export function defaultTemplatePath(kind: ReportKind): string {
  return packagedTemplatePath(defaultTemplateFile[kind]);
}

/** A template file of the package's own `templates/reports/`, by file name. */
export function packagedTemplatePath(fileName: string): string {
  const name = join('templates', 'reports', fileName);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new TemplateError(`找不到默认措辞模板“${name}”，安装可能不完整。可用 --template 指定模板文件。`);
    dir = parent;
  }
}

/** Reads and checks a wording template: `path` when given (--template), otherwise the default one. */
export async function loadTemplateFile<K extends ReportKind>(kind: K, path?: string): Promise<TemplateOf<K>> {
  const file = path === undefined ? defaultTemplatePath(kind) : resolve(path);
  return parseTemplate(kind, await readTemplateText(file, path), path ?? file);
}

/** A template's text, BOM removed; `path` is the file as the user named it, for messages. */
export async function readTemplateText(file: string, path?: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new TemplateError(`找不到模板文件“${path ?? file}”。请检查路径和文件名。`);
    if (code === 'EISDIR') throw new TemplateError(`模板文件“${path ?? file}”是一个文件夹，应为 .yaml 文件。`);
    throw new TemplateError(`无法读取模板文件“${path ?? file}”：${(error as Error).message}`);
  }
  return text.replace(/^\uFEFF/u, '');
}
