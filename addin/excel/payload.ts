/**
 * How much one round trip may carry. Excel on the web refuses a request or an answer over 5 MB,
 * counted in UTF-8 bytes (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded; older
 * builds said GeneralException), while desktop Excel has no such cap (learn.microsoft.com, "Resource
 * limits and performance optimization for Office Add-ins"). Writes are cut so that each request stays
 * within a 4 MB budget by the adapter's own generous estimate; reads are cut only once the web has
 * refused an answer, and then in halves until each answer fits.
 */
import type { ExcelContext } from './api';
import { isPayloadTooLarge } from './hostErrors';

export const syncBudget = 4_000_000;

/**
 * Bytes office.js spends on one queued command (its action and object path in the request JSON),
 * before the command's own arguments. An audit of the real serializer measured about 1.3 k characters
 * for the seven or so commands that mark one cell; this is rounded up.
 */
export const commandBytes = 300;

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** The request bytes of `commands` commands whose arguments are `args`. */
export function requestBytes(commands: number, ...args: unknown[]): number {
  return commands * commandBytes + args.reduce<number>((n, a) => n + (a === undefined ? 0 : utf8Bytes(JSON.stringify(a))), 0);
}

/** `items` in order, cut into runs whose estimated bytes stay within the budget (an item over it goes alone). */
export function withinBudget<T>(items: readonly T[], bytes: (item: T) => number, budget = syncBudget): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  let used = 0;
  for (const item of items) {
    const size = bytes(item);
    if (run.length > 0 && used + size > budget) {
      runs.push(run);
      run = [];
      used = 0;
    }
    run.push(item);
    used += size;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** One group of queued commands; it may leave a follow-up for a later round trip. */
export interface Write {
  bytes: number;
  apply(): Write | undefined;
}

/** Runs `writes` in order, in round trips within the request budget; follow-ups go in the next one. */
export async function writeInRounds(context: ExcelContext, writes: readonly Write[]): Promise<void> {
  let queue = [...writes];
  while (queue.length > 0) {
    const [round] = withinBudget(queue, (w) => w.bytes);
    queue = queue.slice(round.length);
    const next = round.flatMap((w) => w.apply() ?? []);
    await context.sync();
    queue = [...next, ...queue];
  }
}

/**
 * Queues `read` for each item, in round trips of at most `bytes`-each items within the budget. What
 * comes back is not known before it comes (a record part, a clerk's note), so where the web refuses an
 * answer the round is halved and asked again, and later rounds stay as small: nothing was written, so
 * asking again changes nothing. The desktop, which has no cap, keeps its fixed number of round trips.
 */
export async function readInRounds<T, R>(context: ExcelContext, items: readonly T[], bytes: number, read: (item: T) => R): Promise<R[]> {
  const out: R[] = [];
  let rest = items;
  let most = Number.POSITIVE_INFINITY;
  while (rest.length > 0) {
    const round = withinBudget(rest, () => bytes)[0].slice(0, most);
    const results = round.map(read);
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadTooLarge(error) || round.length === 1) throw error;
      most = Math.ceil(round.length / 2);
      continue;
    }
    out.push(...results);
    rest = rest.slice(round.length);
  }
  return out;
}
