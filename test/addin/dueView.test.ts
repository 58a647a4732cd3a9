import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dueGroups } from '../../addin/pane/dueView';
import { dueItems } from '../../ledger/due';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';

const repo = resolve(import.meta.dirname, '../..');
const asOf = '2026-07-20';

async function due(path: string) {
  const result = validateGrid(await readWorkbookFile(resolve(repo, path)), { asOf });
  return dueItems(result, asOf);
}

describe('待办 in the pane and the page', () => {
  it('lists what is overdue, then what falls due by date, each with the records it still needs', async () => {
    const list = await due('templates/示例台账.xlsx');
    const groups = dueGroups(list);
    const overdue = list.items.filter((i) => i.due < asOf);
    expect(groups.map((g) => g.heading)).toEqual([`已逾期 ${overdue.length} 项`, `即将到期 ${list.items.length - overdue.length} 项`]);
    expect(groups.flatMap((g) => g.rows.map((r) => r.rule))).toEqual(list.items.map((i) => i.rule));
    // The sample's 第三党支部 has not reported for the first half, due 15 July.
    expect(groups[0].rows).toContainEqual({
      rule: 'R09',
      due: '2026年7月15日前',
      what: '2026年上半年 · 第三党支部',
      title: '党总支、各支部每半年专题汇报1次',
      need: '还需1次（应1次，已0次）',
      unjudged: false,
    });
    const coming = groups[1].rows.map((r) => r.due);
    expect(coming[0]).toBe('2026年10月15日前');
  });

  it('says the ledger cannot tell, with no count, where rows it could not place might count', async () => {
    // A bureau's register whose 1月学习 sheet holds a row of a type the reader could not place (传达辅导).
    const list = await due('test/fixtures/registers/r105-libreoffice.xlsx');
    const rows = dueGroups(list).flatMap((g) => g.rows);
    const unjudged = list.items.filter((i) => i.needed === null);
    expect(unjudged.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.unjudged)).toHaveLength(unjudged.length);
    for (const row of rows.filter((r) => r.unjudged)) {
      expect(row.need).toBe('台账无法判断已开展几次，原因见问题清单');
      expect(row.need).not.toMatch(/还需/u);
    }
  });

  it('has no group to show when every requirement is met', () => {
    expect(dueGroups({ asOf, until: null, items: [] })).toEqual([]);
  });
});
