/**
 * 标注 and 清除标注 on the open workbook. Office.js batches are not transactions: when a command fails
 * (a protected sheet, a cell that refuses a note, a dropped connection on the web) the commands before
 * it stay applied. So nothing is written before every sheet involved is known to be unprotected, the
 * record of the cells' own looks is saved before a cell is touched, and the previous marking's names
 * and record go only after everything else is done. Whatever round trip fails, 清除标注 can then put
 * every cell and every note back. Writes go in as many round trips as Excel on the web's 5 MB request
 * cap needs; reads before them are a fixed number.
 */
import type { Finding } from '../../ledger/findings';
import type {
  CellFillProperties,
  ClientResult,
  CustomXmlPartApi,
  ExcelContext,
  ExcelRun,
  HostFeatures,
  NoteApi,
  RangeApi,
  WorksheetApi,
  WorksheetNotesApi,
  WorksheetProtectionApi,
} from './api';
import { readFill, restoreFill } from './fills';
import { HostError } from './hostErrors';
import type { CellLook, OriginalCell } from './marks';
import {
  cellKey,
  cellReference,
  joinRecords,
  looksOriginal,
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
import type { Write } from './payload';
import { readInRounds, requestBytes, withinBudget, writeInRounds } from './payload';

export interface MarkOutcome {
  /** Cells marked. */
  marked: number;
  /** Findings that could not be marked because their sheet is not in the workbook (S01). */
  skipped: number;
  /** Marked cells holding a threaded comment (批注): Excel allows no note beside it, so they got the fill alone. */
  fillOnly: number;
}

export interface ClearOutcome {
  /** Cells given back their own fill and note. */
  restored: number;
  /** Marked cells whose fill and note the clerk has redone since; they keep the clerk's look. */
  leftAlone: number;
  /**
   * Cells whose notes (注释) were written where notes work and cannot be removed here, as `“表”B6`;
   * they stay in the record for a 清除标注 in an Excel that has notes.
   */
  notesLeft: string[];
}

/** A recorded cell and where it is now. */
interface Located {
  original: OriginalCell;
  sheet: string;
  cell: string;
}

interface QueuedLook {
  fill: ClientResult<CellFillProperties[][]>;
  note: NoteApi | null;
}

/** The record of a marking, in parts of at most this many bytes. */
const partBytes = 1_000_000;

const nameComment = '台账助手的标注，清除标注时删除';

/** What the first two round trips of marking and clearing learn about the workbook and its marks. */
class Workbook {
  private readonly sheets = new Map<string, WorksheetApi>();
  sheetNames = new Set<string>();
  parts: CustomXmlPartApi[] = [];
  markNames = new Set<string>();
  /** Cells holding a threaded comment, by `cellKey`; known only where notes are used. */
  commented = new Set<string>();
  recorded: Located[] = [];
  private protectedSheets = new Set<string>();

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

  private notes(sheet: string) {
    return (this.sheet(sheet) as WorksheetApi & WorksheetNotesApi).notes;
  }

  /** Round trip 1: the sheets, the parts of our record and our hidden names. */
  async open(): Promise<void> {
    const { workbook } = this.context;
    const worksheets = workbook.worksheets.load('items/name');
    const parts = workbook.customXmlParts.getByNamespace(marksNamespace).load('items/id');
    const names = workbook.names.load('items/name');
    await this.context.sync();
    this.sheetNames = new Set(worksheets.items.map((ws) => ws.name));
    this.parts = parts.items;
    this.markNames = new Set(names.items.map((n) => n.name).filter((n) => n.startsWith(markNamePrefix)));
  }

  get isEmpty(): boolean {
    return this.parts.length === 0 && this.markNames.size === 0;
  }

  /**
   * Round trips 2 and on: which sheets are protected, the record, where our names point, where threaded
   * comments are. The record's parts come back in as many answers as the web's 5 MB cap needs: a
   * marking of 30,000 cells is a record of about 7 MB.
   */
  async inspect(): Promise<void> {
    const { workbook } = this.context;
    const protection = new Map<string, WorksheetProtectionApi>(
      [...this.sheetNames].map((s) => [s, this.sheet(s).protection.load('protected')]),
    );
    const comments = this.features.notes ? workbook.comments.load('items/id') : null;
    await this.context.sync();
    this.protectedSheets = new Set([...protection].filter(([, p]) => p.protected).map(([s]) => s));
    const xmls = await readInRounds(this.context, this.parts, requestBytes(1), (p) => p.getXml());
    const markNames = [...this.markNames];
    const found = await readInRounds(this.context, markNames, requestBytes(4), (n) =>
      workbook.names.getItem(n).getRangeOrNullObject().load('address'),
    );
    const ranges = new Map(markNames.map((n, i) => [n, found[i]]));
    // A comment's place needs one more trip; only where notes are used does it matter.
    const places = await readInRounds(this.context, comments?.items ?? [], requestBytes(3), (c) => c.getLocation().load('address'));
    this.commented = new Set(places.map((p) => splitAddress(p.address)).map((a) => cellKey(a.sheet, a.cell)));
    const seen = new Set<string>();
    this.recorded = joinRecords(xmls.map((x) => parseMarksXml(x.value))).flatMap((original): Located[] => {
      const at = this.locate(original, ranges);
      if (!at) return [];
      const key = cellKey(at.sheet, at.cell);
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ original, ...at }];
    });
  }

  /**
   * Where a recorded cell is now: where its name has moved it; at its recorded address when the name
   * is missing (a record written before marks had names, or a marking stopped before adding it);
   * nowhere when its row, column or sheet has been deleted since.
   */
  private locate(original: OriginalCell, ranges: ReadonlyMap<string, RangeApi>): { sheet: string; cell: string } | null {
    const range = original.name === undefined ? undefined : ranges.get(original.name);
    if (range) return range.isNullObject ? null : splitAddress(range.address);
    return this.sheetNames.has(original.sheet) ? { sheet: original.sheet, cell: original.cell } : null;
  }

  /** Refuses, before anything is written, when a sheet to be written is protected. */
  refuseProtected(sheets: Iterable<string>, action: string): void {
    const locked = [...new Set(sheets)].filter((s) => this.protectedSheets.has(s));
    if (locked.length === 0) return;
    throw new HostError(
      `工作表${locked.map((s) => `“${s}”`).join('、')}受保护，未${action}任何单元格。请在“审阅”选项卡中点“撤销工作表保护”后再试。`,
    );
  }

  /** Queues a load of how a cell looks now: its fill and, where notes are used and allowed, its note. */
  look(sheet: string, cell: string): QueuedLook {
    const fill = readFill(this.range(sheet, cell), this.features);
    const noted = this.features.notes && !this.commented.has(cellKey(sheet, cell));
    return { fill, note: noted ? this.notes(sheet).getItemOrNullObject(cell).load('content') : null };
  }

  writeNote(sheet: string, cell: string, current: NoteApi | null, text: string | null): void {
    const exists = current !== null && !current.isNullObject;
    if (text === null) {
      if (exists) current.delete();
    } else if (exists) {
      current.content = text;
    } else {
      this.notes(sheet).add(cell, text);
    }
  }

  /** Queues putting the fill and note back; what was ours, by `restorePlan`. */
  restore(at: Located, queued: QueuedLook, plan: { fill: boolean; note: boolean }): void {
    const { original } = at;
    const range = this.range(at.sheet, at.cell);
    if (plan.fill) restoreFill(range, original.fill, this.features);
    if (plan.note && original.note !== undefined && queued.note !== null) this.writeNote(at.sheet, at.cell, queued.note, original.note);
  }

  /** Writes the record `cells` in parts; each part a write of its own. */
  recordWrites(stamp: string, cells: readonly OriginalCell[]): Write[] {
    const parts = withinBudget(cells, (c) => requestBytes(0, c), partBytes);
    return parts.map((part) => {
      const xml = marksXml({ version: 1, stamp, cells: part });
      return {
        bytes: requestBytes(2, xml),
        apply: () => {
          this.context.workbook.customXmlParts.add(xml);
          return undefined;
        },
      };
    });
  }

  /**
   * Adds a hidden name. Excel takes `visible = false` only on the object `names.add()` returned, once
   * the add is synced; set through `names.getItem()` it is silently ignored (OfficeDev/office-js #3878,
   * #3949), so the added object is kept for the next round trip.
   */
  nameWrite(name: string, sheet: string, cell: string): Write {
    const reference = cellReference(sheet, cell);
    return {
      bytes: requestBytes(2, name, reference, nameComment),
      apply: () => {
        const added = this.context.workbook.names.add(name, reference, nameComment);
        return {
          bytes: requestBytes(1),
          apply: () => {
            added.visible = false;
            return undefined;
          },
        };
      },
    };
  }

  /** Deletes the old record's parts and every name of ours not in `keep`. */
  cleanupWrites(keep: ReadonlySet<string> = new Set()): Write[] {
    const names = [...this.markNames].filter((n) => !keep.has(n));
    return [
      ...names.map((n) => ({
        bytes: requestBytes(2, n),
        apply: () => {
          this.context.workbook.names.getItem(n).delete();
          return undefined;
        },
      })),
      ...this.parts.map((p) => ({
        bytes: requestBytes(1),
        apply: () => {
          p.delete();
          return undefined;
        },
      })),
    ];
  }
}

