/**
 * A small fake of the Excel JavaScript API subset in addin/excel/api.ts, strict where Excel is:
 * nothing happens until `context.sync()`, a property read before it was loaded and synced throws,
 * `getItem` of a missing sheet fails the batch, and so does a method called on a null object. It
 * counts round trips, so the tests and the bench can hold the adapter to a fixed number of them.
 * No Node APIs: the browser test bundles it into the page.
 */
import { cellAddress, columnNumber } from '../../../ledger/grid/address';
import type { CellValue } from '../../../ledger/grid/types';
import type {
  CellFillProperties,
  ClientResult,
  CustomXmlPartApi,
  CustomXmlPartCollectionApi,
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
  RangeFormatApi,
  WorkbookApi,
  WorksheetApi,
  WorksheetCollectionApi,
} from '../../../addin/excel/api';
import type { FakeCell, FakeFill, FakeName, FakeSheet, FakeWorkbookState } from './state';
import { noFill } from './state';

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
  /** Cells of values and number formats one sync may return, like Excel on the web's 5 MB cap. */
  maxCellsPerSync?: number;
}

interface Bounds {
  sheet: FakeSheet;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

type Op = () => void;

class Batch {
  ops: Op[] = [];
  payloadCells = 0;
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

  queue(op: Op): void {
    this.batch.ops.push(op);
  }

  /** Makes a loaded value readable once the sync that is running now has finished. */
  settle(f: () => void): void {
    if (!this.executing) throw new Error('fake: settle outside a sync');
    this.executing.settled.push(f);
  }

  async sync(): Promise<void> {
    this.host.syncs += 1;
    const batch = this.batch;
    this.batch = new Batch();
    const limit = this.host.options.maxCellsPerSync;
    if (limit !== undefined && batch.payloadCells > limit) {
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `${batch.payloadCells} cells in one answer`);
    }
    this.executing = batch;
    try {
      for (const op of batch.ops) op();
    } finally {
      this.executing = null;
    }
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
  private nameValue: string | undefined;

  constructor(private readonly context: Context) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.customXmlParts = new FakeCustomXmlParts(context);
    this.functions = new FakeFunctions(context);
    this.names = new FakeNamedItems(context);
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
    this.context.queue(() => {
      if (this.context.sheetNamed(sheetName)) throw new FakeExcelError('ItemAlreadyExists', `sheet ${sheetName} exists`);
      this.context.state.sheets.push({ name: sheetName, cells: {}, merges: [], frozenRows: 0, columnWidths: {} });
    });
    return new FakeWorksheet(this.context, () => this.context.sheetNamed(sheetName) ?? null);
  }
}

class FakeWorksheet extends Loadable implements WorksheetApi {
  readonly notes: FakeNotes;
  readonly freezePanes: { freezeRows(count?: number): void };

