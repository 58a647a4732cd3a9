/**
 * A small fake of the Excel JavaScript API subset in addin/excel/api.ts, strict where Excel is:
 * nothing happens until `context.sync()`, a property read before it was loaded and synced throws,
 * `getItem` of a missing sheet fails the batch, and so does a method called on a null object. It
 * counts round trips, so the tests and the bench can hold the adapter to a fixed number of them.
 * No Node APIs: the browser test bundles it into the page.
 *
 * It is as unkind as real Excel where Microsoft's documentation and issue threads say Excel is:
 * - a batch is not a transaction: when a command fails, the commands before it stay applied;
 * - Excel on the web refuses a request or an answer over 5 MB of UTF-8 (`web` option), as
 *   RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded (learn.microsoft.com, "Resource
 *   limits and performance optimization for Office Add-ins" and the Excel API error codes); the refused
 *   batch's reads return nothing, and the context goes on working;
 * - a cell without fill reads as color #FFFFFF, pattern null, tintAndShade null (OfficeDev/office-js
 *   #4900, #6218), and writing a colour to it paints a solid fill (#2349); a solid fill, white
 *   included, reads with pattern null as #4900 reports, or 'Solid' as the FillPattern reference says
 *   (`solidPattern` option), and a number in tintAndShade (Microsoft's answer in #4900);
 * - getMergedAreasOrNullObject returns only merges whose top-left cell lies in the range, whole (#3611),
 *   or, as the Range reference can also be read, every merge the range touches, clipped to it
 *   (`mergedAreas` option; which one Excel does is unverified, so tests run under both); listed in
 *   `areas.items` (#1590); it fails above 512 of them (Range reference);
 * - a name's `visible = false` takes effect only on the object `names.add()` returned, and only once the
 *   add is synced; set through `names.getItem()` (or an item of `names.items`) it is silently ignored,
 *   while `visible = true` works there (OfficeDev/office-js #3878, #3949);
 * - a library without notes (office.js 1.1.110 from npm) has no `Worksheet.notes` at all;
 * - a protected sheet refuses writes to its cells, and a cell with a threaded comment refuses a note;
 * - a host below a method's ExcelApi version (`excelApi` option: Office 2019 stops at 1.7) fails the
 *   batch with ApiNotFound, the code Excel's error list gives for an API this Excel lacks
 *   (learn.microsoft.com, "Error handling with the application-specific JavaScript APIs"), though the
 *   loaded office.js defines the method.
 */
import { cellAddress, columnNumber } from '../../../ledger/grid/address';
import type { CellValue } from '../../../ledger/grid/types';
import type {
  CellFillProperties,
  ClientResult,
  CustomXmlPartApi,
  CommentApi,
  CommentCollectionApi,
  CustomXmlPartCollectionApi,
  CustomXmlPartScopedCollectionApi,
  ExcelContext,
  FunctionResultApi,
  FunctionsApi,
  ExcelRun,
  FillProperties,
  HostFeatures,
  HyperlinkApi,
  NamedItemApi,
  NamedItemCollectionApi,
  NoteApi,
  NoteCollectionApi,
  RangeApi,
  RangeAreasApi,
  RangeCollectionApi,
  RangeFormatApi,
  WorkbookApi,
  WorksheetApi,
  WorksheetCollectionApi,
  WorksheetNotesApi,
  WorksheetProtectionApi,
} from '../../../addin/excel/api';
import { utf8Bytes } from '../../../addin/excel/payload';
import type { FakeCell, FakeFill, FakeName, FakeSheet, FakeWorkbookState } from './state';
import { noFill, solidWhite } from './state';

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export interface FakeOptions {
  features?: HostFeatures;
  /** Excel on the web: requests and answers over `payloadLimit` bytes are refused. */
  web?: boolean;
  /**
   * How getCellProperties reports a solid fill's pattern: null, as OfficeDev/office-js #4900 saw for
   * a white fill (the default), or 'Solid', as the Excel.FillPattern reference reads.
   */
  solidPattern?: 'Solid' | null;
  /** What getMergedAreasOrNullObject returns: merges whose top-left is in the range, whole (#3611, the default), or every merge it touches, clipped. */
  mergedAreas?: 'topLeft' | 'clipped';
  /** The host's ExcelApi minor version (7 for Office 2019's 1.7); none: current. */
  excelApi?: number;
}

/** 5 MB, read as the smaller of its two meanings. */
export const payloadLimit = 5_000_000;

/**
 * Request bytes of one command with the object paths it creates, before its arguments: an audit of the
 * real office.js serializer measured about 1.3 k characters for the three commands that mark a cell.
 */
const commandBytes = 400;

/** Merged areas one getMergedAreasOrNullObject call may return (Range reference, learn.microsoft.com). */
const mergedAreaLimit = 512;

interface OpOptions {
  /** Arguments the command carries in the request. */
  args?: unknown;
  /** The command changes the workbook: it counts towards `failAtWrite`. */
  write?: boolean;
}

interface Bounds {
  sheet: FakeSheet;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface Op {
  run: () => void;
  write: boolean;
}

class Batch {
  ops: Op[] = [];
  requestBytes = 0;
  responseBytes = 0;
  /** Names added by this batch: `visible` set on them in it has no effect. */
  addedNames = new Set<string>();
  /** Results and null-object flags that become readable after this sync. */
  settled: Array<() => void> = [];
}

class Context implements ExcelContext {
  batch = new Batch();
  private executing: Batch | null = null;
  readonly workbook: FakeWorkbook;

