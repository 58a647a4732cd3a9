/**
 * The part of the Excel JavaScript API the add-in uses, as plain interfaces. The adapter is written
 * against these, so a test can hand it a small fake host; `Excel.RequestContext` satisfies them
 * (the adapter's binding to the real `Excel.run` is where the compiler checks that).
 */
import type { CellValue } from '../../ledger/grid/types';

export interface ClientResult<T> {
  readonly value: T;
}

/** What `getCellProperties` reports of a cell's fill, and what `setCellProperties` takes back. */
export interface FillProperties {
  color?: string;
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

export interface CellFillProperties {
  format?: { fill?: FillProperties };
}

export interface HyperlinkApi {
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface RangeFormatApi {
  fill: { color: string; clear(): void };
  font: { bold: boolean; color: string };
  columnWidth: number;
  wrapText: boolean;
  verticalAlignment: string;
}

export interface RangeApi {
  readonly isNullObject: boolean;
  /** `Sheet1!B7`, or `'二、分析研判'!B7` where the sheet's name needs quoting. */
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: CellValue[][];
  numberFormat: string[][];
  hyperlink: HyperlinkApi;
  readonly format: RangeFormatApi;
  load(propertyNames: string): RangeApi;
  getMergedAreasOrNullObject(): RangeAreasApi;
  getCellProperties(options: { format: { fill: Record<keyof FillProperties, true> } }): ClientResult<CellFillProperties[][]>;
  setCellProperties(cellPropertiesData: CellFillProperties[][]): void;
  select(): void;
}

export interface RangeAreasApi {
  readonly isNullObject: boolean;
  /** `Sheet1!A1:C1, Sheet1!A5:B6`: every area with its sheet. */
  readonly address: string;
  load(propertyNames: string): RangeAreasApi;
}

export interface NoteApi {
  readonly isNullObject: boolean;
  content: string;
  load(propertyNames: string): NoteApi;
  delete(): void;
}

export interface NoteCollectionApi {
  add(cellAddress: string, content: string): NoteApi;
  getItemOrNullObject(key: string): NoteApi;
}

export interface WorksheetApi {
  readonly isNullObject: boolean;
  readonly name: string;
  readonly notes: NoteCollectionApi;
  readonly freezePanes: { freezeRows(count?: number): void };
  load(propertyNames: string): WorksheetApi;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeApi;
  getRange(address?: string): RangeApi;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeApi;
  activate(): void;
  delete(): void;
}

export interface WorksheetCollectionApi {
  readonly items: WorksheetApi[];
  load(propertyNames: string): WorksheetCollectionApi;
  getItem(key: string): WorksheetApi;
  getItemOrNullObject(key: string): WorksheetApi;
  add(name?: string): WorksheetApi;
}

export interface CustomXmlPartApi {
  readonly isNullObject: boolean;
  getXml(): ClientResult<string>;
  delete(): void;
}

export interface CustomXmlPartCollectionApi {
  add(xml: string): CustomXmlPartApi;
  getByNamespace(namespaceUri: string): { getOnlyItemOrNullObject(): CustomXmlPartApi };
}

/** A workbook name (ExcelApi 1.4): it follows its cell when rows and columns are inserted or deleted. */
export interface NamedItemApi {
  readonly name: string;
  visible: boolean;
  getRangeOrNullObject(): RangeApi;
  delete(): void;
}

export interface NamedItemCollectionApi {
  readonly items: NamedItemApi[];
  load(propertyNames: string): NamedItemCollectionApi;
  /** `reference` is a formula such as `='学习培训'!$B$6`. */
  add(name: string, reference: string, comment?: string): NamedItemApi;
  getItem(name: string): NamedItemApi;
}

export interface FunctionResultApi<T> {
  readonly value: T;
  load(propertyNames: string): FunctionResultApi<T>;
}

/** Excel's worksheet functions, evaluated in the workbook (ExcelApi 1.2). */
export interface FunctionsApi {
  date(year: number, month: number, day: number): FunctionResultApi<number>;
}

export interface WorkbookApi {
  /** The file name, `2026年台账.xlsx` (ExcelApi 1.7). */
  readonly name: string;
  load(propertyNames: string): WorkbookApi;
  readonly worksheets: WorksheetCollectionApi;
  readonly customXmlParts: CustomXmlPartCollectionApi;
  readonly functions: FunctionsApi;
  readonly names: NamedItemCollectionApi;
}

export interface ExcelContext {
  readonly workbook: WorkbookApi;
  sync(): Promise<unknown>;
}

/** `Excel.run`, narrowed to the API subset above. */
export type ExcelRun = <T>(batch: (context: ExcelContext) => Promise<T>) => Promise<T>;

/** What the host can do beyond ExcelApi 1.13, which the manifest requires. */
export interface HostFeatures {
  /** Cell notes (ExcelApi 1.18); without them a mark is the fill alone. */
  notes: boolean;
}
