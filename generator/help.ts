import { Help } from 'commander';
import type { Command, HelpConfiguration, Option } from 'commander';
import { stripVTControlCharacters } from 'node:util';

/** Commander's section titles and usage words, in the clerk's language. */
const titles: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};

/** East Asian wide and full-width characters take two columns of a terminal. */
const wide =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function terminalWidth(text: string): number {
  let width = 0;
  // Colour codes take no room; commander's own displayWidth strips them too.
  for (const ch of stripVTControlCharacters(text)) width += wide.test(ch) ? 2 : 1;
  return width;
}

/**
 * commander's help frame in Chinese (用法、参数、选项、命令), its columns aligned by display width so
 * that a Chinese term or description does not push its neighbours out of line.
 */
export const chineseHelp: HelpConfiguration = {
  styleTitle: (title: string) => titles[title] ?? title,
  // A full-width colon carries its own space: `用法：taizhang …`, not `用法： taizhang …`.
  formatHelp(command: Command, helper: Help): string {
    return Help.prototype.formatHelp.call(this, command, helper).replace(/^用法： /u, '用法：');
  },
  displayWidth: terminalWidth,
  commandUsage(command: Command): string {
    return Help.prototype.commandUsage.call(this, command).replace('[options]', '[选项]').replace('[command]', '<命令>');
  },
  subcommandTerm(command: Command): string {
    return Help.prototype.subcommandTerm.call(this, command).replace('[options]', '[选项]');
  },
  optionDescription(option: Option): string {
    return Help.prototype.optionDescription
      .call(this, option)
      .replace(/ ?\(choices: ([^)]*?)(?:, default: ([^)]*))?\)$/u, (_, choices: string, fallback?: string) =>
        fallback ? `（可选：${choices}；默认：${fallback}）` : `（可选：${choices}）`,
      )
      .replace(/ ?\(default: ([^)]*)\)$/u, '（默认：$1）');
  },
};
