import type { Finding } from '../findings';
import type { WorkbookGrid } from '../grid/types';
import type { SheetGrid } from '../grid/types';
import type { Ledger, LedgerRecord, RecordsBySheet, SheetLocation } from '../model';
import { settingsSheetTitle } from '../schema/settings';
import { AccountBook, cellsWhy, isBlankSheet } from './account';
import { dateOf, hasContent, isTotalRow, rowWithoutFields, type UnplacedCells } from './rows';
import { columnsTopic, titleTopic } from './sheetTopic';
import { readShortUnitNames } from './unitNames';
import { readColumnsByContent } from './columnContent';
import { fieldsOf } from '../schema/fields';
import { recordSheetKeys, recordSheets, type RecordSheetKey } from '../schema/sheets';
import { finding, type Position } from './finding';
import { findHeader, headerAt, type HeaderMap } from './header';
import { locateSettings, locateSheets, nameMeaning, notRegisterName } from './locate';
import { parseMappings, type MappingKey, type Mappings } from './mappings';
import { readRecords, type RecordSource } from './records';
import { categoryTopic, findRegister, findRegisterByContent, type CombinedRegister } from './register';
import { readSettings } from './settings';
import { neededFields } from '../check/ruleTable';
import { locatePlan, readPlan } from '../plan/read';
import { planSheetTitle } from '../schema/plan';
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
  /**
   * Every sheet of each topic, in workbook order; `topics` holds the first, which stands for the topic
   * where one sheet is named (S01, S02, `map`).
   */
  sources: Partial<Record<RecordSheetKey, TopicSource[]>>;
  /** Sheets read as nothing: no register by their name, or no topic by name, title or columns. */
  notRegisters: Array<{ sheet: string; reason: string }>;
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