  constructor(
    readonly host: FakeExcelHost,
    readonly state: FakeWorkbookState,
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  queue(run: () => void, options: OpOptions = {}): void {
    this.batch.ops.push({ run, write: options.write === true });
    this.batch.requestBytes += commandBytes + (options.args === undefined ? 0 : utf8Bytes(JSON.stringify(options.args)));
  }

  /**
   * A write to the cells of `sheet`: refused on a protected sheet. The code real Excel gives is not
   * documented for each command; AccessDenied is the one its error list names for a refused operation.
   */
  writeTo(sheet: FakeSheet): void {
    if (sheet.protected) throw new FakeExcelError('AccessDenied', `sheet ${sheet.name} is protected`);
  }

  /** Fails the running command where the host lacks ExcelApi 1.`minor`. */
  requireSet(minor: number, member: string): void {
    const has = this.host.options.excelApi;
    if (has !== undefined && has < minor) throw new FakeExcelError('ApiNotFound', `${member} needs ExcelApi 1.${minor}, host has 1.${has}`);
  }

  get running(): Batch {
    if (!this.executing) throw new Error('fake: no sync is running');
    return this.executing;
  }

  /** Makes a loaded value readable once the sync that is running now has finished; `answer` is what it costs. */
  settle(f: () => void, answer?: unknown): void {
    const batch = this.running;
    batch.settled.push(f);
    if (answer !== undefined) batch.responseBytes += utf8Bytes(JSON.stringify(answer));
  }

  async sync(): Promise<void> {
    this.host.syncs += 1;
    const batch = this.batch;
    this.batch = new Batch();
    const web = this.host.options.web === true;
    // The web refuses a large request before running any of it.
    if (web && batch.requestBytes > payloadLimit)
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `${batch.requestBytes} bytes in one request`);
    this.executing = batch;
    try {
      for (const op of batch.ops) {
        if (op.write) this.host.countWrite();
        op.run();
      }
    } finally {
      this.executing = null;
    }
    this.host.requests.push(batch.requestBytes);
    this.host.answers.push(batch.responseBytes);
    if (web && batch.responseBytes > payloadLimit)
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `${batch.responseBytes} bytes in one answer`);
    for (const settle of batch.settled) settle();
  }

  sheetNamed(name: string): FakeSheet | undefined {
    return this.state.sheets.find((s) => s.name === name);
  }
}

/** A value that is readable only after the sync that loaded it. */
class Loadable {
  private readonly synced = new Map<string, unknown>();

  protected loaded<T>(name: string): T {
    if (!this.synced.has(name)) throw new Error(`PropertyNotLoaded: ${name} was not loaded and synced`);
    return this.synced.get(name) as T;
  }

  protected settle(name: string, value: unknown): void {
    this.synced.set(name, value);
  }
}

function names(propertyNames: string): string[] {
  return propertyNames
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
}

class Result<T> implements ClientResult<T> {
  private set = false;
  private held: T | undefined;

  resolve(value: T): void {
    this.held = value;
    this.set = true;
  }

  get value(): T {
    if (!this.set) throw new Error('PropertyNotLoaded: ClientResult read before context.sync()');
    return this.held as T;
  }
}

function parseCell(address: string): { row: number; column: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/iu.exec(address.trim());
  if (!m) throw new FakeExcelError('InvalidArgument', `bad cell address ${address}`);
  return { row: Number(m[2]), column: columnNumber(m[1]) };
}

function cellOf(sheet: FakeSheet, row: number, column: number): FakeCell {
  const key = cellAddress(row, column);
  let cell = sheet.cells[key];
  if (!cell) {
    cell = { value: '' };
    sheet.cells[key] = cell;
  }
  return cell;
}

function peek(sheet: FakeSheet, row: number, column: number): FakeCell | undefined {
  return sheet.cells[cellAddress(row, column)];
}

function usedBounds(sheet: FakeSheet): Omit<Bounds, 'sheet'> | null {
  let b: Omit<Bounds, 'sheet'> | null = null;
  for (const [address, cell] of Object.entries(sheet.cells)) {
    if (cell.value === '' || cell.value === null) continue;
    const { row, column } = parseCell(address);
    if (!b) b = { top: row, left: column, bottom: row, right: column };
    else
      b = { top: Math.min(b.top, row), left: Math.min(b.left, column), bottom: Math.max(b.bottom, row), right: Math.max(b.right, column) };
  }
  return b;
}

function eachCell(b: Bounds, f: (row: number, column: number) => void): void {
  for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) f(r, c);
}

/** Excel quotes a sheet name in an address unless it is letters, digits and underscores. */
function sheetPrefix(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/gu, "''")}'`;
}

function boundsAddress(b: Bounds): string {
  const from = cellAddress(b.top, b.left);
  const to = cellAddress(b.bottom, b.right);
  return `${sheetPrefix(b.sheet.name)}!${from === to ? from : `${from}:${to}`}`;
}

class FakeFunctionResult extends Loadable implements FunctionResultApi<number> {
  constructor(
    private readonly context: Context,
    private readonly compute: () => number,
  ) {
    super();
  }

  get value(): number {
    return this.loaded('value');
  }

