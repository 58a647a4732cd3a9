/// <reference types="office-js" />
/**
 * Every call into Office.js lives in this folder, and this module is its face: the pane asks it for
 * the workbook as grids, for a cell to be shown, for marks to be set or cleared and for the
 * `校验结果` sheet; all rules run in the core on the grids it returns. Whatever fails comes out as a
 * HostError whose message the clerk can read (hostErrors.ts).
 *
 * Round trips are what make an add-in slow (each `context.sync()` crosses to Excel and back), so
 * every operation queues its work and syncs a fixed number of times on the desktop, whatever the
 * number of rows, cells or findings; only Excel on the web's 5 MB cap adds round trips, about one
 * per 4 MB of data.
 */
import type { WorkbookGrid } from '../../ledger/grid/types';
import type { ValidationResult } from '../../ledger/model';
import type { ExcelRun, HostFeatures, WorksheetApi } from './api';
import { hostCapabilities } from './capabilities';
import type { FileDocument } from './fileBytes';
import { readWorkbookFile } from './fileBytes';
import { asHostAction, errorCode } from './hostErrors';
import type { ClearOutcome, MarkOutcome } from './marking';
import { applyMarks, clearMarks } from './marking';
import type { Write } from './payload';
import { requestBytes, withinBudget, writeInRounds } from './payload';
import { readWorkbook } from './read';
import { linkColumn, resultColumnWidths, resultSheet, resultSheetName } from './resultSheet';
import type { FoundSettings, MappingLine, SaveOutcome } from './settingsSheet';
import { saveMappings } from './settingsSheet';

export { hostFeatures } from './capabilities';
export type { ClearOutcome, MarkOutcome } from './marking';
export type { FoundSettings, MappingLine, SaveOutcome } from './settingsSheet';
export { describeHostError } from './hostErrors';

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
  /** 保存对应关系: the lines into 基本信息, which is added when absent, holding what the check `found`. */
  saveMappings(lines: readonly MappingLine[], found: FoundSettings): Promise<SaveOutcome>;
}

type Finding = ValidationResult['findings'][number];

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

const once =
  (apply: () => void): Write['apply'] =>
  () => {
    apply();
    return undefined;
  };

/** The sheet replaced in round trips within the web's request cap: first the frame, then the rows in runs. */
async function writeResultSheet(run: ExcelRun, result: ValidationResult): Promise<void> {
  await run(async (context) => {
    const { worksheets } = context.workbook;
    worksheets.load('items/name');
    const existing = worksheets.getItemOrNullObject(resultSheetName);
    await context.sync();
    const sheet = resultSheet(result, new Set(worksheets.items.map((ws) => ws.name)));
    const width = sheet.rows[0].length;
    let ws: WorksheetApi | undefined;
    const at = () => {
      if (!ws) throw new Error('result sheet written before it was added');
      return ws;
    };
    const frame: Write = {
      bytes: requestBytes(8 + width),
      apply: once(() => {
        if (!existing.isNullObject) existing.delete();
        ws = worksheets.add(resultSheetName);
        resultColumnWidths.forEach((w, c) => (at().getRangeByIndexes(0, c, 1, 1).format.columnWidth = w));
      }),
    };
    const rowIndexes = sheet.rows.map((_, i) => i);
    const runs = withinBudget(rowIndexes, (i) => requestBytes(0, sheet.rows[i], sheet.rows[i]) + 300);
    const rows: Write[] = runs.map((indexes) => {
      const first = indexes[0];
      const block = sheet.rows.slice(first, first + indexes.length);
      const links = sheet.links.filter((l) => l.row >= first && l.row < first + indexes.length);
      return {
        bytes: requestBytes(4 + links.length * 2, block, block, links),
        apply: once(() => {
          const range = at().getRangeByIndexes(first, 0, block.length, width);
          // Text format first: a value typed as `=…` in the ledger must land as text, never as a formula;
          // numbers keep the general format, or Excel would store them as text.
          range.numberFormat = block.map((row) => row.map((v) => (typeof v === 'number' ? 'General' : '@')));
          range.values = block;
          for (const link of links)
            at().getRangeByIndexes(link.row, linkColumn, 1, 1).hyperlink = {
              documentReference: link.reference,
              textToDisplay: link.text,
              screenTip: '转到该单元格',
            };
        }),
      };
    });
    const findingRows = sheet.rows.length - sheet.headerRows;
    const looks: Write = {
      bytes: requestBytes(12),
      apply: once(() => {
        at().getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
        const header = at().getRangeByIndexes(sheet.headerRows - 1, 0, 1, width);
        header.format.font.bold = true;
        header.format.fill.color = '#F3F2F1';
        if (findingRows > 0) {
          const body = at().getRangeByIndexes(sheet.headerRows, 0, findingRows, width);
          body.format.wrapText = true;
          body.format.verticalAlignment = 'Top';
        }
        at().freezePanes.freezeRows(sheet.headerRows);
        at().activate();
      }),
    };
    await writeInRounds(context, [frame, ...rows, looks]);
  });
}

/**
 * The adapter on any `Excel.run`: the real one in Office, a fake one in tests. `file` is the Common
 * API's document, read where the host cannot read the cells with their merges (`features.readsFile`).
 */
export function excelHost(run: ExcelRun, features: HostFeatures, file?: FileDocument): LedgerHost {
  return {
    features,
    readWorkbook: () => asHostAction('read', () => (features.readsFile ? readWorkbookFile(run, file) : readWorkbook(run))),
    selectCell: (sheet, cell) => asHostAction('select', () => selectCell(run, sheet, cell)),
    applyMarks: (findings) => asHostAction('mark', () => applyMarks(run, features, findings)),
    clearMarks: () => asHostAction('clear', () => clearMarks(run, features)),
    writeResultSheet: (result) => asHostAction('write', () => writeResultSheet(run, result)),
    saveMappings: (lines, found) => asHostAction('saveMappings', () => saveMappings(run, lines, found)),
  };
}

/** A host injected into the page by a browser test, where Office.js finds no Excel around it. */
export interface InjectedExcel {
  run: ExcelRun;
  features: HostFeatures;
  file?: FileDocument;
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
    const file: FileDocument = {
      getFileAsync: (_, options, callback) => Office.context.document.getFileAsync(Office.FileType.Compressed, options, callback),
    };
    return excelHost(run, hostCapabilities(Office.context.requirements, Excel), file);
  }
  const injected = globalThis.taizhangInjectedExcel;
  return injected ? excelHost(injected.run, injected.features, injected.file) : null;
}
