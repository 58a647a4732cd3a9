/// <reference types="office-js" />
/**
 * Every call into Office.js lives here. The pane asks this module for the workbook as grids, for a
 * cell to be shown, for marks to be set or cleared and for the `校验结果` sheet; all rules run in the
 * core on the grids it returns.
 *
 * Round trips are what make an add-in slow (each `context.sync()` crosses to Excel and back), so
 * every operation queues all its work and syncs a fixed number of times, whatever the number of rows,
 * cells or findings.
 */
import type { Finding } from '../../ledger/findings';
import type { WorkbookGrid } from '../../ledger/grid/types';
import type { ValidationResult } from '../../ledger/model';
import type { BlockData, UsedArea } from './readPlan';
import { assembleSheet, rowBlocks } from './readPlan';
import type {
  CellFillProperties,
  ClientResult,
  ExcelContext,
  ExcelRun,
  FillProperties,
  HostFeatures,
  NoteApi,
  RangeApi,
  WorksheetApi,
} from './api';
import type { CellLook, MarkRecord, MarkTarget, OriginalCell } from './marks';
import {
  cellKey,
  cellReference,
  emptyRecord,
  fillPropertyNames,
  isNoFill,
  markFill,
  markName,
  markNamePrefix,
  marksNamespace,
  marksXml,
  parseMarksXml,
  planMarks,
  restorePlan,
  splitAddress,
} from './marks';
import { linkColumn, resultColumnWidths, resultSheet, resultSheetName } from './resultSheet';

export interface MarkOutcome {
  /** Cells marked. */
  marked: number;
  /** Findings that could not be marked because their sheet is not in the workbook (S01). */
  skipped: number;
}

export interface ClearOutcome {
  /** Cells given back their own fill and note. */
  restored: number;
  /** Marked cells whose fill and note the clerk has redone since; they keep the clerk's look. */
  leftAlone: number;
}

/** The workbook as the pane sees it. */
export interface LedgerHost {
  readonly features: HostFeatures;
  readWorkbook(): Promise<WorkbookGrid>;
  /** Activates the sheet and selects the cell; false when the sheet is not there. */
  selectCell(sheet: string, cell: string): Promise<boolean>;
  applyMarks(findings: readonly Finding[]): Promise<MarkOutcome>;
  /** Restores the fill and note of every marked cell that still shows its mark. */
  clearMarks(): Promise<ClearOutcome>;
  writeResultSheet(result: ValidationResult): Promise<void>;
}

interface SheetLayout {
  name: string;
  area: UsedArea | null;
}

interface BlockRead {
  sheet: string;
  block: UsedArea;
}

const payloadTooLarge = new Set(['ResponsePayloadSizeLimitExceeded', 'RequestPayloadSizeLimitExceeded']);

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A message for the clerk: Office's own error codes are English and mean nothing to them. */
export function describeHostError(error: unknown): string {
  const code = errorCode(error);
  if (code === 'InvalidOperationInCellEditMode') return 'Excel 正处于单元格编辑状态，请按回车或 Esc 结束编辑后再试。';
  if (code === 'AccessDenied' || code === 'InsufficientPermission') return '工作簿受保护或为只读，无法写入。请撤销保护或另存一份后再试。';
  if (code !== undefined && payloadTooLarge.has(code)) return '工作表过大，Excel 网页版无法一次读取。请删除多余的空行空列后再试。';
  const message = error instanceof Error ? error.message : String(error);
  return code === undefined ? message : `Excel 返回错误（${code}）：${message}`;
}

/** Serial of 2000-01-01 in the 1900 date system; the 1904 system counts 1462 days fewer. */
const serial2000 = 36526;

