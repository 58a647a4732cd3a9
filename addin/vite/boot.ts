/**
 * The pane behind its boot script (addin/boot/boot.js) in the build: the bundle's module script
 * becomes `<meta name="taizhang-pane">`, which boot.js loads only where the host and the webview can
 * run it, and boot.js is copied beside the bundle under a name that changes with its content, so an
 * Excel that cached the page's scripts gets the new one. The dev server serves both as they are.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const bootSource = './boot/boot.js';

export function bootFirst(bootPath: string): Plugin {
  const source = readFileSync(bootPath, 'utf8');
  const built = `static/boot-${createHash('sha256').update(source).digest('hex').slice(0, 8)}.js`;
  return {
    name: 'taizhang:boot-first',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: built, source });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!html.includes(bootSource)) return html;
        const modules = [...html.matchAll(/<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>/gu)];
        if (modules.length !== 1 || !html.includes(`<script src="${bootSource}"></script>`))
          throw new Error('taskpane.html：找不到启动脚本或窗格的模块脚本');
        return html.replace(modules[0][0], `<meta name="taizhang-pane" content="${modules[0][1]}" />`).replace(bootSource, `./${built}`);
      },
    },
  };
}
