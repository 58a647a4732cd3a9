/**
 * `<!-- partial: name.html -->` in a page is replaced by that file of `dir`, so the task pane and
 * 台账助手.html share one markup for what they both show.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export function htmlPartials(dir: string): Plugin {
  return {
    name: 'taizhang:html-partials',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace(/<!--\s*partial:\s*([\w.-]+)\s*-->/gu, (_, name: string) => readFileSync(join(dir, name), 'utf8')),
    },
  };
}
