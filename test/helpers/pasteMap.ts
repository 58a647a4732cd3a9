import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { mappingKeys } from '../../ledger/normalise/mappings';
import { mapWorkbook, pasteEntries } from '../../ledger/normalise/suggest';
import type { ValidationResult } from '../../ledger/model';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { foldSheetName } from '../../ledger/text/fold';
import { validateGrid } from '../../ledger/validate';

/**
 * What a trusting clerk does with `taizhang map` (issue 19 §5): copies every paste-ready line into
 * 基本信息, below what it holds, under its 项目 and 内容 columns — or, where the workbook has no
 * 基本信息, adds one with just those two columns and the lines.
 */
const scratch = mkdtempSync(join(tmpdir(), 'taizhang-paste-'));

/** The paste-ready lines `map` proposes for the workbook at `path`, as 基本信息 rows. */
export async function pasteReadyLines(path: string, year: number): Promise<Array<[string, string]>> {
  const map = mapWorkbook(await readWorkbookFile(path), year);
  return mappingKeys.flatMap((key) => {
    const entries = pasteEntries(map.suggestions, key);
    return entries.length > 0 ? [[key, entries.join('；')] as [string, string]] : [];
  });
}

/** The workbook at `path` with `lines` pasted into its 基本信息, written beside the other scratch files. */
export async function pasted(path: string, lines: ReadonlyArray<[string, string]>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  await keepNumberFormats(workbook, path);
  let sheet = workbook.worksheets.find((ws) => foldSheetName(ws.name) === foldSheetName('基本信息'));
  let keyColumn = 1;
  if (!sheet) {
    sheet = workbook.addWorksheet('基本信息');
    sheet.addRow(['项目', '内容']);
  } else {
    // Under the 项目 header, wherever the bureau put its table.
    sheet.eachRow((row) =>
      row.eachCell((cell, column) => {
        if (String(cell.value ?? '').trim() === '项目') keyColumn = column;
      }),
    );
  }
  let row = sheet.actualRowCount === 0 ? 1 : sheet.lastRow!.number + 1;
  for (const [key, value] of lines) {
    sheet.getCell(row, keyColumn).value = key;
    sheet.getCell(row, keyColumn + 1).value = value;
    row++;
  }
  const out = join(scratch, `pasted-${basename(path)}`);
  await writeFile(out, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  return out;
}

/**
 * ExcelJS knows the built-in number formats by id only up to its own table: a cell styled with an id it
 * lacks — 27–36 and 50–58, the East Asian dates WPS and Chinese Excel save for `yyyy年m月d日` — is
 * written back as General, so the round trip alone would turn dates into bare numbers. Excel and WPS keep
 * a cell's format when a clerk pastes rows elsewhere, so every format the reader saw is set again here.
 */
async function keepNumberFormats(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  for (const grid of (await readWorkbookFile(path)).sheets) {
    const sheet = workbook.getWorksheet(grid.name);
    if (!sheet) continue;
    grid.numberFormats.forEach((formats, r) =>
      formats.forEach((format, c) => {
        if (format === '' || format === 'General') return;
        const cell = sheet.getCell(grid.origin.row + r, grid.origin.column + c);
        if (cell.numFmt !== format) cell.numFmt = format;
      }),
    );
  }
}

export async function validateFile(path: string, asOf: string): Promise<ValidationResult> {
  return validateGrid(await readWorkbookFile(path), { asOf });
}

/** What pasting made worse, in words: empty when nothing was. */
export function worsened(before: ValidationResult, after: ValidationResult, truthTopics: ReadonlySet<string>): string[] {
  const worse: string[] = [];
  for (const rule of after.rules) {
    const was = before.rules.find((r) => r.id === rule.id)?.status;
    if (rule.status === '未达标' && was !== undefined && was !== '未达标') worse.push(`${rule.id} ${was} → 未达标`);
  }
  const errors = (r: ValidationResult) =>
    new Set(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.sheet}!${f.cell}`));
  const had = errors(before);
  for (const e of errors(after)) if (!had.has(e)) worse.push(`新错误 ${e}`);
  const counts = (r: ValidationResult) =>
    new Map(Object.entries(r.ledger.records).map(([key, records]) => [key, (records as unknown[]).length]));
  const was = counts(before);
  for (const [key, count] of counts(after)) {
    if (count < (was.get(key) ?? 0)) worse.push(`${key} 记录 ${was.get(key)} → ${count}`);
    if (count > 0 && !truthTopics.has(key)) worse.push(`${key} 多出 ${count} 条记录`);
  }
  return worse;
}

/** The topics that hold records in a result: the truth of a workbook that has no other. */
export function topicsWithRecords(result: ValidationResult): Set<string> {
  return new Set(Object.entries(result.ledger.records).flatMap(([key, records]) => ((records as unknown[]).length > 0 ? [key] : [])));
}