/** 单位名称 and 台账年度 that 基本信息 leaves out, taken from the title rows: said once each, as a note. */
function givenFindings(info: TitleInfo, own: ReadonlySet<string>, at: Position): Finding[] {
  return (
    [
      ['单位名称', info.unit],
      ['台账年度', info.year],
    ] as const
  ).flatMap(([key, got]) =>
    got && !own.has(key)
      ? [
          finding('D01', at, `“基本信息”中没有填写“${key}”，按${got.from}取“${got.value}”。如不对，请在“基本信息”中填写“${key}”。`, {
            field: key,
            severity: 'info',
          }),
        ]
      : [],
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

/** The rows of a sheet whose name fits several topics that hold records: 未能归类 until the name is settled. */
function ambiguousRows(sheet: SheetReader, keys: readonly RecordSheetKey[], mappings: Mappings): UnplacedCells[] {
  const header = findHeader(sheet, fieldsOf(recordSheets[keys[0]].schema), mappings.columns.get(keys[0]) ?? new Map()).header;
  if (!header) return [];
  const rows: UnplacedCells[] = [];
  for (let row = header.row + 1; row <= sheet.lastRow; row++) {
    const without = rowWithoutFields(sheet, row, header.serialColumn);
    if (without.kind === 'unplaced') rows.push(without.cells);
  }
  return rows;
}

/**
 * A topic kept in several sheets whose columns differ: a record of a sheet lacking a column another
 * sheet has could not show that field, which is then unread for it rather than absent.
 */
function markUnreadColumns(ledger: Ledger, recognition: Recognition): void {
  for (const key of recordSheetKeys) {
    const sources = recognition.sources[key] ?? [];
    const all = ledger.sheets[key]?.fields ?? [];
    if (sources.length < 2) continue;
    for (const source of sources) {
      if (!source.header) continue;
      const own = new Set([...source.header.columns.keys(), ...source.derived]);
      const lacking = all.filter((f) => !own.has(f));
      if (lacking.length === 0) continue;
      for (const r of ledger.records[key] as LedgerRecord[]) {
        if (r.sheet !== source.sheet) continue;
        const data = r.data as Record<string, unknown>;
        const missing = lacking.filter((f) => data[f] === undefined);
        if (missing.length > 0) r.unread = [...new Set([...(r.unread ?? []), ...missing])] as never;
      }
    }
  }
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
  // What the title rows say stands wherever 基本信息 is silent, also in one a clerk made for mapping lines only.
  const info = titleInfo(grid);
  const settingsRead = readSettings(
    settingsGrid ? sheetReader(settingsGrid) : null,
    info.year?.value ?? fallbackYear,
    grid.date1904,
    givenByTitle(info),
  );
  const firstSheet: Position = { sheet: grid.sheets[0]?.name ?? '', row: 1, column: 1 };
  if (!settingsGrid && grid.sheets.length > 0) findings.push(titleFinding(info, firstSheet));
  if (settingsGrid) findings.push(...givenFindings(info, settingsRead.own, { sheet: settingsGrid.name, row: 1, column: 1 }));
  findings.push(...settingsRead.findings);
  const { settings } = settingsRead;

  const settingAt = (key: MappingKey) =>
    settingsRead.positions.get(key) ?? { ...firstSheet, sheet: settingsGrid?.name ?? firstSheet.sheet };
  const texts = Object.fromEntries(
    (['列名映射', '表名映射', '类别映射', '值映射'] as const).map((key) => [key, [settings[key], extra[key]].filter(Boolean).join('；')]),
  );
  const { mappings, findings: mappingFindings } = parseMappings(texts, settingAt);
  findings.push(...mappingFindings);
  const planGrid = locatePlan(grid);
  const planRead = readPlan(planGrid, settings, mappings);
  findings.push(...planRead.findings);

  const located = locateSheets(grid, settingsGrid, mappings.sheets, settings.台账年度);
  const ledger: Ledger = {
    workbook: grid.name,
    settings,
    sheets: settingsGrid ? { settings: { name: settingsGrid.name, headerRow: settingsRead.headerRow } } : {},
    records: Object.fromEntries(recordSheetKeys.map((k) => [k, []])) as unknown as RecordsBySheet,
    account: [],
    unplaced: [],
    plan: planRead.plan,
  };
  const recognition: Recognition = {
    topics: {},
    sources: {},
    ambiguous: located.ambiguous.map((a) => ({ sheet: a.grid.name, keys: a.keys, reason: a.reason })),
    unmatched: [],
    uncategorised: [],
    notRegisters: located.notRegisters.map((n) => ({ sheet: n.grid.name, reason: n.reason })),
  };
  const ctx = { year: settings.台账年度, date1904: grid.date1904 };
  const book = new AccountBook(planRead.plan);

  // A sheet whose name says nothing is a combined register by its category column, else its title's
  // or its columns' topic; else no register.
  const registers: CombinedRegister[] = [];
  const byContent: SheetGrid[] = [];
  for (const unmatched of located.unmatched) {
    const sheet = sheetReader(unmatched);
    const title = titleTopic(sheet);
    const register = findRegister(sheet) ?? (title ? null : findRegisterByContent(sheet, ctx));
    if (register) {
      registers.push(register);
      continue;
    }
    const topic = title ?? columnsTopic(sheet, mappings.columns);
    // Neither name, title nor columns say what it holds: a register whose category cells name one topic only.
    const single = topic ? null : findRegisterByContent(sheet, ctx, 1);
    if (topic) {
      (located.sheets[topic.key] ??= []).push({ grid: unmatched, reason: topic.reason });
      byContent.push(unmatched);
    } else if (single) {
      registers.push(single);
    } else {
      recognition.notRegisters.push({ sheet: unmatched.name, reason: '名称、标题和表头都不像任何一种台账' });
    }
  }
  const order = new Map(grid.sheets.map((s, i) => [s.name, i]));
  for (const list of Object.values(located.sheets)) list.sort((a, b) => order.get(a.grid.name)! - order.get(b.grid.name)!);

  const read = (
    key: RecordSheetKey,
    sheet: SheetReader,
    header: HeaderMap,
    source: Omit<RecordSource, 'values' | 'needed'>,
    reason: string,
    categories?: string[],
  ) => {
    const units = ledger.records.organization.map((r) => r.data.单位名称).filter((n): n is string => n !== undefined);
    // A topic's other sheets say what a column holds where this sheet's own cells are too few.
    const kin = source.rows ? [] : (located.sheets[key] ?? []).filter((s) => s.grid.name !== sheet.name).map((s) => sheetReader(s.grid));
    const mapped = mappings.columns.get(key) ?? new Map<string, string>();
    findings.push(
      ...readColumnsByContent(sheet, header, fieldsOf(recordSheets[key].schema), { units, ctx, ownSheet: !source.rows, mapped, kin }),
    );
    const result = readRecords(key, sheet, header, ctx, {
      ...source,
      values: mappings.values.get(key),
      needed: neededFields(key, ledger.plan),
    });
    (ledger.records[key] as LedgerRecord[]).push(...(result.records as LedgerRecord[]));
    findings.push(...result.findings);
    const title = recordSheets[key].title;
    book.rows(
      sheet,
      key,
      result.rowKinds,
      result.records as LedgerRecord[],
      result.unplaced.map((cells) => cellsWhy(cells, title)),
    );
    for (const cells of result.unplaced) {
      ledger.unplaced.push({ sheet: sheet.name, row: cells.row, topics: [key], ...dateOf(sheet, cells.row, ctx) });
    }
    const derived = [...result.derived];
    const location: SheetLocation = { name: sheet.name, headerRow: header.row, fields: [...header.columns.keys(), ...derived] };
    const topicSource: TopicSource = { sheet: sheet.name, reason, header, derived, ...(categories ? { categories } : {}) };
    joinSource(key, location, topicSource);
  };

  /** A topic's first sheet stands for it; the others are `also`, and their fields are the topic's too. */
  function joinSource(key: RecordSheetKey, location: SheetLocation, source: TopicSource) {
    const first = ledger.sheets[key];
    if (!first || first.headerRow === 0) {
      ledger.sheets[key] = first && first.headerRow === 0 && location.headerRow === 0 ? first : location;
      recognition.topics[key] = source;
    } else {
      first.also = [...(first.also ?? []), location];
      first.fields = [...new Set([...(first.fields ?? []), ...(location.fields ?? [])])];
    }
    (recognition.sources[key] ??= []).push(source);
  }

  for (const key of recordSheetKeys) {
    for (const found of located.sheets[key] ?? []) {
      const sheet = sheetReader(found.grid);
      const header = findHeader(sheet, fieldsOf(recordSheets[key].schema), mappings.columns.get(key) ?? new Map());
      // A second sheet of a topic left blank (a quarter not yet begun) is a template, not a problem.
      const blank = ledger.sheets[key] !== undefined && !header.header && isBlankSheet(sheet);
      if (!blank) findings.push(...header.findings);
      if (!header.header) {
        joinSource(
          key,
          { name: sheet.name, headerRow: 0, fields: [] },
          { sheet: sheet.name, reason: found.reason, header: null, derived: [] },
        );
        book.rows(sheet, key, new Map(), []);
        continue;
      }
      read(key, sheet, header.header, { context: () => sheet.name }, found.reason);
    }
  }
  markUnreadColumns(ledger, recognition);

  for (const register of registers) readRegister(register);

  for (const sheet of grid.sheets) {
    if (book.has(sheet.name)) continue;
    const reader = sheetReader(sheet);
    const isSettings = sheet === settingsGrid;
    const ambiguous = recognition.ambiguous.find((a) => a.sheet === sheet.name);
    const undecided = ambiguous ? ambiguousRows(reader, ambiguous.keys, mappings) : [];
    book.other(
      reader,
      isSettings ? settingsSheetTitle : sheet === planGrid ? planSheetTitle : null,
      undecided.map((cells) => ({
        row: cells.row,
        column: cells.column,
        message: `第${cells.row}行有内容（${cells.what}），但工作表名称“${sheet.name}”可能指“${ambiguous!.keys.map((k) => recordSheets[k].title).join('”或“')}”，无法确定是哪一种台账，未能归类，未作检查。如需检查，请在基本信息中添加“表名映射”写明。`,
      })),
    );
    for (const cells of undecided) {
      ledger.unplaced.push({ sheet: sheet.name, row: cells.row, topics: ambiguous!.keys, ...dateOf(reader, cells.row, ctx) });
    }
    if (!isSettings && !ambiguous && !byContent.includes(sheet) && !recognition.notRegisters.some((n) => n.sheet === sheet.name)) {
      recognition.notRegisters.push({ sheet: sheet.name, reason: '名称、标题和表头都不像任何一种台账' });
    }
  }
  for (const n of recognition.notRegisters) {
    const grid0 = grid.sheets.find((s) => s.name === n.sheet);
    if (!grid0) continue;
    const open = recordSheetKeys.filter((k) => !ledger.sheets[k]);
    const reader = sheetReader(grid0);
    if (!notRegisterName(n.sheet, settings.台账年度))
      recognition.unmatched.push({ sheet: n.sheet, likely: likelyTopic(reader, open, mappings.columns) });
  }
  ledger.account = book.account(grid.sheets.map((s) => s.name));
  findings.push(...book.findings());
  findings.push(...readShortUnitNames(ledger));

  function readRegister(register: CombinedRegister) {
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
    book.rows(sheet, null, new Map(), []);
    for (const [category, rows] of unknown) {
      recognition.uncategorised.push({ sheet: sheet.name, category, rows });
      // A category naming several topics might be any of them; one naming none (阵地管理, 信息报送) is
      // work the plan's requirements do not count, so it leaves them as they are.
      const could = nameMeaning(category).keys;
      const placed = rows.filter((row) => hasContent(sheet, row) && !isTotalRow(sheet, row));
      for (const row of placed) ledger.unplaced.push({ sheet: sheet.name, row, topics: could, ...dateOf(sheet, row, ctx) });
      book.unplaced(
        sheet.name,
        placed.map((row) => ({
          row,
          column: register.categoryColumn,
          message: `第${row}行记的“${category}”对应不到任何一种台账，未能归类，未作检查。`,
        })),
      );
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