  load(propertyNames: string): FakeFunctionResult {
    if (!names(propertyNames).includes('value')) throw new Error(`fake function result cannot load ${propertyNames}`);
    this.context.queue(() => {
      const value = this.compute();
      this.context.settle(() => this.settle('value', value));
    });
    return this;
  }
}

/** Days from 1899-12-30 to 1970-01-01, and between the two date systems. */
const unixEpochSerial = 25569;
const offset1904 = 1462;

class FakeFunctions implements FunctionsApi {
  constructor(private readonly context: Context) {}

  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(this.context, () => {
      const serial = Date.UTC(year, month - 1, day) / 86_400_000 + unixEpochSerial;
      return this.context.state.date1904 ? serial - offset1904 : serial;
    });
  }
}

class FakeWorkbook implements WorkbookApi {
  readonly worksheets: FakeWorksheetCollection;
  readonly customXmlParts: FakeCustomXmlParts;
  readonly functions: FakeFunctions;
  readonly names: FakeNamedItems;
  readonly comments: FakeComments;
  private nameValue: string | undefined;

  constructor(private readonly context: Context) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.customXmlParts = new FakeCustomXmlParts(context);
    this.functions = new FakeFunctions(context);
    this.names = new FakeNamedItems(context);
    this.comments = new FakeComments(context);
  }

  get name(): string {
    if (this.nameValue === undefined) throw new Error('PropertyNotLoaded: workbook.name');
    return this.nameValue;
  }

  load(propertyNames: string): FakeWorkbook {
    if (!names(propertyNames).includes('name')) throw new Error(`fake workbook cannot load ${propertyNames}`);
    this.context.queue(() => {
      const name = this.context.state.name;
      this.context.settle(() => (this.nameValue = name));
    });
    return this;
  }
}

class FakeWorksheetCollection implements WorksheetCollectionApi {
  private itemsValue: FakeWorksheet[] | undefined;

  constructor(private readonly context: Context) {}

  get items(): FakeWorksheet[] {
    if (!this.itemsValue) throw new Error('PropertyNotLoaded: worksheets.items');
    return this.itemsValue;
  }

  load(propertyNames: string): FakeWorksheetCollection {
    if (!names(propertyNames).includes('items/name')) throw new Error(`fake supports worksheets.load('items/name') only`);
    this.context.queue(() => {
      const items = this.context.state.sheets.map((s) => FakeWorksheet.loadedWith(this.context, s.name));
      this.context.settle(() => (this.itemsValue = items));
    });
    return this;
  }

  getItem(key: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, () => {
      const sheet = this.context.sheetNamed(key);
      if (!sheet) throw new FakeExcelError('ItemNotFound', `no sheet ${key}`);
      return sheet;
    });
    this.context.queue(() => ws.resolve());
    return ws;
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, () => this.context.sheetNamed(key) ?? null);
    ws.settleNullity();
    return ws;
  }

  add(name?: string): FakeWorksheet {
    const sheetName = name ?? `Sheet${this.context.state.sheets.length + 1}`;
    this.context.queue(
      () => {
        if (this.context.sheetNamed(sheetName)) throw new FakeExcelError('ItemAlreadyExists', `sheet ${sheetName} exists`);
        this.context.state.sheets.push({ name: sheetName, cells: {}, merges: [], frozenRows: 0, columnWidths: {} });
      },
      { write: true, args: sheetName },
    );
    return new FakeWorksheet(this.context, () => this.context.sheetNamed(sheetName) ?? null);
  }
}

class FakeWorksheet extends Loadable implements WorksheetApi, WorksheetNotesApi {
  readonly freezePanes: { freezeRows(count?: number): void };
  readonly protection: FakeProtection;
  private readonly noteCollection: FakeNotes;

  constructor(
    private readonly context: Context,
    private readonly resolver: () => FakeSheet | null,
  ) {
    super();
    this.noteCollection = new FakeNotes(context, () => this.resolve());
    this.protection = new FakeProtection(context, () => this.resolve());
    this.freezePanes = { freezeRows: (count = 1) => context.queue(() => (this.resolve().frozenRows = count), { write: true }) };
  }

  /** Undefined where the loaded office.js has no notes, as in @microsoft/office-js 1.1.110. */
  get notes(): FakeNotes {
    return (this.context.host.features.notes ? this.noteCollection : undefined) as FakeNotes;
  }

  static loadedWith(context: Context, name: string): FakeWorksheet {
    const ws = new FakeWorksheet(context, () => context.sheetNamed(name) ?? null);
    ws.settle('name', name);
    ws.settle('isNullObject', false);
    return ws;
  }

  /** The sheet, or a failed batch when it is a null object or gone. */
  resolve(): FakeSheet {
    const sheet = this.resolver();
    if (!sheet) throw new FakeExcelError('ItemNotFound', 'worksheet does not exist');
    return sheet;
  }

  settleNullity(): void {
    this.context.queue(() => {
      const sheet = this.resolver();
      this.context.settle(() => this.settle('isNullObject', sheet === null));
    });
  }

  get isNullObject(): boolean {
    return this.loaded('isNullObject');
  }

  get name(): string {
    return this.loaded('name');
  }

  load(propertyNames: string): FakeWorksheet {
    this.context.queue(() => {
      const sheet = this.resolve();
      for (const n of names(propertyNames)) {
        if (n !== 'name') throw new Error(`fake worksheet cannot load ${n}`);
        this.context.settle(() => this.settle('name', sheet.name));
      }
    });
    return this;
  }

