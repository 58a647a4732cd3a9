/**
 * Reading the open workbook into the core's grids. On the desktop a read is three round trips
 * whatever the number of rows: the sheets, their used ranges, then every block's values, number
 * formats and merged areas at once; one more only where two merged pieces meet at the edge of the
 * bands merges are asked in, to learn whether they are one merge (readPlan.ts). Excel on the web
 * refuses an answer over 5 MB; there the blocks are cut to fit an estimate of their size in bytes,
 * learnt from what the web refused and from what came back, so the number of round trips grows with
 * the data, about one per 4 MB.
 */
import type { MergedRange, WorkbookGrid } from '../../ledger/grid/types';
import type { ExcelContext, ExcelRun, RangeAreasApi } from './api';
import { HostError, isPayloadTooLarge } from './hostErrors';
import { readInRounds, requestBytes, syncBudget, utf8Bytes } from './payload';
import type { BlockData, MergeSeam, UsedArea } from './readPlan';
import { assembleSheet, mergeBands, mergeSeams, rowBlocks, seamKey, spansSeam } from './readPlan';
import { resultSheetName } from './resultSheet';

interface SheetLayout {
  name: string;
  area: UsedArea | null;
}

interface BlockRead {
  sheet: string;
  block: UsedArea;
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
    // The result sheet is ours and can be long; the core would ignore it anyway. A workbook of nothing
    // else is a 校验结果 download opened in Excel: it is read as it is, for the core to say what it is.
    const ledgerSheets = worksheets.items.filter((ws) => ws.name !== resultSheetName);
    const sheets = ledgerSheets.length > 0 ? ledgerSheets : worksheets.items;
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

const areaProperties = 'areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount';

/** The merged areas as Excel lists them in `areas.items`, 1-based. */
function mergesOf(areas: RangeAreasApi): MergedRange[] {
  if (areas.isNullObject) return [];
  return areas.areas.items.map((a) => ({
    top: a.rowIndex + 1,
    left: a.columnIndex + 1,
    bottom: a.rowIndex + a.rowCount,
    right: a.columnIndex + a.columnCount,
  }));
}

/** One round trip for all `reads`. */
async function loadBlocks(context: ExcelContext, reads: readonly BlockRead[]): Promise<BlockData[]> {
  const proxies = reads.map(({ sheet, block }) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const range = ws.getRangeByIndexes(block.rowIndex, block.columnIndex, block.rowCount, block.columnCount).load('values,numberFormat');
    const bands = mergeBands(block).map((b) =>
      ws.getRangeByIndexes(b.rowIndex, b.columnIndex, b.rowCount, b.columnCount).getMergedAreasOrNullObject().load(areaProperties),
    );
    return { range, bands };
  });
  await context.sync();
  return proxies.map(({ range, bands }) => ({
    values: range.values,
    numberFormat: range.numberFormat,
    merges: bands.flatMap(mergesOf),
  }));
}

const cellsOf = (read: BlockRead) => read.block.rowCount * read.block.columnCount;

/** The answer's size as the web counts it. */
const answerBytes = (data: BlockData) =>
  utf8Bytes(JSON.stringify(data.values)) + utf8Bytes(JSON.stringify(data.numberFormat)) + utf8Bytes(JSON.stringify(data.merges));

/** `read` cut into pieces of at most `rows` rows. */
function pieces(read: BlockRead, rows: number): BlockRead[] {
  return rowBlocks(read.block, { maxRows: Math.max(1, rows), maxCells: Number.MAX_SAFE_INTEGER }).map((block) => ({
    sheet: read.sheet,
    block,
  }));
}

const tooLargeToRead = () =>
  new HostError(
    '读取工作簿未完成。有一行内容过多，Excel 网页版一次取不回来（每次至多 5 MB）。请在桌面版 Excel 中校验，或用命令行 taizhang validate 校验该文件。工作簿未被改动。',
  );

/**
 * Bytes of the least a cell can cost in an answer: `"",` for its value and `"General",` for its format.
 */
const leastCellBytes = 13;

/**
 * Excel on the web: round trips of about `syncBudget` bytes each. A sheet read already is sized by
 * the densest piece of it seen; a sheet not read yet by a guess that starts at what the refused answer
 * proves (more than 5 MB over its cells, and never less than a cell's least cost) and quadruples
 * whenever the web refuses a piece sized by it; a measured sheet refused again doubles.
 */
