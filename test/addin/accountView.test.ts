import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountTotal } from '../../addin/pane/accountView';
import { accountCounts, accountTopic, accountUnplacedRows } from '../../ledger/accountText';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';

const repo = resolve(import.meta.dirname, '../..');

describe('读取情况 in the pane and the page', () => {
  it('sums every sheet’s rows of the sample ledger into one line', async () => {
    const { account } = validateGrid(await readWorkbookFile(resolve(repo, 'templates/示例台账.xlsx')), { asOf: '2026-07-20' }).ledger;
    const records = account.reduce((n, a) => n + a.records, 0);
    const nonRecords = account.reduce((n, a) => n + a.nonRecords, 0);
    const unplaced = account.reduce((n, a) => n + a.unplaced, 0);
    expect(records).toBeGreaterThan(0);
    expect(accountTotal(account)).toBe(`${account.length} 张工作表：记录 ${records} 行，非记录 ${nonRecords} 行，未能归类 ${unplaced} 行`);
  });

  it('words a sheet’s rows as validate does, and a sheet that is no register as read as nothing', () => {
    const sheet = { sheet: '中心组学习', topic: '学习培训', records: 38, nonRecords: 12, unplaced: 3, unplacedRows: [5, 9, 12] };
    expect(accountCounts(sheet)).toBe('记录 38 行，非记录 12 行，未能归类 3 行');
    expect(accountTopic(sheet)).toBe('学习培训');
    expect(accountTopic({ ...sheet, topic: null })).toBe('不是台账，未读取');
    expect(accountTotal([])).toBe('0 张工作表：记录 0 行，非记录 0 行，未能归类 0 行');
  });

  it('names the rows 未能归类, runs of rows joined', () => {
    expect(accountUnplacedRows([5, 9, 12])).toBe('第5、9、12行');
    expect(accountUnplacedRows([5, 9, 10, 11, 12, 20])).toBe('第5、9至12、20行');
    expect(accountUnplacedRows([])).toBe('');
  });
});