async function sheetLayouts(run: ExcelRun): Promise<{ name: string; date1904: boolean; sheets: SheetLayout[] }> {
  return run(async (context) => {
    const { workbook } = context;
    workbook.load('name');
    const worksheets = workbook.worksheets.load('items/name');
    // Office.js has no date-system flag, but DATE() answers in the workbook's own system.
    const probe = workbook.functions.date(2000, 1, 1).load('value');
    await context.sync();
    // The result sheet is ours and can be long; the core would ignore it anyway.
    const sheets = worksheets.items.filter((ws) => ws.name !== resultSheetName);
    const used = sheets.map((ws) => ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'));
    await context.sync();
    return {
      name: workbook.name,
      date1904: probe.value < serial2000,
      sheets: sheets.map((ws, i) => {
        const u = used[i];
        return {
          name: ws.name,
          area: u.isNullObject
            ? null
            : { rowIndex: u.rowIndex, columnIndex: u.columnIndex, rowCount: u.rowCount, columnCount: u.columnCount },
        };
      }),
    };
  });
}

async function loadBlocks(context: ExcelContext, reads: readonly BlockRead[]): Promise<BlockData[]> {
  const proxies = reads.map(({ sheet, block }) => {
    const range = context.workbook.worksheets
      .getItem(sheet)
      .getRangeByIndexes(block.rowIndex, block.columnIndex, block.rowCount, block.columnCount)
      .load('values,numberFormat');
    return { range, merged: range.getMergedAreasOrNullObject().load('address') };
  });
  await context.sync();
  return proxies.map(({ range, merged }) => ({
    values: range.values,
    numberFormat: range.numberFormat,
    mergedAddress: merged.isNullObject ? null : merged.address,
  }));
}

/**
 * All blocks of all sheets in one round trip. Excel on the web refuses an answer over 5 MB; only
 * then, block by block.
 */
async function readBlocks(run: ExcelRun, reads: readonly BlockRead[]): Promise<BlockData[]> {
  if (reads.length === 0) return [];
  try {
    return await run((context) => loadBlocks(context, reads));
  } catch (error) {
    const code = errorCode(error);
    if (code === undefined || !payloadTooLarge.has(code)) throw error;
    return run(async (context) => {
      const data: BlockData[] = [];
      for (const read of reads) data.push(...(await loadBlocks(context, [read])));
      return data;
    });
  }
}

async function readWorkbook(run: ExcelRun): Promise<WorkbookGrid> {
  const layout = await sheetLayouts(run);
  const plans = layout.sheets.map((sheet) => ({ ...sheet, blocks: sheet.area ? rowBlocks(sheet.area) : [] }));
  const data = await readBlocks(
    run,
    plans.flatMap((p) => p.blocks.map((block) => ({ sheet: p.name, block }))),
  );
  let next = 0;
  const sheets = plans.map((p) => {
    const blocks = data.slice(next, next + p.blocks.length);
    next += p.blocks.length;
    return assembleSheet(p.name, p.area, blocks);
  });
  return { name: layout.name, date1904: layout.date1904, sheets };
}

async function selectCell(run: ExcelRun, sheet: string, cell: string): Promise<boolean> {
  try {
    await run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(cell).select();
      await context.sync();
    });
    return true;
  } catch (error) {
    if (errorCode(error) === 'ItemNotFound') return false;
    throw error;
  }
}

/** A fill as `setCellProperties` takes it: properties Excel reported as null are left out. */
function settableFill(fill: FillProperties): FillProperties {
  return Object.fromEntries(Object.entries(fill).filter(([, v]) => v !== null && v !== undefined)) as FillProperties;
}

interface QueuedLook {
  fill: ClientResult<CellFillProperties[][]>;
  note: NoteApi | null;
}

function lookOf(queued: QueuedLook): CellLook {
  const fill = queued.fill.value[0]?.[0]?.format?.fill ?? {};
  return queued.note === null ? { fill } : { fill, note: queued.note.isNullObject ? null : queued.note.content };
}

class MarkWriter {
  private readonly sheets = new Map<string, WorksheetApi>();

  constructor(
    private readonly context: ExcelContext,
    private readonly features: HostFeatures,
  ) {}

  sheet(name: string): WorksheetApi {
    let ws = this.sheets.get(name);
    if (!ws) {
      ws = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, ws);
    }
    return ws;
  }

  range(sheet: string, cell: string): RangeApi {
    return this.sheet(sheet).getRange(cell);
  }

  /** Queues a load of the cell's note; after the sync, a null object means the cell has none. */
  note(sheet: string, cell: string): NoteApi | null {
    return this.features.notes ? this.sheet(sheet).notes.getItemOrNullObject(cell).load('content') : null;
  }

  writeNote(sheet: string, cell: string, current: NoteApi | null, text: string | null): void {
    const exists = current !== null && !current.isNullObject;
    if (text === null) {
      if (exists) current.delete();
    } else if (exists) {
      current.content = text;
    } else {
      this.sheet(sheet).notes.add(cell, text);
    }
  }

  /** Queues a load of how a recorded cell looks now: its fill and, where the host has notes, its note. */
  look(sheet: string, cell: string): QueuedLook {
    return { fill: this.range(sheet, cell).getCellProperties({ format: { fill: fillPropertyNames } }), note: this.note(sheet, cell) };
  }

  /** Puts a recorded cell's own look back where it is now, if it still shows our mark; false where it does not. */
  restore(at: Located, queued: QueuedLook): boolean {
    const { original } = at;
    const plan = restorePlan(original, lookOf(queued));
    if (!plan) return false;
    const range = this.range(at.sheet, at.cell);
    if (plan.fill && isNoFill(original.fill)) range.format.fill.clear();
    else if (plan.fill) range.setCellProperties([[{ format: { fill: settableFill(original.fill) } }]]);
    if (plan.note && original.note !== undefined) this.writeNote(at.sheet, at.cell, queued.note, original.note);
    return true;
  }

  mark(target: MarkTarget, currentNote: NoteApi | null): void {
    this.range(target.sheet, target.cell).format.fill.color = markFill[target.severity];
    if (this.features.notes) this.writeNote(target.sheet, target.cell, currentNote, target.note);
  }
}