async function loadWithinBudget(context: ExcelContext, reads: readonly BlockRead[], refusedCells: number): Promise<BlockData[][]> {
  const measured = new Map<string, number>();
  let guess = Math.max(leastCellBytes, (5 * 1024 * 1024) / Math.max(1, refusedCells));
  const estimate = (sheet: string) => measured.get(sheet) ?? guess;
  const queue = reads.map((read, index) => ({ read, index }));
  const out: BlockData[][] = reads.map(() => []);
  while (queue.length > 0) {
    const batch: typeof queue = [];
    let used = 0;
    while (queue.length > 0) {
      const next = queue[0];
      const rowBytes = estimate(next.read.sheet) * next.read.block.columnCount;
      const room = Math.floor((syncBudget - used) / rowBytes);
      if (room < 1 && batch.length > 0) break;
      queue.shift();
      const [head, ...rest] = pieces(next.read, room);
      queue.unshift(...rest.map((read) => ({ read, index: next.index })));
      batch.push({ read: head, index: next.index });
      used += rowBytes * head.block.rowCount;
    }
    let data: BlockData[];
    try {
      data = await loadBlocks(
        context,
        batch.map((b) => b.read),
      );
    } catch (error) {
      if (!isPayloadTooLarge(error)) throw error;
      if (batch.length === 1 && batch[0].read.block.rowCount === 1) throw tooLargeToRead();
      const sheets = new Set(batch.map((b) => b.read.sheet));
      if ([...sheets].some((sheet) => !measured.has(sheet))) guess *= 4;
      for (const sheet of sheets) {
        const known = measured.get(sheet);
        if (known !== undefined) measured.set(sheet, known * 2);
      }
      queue.unshift(...batch);
      continue;
    }
    data.forEach((d, i) => {
      const { read, index } = batch[i];
      out[index].push(d);
      measured.set(read.sheet, Math.max(measured.get(read.sheet) ?? 0, answerBytes(d) / cellsOf(read)));
    });
  }
  return out;
}

/** Every block's data, in the order of `reads`; a block may come back in several pieces. */
async function readBlocks(run: ExcelRun, reads: readonly BlockRead[]): Promise<BlockData[][]> {
  if (reads.length === 0) return [];
  try {
    return (await run((context) => loadBlocks(context, reads))).map((d) => [d]);
  } catch (error) {
    if (!isPayloadTooLarge(error)) throw error;
    const cells = reads.reduce((n, r) => n + cellsOf(r), 0);
    return run((context) => loadWithinBudget(context, reads, cells));
  }
}

interface SheetSeam {
  sheet: string;
  seam: MergeSeam;
}

/**
 * The seams Excel shows as one merge, asked of the two rows at each: one more round trip, and only
 * where two pieces of the same columns meet at a band's edge.
 */
async function joinedSeams(run: ExcelRun, seams: readonly SheetSeam[]): Promise<Set<string>> {
  if (seams.length === 0) return new Set();
  const answers = await run((context) =>
    readInRounds(context, seams, requestBytes(3), ({ sheet, seam }) =>
      context.workbook.worksheets
        .getItem(sheet)
        .getRangeByIndexes(seam.row - 1, seam.left - 1, 2, seam.right - seam.left + 1)
        .getMergedAreasOrNullObject()
        .load(areaProperties),
    ),
  );
  return new Set(seams.filter((s, i) => spansSeam(s.seam, mergesOf(answers[i]))).map((s) => `${s.sheet}\n${seamKey(s.seam)}`));
}

export async function readWorkbook(run: ExcelRun): Promise<WorkbookGrid> {
  const layout = await sheetLayouts(run);
  const plans = layout.sheets.map((sheet) => ({ ...sheet, blocks: sheet.area ? rowBlocks(sheet.area) : [] }));
  const data = await readBlocks(
    run,
    plans.flatMap((p) => p.blocks.map((block) => ({ sheet: p.name, block }))),
  );
  let next = 0;
  const read = plans.map((p) => {
    const blocks = data.slice(next, next + p.blocks.length).flat();
    next += p.blocks.length;
    return { ...p, blocks, seams: mergeSeams(p.area, blocks) };
  });
  const joined = await joinedSeams(
    run,
    read.flatMap((r) => r.seams.map((seam) => ({ sheet: r.name, seam }))),
  );
  const sheets = read.map((r) => {
    const own = new Set(r.seams.map(seamKey).filter((key) => joined.has(`${r.name}\n${key}`)));
    return assembleSheet(r.name, r.area, r.blocks, own);
  });
  return { name: layout.name, date1904: layout.date1904, sheets };
}