  getUsedRangeOrNullObject(): FakeRange {
    let memo: Bounds | null | undefined;
    const range = new FakeRange(this.context, () => {
      if (memo === undefined) {
        const sheet = this.resolve();
        const b = usedBounds(sheet);
        memo = b ? { sheet, ...b } : null;
      }
      return memo;
    });
    range.settleNullity();
    return range;
  }

  getRange(address = 'A1'): FakeRange {
    const [from, to = from] = address.split(':');
    return new FakeRange(this.context, () => {
      const a = parseCell(from);
      const b = parseCell(to);
      return { sheet: this.resolve(), top: a.row, left: a.column, bottom: b.row, right: b.column };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, () => ({
      sheet: this.resolve(),
      top: startRow + 1,
      left: startColumn + 1,
      bottom: startRow + rowCount,
      right: startColumn + columnCount,
    }));
  }

  activate(): void {
    this.context.queue(() => (this.context.state.activeSheet = this.resolve().name));
  }

  delete(): void {
    this.context.queue(() => {
      const sheet = this.resolve();
      this.context.state.sheets = this.context.state.sheets.filter((s) => s !== sheet);
      if (this.context.state.activeSheet === sheet.name) this.context.state.activeSheet = this.context.state.sheets[0]?.name ?? null;
    });
  }
}

class FakeRange extends Loadable implements RangeApi {
  readonly format: RangeFormatApi;

  constructor(
    private readonly context: Context,
    private readonly resolver: () => Bounds | null,
  ) {
    super();
    const resolveBounds = () => this.resolve();
    let loadedColour: string | undefined;
    const write = (f: (cell: FakeCell, row: number, column: number, b: Bounds) => void, args?: unknown) =>
      context.queue(
        () => {
          const b = resolveBounds();
          context.writeTo(b.sheet);
          eachCell(b, (r, c) => f(cellOf(b.sheet, r, c), r, c, b));
        },
        { write: true, args },
      );
    this.format = {
      fill: {
        set color(color: string) {
          write((cell) => (cell.fill = { ...solidWhite, color: color.toUpperCase() }), color);
        },
        get color(): string {
          if (loadedColour === undefined) throw new Error('PropertyNotLoaded: format.fill.color was not loaded and synced');
          return loadedColour;
        },
        load: (propertyNames: string) => {
          if (propertyNames !== 'color') throw new Error(`fake fill cannot load ${propertyNames}`);
          context.queue(() => {
            const b = resolveBounds();
            const colour = (peek(b.sheet, b.top, b.left)?.fill ?? noFill).color;
            context.settle(() => (loadedColour = colour), colour);
          });
          return this.format.fill;
        },
        clear: () => write((cell) => delete cell.fill),
      },
      font: {
        set bold(bold: boolean) {
          write((cell) => (cell.bold = bold));
        },
        get bold(): boolean {
          throw new Error('fake: format.font.bold is write-only here');
        },
      },
      set columnWidth(width: number) {
        context.queue(
          () => {
            const b = resolveBounds();
            for (let c = b.left; c <= b.right; c++) b.sheet.columnWidths[c] = width;
          },
          { write: true, args: width },
        );
      },
      get columnWidth(): number {
        throw new Error('fake: columnWidth is write-only here');
      },
      set wrapText(_: boolean) {
        write(() => undefined);
      },
      get wrapText(): boolean {
        throw new Error('fake: wrapText is write-only here');
      },
      set verticalAlignment(_: string) {
        write(() => undefined);
      },
      get verticalAlignment(): string {
        throw new Error('fake: verticalAlignment is write-only here');
      },
    };
  }

  /** A range whose position was loaded by the sync that is settling it. */
  static loadedWith(context: Context, b: Bounds): FakeRange {
    const range = new FakeRange(context, () => b);
    range.settle('isNullObject', false);
    range.settle('rowIndex', b.top - 1);
    range.settle('columnIndex', b.left - 1);
    range.settle('rowCount', b.bottom - b.top + 1);
    range.settle('columnCount', b.right - b.left + 1);
    return range;
  }

  resolve(): Bounds {
    const b = this.resolver();
    if (!b) throw new FakeExcelError('InvalidOperation', 'method called on a null range');
    return b;
  }

  settleNullity(): void {
    this.context.queue(() => {
      const b = this.resolver();
      this.context.settle(() => this.settle('isNullObject', b === null));
    });
  }

