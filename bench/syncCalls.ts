import type { WorkbookGrid } from '../ledger/grid/types';

/**
 * The `context.sync()` calls the add-in's adapter makes to read this workbook, counted on the add-in's
 * fake Excel host (test/addin/syncCounts.ts); null when that is not available.
 */
export async function addinSyncCalls(grid: WorkbookGrid): Promise<number | null> {
  try {
    const { readFigure } = await import('../test/addin/syncCounts');
    return (await readFigure(grid)).syncs;
  } catch (error) {
    process.stderr.write(`  加载项 sync 次数无法统计：${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    return null;
  }
}