  constructor(
    private readonly context: Context,
    private readonly resolver: () => FakeSheet | null,
  ) {
    super();
    this.notes = new FakeNotes(context, () => this.resolve());
    this.freezePanes = { freezeRows: (count = 1) => context.queue(() => (this.resolve().frozenRows = count)) };
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
    return new FakeRange(
      this.context,
      () => ({
        sheet: this.resolve(),
        top: startRow + 1,
        left: startColumn + 1,
        bottom: startRow + rowCount,
        right: startColumn + columnCount,
      }),
      rowCount * columnCount,
    );
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
    /** Cells, when known before the sync, for the payload cap. */
    private readonly size?: number,
  ) {
    super();
    const resolveBounds = () => this.resolve();
    const write = (f: (cell: FakeCell, row: number, column: number, b: Bounds) => void) =>
      context.queue(() => {
        const b = resolveBounds();
        eachCell(b, (r, c) => f(cellOf(b.sheet, r, c), r, c, b));
      });
    this.format = {
      fill: {
        set color(color: string) {
          write((cell) => (cell.fill = { ...noFill, color: color.toUpperCase(), pattern: 'Solid' }));
        },
        get color(): string {
          throw new Error('fake: format.fill.color is write-only here');
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
        set color(_: string) {
          write(() => undefined);
        },
        get color(): string {
          throw new Error('fake: format.font.color is write-only here');
        },
      },
      set columnWidth(width: number) {
        context.queue(() => {
          const b = resolveBounds();
          for (let c = b.left; c <= b.right; c++) b.sheet.columnWidths[c] = width;
        });
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
    this.context.queue(() => {
      const b = this.resolve();
      eachCell(b, (r, c) => {
        const cell = cellOf(b.sheet, r, c);
        const value = values[r - b.top][c - b.left];
        delete cell.formula;
        if (typeof value === 'string' && value.startsWith('=') && cell.numberFormat !== '@') {
          cell.formula = value;
          cell.value = '';
        } else {
          cell.value = value;
        }
      });
    });
  }
  get numberFormat(): string[][] {
    return this.loaded('numberFormat');
  }
  set numberFormat(formats: string[][]) {
    this.context.queue(() => {
      const b = this.resolve();
      eachCell(b, (r, c) => (cellOf(b.sheet, r, c).numberFormat = formats[r - b.top][c - b.left]));
    });
  }
  get hyperlink(): HyperlinkApi {
    return this.loaded('hyperlink');
  }
  set hyperlink(link: HyperlinkApi) {
    this.context.queue(() => {
      const b = this.resolve();
      const cell = cellOf(b.sheet, b.top, b.left);
      cell.hyperlink = { ...link };
      if (link.textToDisplay !== undefined) cell.value = link.textToDisplay;
    });
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
    if (this.size !== undefined)
      this.context.batch.payloadCells += this.size * wanted.filter((n) => n === 'values' || n === 'numberFormat').length;
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
      this.context.settle(() => got.forEach((v, k) => this.settle(k, v)));
    });
    return this;
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    // Excel may hand back merges that cross the range's edge cut to it; the fake does, the harder case.
    return new FakeRangeAreas(this.context, () => {
      const b = this.resolve();
      const cut = b.sheet.merges
        .filter((m) => m.top <= b.bottom && m.bottom >= b.top && m.left <= b.right && m.right >= b.left)
        .map((m): Bounds => ({
          sheet: b.sheet,
          top: Math.max(m.top, b.top),
          left: Math.max(m.left, b.left),
          bottom: Math.min(m.bottom, b.bottom),
          right: Math.min(m.right, b.right),
        }));
      return cut.length > 0 ? cut : null;
    });
  }

  getCellProperties(): ClientResult<CellFillProperties[][]> {
    const result = new Result<CellFillProperties[][]>();
    this.context.queue(() => {
      const b = this.resolve();
      const props = this.read(b, (cell) => ({ format: { fill: { ...(cell?.fill ?? noFill) } } })) as CellFillProperties[][];
      this.context.settle(() => result.resolve(props));
    });
    return result;
  }

  setCellProperties(data: CellFillProperties[][]): void {
    this.context.queue(() => {
      const b = this.resolve();
      eachCell(b, (r, c) => {
        const fill: FillProperties | undefined = data[r - b.top][c - b.left].format?.fill;
        if (!fill) return;
        const cell = cellOf(b.sheet, r, c);
        cell.fill = { ...(cell.fill ?? noFill), ...(fill as Partial<FakeFill>) };
      });
    });
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

  get address(): string {
    return this.loaded('address');
  }

  load(propertyNames: string): FakeRangeAreas {
    this.context.queue(() => {
      const areas = this.resolver();
      for (const n of names(propertyNames)) {
        if (n !== 'address') throw new Error(`fake range areas cannot load ${n}`);
        const address = areas === null ? null : areas.map(boundsAddress).join(', ');
        this.context.settle(() => this.settle('address', address));
      }
    });
    return this;
  }
}

class FakeNotes implements NoteCollectionApi {
  constructor(
    private readonly context: Context,
    private readonly sheet: () => FakeSheet,
  ) {}

  add(cellAddressText: string, content: string): FakeNote {
    const at = parseCell(cellAddressText);
    this.context.queue(() => {
      const cell = cellOf(this.sheet(), at.row, at.column);
      if (cell.note !== undefined) throw new FakeExcelError('InvalidArgument', `${cellAddressText} already has a note`);
      cell.note = content;
    });
    return new FakeNote(this.context, () =>
      peek(this.sheet(), at.row, at.column)?.note !== undefined ? cellOf(this.sheet(), at.row, at.column) : null,
    );
  }

  getItemOrNullObject(key: string): FakeNote {
    const at = parseCell(key);
    const note = new FakeNote(this.context, () => {
      const cell = peek(this.sheet(), at.row, at.column);
      return cell?.note !== undefined ? cell : null;
    });
    note.settleNullity();
    return note;
  }
}

class FakeNote extends Loadable implements NoteApi {
  constructor(
    private readonly context: Context,
    private readonly resolver: () => FakeCell | null,
  ) {
    super();
  }

  private resolve(): FakeCell {
    const cell = this.resolver();
    if (!cell) throw new FakeExcelError('InvalidOperation', 'method called on a null note');
    return cell;
  }

  settleNullity(): void {
    this.context.queue(() => {
      const cell = this.resolver();
      this.context.settle(() => this.settle('isNullObject', cell === null));
    });
  }

  get isNullObject(): boolean {
    return this.loaded('isNullObject');
  }

  get content(): string {
    return this.loaded('content');
  }

  set content(text: string) {
    this.context.queue(() => (this.resolve().note = text));
  }

  load(propertyNames: string): FakeNote {
    this.context.queue(() => {
      const cell = this.resolver();
      for (const n of names(propertyNames)) {
        if (n !== 'content') throw new Error(`fake note cannot load ${n}`);
        this.context.settle(() => this.settle('content', cell?.note ?? null));
      }
    });
    return this;
  }

  delete(): void {
    this.context.queue(() => delete this.resolve().note);
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
    return (this.context.state.names ??= []);
  }

  get items(): FakeNamedItem[] {
    if (!this.itemsValue) throw new Error('PropertyNotLoaded: names.items');
    return this.itemsValue;
  }

  load(propertyNames: string): FakeNamedItems {
    if (!names(propertyNames).includes('items/name')) throw new Error(`fake supports names.load('items/name') only`);
    this.context.queue(() => {
      const listed = this.all.map((n) => n.name);
      this.context.settle(() => (this.itemsValue = listed.map((name) => this.item(name, true))));
    });
    return this;
  }

  add(name: string, reference: string, comment?: string): FakeNamedItem {
    this.context.queue(() => {
      if (!/^[_\p{L}][\p{L}\p{N}_.]*$/u.test(name)) throw new FakeExcelError('InvalidArgument', `bad name ${name}`);
      if (this.all.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new FakeExcelError('ItemAlreadyExists', name);
      const { sheet, address } = parseReference(reference);
      if (!this.context.sheetNamed(sheet)) throw new FakeExcelError('InvalidArgument', `no sheet ${sheet}`);
      this.all.push({ name, sheet, address, visible: true, ...(comment ? { comment } : {}) });
    });
    return this.item(name, false);
  }

  getItem(name: string): FakeNamedItem {
    return this.item(name, false);
  }

  private item(name: string, loaded: boolean): FakeNamedItem {
    return new FakeNamedItem(this.context, name, () => this.all.find((n) => n.name === name) ?? null, loaded);
  }
}

class FakeNamedItem extends Loadable implements NamedItemApi {
  constructor(
    private readonly context: Context,
    private readonly key: string,
    private readonly resolver: () => FakeName | null,
    loaded: boolean,
  ) {
    super();
    if (loaded) this.settle('name', key);
  }

  private resolve(): FakeName {
    const found = this.resolver();
    if (!found) throw new FakeExcelError('ItemNotFound', `no name ${this.key}`);
    return found;
  }

  get name(): string {
    return this.loaded('name');
  }

  set visible(visible: boolean) {
    this.context.queue(() => (this.resolve().visible = visible));
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
    this.context.queue(() => {
      const found = this.resolve();
      this.context.state.names = (this.context.state.names ?? []).filter((n) => n !== found);
    });
  }
}

function namespaceOf(xml: string): string | null {
  return /<[A-Za-z_][\w.-]*\s[^>]*xmlns="([^"]*)"/u.exec(xml)?.[1] ?? null;
}

class FakeCustomXmlParts implements CustomXmlPartCollectionApi {
  constructor(private readonly context: Context) {}

