import type { Finding } from '../findings';
import type { WorkbookGrid } from '../grid/types';
import type { Ledger, RecordsBySheet } from '../model';
import { fieldsOf } from '../schema/fields';
import { recordSheetKeys, recordSheets, type RecordSheetKey } from '../schema/sheets';
import { finding, type Position } from './finding';
import { findHeader, headerAt, type HeaderMap } from './header';
import { locateSettings, locateSheets } from './locate';
import { parseMappings, type MappingKey, type Mappings } from './mappings';
import { readRecords, type RecordSource } from './records';
import { categoryTopic, findRegister } from './register';
import { readSettings } from './settings';
import { sheetReader, type SheetReader } from './sheetReader';
import { titleInfo, type TitleInfo } from './titleInfo';

/** How one topic was found: for S01/S02 and for `taizhang map`. */
export interface TopicSource {
  sheet: string;
  /** `名称含“舆情”`, `按“表名映射”`, `类别含“学习”`. */
  reason: string;
  header: HeaderMap | null;
  /** Fields read from the records' own words, having no column. */
  derived: string[];
  /** The combined register's category values that made up this topic. */
  categories?: string[];
}

/** What the reader made of the workbook's layout. */
export interface Recognition {
  topics: Partial<Record<RecordSheetKey, TopicSource>>;
  /** Sheets whose name fits several topics: reported with every candidate. */
  ambiguous: Array<{ sheet: string; keys: RecordSheetKey[]; reason: string }>;
  /**
   * Sheets read as no topic and holding no combined register, with the topic whose headers they
   * share most (at least two), which may be the topic the workbook lacks.
   */
  unmatched: Array<{ sheet: string; likely: { key: RecordSheetKey; fields: string[] } | null }>;
  /** Category values of combined registers that fit no topic, with their rows. */
  uncategorised: Array<{ sheet: string; category: string; rows: number[] }>;
}

export interface Normalised {
  ledger: Ledger;
  /** Where each setting's value stands, for rules that point at a setting. */
  settingPositions: ReadonlyMap<string, Position>;
  findings: Finding[];
  recognition: Recognition;
}

function givenByTitle(info: TitleInfo) {
  return {
    ...(info.unit ? { 单位名称: info.unit.value } : {}),
    ...(info.year ? { 台账年度: info.year.value } : {}),
  };
}

function titleFinding(info: TitleInfo, at: Position): Finding {
  const parts = [
    info.unit ? `单位名称“${info.unit.value}”取自${info.unit.from}` : '未能确定单位名称',
    info.year ? `台账年度${info.year.value}年取自${info.year.from}` : '台账年度按校验日期所在年份计',
  ];
  return finding(
    'S01',
    at,
    `工作簿中没有“基本信息”工作表：${parts.join('，')}；其他设置用默认值。如需填写党组成员、宽限天数或各项映射，可添加“基本信息”工作表（两列：项目、内容）。`,
    { severity: 'info' },
  );
}

/** Of the topics not found, the one whose headers a sheet shares most, at least two of them. */
function likelyTopic(
  sheet: SheetReader,
  keys: readonly RecordSheetKey[],
  custom: Mappings['columns'],
): Recognition['unmatched'][number]['likely'] {
  let best: Recognition['unmatched'][number]['likely'] = null;
  for (const key of keys) {
    const found = findHeader(sheet, fieldsOf(recordSheets[key].schema), custom.get(key) ?? new Map()).header;
    const fields = found ? [...found.columns.keys()] : [];
    if (fields.length >= 2 && (best === null || fields.length > best.fields.length)) best = { key, fields };
  }
  return best;
}

