import { dueItems, splitDue, stillNeeded, type DueItem, type DueList } from '../../ledger/due';
import type { ValidationResult } from '../../ledger/model';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { chineseDate } from '../../ledger/values/date';
import { validateGrid } from '../../ledger/validate';
import { resolveAsOf } from '../asOf';
import type { DueOptions } from '../commands/due';
import { exitCode } from '../errors';

/** A full-width space, as a clerk's own lists set columns apart. */
const gap = '\u3000';

function itemLine(item: DueItem): string {
  const count = stillNeeded(item, '见 taizhang validate 的问题清单');
  return `  ${[`${chineseDate(item.due)}前`, item.label, item.unit, `${item.title}：${count}`].filter(Boolean).join(gap)}`;
}

/** The list as a clerk reads it: overdue items, then what falls due, each with what it still needs. */
export function renderDue(result: ValidationResult, list: DueList): string {
  const scope = list.until ? `，今后到${chineseDate(list.until)}到期的和已逾期的` : '';
  const lines = [
    `待办事项：${result.workbook}（${result.unit || '未填写单位名称'}，${result.year}年台账，截至${chineseDate(list.asOf)}${scope}）`,
  ];
  const { overdue, coming } = splitDue(list);
  if (list.items.length === 0) lines.push(list.until ? '  这段时间内没有到期的要求，也没有逾期未完成的。' : '  各项要求均已完成。');
  if (overdue.length > 0) lines.push('', `【已逾期】${overdue.length} 项`, ...overdue.map(itemLine));
  if (coming.length > 0) lines.push('', `【即将到期】${coming.length} 项`, ...coming.map(itemLine));
  return `${lines.join('\n')}\n`;
}

export async function listDue(path: string, options: DueOptions): Promise<void> {
  const asOf = resolveAsOf(options.asOf);
  const result = validateGrid(await readWorkbookFile(path), { asOf });
  const list = dueItems(result, asOf, options.days);
  process.stdout.write(
    options.format === 'json'
      ? `${JSON.stringify({ workbook: result.workbook, unit: result.unit, year: result.year, ...list }, null, 2)}\n`
      : renderDue(result, list),
  );
  process.exitCode = exitCode.ok;
}
