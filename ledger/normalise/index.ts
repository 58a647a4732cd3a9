import type { Finding } from '../findings';
import type { WorkbookGrid } from '../grid/types';
import type { Ledger, RecordsBySheet } from '../model';
import { fieldsOf } from '../schema/fields';
import { recordSheetKeys, recordSheets, type RecordSheetKey } from '../schema/sheets';
import { parseColumnMapping } from './columnMapping';
import { findHeader } from './header';
import { locateSheets } from './locate';
import { readRecords } from './records';
import { readSettings } from './settings';
import { sheetReader } from './sheetReader';

export interface Normalised {
  ledger: Ledger;
  /** Where each setting's value stands, for rules that point at a setting. */
  settingPositions: ReadonlyMap<string, { sheet: string; row: number; column: number }>;
  findings: Finding[];
}

/** Grids become typed records; whatever cannot be understood becomes a finding at its cell. */
export function normaliseWorkbook(grid: WorkbookGrid, fallbackYear: number): Normalised {
  const located = locateSheets(grid);
  const findings = [...located.findings];
  const settingsGrid = located.sheets.settings;
  const settingsRead = readSettings(settingsGrid ? sheetReader(settingsGrid) : null, fallbackYear, grid.date1904);
  findings.push(...settingsRead.findings);
  const { settings } = settingsRead;

  const mappingAt = settingsRead.positions.get('列名映射') ?? { sheet: settingsGrid?.name ?? '', row: 1, column: 1 };
  const mapping = parseColumnMapping(settings.列名映射, mappingAt);
  findings.push(...mapping.findings);

  const ledger: Ledger = {
    workbook: grid.name,
    settings,
    sheets: settingsGrid ? { settings: { name: settingsGrid.name, headerRow: settingsRead.headerRow } } : {},
    records: Object.fromEntries(recordSheetKeys.map((k) => [k, []])) as unknown as RecordsBySheet,
  };
  const ctx = { year: settings.台账年度, date1904: grid.date1904 };
  for (const key of recordSheetKeys) {
    const sheetGrid = located.sheets[key];
    if (!sheetGrid) continue;
    const sheet = sheetReader(sheetGrid);
    const header = findHeader(sheet, fieldsOf(recordSheets[key].schema), mapping.mapping.get(key) ?? new Map());
    findings.push(...header.findings);
    ledger.sheets[key] = { name: sheetGrid.name, headerRow: header.header?.row ?? 0 };
    if (!header.header) continue;
    const read = readRecords(key as RecordSheetKey, sheet, header.header, ctx);
    (ledger.records as Record<RecordSheetKey, unknown>)[key] = read.records;
    findings.push(...read.findings);
  }
  return { ledger, settingPositions: settingsRead.positions, findings };
}