  get isNullObject(): boolean {
    return this.loaded('isNullObject');
  }
  get address(): string {
    return this.loaded('address');
  }
  get rowIndex(): number {
    return this.loaded('rowIndex');
  }
  get columnIndex(): number {
    return this.loaded('columnIndex');
  }
  get rowCount(): number {
    return this.loaded('rowCount');
  }
  get columnCount(): number {
    return this.loaded('columnCount');
  }
  get values(): CellValue[][] {
    return this.loaded('values');
  }
  set values(values: CellValue[][]) {
    this.context.queue(
      () => {
        const b = this.resolve();
        this.context.writeTo(b.sheet);
        eachCell(b, (r, c) => {
          const cell = cellOf(b.sheet, r, c);
          const value = values[r - b.top][c - b.left];
          delete cell.formula;
          if (typeof value === 'string' && value.startsWith('=') && cell.numberFormat !== '@') {
            cell.formula = value;
            cell.value = '';
          } else if (typeof value === 'number' && cell.numberFormat === '@') {
            // A cell formatted as text keeps what goes in as text: a number stored as text, the green
            // triangle's "Number Stored as Text" (officetuts.net, excelerrorfinder.com: "If it says Text … any
            // number typed or imported into it will be stored as text").
            cell.value = String(value);
          } else {
            cell.value = value;
          }
        });
      },
      { write: true, args: values },
    );
  }
  get numberFormat(): string[][] {
    return this.loaded('numberFormat');
  }
  set numberFormat(formats: string[][]) {
    this.context.queue(
      () => {
        const b = this.resolve();
        this.context.writeTo(b.sheet);
        eachCell(b, (r, c) => (cellOf(b.sheet, r, c).numberFormat = formats[r - b.top][c - b.left]));
      },
      { write: true, args: formats },
    );
  }
  get hyperlink(): HyperlinkApi {
    return this.loaded('hyperlink');
  }
  set hyperlink(link: HyperlinkApi) {
    this.context.queue(
      () => {
        const b = this.resolve();
        this.context.writeTo(b.sheet);
        const cell = cellOf(b.sheet, b.top, b.left);
        cell.hyperlink = { ...link };
        if (link.textToDisplay !== undefined) cell.value = link.textToDisplay;
      },
      { write: true, args: link },
    );
  }

  private read(b: Bounds, f: (cell: FakeCell | undefined) => unknown): unknown[][] {
    const rows: unknown[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row: unknown[] = [];
      for (let c = b.left; c <= b.right; c++) row.push(f(peek(b.sheet, r, c)));
      rows.push(row);
    }
    return rows;
  }

  load(propertyNames: string): FakeRange {
    const wanted = names(propertyNames);
    this.context.queue(() => {
      const b = this.resolver();
      const got = new Map<string, unknown>();
      for (const n of wanted) {
        if (b === null) {
          got.set(n, null);
          continue;
        }
        if (n === 'values')
          got.set(
            n,
            this.read(b, (cell) => cell?.value ?? ''),
          );
        else if (n === 'numberFormat')
          got.set(
            n,
            this.read(b, (cell) => cell?.numberFormat ?? 'General'),
          );
        else if (n === 'rowIndex') got.set(n, b.top - 1);
        else if (n === 'columnIndex') got.set(n, b.left - 1);
        else if (n === 'rowCount') got.set(n, b.bottom - b.top + 1);
        else if (n === 'columnCount') got.set(n, b.right - b.left + 1);
        else if (n === 'address') got.set(n, boundsAddress(b));
        else throw new Error(`fake range cannot load ${n}`);
      }
      this.context.settle(() => got.forEach((v, k) => this.settle(k, v)), Object.fromEntries(got));
    });
    return this;
  }

  /** Merged areas by the host's `mergedAreas` model; more than 512 fail the batch. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      this.context.requireSet(13, 'Range.getMergedAreasOrNullObject');
      const b = this.resolve();
      const found =
        this.context.host.options.mergedAreas === 'clipped'
          ? b.sheet.merges
              .filter((m) => m.top <= b.bottom && m.bottom >= b.top && m.left <= b.right && m.right >= b.left)
              .map((m): Bounds => ({
                sheet: b.sheet,
                top: Math.max(m.top, b.top),
                left: Math.max(m.left, b.left),
                bottom: Math.min(m.bottom, b.bottom),
                right: Math.min(m.right, b.right),
              }))
          : b.sheet.merges
              .filter((m) => m.top >= b.top && m.top <= b.bottom && m.left >= b.left && m.left <= b.right)
              .map((m): Bounds => ({ sheet: b.sheet, ...m }));
      // "will fail to return the result"; the error's code is not documented.
      if (found.length > mergedAreaLimit) throw new FakeExcelError('GeneralException', `${found.length} merged areas`);
      return found.length > 0 ? found : null;
    });
  }

  getCellProperties(): ClientResult<CellFillProperties[][]> {
    const result = new Result<CellFillProperties[][]>();
    this.context.queue(() => {
      this.context.requireSet(9, 'Range.getCellProperties');
      const b = this.resolve();
      const solid = this.context.host.options.solidPattern ?? null;
      const reported = (fill: FakeFill): FakeFill => (fill.pattern === 'Solid' ? { ...fill, pattern: solid } : { ...fill });
      const props = this.read(b, (cell) => ({ format: { fill: reported(cell?.fill ?? noFill) } })) as CellFillProperties[][];
      this.context.settle(() => result.resolve(props), props);
    });
    return result;
  }

  /** Any fill property written to a cell without fill makes it a solid fill (#2349). */
  setCellProperties(data: CellFillProperties[][]): void {
    this.context.queue(
      () => {
        this.context.requireSet(9, 'Range.setCellProperties');
        const b = this.resolve();
        this.context.writeTo(b.sheet);
        eachCell(b, (r, c) => {
          const fill: FillProperties | undefined = data[r - b.top][c - b.left].format?.fill;
          if (!fill) return;
          const cell = cellOf(b.sheet, r, c);
          cell.fill = { ...(cell.fill ?? solidWhite), ...(fill as Partial<FakeFill>) };
        });
      },
      { write: true, args: data },
    );
  }