/**
 * The stamp of a new marking: its names must differ from the previous marking's, which are deleted
 * only after the new ones are saved (Excel refuses a taken name with ItemAlreadyExists), and its record
 * must sort after theirs, as the oldest record holds the cells' first looks. A time alone repeats when
 * two markings fall in the same millisecond, so it is taken past the latest stamp the workbook's names carry.
 */
function stampAfter(names: Iterable<string>): string {
  let latest = -1;
  for (const name of names) latest = Math.max(latest, parseInt(name.slice(markNamePrefix.length), 36) || -1);
  return Math.max(Date.now(), latest + 1).toString(36);
}

/** Reading a cell's look: its range, its fill properties, its note and the note's text. */
const lookBytes = requestBytes(5);

/** The look read by `look`, once synced. */
function lookOf(queued: QueuedLook): CellLook {
  const fill = queued.fill.value[0]?.[0]?.format?.fill ?? {};
  return queued.note === null ? { fill } : { fill, note: queued.note.isNullObject ? null : queued.note.content };
}

const place = (at: { sheet: string; cell: string }) => `“${at.sheet}”${at.cell}`;

/**
 * A recorded cell whose note could not be judged here: marked with a note, cleared where notes are not
 * available. Its fill is put back; the record keeps it for a 清除标注 in an Excel with notes.
 */