/** Grids become typed records; whatever cannot be understood becomes a finding at its cell. */
export function normaliseWorkbook(
  grid: WorkbookGrid,
  fallbackYear: number,
  /** Mapping lines tried on top of 基本信息's own (`taizhang map` tries its guesses). */
  extra: Partial<Record<MappingKey, string>> = {},
): Normalised {
  const findings: Finding[] = [];
  const settingsGrid = locateSettings(grid);
  const info = settingsGrid ? null : titleInfo(grid);
  const settingsRead = readSettings(
    settingsGrid ? sheetReader(settingsGrid) : null,
    info?.year?.value ?? fallbackYear,
    grid.date1904,
    info ? givenByTitle(info) : {},
  );
  const firstSheet: Position = { sheet: grid.sheets[0]?.name ?? '', row: 1, column: 1 };
  if (info && grid.sheets.length > 0) findings.push(titleFinding(info, firstSheet));
  findings.push(...settingsRead.findings);
  const { settings } = settingsRead;

  const settingAt = (key: MappingKey) =>
    settingsRead.positions.get(key) ?? { ...firstSheet, sheet: settingsGrid?.name ?? firstSheet.sheet };
  const texts = Object.fromEntries(
    (['列名映射', '表名映射', '类别映射', '值映射'] as const).map((key) => [key, [settings[key], extra[key]].filter(Boolean).join('；')]),
  );
  const { mappings, findings: mappingFindings } = parseMappings(texts, settingAt);
  findings.push(...mappingFindings);

  const located = locateSheets(grid, settingsGrid, mappings.sheets);
  const ledger: Ledger = {
    workbook: grid.name,
    settings,
    sheets: settingsGrid ? { settings: { name: settingsGrid.name, headerRow: settingsRead.headerRow } } : {},
    records: Object.fromEntries(recordSheetKeys.map((k) => [k, []])) as unknown as RecordsBySheet,
  };
  const recognition: Recognition = {
    topics: {},
    ambiguous: located.ambiguous.map((a) => ({ sheet: a.grid.name, keys: a.keys, reason: a.reason })),
    unmatched: [],
    uncategorised: [],
  };
  const ctx = { year: settings.台账年度, date1904: grid.date1904 };

  const read = (
    key: RecordSheetKey,
    sheet: SheetReader,
    header: HeaderMap,
    source: RecordSource,
    reason: string,
    categories?: string[],
  ) => {
    const result = readRecords(key, sheet, header, ctx, { ...source, values: mappings.values.get(key) });
    (ledger.records as Record<RecordSheetKey, unknown>)[key] = result.records;
    findings.push(...result.findings);
    const derived = [...result.derived];
    ledger.sheets[key] = { name: sheet.name, headerRow: header.row, fields: [...header.columns.keys(), ...derived] };
    recognition.topics[key] = { sheet: sheet.name, reason, header, derived, ...(categories ? { categories } : {}) };
  };

  for (const key of recordSheetKeys) {
    const found = located.sheets[key];
    if (!found) continue;
    const sheet = sheetReader(found.grid);
    const header = findHeader(sheet, fieldsOf(recordSheets[key].schema), mappings.columns.get(key) ?? new Map());
    findings.push(...header.findings);
    if (!header.header) {
      ledger.sheets[key] = { name: sheet.name, headerRow: 0, fields: [] };
      recognition.topics[key] = { sheet: sheet.name, reason: found.reason, header: null, derived: [] };
      continue;
    }
    read(key, sheet, header.header, { context: () => sheet.name }, found.reason);
  }

  for (const unmatched of located.unmatched) {
    const sheet = sheetReader(unmatched);
    const register = findRegister(sheet);
    if (!register) {
      const open = recordSheetKeys.filter((k) => !ledger.sheets[k]);
      recognition.unmatched.push({ sheet: unmatched.name, likely: likelyTopic(sheet, open, mappings.columns) });
      continue;
    }
    readRegister(register);
  }

  function readRegister(register: NonNullable<ReturnType<typeof findRegister>>) {
    const { sheet } = register;
    const rowsOf = new Map<RecordSheetKey, { rows: Set<number>; categories: Set<string>; reason: string }>();
    const unknown = new Map<string, number[]>();
    for (const [row, category] of register.categoryOf) {
      const topic = categoryTopic(category, mappings.categories);
      if (!topic) {
        unknown.set(category, [...(unknown.get(category) ?? []), row]);
        continue;
      }
      const entry = rowsOf.get(topic.key) ?? { rows: new Set<number>(), categories: new Set<string>(), reason: topic.reason };
      entry.rows.add(row);
      entry.categories.add(category);
      rowsOf.set(topic.key, entry);
    }
    for (const [key, entry] of rowsOf) {
      if (ledger.sheets[key]) continue;
      const header = headerAt(
        sheet,
        register.top,
        register.bottom,
        fieldsOf(recordSheets[key].schema),
        mappings.columns.get(key) ?? new Map(),
      );
      const categoryOf = (row: number) => register.categoryOf.get(row) ?? '';
      const reason = `综合台账“${sheet.name}”中${entry.reason}`;
      read(key, sheet, header, { rows: (row) => entry.rows.has(row), context: categoryOf }, reason, [...entry.categories]);
    }
    for (const [category, rows] of unknown) {
      recognition.uncategorised.push({ sheet: sheet.name, category, rows });
      findings.push(
        finding(
          'D03',
          { sheet: sheet.name, row: rows[0], column: register.categoryColumn },
          `类别“${category}”（第${rows.join('、')}行）对应不到任何工作类别，这些行未作检查。如属某类工作，请在基本信息中添加“类别映射”，如“专题研究=${category}”。`,
          { field: '类别', value: category, severity: 'info' },
        ),
      );
    }
  }

  return { ledger, settingPositions: settingsRead.positions, findings, recognition };
}