  select(): void {
    this.context.queue(() => {
      const b = this.resolve();
      const address = boundsAddress(b).split('!')[1];
      this.context.state.selection = { sheet: b.sheet.name, address };
    });
  }
}

class FakeRangeAreas extends Loadable implements RangeAreasApi {
  constructor(
    private readonly context: Context,
    private readonly resolver: () => Bounds[] | null,
  ) {
    super();
    context.queue(() => {
      const areas = resolver();
      context.settle(() => this.settle('isNullObject', areas === null));
    });
  }

  get isNullObject(): boolean {
    return this.loaded('isNullObject');
  }

  get areas(): RangeCollectionApi {
    return this.loaded('areas');
  }

  /** `areas/items/rowIndex,…`: each merged area as a range with those properties loaded. */
  load(propertyNames: string): FakeRangeAreas {
    const wanted = names(propertyNames).map((n) => /^areas\/items\/(rowIndex|columnIndex|rowCount|columnCount)$/u.exec(n)?.[1]);
    if (wanted.some((n) => n === undefined)) throw new Error(`fake range areas cannot load ${propertyNames}`);
    this.context.queue(() => {
      const areas = this.resolver();
      if (areas === null) return;
      const items = areas.map((b) => FakeRange.loadedWith(this.context, b));
      const answer = areas.map((b) => [b.top, b.left, b.bottom, b.right]);
      this.context.settle(() => this.settle('areas', { items }), answer);
    });
    return this;
  }
}

class FakeProtection extends Loadable implements WorksheetProtectionApi {
  constructor(
    private readonly context: Context,
    private readonly sheet: () => FakeSheet,
  ) {
    super();
  }

  get protected(): boolean {
    return this.loaded('protected');
  }

  load(propertyNames: string): FakeProtection {
    if (names(propertyNames).join() !== 'protected') throw new Error(`fake protection cannot load ${propertyNames}`);
    this.context.queue(() => {
      const locked = this.sheet().protected === true;
      this.context.settle(() => this.settle('protected', locked), locked);
    });
    return this;
  }
}

class FakeNotes implements NoteCollectionApi {
  constructor(
    private readonly context: Context,
    private readonly sheet: () => FakeSheet,
  ) {}

  /**
   * A cell holds a note or a threaded comment, never both (Excel's UI offers no note where a comment
   * is); what the API answers then is not documented, so the fake fails the batch, the harder case.
   */
  add(cellAddressText: string, content: string): FakeNote {
    const at = parseCell(cellAddressText);
    this.context.queue(
      () => {
        const sheet = this.sheet();
        this.context.writeTo(sheet);
        const cell = cellOf(sheet, at.row, at.column);
        if (cell.note !== undefined) throw new FakeExcelError('InvalidArgument', `${cellAddressText} already has a note`);
        if (cell.comment !== undefined) throw new FakeExcelError('InvalidOperation', `${cellAddressText} has a threaded comment`);
        cell.note = content;
      },
      { write: true, args: [cellAddressText, content] },
    );
    return new FakeNote(this.context, () =>
      peek(this.sheet(), at.row, at.column)?.note !== undefined
        ? { sheet: this.sheet(), cell: cellOf(this.sheet(), at.row, at.column) }
        : null,
    );
  }

  getItemOrNullObject(key: string): FakeNote {
    const at = parseCell(key);
    const note = new FakeNote(this.context, () => {
      const sheet = this.sheet();
      const cell = peek(sheet, at.row, at.column);
      return cell?.note !== undefined ? { sheet, cell } : null;
    });
    note.settleNullity();
    return note;
  }
}

class FakeNote extends Loadable implements NoteApi {
  constructor(
    private readonly context: Context,
    private readonly resolver: () => { sheet: FakeSheet; cell: FakeCell } | null,
  ) {
    super();
  }

  private resolve(): FakeCell {
    const found = this.resolver();
    if (!found) throw new FakeExcelError('InvalidOperation', 'method called on a null note');
    this.context.writeTo(found.sheet);
    return found.cell;
  }

  settleNullity(): void {
    this.context.queue(() => {
      const found = this.resolver();
      this.context.settle(() => this.settle('isNullObject', found === null));
    });
  }

  get isNullObject(): boolean {
    return this.loaded('isNullObject');
  }

  get content(): string {
    return this.loaded('content');
  }

  set content(text: string) {
    this.context.queue(() => (this.resolve().note = text), { write: true, args: text });
  }

  load(propertyNames: string): FakeNote {
    this.context.queue(() => {
      const note = this.resolver()?.cell.note ?? null;
      for (const n of names(propertyNames)) {
        if (n !== 'content') throw new Error(`fake note cannot load ${n}`);
        this.context.settle(() => this.settle('content', note), note ?? '');
      }
    });
    return this;
  }

  delete(): void {
    this.context.queue(() => delete this.resolve().note, { write: true });
  }
}

class FakeComment implements CommentApi {
  constructor(
    private readonly context: Context,
    private readonly sheet: string,
    private readonly address: string,
  ) {}

  getLocation(): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.context.sheetNamed(this.sheet);
      if (!sheet) throw new FakeExcelError('ItemNotFound', `no sheet ${this.sheet}`);
      const { row, column } = parseCell(this.address);
      return { sheet, top: row, left: column, bottom: row, right: column };
    });
  }
}

/** The workbook's threaded comments (ExcelApi 1.10): cells whose `comment` is set. */
class FakeComments implements CommentCollectionApi {
  private itemsValue: FakeComment[] | undefined;

