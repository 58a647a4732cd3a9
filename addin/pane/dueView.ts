/**
 * 待办 (issue 22 §4): every requirement period and unit still open on the check's date, overdue first,
 * then by due date, with how many records each still needs — the list `taizhang due` prints.
 */
import { splitDue, stillNeeded, type DueItem, type DueList } from '../../ledger/due';
import { chineseDate } from '../../ledger/values/date';
import { h } from './dom';

export interface DueRow {
  rule: string;
  /** `2026年10月15日前`. */
  due: string;
  /** `2026年第三季度`, or with its unit `2026年上半年 · 第一党支部`. */
  what: string;
  title: string;
  /** `还需1次（应1次，已0次）`, or that the ledger cannot tell. */
  need: string;
  unjudged: boolean;
}

export interface DueGroup {
  heading: string;
  overdue: boolean;
  rows: DueRow[];
}

const row = (item: DueItem): DueRow => ({
  rule: item.rule,
  due: `${chineseDate(item.due)}前`,
  what: item.unit ? `${item.label} · ${item.unit}` : item.label,
  title: item.title,
  need: stillNeeded(item, '原因见问题清单'),
  unjudged: item.needed === null,
});

/** The open periods as the clerk reads them: 已逾期, then 即将到期, each in the list's order. */
export function dueGroups(list: DueList): DueGroup[] {
  const { overdue, coming } = splitDue(list);
  return [
    { heading: `已逾期 ${overdue.length} 项`, overdue: true, rows: overdue.map(row) },
    { heading: `即将到期 ${coming.length} 项`, overdue: false, rows: coming.map(row) },
  ].filter((g) => g.rows.length > 0);
}

export function renderDue(container: HTMLElement, list: DueList): void {
  const groups = dueGroups(list);
  if (groups.length === 0) {
    container.replaceChildren(h('p', { class: 'empty' }, `截至${chineseDate(list.asOf)}，各项要求均已完成。`));
    return;
  }
  container.replaceChildren(
    ...groups.map((group) =>
      h(
        'section',
        { class: group.overdue ? 'due-group overdue' : 'due-group' },
        h('h3', {}, group.heading),
        h(
          'ul',
          {},
          ...group.rows.map((r) =>
            h(
              'li',
              { class: 'due-item', 'data-rule': r.rule },
              h('span', { class: 'due-head' }, h('span', { class: 'date' }, r.due), h('span', { class: 'what' }, r.what)),
              h('span', { class: 'title' }, r.title),
              h('span', { class: r.unjudged ? 'need unjudged' : 'need' }, r.need),
            ),
          ),
        ),
      ),
    ),
  );
}