const noteLeft = (features: HostFeatures, at: Located, workbook: Workbook) =>
  !features.notes && at.original.note !== undefined && !workbook.commented.has(cellKey(at.sheet, at.cell));

export async function applyMarks(run: ExcelRun, features: HostFeatures, findings: readonly Finding[]): Promise<MarkOutcome> {
  return run(async (context) => {
    const workbook = new Workbook(context, features);
    await workbook.open();
    const targets = planMarks(findings, workbook.sheetNames);
    await workbook.inspect();
    const targetKeys = new Set(targets.map((t) => cellKey(t.sheet, t.cell)));
    const stale = workbook.recorded.filter((p) => !targetKeys.has(cellKey(p.sheet, p.cell)));
    workbook.refuseProtected(
      [...targets, ...stale].map((t) => t.sheet),
      '标注',
    );
    const allLooks = await readInRounds(context, [...targets, ...stale], lookBytes, (t) => workbook.look(t.sheet, t.cell));
    const looks = allLooks.slice(0, targets.length);
    const staleLooks = allLooks.slice(targets.length);

    const previous = new Map(workbook.recorded.map((p) => [cellKey(p.sheet, p.cell), p.original]));
    const stamp = stampAfter(workbook.markNames);
    const record = targets.map((t, i): OriginalCell => {
      const now = lookOf(looks[i]);
      const at = { sheet: t.sheet, cell: t.cell, name: markName(stamp, i) };
      // A cell marked before keeps the look it had before the first mark, not our mark's.
      const before = previous.get(cellKey(t.sheet, t.cell));
      if (before) return { ...before, ...at, note: before.note !== undefined ? before.note : now.note };
      return { ...at, fill: now.fill, ...(now.note !== undefined ? { note: now.note } : {}) };
    });
    const staleWrites: Write[] = [];
    stale.forEach((p, i) => {
      const plan = restorePlan(p.original, lookOf(staleLooks[i]));
      if (noteLeft(features, p, workbook)) {
        const name = markName(stamp, record.length);
        record.push({ ...p.original, sheet: p.sheet, cell: p.cell, name });
        staleWrites.push(workbook.nameWrite(name, p.sheet, p.cell));
      }
      if (plan)
        staleWrites.push({
          bytes: requestBytes(4, p.original),
          apply: () => {
            workbook.restore(p, staleLooks[i], plan);
            return undefined;
          },
        });
    });
    const markWrites = targets.flatMap((t, i): Write[] => [
      {
        bytes: requestBytes(6, t.note),
        apply: () => {
          workbook.range(t.sheet, t.cell).format.fill.color = markFill[t.severity];
          if (looks[i].note !== null) workbook.writeNote(t.sheet, t.cell, looks[i].note, t.note);
          return undefined;
        },
      },
      workbook.nameWrite(record[i].name ?? '', t.sheet, t.cell),
    ]);

    await writeInRounds(context, workbook.recordWrites(stamp, record));
    await writeInRounds(context, [...staleWrites, ...markWrites]);
    await writeInRounds(context, workbook.cleanupWrites());
    return {
      marked: targets.length,
      skipped: findings.filter((f) => !workbook.sheetNames.has(f.sheet)).length,
      fillOnly: looks.filter((l) => features.notes && l.note === null).length,
    };
  });
}