  constructor(private readonly context: Context) {}

  get items(): FakeComment[] {
    if (!this.itemsValue) throw new Error('PropertyNotLoaded: comments.items');
    return this.itemsValue;
  }

  load(propertyNames: string): FakeComments {
    if (!names(propertyNames)[0]?.startsWith('items')) throw new Error(`fake comments cannot load ${propertyNames}`);
    this.context.queue(() => {
      const found = this.context.state.sheets.flatMap((sheet) =>
        Object.entries(sheet.cells)
          .filter(([, cell]) => cell.comment !== undefined)
          .map(([address]) => new FakeComment(this.context, sheet.name, address)),
      );
      this.context.settle(() => (this.itemsValue = found), found.length);
    });
    return this;
  }
}

/** `='二、分析研判'!$B$7` or `=Sheet1!$B$7`: the one form of reference the adapter gives a name. */
function parseReference(reference: string): { sheet: string; address: string } {
  const m = /^=(?:'((?:[^']|'')+)'|([^'!]+))!\$([A-Z]+)\$(\d+)$/u.exec(reference);
  if (!m) throw new FakeExcelError('InvalidArgument', `fake names take =Sheet!$A$1 only, not ${reference}`);
  return { sheet: m[1] !== undefined ? m[1].replace(/''/gu, "'") : m[2], address: `${m[3]}${m[4]}` };
}

class FakeNamedItems implements NamedItemCollectionApi {
  private itemsValue: FakeNamedItem[] | undefined;

  constructor(private readonly context: Context) {}

  private get all(): FakeName[] {
    return this.context.state.names ?? [];
  }

  get items(): FakeNamedItem[] {
    if (!this.itemsValue) throw new Error('PropertyNotLoaded: names.items');
    return this.itemsValue;
  }

  load(propertyNames: string): FakeNamedItems {
    if (!names(propertyNames).includes('items/name')) throw new Error(`fake supports names.load('items/name') only`);
    this.context.queue(() => {
      const listed = this.all.map((n) => n.name);
      this.context.settle(() => (this.itemsValue = listed.map((name) => this.item(name, { loaded: true }))), listed);
    });
    return this;
  }

  add(name: string, reference: string, comment?: string): FakeNamedItem {
    this.context.queue(
      () => {
        if (!/^[_\p{L}][\p{L}\p{N}_.]*$/u.test(name)) throw new FakeExcelError('InvalidArgument', `bad name ${name}`);
        if (this.all.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new FakeExcelError('ItemAlreadyExists', name);
        const { sheet, address } = parseReference(reference);
        if (!this.context.sheetNamed(sheet)) throw new FakeExcelError('InvalidArgument', `no sheet ${sheet}`);
        (this.context.state.names ??= []).push({ name, sheet, address, visible: true, ...(comment ? { comment } : {}) });
        this.context.running.addedNames.add(name);
      },
      { write: true, args: [name, reference, comment] },
    );
    return this.item(name, { added: true });
  }

  getItem(name: string): FakeNamedItem {
    return this.item(name, {});
  }

  private item(name: string, how: { loaded?: boolean; added?: boolean }): FakeNamedItem {
    return new FakeNamedItem(this.context, name, () => this.all.find((n) => n.name === name) ?? null, how);
  }
}

class FakeNamedItem extends Loadable implements NamedItemApi {
  constructor(
    private readonly context: Context,
    private readonly key: string,
    private readonly resolver: () => FakeName | null,
    private readonly how: { loaded?: boolean; added?: boolean },
  ) {
    super();
    if (how.loaded === true) this.settle('name', key);
  }

  private resolve(): FakeName {
    const found = this.resolver();
    if (!found) throw new FakeExcelError('ItemNotFound', `no name ${this.key}`);
    return found;
  }

  get name(): string {
    return this.loaded('name');
  }

  /**
   * Hiding works only on the object `add` returned, in a batch after the add's (OfficeDev/office-js
   * #3878: "you can hide a name immediately after creating it", not through `getItemOrNullObject`;
   * #3949: not through `set` on a fetched item either). Showing works on any.
   */
  set visible(visible: boolean) {
    this.context.queue(
      () => {
        const found = this.resolve();
        const hides = this.how.added === true && !this.context.running.addedNames.has(found.name);
        if (visible || hides) found.visible = visible;
      },
      { write: true, args: visible },
    );
  }

  get visible(): boolean {
    throw new Error('fake: visible is write-only here');
  }

  getRangeOrNullObject(): FakeRange {
    const range = new FakeRange(this.context, () => {
      const found = this.resolve();
      const sheet = found.address === null ? undefined : this.context.sheetNamed(found.sheet);
      if (!sheet || found.address === null) return null;
      const { row, column } = parseCell(found.address);
      return { sheet, top: row, left: column, bottom: row, right: column };
    });
    range.settleNullity();
    return range;
  }

  delete(): void {
    this.context.queue(
      () => {
        const found = this.resolve();
        this.context.state.names = (this.context.state.names ?? []).filter((n) => n !== found);
      },
      { write: true },
    );
  }
}

function namespaceOf(xml: string): string | null {
  return /<[A-Za-z_][\w.-]*\s[^>]*xmlns="([^"]*)"/u.exec(xml)?.[1] ?? null;
}

interface FakePart {
  id: string;
  xml: string;
}