/** A recorded cell and where it is now. */
interface Located {
  original: OriginalCell;
  sheet: string;
  cell: string;
}

/** First round trip of marking and clearing: the sheets, our record's part and our hidden names. */
async function openRecord(context: ExcelContext) {
  const worksheets = context.workbook.worksheets.load('items/name');
  const part = context.workbook.customXmlParts.getByNamespace(marksNamespace).getOnlyItemOrNullObject();
  const names = context.workbook.names.load('items/name');
  await context.sync();
  return {
    sheetNames: new Set(worksheets.items.map((ws) => ws.name)),
    part,
    markNames: names.items.map((n) => n.name).filter((n) => n.startsWith(markNamePrefix)),
  };
}

/**
 * Queues where each of our names points now. After the sync, the function returned places each
 * recorded cell: where its name has moved it, or at its recorded address in a record written before
 * marks had names. A cell whose row, column or sheet has been deleted since is gone and left out.
 */
function queueLocations(context: ExcelContext, markNames: readonly string[]) {
  const ranges = new Map(markNames.map((name) => [name, context.workbook.names.getItem(name).getRangeOrNullObject().load('address')]));
  return (record: MarkRecord, sheetNames: ReadonlySet<string>): Located[] =>
    record.cells.flatMap((original): Located[] => {
      if (original.name === undefined)
        return sheetNames.has(original.sheet) ? [{ original, sheet: original.sheet, cell: original.cell }] : [];
      const range = ranges.get(original.name);
      return range && !range.isNullObject ? [{ original, ...splitAddress(range.address) }] : [];
    });
}

async function applyMarks(run: ExcelRun, features: HostFeatures, findings: readonly Finding[]): Promise<MarkOutcome> {
  return run(async (context) => {
    const { sheetNames, part, markNames } = await openRecord(context);
    const writer = new MarkWriter(context, features);
    const xml = part.isNullObject ? null : part.getXml();
    const locations = queueLocations(context, markNames);
    const targets = planMarks(findings, sheetNames);
    const current = targets.map((t) => writer.look(t.sheet, t.cell));
    await context.sync();

    const previous = locations(xml ? parseMarksXml(xml.value) : emptyRecord, sheetNames);
    const previousByKey = new Map(previous.map((p) => [cellKey(p.sheet, p.cell), p.original]));
    const targetKeys = new Set(targets.map((t) => cellKey(t.sheet, t.cell)));
    // Cells marked last time that are fine now get their own look back.
    const stale = previous.filter((p) => !targetKeys.has(cellKey(p.sheet, p.cell)));
    const staleLooks = stale.map((p) => writer.look(p.sheet, p.cell));
    if (stale.length > 0) await context.sync();

    stale.forEach((p, i) => writer.restore(p, staleLooks[i]));
    const stamp = Date.now().toString(36);
    const names = targets.map((_, i) => markName(stamp, i));
    const record = targets.map((t, i): OriginalCell => {
      const fill = current[i].fill.value[0]?.[0]?.format?.fill ?? {};
      const note = current[i].note;
      const at = { sheet: t.sheet, cell: t.cell, name: names[i] };
      const now: OriginalCell = { ...at, fill, ...(note ? { note: note.isNullObject ? null : note.content } : {}) };
      // A cell marked before keeps the look it had before the first mark, not our mark's.
      const before = previousByKey.get(cellKey(t.sheet, t.cell));
      return before ? { ...before, ...at, note: before.note !== undefined ? before.note : now.note } : now;
    });
    for (const name of markNames) context.workbook.names.getItem(name).delete();
    targets.forEach((t, i) => {
      writer.mark(t, current[i].note);
      context.workbook.names.add(names[i], cellReference(t.sheet, t.cell), '台账助手的标注，清除标注时删除').visible = false;
    });
    if (!part.isNullObject) part.delete();
    if (record.length > 0) context.workbook.customXmlParts.add(marksXml({ version: 1, cells: record }));
    await context.sync();
    return { marked: targets.length, skipped: findings.filter((f) => !sheetNames.has(f.sheet)).length };
  });
}

