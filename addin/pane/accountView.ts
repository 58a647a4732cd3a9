/**
 * 读取情况 at the top of 问题清单: how every row of every sheet was read (issue 19 §1), as validate
 * accounts for them. A sheet with rows 未能归类 offers its findings, which say at each row what was missing.
 */
import { accountCounts, accountTopic } from '../../ledger/accountText';
import type { SheetAccount } from '../../ledger/model';
import { h } from './dom';

/** The whole workbook's rows in one line: `12 张工作表：记录 72 行，非记录 80 行，未能归类 1 行`. */
export function accountTotal(account: readonly SheetAccount[]): string {
  const sum = (key: 'records' | 'nonRecords' | 'unplaced') => account.reduce((n, a) => n + a[key], 0);
  return `${account.length} 张工作表：${accountCounts({ records: sum('records'), nonRecords: sum('nonRecords'), unplaced: sum('unplaced') })}`;
}

/**
 * The account as a list to open; it starts open when some rows were not placed, for those are what the
 * clerk must look at. `onSheet` shows a sheet's findings.
 */
export function renderAccount(container: HTMLElement, account: readonly SheetAccount[], onSheet: (sheet: string) => void): void {
  const unplaced = account.some((a) => a.unplaced > 0);
  const sheetItem = (a: SheetAccount) => {
    const counts = h('span', { class: 'counts' }, accountCounts(a));
    const item = h(
      'li',
      { class: a.unplaced > 0 ? 'account-sheet has-unplaced' : 'account-sheet', 'data-sheet': a.sheet },
      h('span', { class: 'name' }, a.sheet, h('span', { class: 'topic' }, `（${accountTopic(a)}）`)),
      counts,
    );
    if (a.unplaced > 0) {
      const show = h('button', { type: 'button', class: 'show-unplaced' }, `查看未能归类的 ${a.unplaced} 行`);
      show.addEventListener('click', () => onSheet(a.sheet));
      item.append(show);
    }
    return item;
  };
  container.replaceChildren(
    h('summary', {}, h('span', { class: 'title' }, '读取情况'), h('span', { class: 'total' }, accountTotal(account))),
    h('ul', {}, ...account.map(sheetItem)),
  );
  container.toggleAttribute('open', unplaced);
  container.hidden = false;
}