class FakeCustomXmlParts implements CustomXmlPartCollectionApi {
  constructor(private readonly context: Context) {}

  add(xml: string): FakeCustomXmlPart {
    const id = `{${this.context.host.nextId++}}`;
    this.context.queue(() => this.context.state.customXmlParts.push({ id, xml }), { write: true, args: xml });
    return new FakeCustomXmlPart(this.context, () => this.context.state.customXmlParts.find((p) => p.id === id) ?? null);
  }

  getByNamespace(namespaceUri: string): FakeScopedParts {
    return new FakeScopedParts(this.context, namespaceUri);
  }
}

class FakeScopedParts implements CustomXmlPartScopedCollectionApi {
  private itemsValue: FakeCustomXmlPart[] | undefined;

  constructor(
    private readonly context: Context,
    private readonly namespaceUri: string,
  ) {}

  get items(): FakeCustomXmlPart[] {
    if (!this.itemsValue) throw new Error('PropertyNotLoaded: customXmlParts.items');
    return this.itemsValue;
  }

  load(propertyNames: string): FakeScopedParts {
    if (!names(propertyNames)[0]?.startsWith('items')) throw new Error(`fake parts cannot load ${propertyNames}`);
    this.context.queue(() => {
      const ids = this.context.state.customXmlParts.filter((p) => namespaceOf(p.xml) === this.namespaceUri).map((p) => p.id);
      this.context.settle(
        () =>
          (this.itemsValue = ids.map((id) =>
            FakeCustomXmlPart.loadedWith(this.context, id, () => this.context.state.customXmlParts.find((p) => p.id === id) ?? null),
          )),
        ids,
      );
    });
    return this;
  }
}

class FakeCustomXmlPart extends Loadable implements CustomXmlPartApi {
  constructor(
    private readonly context: Context,
    private readonly resolver: () => FakePart | null,
  ) {
    super();
  }

  static loadedWith(context: Context, id: string, resolver: () => FakePart | null): FakeCustomXmlPart {
    const part = new FakeCustomXmlPart(context, resolver);
    part.settle('id', id);
    return part;
  }

  private resolve(): FakePart {
    const part = this.resolver();
    if (!part) throw new FakeExcelError('ItemNotFound', 'custom XML part does not exist');
    return part;
  }

  get id(): string {
    return this.loaded('id');
  }

  getXml(): ClientResult<string> {
    const result = new Result<string>();
    this.context.queue(() => {
      const xml = this.resolve().xml;
      this.context.settle(() => result.resolve(xml), xml);
    });
    return result;
  }

  delete(): void {
    this.context.queue(
      () => {
        const part = this.resolve();
        this.context.state.customXmlParts = this.context.state.customXmlParts.filter((p) => p !== part);
      },
      { write: true },
    );
  }
}

export class FakeExcelHost {
  syncs = 0;
  nextId = 1;
  readonly features: HostFeatures;
  /** Request bytes of each round trip that ran, in order. */
  requests: number[] = [];
  /** Answer bytes of each round trip that ran, refused ones included. */
  answers: number[] = [];
  /** Write commands run so far. */
  writes = 0;
  /**
   * The write command that fails, counted from 1 over the host's life, as a dropped connection or a
   * cell that refuses would; the commands before it in its batch stay applied. Null: none fails.
   */
  failAtWrite: number | null = null;

  constructor(
    public state: FakeWorkbookState,
    readonly options: FakeOptions = {},
  ) {
    this.features = options.features ?? { notes: true };
  }

  countWrite(): void {
    this.writes += 1;
    if (this.writes === this.failAtWrite) throw new FakeExcelError('GeneralException', `write ${this.writes} refused`);
  }

  /** `Excel.run` over this workbook. A batch that leaves work queued but never synced is an error. */
  readonly run: ExcelRun = async (batch) => {
    const context = new Context(this, this.state);
    const result = await batch(context);
    if (context.batch.ops.length > 0) throw new Error('fake: operations were queued after the last context.sync()');
    return result;
  };

  sheet(name: string): FakeSheet {
    const sheet = this.state.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    return this.sheet(sheet).cells[address];
  }

  /** What the clerk does in Excel: inserts rows before row `before`; cells, merges and names move down. */
  insertRows(sheet: string, before: number, count = 1): void {
    this.moveRows(sheet, (row) => (row >= before ? row + count : row));
  }

  /** Deletes rows `first`…: their cells go, names pointing into them become #REF!, rows below move up. */
  deleteRows(sheet: string, first: number, count = 1): void {
    this.moveRows(sheet, (row) => (row < first ? row : row < first + count ? null : row - count));
  }

  private moveRows(name: string, move: (row: number) => number | null): void {
    const sheet = this.sheet(name);
    const moved = (address: string) => {
      const { row, column } = parseCell(address);
      const to = move(row);
      return to === null ? null : cellAddress(to, column);
    };
    sheet.cells = Object.fromEntries(
      Object.entries(sheet.cells).flatMap(([address, cell]) => {
        const to = moved(address);
        return to === null ? [] : [[to, cell]];
      }),
    );
    sheet.merges = sheet.merges.flatMap((m) => {
      const top = move(m.top);
      const bottom = move(m.bottom);
      return top === null || bottom === null ? [] : [{ ...m, top, bottom }];
    });
    for (const n of this.state.names ?? []) if (n.sheet === name && n.address !== null) n.address = moved(n.address);
  }
}