async function clearMarks(run: ExcelRun, features: HostFeatures): Promise<ClearOutcome> {
  return run(async (context) => {
    const { sheetNames, part, markNames } = await openRecord(context);
    if (part.isNullObject && markNames.length === 0) return { restored: 0, leftAlone: 0 };
    const xml = part.isNullObject ? null : part.getXml();
    const locations = queueLocations(context, markNames);
    await context.sync();
    const writer = new MarkWriter(context, features);
    const cells = locations(xml ? parseMarksXml(xml.value) : emptyRecord, sheetNames);
    const looks = cells.map((c) => writer.look(c.sheet, c.cell));
    if (cells.length > 0) await context.sync();
    const restored = cells.filter((c, i) => writer.restore(c, looks[i])).length;
    for (const name of markNames) context.workbook.names.getItem(name).delete();
    if (!part.isNullObject) part.delete();
    await context.sync();
    return { restored, leftAlone: cells.length - restored };
  });
}

async function writeResultSheet(run: ExcelRun, result: ValidationResult): Promise<void> {
  await run(async (context) => {
    const { worksheets } = context.workbook;
    worksheets.load('items/name');
    const existing = worksheets.getItemOrNullObject(resultSheetName);
    await context.sync();
    const sheetNames = new Set(worksheets.items.map((ws) => ws.name));
    if (!existing.isNullObject) existing.delete();
    const sheet = resultSheet(result, sheetNames);
    const width = sheet.rows[0].length;
    const ws = worksheets.add(resultSheetName);
    const all = ws.getRangeByIndexes(0, 0, sheet.rows.length, width);
    // Text format first: a value typed as `=…` in the ledger must land as text, never as a formula.
    all.numberFormat = sheet.rows.map((row) => row.map(() => '@'));
    all.values = sheet.rows;
    ws.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
    const header = ws.getRangeByIndexes(sheet.headerRows - 1, 0, 1, width);
    header.format.font.bold = true;
    header.format.fill.color = '#F3F2F1';
    resultColumnWidths.forEach((w, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w));
    const findingRows = sheet.rows.length - sheet.headerRows;
    if (findingRows > 0) {
      const body = ws.getRangeByIndexes(sheet.headerRows, 0, findingRows, width);
      body.format.wrapText = true;
      body.format.verticalAlignment = 'Top';
    }
    for (const link of sheet.links) {
      ws.getRangeByIndexes(link.row, linkColumn, 1, 1).hyperlink = {
        documentReference: link.reference,
        textToDisplay: link.text,
        screenTip: '转到该单元格',
      };
    }
    ws.freezePanes.freezeRows(sheet.headerRows);
    ws.activate();
    await context.sync();
  });
}

/** The adapter on any `Excel.run`: the real one in Office, a fake one in tests. */
export function excelHost(run: ExcelRun, features: HostFeatures): LedgerHost {
  return {
    features,
    readWorkbook: () => readWorkbook(run),
    selectCell: (sheet, cell) => selectCell(run, sheet, cell),
    applyMarks: (findings) => applyMarks(run, features, findings),
    clearMarks: () => clearMarks(run, features),
    writeResultSheet: (result) => writeResultSheet(run, result),
  };
}

/** A host injected into the page by a browser test, where Office.js finds no Excel around it. */
export interface InjectedExcel {
  run: ExcelRun;
  features: HostFeatures;
}

declare global {
  var taizhangInjectedExcel: InjectedExcel | undefined;
}

/** Waits for Office.js; null when the page is not running inside Excel. */
export async function connectToExcel(): Promise<LedgerHost | null> {
  const info = typeof Office === 'undefined' ? null : await Office.onReady();
  if (info?.host === Office.HostType.Excel) {
    // delayForCellEdit: a click while the clerk is typing in a cell waits for the edit to end.
    const run: ExcelRun = (batch) => Excel.run({ delayForCellEdit: true }, (context) => batch(context));
    return excelHost(run, { notes: Office.context.requirements.isSetSupported('ExcelApi', '1.18') });
  }
  const injected = globalThis.taizhangInjectedExcel;
  return injected ? excelHost(injected.run, injected.features) : null;
}
