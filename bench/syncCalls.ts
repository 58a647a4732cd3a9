import type { WorkbookGrid } from '../ledger/grid/types';

/**
 * The `context.sync()` calls the add-in's adapter makes to read this workbook, counted on the add-in's
 * fake Excel host (test/addin/syncCounts.ts): on the desktop, a fixed number; on Excel on the web,
 * which refuses answers over 5 MB, about one more per 4 MB of data. Null when that is not available.
 */
export async function addinSyncCalls(grid: WorkbookGrid): Promise<{ desktop: number; web: number } | null> {
  try {
    const { readFigure } = await import('../test/addin/syncCounts');
    return { desktop: (await readFigure(grid)).syncs, web: (await readFigure(grid, { web: true })).syncs };
  } catch (error) {
    process.stderr.write(`  加载项 sync 次数无法统计：${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    return null;
  }
}
