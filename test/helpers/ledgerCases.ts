import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../ledger/findings';
import type { RuleStatus, ValidationResult } from '../../ledger/model';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import { validateGrid } from '../../ledger/validate';
import { ledgerBytes, type TestCell, type TestLedger, type TestSheet } from './ledgerWorkbook';

/**
 * Edits of a test ledger (break one thing in a compliant ledger) and compact views of what the
 * validator found, so each rule test reads as: the cell changed, the findings expected.
 */

/** `D01 error 专题研究!C2`: where a finding stands and how grave it is, as one comparable line. */
export const placed = (f: Finding): string => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`;

/** Every finding as a `placed` line, in the validator's order. */
export const allPlaced = (result: ValidationResult): string[] => result.findings.map(placed);

/** The findings of some rules only, for validation dates on which other periods are still open. */
export function ofRules(result: ValidationResult, ...rules: string[]): Finding[] {
  return result.findings.filter((f) => rules.includes(f.rule));
}

export function ruleStatus(result: ValidationResult, id: string): RuleStatus {
  const status = result.rules.find((r) => r.id === id);
  if (!status) throw new Error(`no status for rule ${id}`);
  return status;
}

function sheetOf(ledger: TestLedger, name: string): TestSheet {
  const sheet = ledger[name];
  if (!sheet) throw new Error(`test ledger has no sheet ${name}`);
  return sheet;
}

function columnOf(sheet: TestSheet, header: string): number {
  const index = sheet.headers.indexOf(header);
  if (index < 0) throw new Error(`test sheet has no header ${header}`);
  return index;
}

/** Sets one cell of a data row (0-based index below the header) by its column's header. */
export function setCell(ledger: TestLedger, sheetName: string, rowIndex: number, header: string, value: TestCell): void {
  const sheet = sheetOf(ledger, sheetName);
  const row = sheet.rows[rowIndex];
  if (!row) throw new Error(`test sheet ${sheetName} has no row ${rowIndex}`);
  row[columnOf(sheet, header)] = value;
}

/** Appends a data row given by header → value; columns not named stay empty. */
export function addRow(ledger: TestLedger, sheetName: string, values: Record<string, TestCell>): void {
  const sheet = sheetOf(ledger, sheetName);
  const row: TestCell[] = sheet.headers.map(() => null);
  for (const [header, value] of Object.entries(values)) row[columnOf(sheet, header)] = value;
  sheet.rows.push(row);
}

/** Adds a column at the end of a sheet, with a value for each existing row. */
export function addColumn(ledger: TestLedger, sheetName: string, header: string, values: TestCell[] = []): void {
  const sheet = sheetOf(ledger, sheetName);
  sheet.headers.push(header);
  sheet.rows.forEach((row, i) => {
    while (row.length < sheet.headers.length - 1) row.push(null);
    row.push(values[i] ?? null);
  });
}

export function removeColumn(ledger: TestLedger, sheetName: string, header: string): void {
  const sheet = sheetOf(ledger, sheetName);
  const index = columnOf(sheet, header);
  sheet.headers.splice(index, 1);
  for (const row of sheet.rows) row.splice(index, 1);
}

export function renameHeader(ledger: TestLedger, sheetName: string, from: string, to: string): void {
  const sheet = sheetOf(ledger, sheetName);
  sheet.headers[columnOf(sheet, from)] = to;
}

/** Sets a key of 基本信息, replacing its row or appending one. */
export function setSetting(ledger: TestLedger, key: string, value: TestCell): void {
  const sheet = sheetOf(ledger, '基本信息');
  const row = sheet.rows.find((r) => r[0] === key);
  if (row) row[1] = value;
  else sheet.rows.push([key, value]);
}

export function removeSetting(ledger: TestLedger, key: string): void {
  const sheet = sheetOf(ledger, '基本信息');
  sheet.rows = sheet.rows.filter((r) => r[0] !== key);
}

/** Renames sheets, keeping the tab order. */
export function renameSheets(ledger: TestLedger, names: Record<string, string>): TestLedger {
  return Object.fromEntries(Object.entries(ledger).map(([name, sheet]) => [names[name] ?? name, sheet]));
}

export function withoutSheet(ledger: TestLedger, name: string): TestLedger {
  sheetOf(ledger, name);
  return Object.fromEntries(Object.entries(ledger).filter(([n]) => n !== name));
}

/** Excel's serial number of an ISO date (1900 date system), as a clerk's number cell holds it. */
export function excelSerial(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000 + 25569;
}

export interface CellFormat {
  sheet: string;
  /** Address such as `A4`. */
  cell: string;
  numFmt: string;
}

const scratch = mkdtempSync(join(tmpdir(), 'taizhang-cases-'));
let written = 0;

/**
 * Like `validateLedger`, but with number formats set on some cells first (a serial under a date
 * format, a plain number under General), which the shared writer only sets for Date values.
 */
export async function validateFormatted(ledger: TestLedger, asOf: string, formats: CellFormat[]): Promise<ValidationResult> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await ledgerBytes(ledger)) as unknown as ArrayBuffer);
  for (const f of formats) {
    const ws = workbook.getWorksheet(f.sheet);
    if (!ws) throw new Error(`no sheet ${f.sheet}`);
    ws.getCell(f.cell).numFmt = f.numFmt;
  }
  const path = join(scratch, `formatted-${++written}.xlsx`);
  await writeFile(path, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  return validateGrid(await readWorkbookFile(path), { asOf });
}