  add(xml: string): FakeCustomXmlPart {
    const id = `{${this.context.host.nextId++}}`;
    this.context.queue(() => this.context.state.customXmlParts.push({ id, xml }));
    return new FakeCustomXmlPart(this.context, () => this.context.state.customXmlParts.find((p) => p.id === id) ?? null);
  }

  getByNamespace(namespaceUri: string): { getOnlyItemOrNullObject(): FakeCustomXmlPart } {
    return {
      getOnlyItemOrNullObject: () => {
        const part = new FakeCustomXmlPart(this.context, () => {
          const found = this.context.state.customXmlParts.filter((p) => namespaceOf(p.xml) === namespaceUri);
          return found.length === 1 ? found[0] : null;
        });
        part.settleNullity();
        return part;
      },
    };
  }
}

class FakeCustomXmlPart extends Loadable implements CustomXmlPartApi {
  constructor(
    private readonly context: Context,
    private readonly resolver: () => { id: string; xml: string } | null,
  ) {
    super();
  }

  private resolve(): { id: string; xml: string } {
    const part = this.resolver();
    if (!part) throw new FakeExcelError('InvalidOperation', 'method called on a null custom XML part');
    return part;
  }

  settleNullity(): void {
    this.context.queue(() => {
      const part = this.resolver();
      this.context.settle(() => this.settle('isNullObject', part === null));
    });
  }

  get isNullObject(): boolean {
    return this.loaded('isNullObject');
  }

  getXml(): ClientResult<string> {
    const result = new Result<string>();
    this.context.queue(() => {
      const xml = this.resolve().xml;
      this.context.settle(() => result.resolve(xml));
    });
    return result;
  }

  delete(): void {
    this.context.queue(() => {
      const part = this.resolve();
      this.context.state.customXmlParts = this.context.state.customXmlParts.filter((p) => p !== part);
    });
  }
}

export class FakeExcelHost {
  syncs = 0;
  nextId = 1;
  readonly features: HostFeatures;

  constructor(
    public state: FakeWorkbookState,
    readonly options: FakeOptions = {},
  ) {
    this.features = options.features ?? { notes: true };
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
