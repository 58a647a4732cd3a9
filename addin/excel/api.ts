/**
 * The part of the Excel JavaScript API the add-in uses, as plain interfaces. The adapter is written
 * against these, so a test can hand it a small fake host; `Excel.RequestContext` satisfies them
 * (the adapter's binding to the real `Excel.run` is where the compiler checks that).
 *
 * `excelMembers` lists, per Excel class, every member these interfaces name; the compiler holds each
 * list to exactly its interface's keys, and a browser test loads each host file of the office.js the
 * add-in ships and looks every member up there (test/addin/officeJsHosts.e2e.test.ts).
 */
import type { CellValue } from '../../ledger/grid/types';

export interface ClientResult<T> {
  readonly value: T;
}

/**
 * What `getCellProperties` reports of a cell's fill, and what `setCellProperties` takes back. Real
 * Excel reports a cell without fill as color `#FFFFFF` with `pattern` and `tintAndShade` null
 * (OfficeDev/office-js #4900, #6218), so every property may be null.
 */
export interface FillProperties {
  color?: string | null;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
  patternTintAndShade?: number | null;
}

export interface CellFillProperties {
  format?: { fill?: FillProperties };
}

export interface HyperlinkApi {
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface RangeFillApi {
  /** The fill's colour alone (ExcelApi 1.1): `#FFFFFF` both for no fill and for a white fill (#4900). */
  color: string;
  load(propertyNames: string): RangeFillApi;
  clear(): void;
}

export interface RangeFontApi {
  bold: boolean;
}

export interface RangeFormatApi {
  readonly fill: RangeFillApi;
  readonly font: RangeFontApi;
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

export interface RangeCollectionApi {
  readonly items: RangeApi[];
}

export interface RangeAreasApi {
  readonly isNullObject: boolean;
  /** Each merged area as a range of its own (ExcelApi 1.9). */
  readonly areas: RangeCollectionApi;
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

/** A threaded comment (ExcelApi 1.10); the add-in only asks where it is. */
export interface CommentApi {
  getLocation(): RangeApi;
}

export interface CommentCollectionApi {
  readonly items: CommentApi[];
  load(propertyNames: string): CommentCollectionApi;
}

export interface WorksheetProtectionApi {
  readonly protected: boolean;
  load(propertyNames: string): WorksheetProtectionApi;
}

export interface WorksheetFreezePanesApi {
  freezeRows(count?: number): void;
}

export interface WorksheetApi {
  readonly isNullObject: boolean;
  readonly name: string;
  readonly freezePanes: WorksheetFreezePanesApi;
  readonly protection: WorksheetProtectionApi;
  load(propertyNames: string): WorksheetApi;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeApi;
  getRange(address?: string): RangeApi;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeApi;
  activate(): void;
  delete(): void;
}

/** Cell notes (ExcelApi 1.18): only on a worksheet where both the host and the loaded office.js have them. */
export interface WorksheetNotesApi {
  readonly notes: NoteCollectionApi;
}

export interface WorksheetCollectionApi {
  readonly items: WorksheetApi[];
  load(propertyNames: string): WorksheetCollectionApi;
  getItem(key: string): WorksheetApi;
  getItemOrNullObject(key: string): WorksheetApi;
  add(name?: string): WorksheetApi;
}

export interface CustomXmlPartApi {
  readonly id: string;
  getXml(): ClientResult<string>;
  delete(): void;
}

export interface CustomXmlPartScopedCollectionApi {
  readonly items: CustomXmlPartApi[];
  load(propertyNames: string): CustomXmlPartScopedCollectionApi;
}

export interface CustomXmlPartCollectionApi {
  add(xml: string): CustomXmlPartApi;
  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollectionApi;
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
  readonly comments: CommentCollectionApi;
}

export interface ExcelContext {
  readonly workbook: WorkbookApi;
  sync(): Promise<unknown>;
}

/** `Excel.run`, narrowed to the API subset above. */
export type ExcelRun = <T>(batch: (context: ExcelContext) => Promise<T>) => Promise<T>;

/** What the host and the loaded office.js can do (capabilities.ts decides). */
export interface HostFeatures {
  /** Cell notes (ExcelApi 1.18, host and library); without them a mark is the fill alone. */
  notes: boolean;
  /**
   * `getCellProperties`/`setCellProperties` (ExcelApi 1.9): a fill is read and put back whole. False:
   * by its colour alone (ExcelApi 1.1). Absent: as true.
   */
  cellProperties?: boolean;
  /**
   * The workbook is read from its file (`Document.getFileAsync`, File 1.1) because the host cannot read
   * merged areas (ExcelApi 1.13). Absent: as false.
   */
  readsFile?: boolean;
}

type MemberList<T> = readonly (keyof T & string)[];

/** `members` when it names every key of T; a compile error naming the key it lacks otherwise. */
const every =
  <T>() =>
  <const M extends MemberList<T>>(
    members: M & ([Exclude<keyof T, M[number]>] extends [never] ? unknown : { lacks: Exclude<keyof T, M[number]> }),
  ) =>
    members;

/** Every member of the Excel classes the adapter calls on any host, by the class's name in office.js. */
export const excelMembers = {
  RequestContext: every<ExcelContext>()(['workbook', 'sync']),
  Workbook: every<WorkbookApi>()(['name', 'load', 'worksheets', 'customXmlParts', 'functions', 'names', 'comments']),
  WorksheetCollection: every<WorksheetCollectionApi>()(['items', 'load', 'getItem', 'getItemOrNullObject', 'add']),
  Worksheet: every<WorksheetApi>()([
    'isNullObject',
    'name',
    'freezePanes',
    'protection',
    'load',
    'getUsedRangeOrNullObject',
    'getRange',
    'getRangeByIndexes',
    'activate',
    'delete',
  ]),
  WorksheetProtection: every<WorksheetProtectionApi>()(['protected', 'load']),
  WorksheetFreezePanes: every<WorksheetFreezePanesApi>()(['freezeRows']),
  Range: every<RangeApi>()([
    'isNullObject',
    'address',
    'rowIndex',
    'columnIndex',
    'rowCount',
    'columnCount',
    'values',
    'numberFormat',
    'hyperlink',
    'format',
    'load',
    'getMergedAreasOrNullObject',
    'getCellProperties',
    'setCellProperties',
    'select',
  ]),
  RangeCollection: every<RangeCollectionApi>()(['items']),
  RangeAreas: every<RangeAreasApi>()(['isNullObject', 'areas', 'load']),
  RangeFormat: every<RangeFormatApi>()(['fill', 'font', 'columnWidth', 'wrapText', 'verticalAlignment']),
  RangeFill: every<RangeFillApi>()(['color', 'load', 'clear']),
  RangeFont: every<RangeFontApi>()(['bold']),
  CommentCollection: every<CommentCollectionApi>()(['items', 'load']),
  Comment: every<CommentApi>()(['getLocation']),
  CustomXmlPartCollection: every<CustomXmlPartCollectionApi>()(['add', 'getByNamespace']),
  CustomXmlPartScopedCollection: every<CustomXmlPartScopedCollectionApi>()(['items', 'load']),
  CustomXmlPart: every<CustomXmlPartApi>()(['id', 'getXml', 'delete']),
  NamedItemCollection: every<NamedItemCollectionApi>()(['items', 'load', 'add', 'getItem']),
  NamedItem: every<NamedItemApi>()(['name', 'visible', 'getRangeOrNullObject', 'delete']),
  Functions: every<FunctionsApi>()(['date']),
  FunctionResult: every<FunctionResultApi<number>>()(['value', 'load']),
} as const;

/** The members notes need; used only where the loaded office.js has every one of them. */
export const noteMembers = {
  Worksheet: every<WorksheetNotesApi>()(['notes']),
  NoteCollection: every<NoteCollectionApi>()(['add', 'getItemOrNullObject']),
  Note: every<NoteApi>()(['isNullObject', 'content', 'load', 'delete']),
} as const;

export type MemberTable = Readonly<Record<string, readonly string[]>>;

/**
 * `Class.member` for each listed member the loaded office.js does not define. `isSetSupported` answers
 * for the host, not for the library: office.js 1.1.110 from npm runs on hosts with ExcelApi 1.18 yet
 * has no `Worksheet.notes`. Self-contained, so a browser test can run it in a page.
 */
export function missingMembers(excel: unknown, table: MemberTable): string[] {
  const missing: string[] = [];
  for (const [name, members] of Object.entries(table)) {
    const type = (excel as Record<string, { prototype?: object } | undefined> | undefined)?.[name];
    for (const member of members) if (!type?.prototype || !(member in type.prototype)) missing.push(`${name}.${member}`);
  }
  return missing;
}
