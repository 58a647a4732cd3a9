/**
 * 保存对应关系: the mapping lines written into 基本信息, found and read the way the core reads it
 * (ledger/normalise/settings.ts), so the next 一键校验 reads exactly what was written. A line's 内容
 * replaces the value of its existing row; a key without a row gets one below the last used row. A
 * workbook without 基本信息 gets the sheet with its header row 项目 | 内容 and, above the lines, the
 * keys a 基本信息 must hold (spec section 2): 单位名称 and 台账年度 as the check found them in the
 * title or file name, the others empty for the clerk to fill in. No other cell is touched,
 * and a protected 基本信息 is refused before anything is written. Two round trips when the sheet is
 * absent, three when it is there.
 */
import type { SheetGrid } from '../../ledger/grid/types';
import type { MappingKey } from '../../ledger/normalise/mappings';
import { locateSettings } from '../../ledger/normalise/locate';
import { readSettings } from '../../ledger/normalise/settings';
import { sheetReader } from '../../ledger/normalise/sheetReader';
import { fieldsOf } from '../../ledger/schema/fields';
import { settings, settingsColumns, settingsSheetTitle } from '../../ledger/schema/settings';
import type { ExcelRun } from './api';
import { HostError } from './hostErrors';

export interface MappingLine {
  key: MappingKey;
  value: string;
}

export interface SaveOutcome {
  /** 基本信息 was added. */
  created: boolean;
  /** Rows whose 内容 was replaced. */
  replaced: number;
  /** Rows added. */
  added: number;
}

/** What the check found of the ledger where 基本信息 is absent. */
export interface FoundSettings {
  单位名称: string;
  台账年度: number;
}

/** A new 基本信息: its header, the keys it must hold, then the lines. */
function newSheetRows(found: FoundSettings, lines: readonly MappingLine[]): Array<Array<string | number>> {
  const required = fieldsOf(settings)
    .filter((f) => f.required)
    .map((f) => [f.name, f.name === '单位名称' || f.name === '台账年度' ? found[f.name] : '']);
  return [[...settingsColumns], ...required, ...lines.map((l) => [l.key, l.value])];
}

export async function saveMappings(run: ExcelRun, lines: readonly MappingLine[], found: FoundSettings): Promise<SaveOutcome> {
  return run(async (context) => {
    const { worksheets } = context.workbook;
    worksheets.load('items/name');
    await context.sync();
    const names = worksheets.items.map((ws) => ws.name);
    const empty = (name: string): SheetGrid => ({ name, origin: { row: 1, column: 1 }, values: [], numberFormats: [], merges: [] });
    const name = locateSettings({ name: '', date1904: false, sheets: names.map(empty) })?.name;
    if (name === undefined) {
      const rows = newSheetRows(found, lines);
      worksheets.add(settingsSheetTitle).getRangeByIndexes(0, 0, rows.length, 2).values = rows;
      await context.sync();
      return { created: true, replaced: 0, added: lines.length };
    }

    const sheet = worksheets.getItem(name);
    const protection = sheet.protection.load('protected');
    const used = sheet.getUsedRangeOrNullObject().load('values,rowIndex,columnIndex');
    await context.sync();
    if (protection.protected)
      throw new HostError(`工作表“${name}”受保护，对应关系未保存，台账未被改动。请在“审阅”选项卡中撤销“${name}”的工作表保护后再试。`);

    if (used.isNullObject) {
      const rows = newSheetRows(found, lines);
      sheet.getRangeByIndexes(0, 0, rows.length, 2).values = rows;
      await context.sync();
      return { created: false, replaced: 0, added: lines.length };
    }
    const grid: SheetGrid = {
      name,
      origin: { row: used.rowIndex + 1, column: used.columnIndex + 1 },
      values: used.values,
      numberFormats: [],
      merges: [],
    };
    const read = readSettings(sheetReader(grid), 0, false);
    let next = used.rowIndex + used.values.length;
    let replaced = 0;
    for (const line of lines) {
      const at = read.positions.get(line.key);
      if (at) {
        sheet.getRangeByIndexes(at.row - 1, at.column - 1, 1, 1).values = [[line.value]];
        replaced += 1;
        continue;
      }
      sheet.getRangeByIndexes(next, read.keyColumn - 1, 1, 1).values = [[line.key]];
      sheet.getRangeByIndexes(next, read.valueColumn - 1, 1, 1).values = [[line.value]];
      next += 1;
    }
    await context.sync();
    return { created: false, replaced, added: lines.length - replaced };
  });
}
