import { LedgerReadError } from '../errors';
import type { Finding } from '../findings';
import type { SheetGrid, WorkbookGrid } from '../grid/types';
import { settingsSheetTitle } from '../schema/settings';
import { recordSheets, type RecordSheetKey } from '../schema/sheets';
import { foldSheetName } from '../text/fold';
import { finding } from './finding';

export type SheetKey = RecordSheetKey | 'settings';

export const sheetTitles: Record<SheetKey, string> = {
  settings: settingsSheetTitle,
  ...(Object.fromEntries(Object.entries(recordSheets).map(([k, v]) => [k, v.title])) as Record<RecordSheetKey, string>),
};

/** Sheets missing only as a warning: a year without 问责 may well have no sheet for it. */
const optionalSheets = new Set<SheetKey>(['accountability']);

/**
 * Finds each ledger sheet by its folded name; extra sheets are ignored, order does not matter, and
 * the first of two sheets folding to the same name is used.
 */
export function locateSheets(grid: WorkbookGrid): { sheets: Partial<Record<SheetKey, SheetGrid>>; findings: Finding[] } {
  const byName = new Map<string, SheetGrid>();
  for (const sheet of grid.sheets) {
    const folded = foldSheetName(sheet.name);
    if (!byName.has(folded)) byName.set(folded, sheet);
  }
  const sheets: Partial<Record<SheetKey, SheetGrid>> = {};
  const findings: Finding[] = [];
  const present = grid.sheets.map((s) => s.name).join('、') || '（无）';
  const anchor = grid.sheets[0]?.name ?? '';
  for (const [key, title] of Object.entries(sheetTitles) as Array<[SheetKey, string]>) {
    const sheet = byName.get(foldSheetName(title));
    if (sheet) {
      sheets[key] = sheet;
      continue;
    }
    findings.push(
      finding('S01', { sheet: anchor, row: 1, column: 1 }, `工作簿缺少工作表“${title}”。现有工作表：${present}。`, {
        severity: optionalSheets.has(key) ? 'warning' : 'error',
      }),
    );
  }
  if (Object.keys(sheets).length === 0) {
    throw new LedgerReadError(
      `“${grid.name}”不是意识形态工作台账：没有找到任何台账工作表（如“基本信息”“专题研究”）。现有工作表：${present}。可用 taizhang template 生成空白台账。`,
    );
  }
  return { sheets, findings };
}
