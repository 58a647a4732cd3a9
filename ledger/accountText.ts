import type { SheetAccount } from './model';

/** How a sheet's rows were read, as validate, the pane and the page all say it: `记录 38 行，非记录 12 行，未能归类 3 行`. */
export function accountCounts(a: Pick<SheetAccount, 'records' | 'nonRecords' | 'unplaced'>): string {
  return `记录 ${a.records} 行，非记录 ${a.nonRecords} 行，未能归类 ${a.unplaced} 行`;
}

/** The rows 未能归类, runs joined: `第5、9、12至20行`; empty when there are none. */
export function accountUnplacedRows(rows: readonly number[]): string {
  const runs: Array<[number, number]> = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && row === last[1] + 1) last[1] = row;
    else runs.push([row, row]);
  }
  return runs.length === 0 ? '' : `第${runs.map(([a, b]) => (a === b ? `${a}` : `${a}至${b}`)).join('、')}行`;
}

/** What a sheet was read as: its topic, or that it is no register and nothing was read from it. */
export function accountTopic(a: SheetAccount): string {
  return a.topic ?? '不是台账，未读取';
}
