/**
 * 读取情况 and 待办 as the pane and the page show them, and as the CLI says them for the same file and
 * date (`validate --format json`'s account, `due --format json`'s items), for the e2e tests of both.
 */
import type { Page } from 'playwright-core';
import type { DueList } from '../../ledger/due';
import type { JsonReport } from '../../ledger/jsonReport';
import { taizhang } from './cli';

function cli<T>(args: string[]): T {
  const run = taizhang(args);
  if (run.status !== 0 && run.status !== 1) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as T;
}

/** Each sheet with its counts, in workbook order: `记录 38 行，非记录 12 行，未能归类 3 行`. */
export function cliAccount(path: string, asOf: string): string[][] {
  const { account } = cli<JsonReport>(['validate', path, '--format', 'json', '--as-of', asOf]);
  return account.map((a) => [a.sheet, `记录 ${a.records} 行，非记录 ${a.nonRecords} 行，未能归类 ${a.unplaced} 行`]);
}

/** `5、9至12` (as 读取情况 and validate's text name rows 未能归类) as the rows it names. */
export const rowsOf = (text: string): number[] =>
  text === ''
    ? []
    : text.split('、').flatMap((part) => {
        const [from, to = from] = part.split('至').map(Number);
        return Array.from({ length: to - from + 1 }, (_, i) => from + i);
      });

/** Each sheet with rows 未能归类 and those rows, as `validate --format json` gives them. */
export function cliUnplacedRows(path: string, asOf: string): Array<[string, number[]]> {
  const { account } = cli<JsonReport>(['validate', path, '--format', 'json', '--as-of', asOf]);
  return account.filter((a) => a.unplaced > 0).map((a) => [a.sheet, a.unplacedRows]);
}

/** The sheets kept in view under 读取情况 for their rows 未能归类, with the rows they name. */
export function shownUnplacedRows(page: Page): Promise<Array<[string, number[]]>> {
  return page
    .locator('#account .unplaced-sheets li')
    .evaluateAll((items) =>
      items.map((li) => [li.getAttribute('data-sheet') ?? '', /第(.+)行/u.exec(li.querySelector('.rows')?.textContent ?? '')?.[1] ?? '']),
    )
    .then((items) => items.map(([sheet, rows]) => [sheet, rowsOf(rows)] as [string, number[]]));
}

export function shownAccount(page: Page): Promise<string[][]> {
  return page
    .locator('#account .account-sheet')
    .evaluateAll((items) => items.map((li) => [li.getAttribute('data-sheet') ?? '', li.querySelector('.counts')?.textContent ?? '']));
}

/** Each open period, overdue first: rule, due date, period and unit, requirement, what it still needs. */
export function cliDue(path: string, asOf: string): { headings: string[]; items: string[][] } {
  const list = cli<DueList>(['due', path, '--format', 'json', '--as-of', asOf]);
  const day = (iso: string) => iso.split('-').map(Number);
  const overdue = list.items.filter((i) => i.due < list.asOf).length;
  const coming = list.items.length - overdue;
  return {
    headings: [overdue > 0 && `已逾期 ${overdue} 项`, coming > 0 && `即将到期 ${coming} 项`].filter((h) => h !== false),
    items: list.items.map((i) => {
      const [y, m, d] = day(i.due);
      return [
        i.rule,
        `${y}年${m}月${d}日前`,
        i.unit === null ? i.label : `${i.label} · ${i.unit}`,
        i.title,
        i.needed === null ? '台账无法判断已开展几次，原因见问题清单' : `还需${i.needed}次（应${i.required}次，已${i.actual}次）`,
      ];
    }),
  };
}

export async function shownDue(page: Page): Promise<{ headings: string[]; items: string[][] }> {
  return {
    headings: await page.locator('#due .due-group h3').allTextContents(),
    items: await page
      .locator('#due .due-item')
      .evaluateAll((items) =>
        items.map((li) => [
          li.getAttribute('data-rule') ?? '',
          ...['.date', '.what', '.title', '.need'].map((s) => li.querySelector(s)?.textContent ?? ''),
        ]),
      ),
  };
}