export async function clearMarks(run: ExcelRun, features: HostFeatures): Promise<ClearOutcome> {
  return run(async (context) => {
    const workbook = new Workbook(context, features);
    await workbook.open();
    if (workbook.isEmpty) return { restored: 0, leftAlone: 0, notesLeft: [] };
    await workbook.inspect();
    const cells = workbook.recorded;
    workbook.refuseProtected(
      cells.map((c) => c.sheet),
      '清除',
    );
    const looks = await readInRounds(context, cells, lookBytes, (c) => workbook.look(c.sheet, c.cell));

    let restored = 0;
    let leftAlone = 0;
    const writes: Write[] = [];
    const kept: Located[] = [];
    cells.forEach((c, i) => {
      const now = lookOf(looks[i]);
      const plan = restorePlan(c.original, now);
      if (noteLeft(features, c, workbook)) kept.push(c);
      if (plan) {
        restored += 1;
        writes.push({
          bytes: requestBytes(4, c.original),
          apply: () => {
            workbook.restore(c, looks[i], plan);
            return undefined;
          },
        });
      } else if (!looksOriginal(c.original, now)) leftAlone += 1;
    });
    await writeInRounds(context, writes);
    // Cells whose notes wait for an Excel with notes keep their names and a record of their own.
    const keptRecord = kept.map((c) => ({ ...c.original, sheet: c.sheet, cell: c.cell }));
    await writeInRounds(context, workbook.recordWrites(stampAfter(workbook.markNames), keptRecord));
    await writeInRounds(context, workbook.cleanupWrites(new Set(kept.flatMap((c) => c.original.name ?? []))));
    return { restored, leftAlone, notesLeft: kept.map(place) };
  });
}
