/**
 * The office.js the add-in ships, host file by host file, in a real Chromium: every Excel member the
 * adapter calls must exist there, and notes must be seen as missing, since @microsoft/office-js
 * 1.1.110 stops before ExcelApi 1.18 while current hosts answer isSetSupported('ExcelApi', '1.18').
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../helpers/chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberTable } from '../../../addin/excel/api';
import { excelMembers, missingMembers, noteMembers } from '../../../addin/excel/api';

const dist = join(dirname(createRequire(import.meta.url).resolve('@microsoft/office-js/package.json')), 'dist');
const hostFiles = ['excel-web-16.00.js', 'excel-win32-16.01.js', 'excel-mac-16.00.js'];

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Loads one host file into a blank page and reports which members of `table` it lacks. */
async function missingIn(file: string, table: MemberTable): Promise<string[]> {
  const page = await browser.newPage();
  try {
    await page.addScriptTag({ content: await readFile(join(dist, file), 'utf8') });
    // The adapter's own check, run where the library is loaded.
    return (await page.evaluate(`(${missingMembers.toString()})(globalThis.Excel, ${JSON.stringify(table)})`)) as string[];
  } finally {
    await page.close();
  }
}

describe('the office.js host files the add-in ships', () => {
  it.each(hostFiles)('%s defines every Excel member the adapter uses', async (file) => {
    expect(await missingIn(file, excelMembers)).toEqual([]);
  });

  it.each(hostFiles)('%s has no notes, so the add-in marks with fills alone when it is loaded', async (file) => {
    expect(await missingIn(file, noteMembers)).toEqual([
      'Worksheet.notes',
      'NoteCollection.add',
      'NoteCollection.getItemOrNullObject',
      'Note.isNullObject',
      'Note.content',
      'Note.load',
      'Note.delete',
    ]);
  });

  it('can tell a missing member from a present one', async () => {
    expect(await missingIn('excel-web-16.00.js', { Range: ['values', 'noSuchMember'] })).toEqual(['Range.noSuchMember']);
  });
});
