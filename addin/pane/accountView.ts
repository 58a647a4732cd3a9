/**
 * 读取情况 at the top of 问题清单: how every row of every sheet was read (issue 19 §1), as validate
 * accounts for them. A sheet with rows 未能归类 offers its findings, which say at each row what was missing.
 */
import { accountCounts, accountTopic, accountUnplacedRows } from '../../ledger/accountText';
import type { SheetAccount } from '../../ledger/model';
import { h } from './dom';

/** The whole workbook's rows in one line: `12 张工作表：记录 72 行，非记录 80 行，未能归类 1 行`. */
export function accountTotal(account: readonly SheetAccount[]): string {
  const sum = (key: 'records' | 'nonRecords' | 'unplaced') => account.reduce((n, a) => n + a[key], 0);
  return `${account.length} 张工作表：${accountCounts({ records: sum('records'), nonRecords: sum('nonRecords'), unplaced: sum('unplaced') })}`;
}

/**
 * The account, compact for a 320–350 px pane: the total, every sheet behind it, and always in view each
 * sheet with rows 未能归类, whose link shows that sheet's findings (`onSheet`).
 */
export function renderAccount(container: HTMLElement, account: readonly SheetAccount[], onSheet: (sheet: string) => void): void {
  const sheetItem = (a: SheetAccount) =>
    h(
      'li',
      { class: a.unplaced > 0 ? 'account-sheet has-unplaced' : 'account-sheet', 'data-sheet': a.sheet },
      h('span', { class: 'name' }, a.sheet, a.topic !== a.sheet && h('span', { class: 'topic' }, `（${accountTopic(a)}）`)),
      h('span', { class: 'counts' }, accountCounts(a)),
    );
  const unplacedItem = (a: SheetAccount) => {
    const show = h('button', { type: 'button', class: 'show-unplaced' }, '查看问题');
    show.addEventListener('click', () => onSheet(a.sheet));
    // The rows themselves, so the clerk can go to them in the workbook without opening the findings.
    const rows = h('span', { class: 'rows' }, `（${accountUnplacedRows(a.unplacedRows)}）`);
    return h('li', { 'data-sheet': a.sheet }, h('span', { class: 'name' }, `“${a.sheet}”未能归类 ${a.unplaced} 行`, rows), show);
  };
  const unplaced = account.filter((a) => a.unplaced > 0);
  container.replaceChildren(
    h(
      'details',
      {},
      h('summary', {}, h('span', { class: 'title' }, '读取情况'), h('span', { class: 'total' }, accountTotal(account))),
      h('ul', { class: 'account-sheets' }, ...account.map(sheetItem)),
    ),
    ...(unplaced.length > 0 ? [h('ul', { class: 'unplaced-sheets' }, ...unplaced.map(unplacedItem))] : []),
  );
  container.hidden = false;
}
