import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../ledger/jsonReport';
import { taizhang } from '../helpers/cli';
import { rowsOf } from '../helpers/resultViews';

/**
 * Issue 19 §1, "every row is accounted for": on registers of the variety set, each sheet's records,
 * non-records and rows 未能归类 add up to the rows with content of that sheet — counted here by openpyxl
 * (Debian's /usr/bin/python3), not by taizhang's reader — in `validate --format json`'s account, and the text
 * says the same numbers. The pane and the page show what the JSON says (test/addin/e2e/pane.e2e.test.ts and
 * test/page/page.e2e.test.ts, on r105-libreoffice among others), so the chain reaches them too.
 */
const dir = 'test/fixtures/registers';
// r105 is the register the pane and page e2e tests show; the others are one of each producer and a new seed.
const seeds = ['r105-libreoffice', 'r101-openpyxl', 'r112-wps', 'r305-libreoffice', 'r694-wps'];

/** Rows showing a value other than blanks, per sheet, in workbook order: as a clerk sees them in Excel. */
function rowsWithContent(path: string): Array<[string, number]> {
  const script = `
import json, sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1], data_only=True)
out = []
filled = lambda v: v is not None and (not isinstance(v, str) or v.strip() != "")
for ws in wb.worksheets:
    rows = {r[0].row for r in ws.iter_rows() if any(filled(c.value) for c in r)}
    # A merged cell shows its value in every row it spans (a date merged down a day's rows, a two-row title).
    for m in ws.merged_cells.ranges:
        if filled(ws.cell(m.min_row, m.min_col).value):
            rows.update(range(m.min_row, m.max_row + 1))
    out.append([ws.title, len(rows)])
print(json.dumps(out, ensure_ascii=False))
`;
  const run = spawnSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Array<[string, number]>;
}

describe('every row of a register accounted for, in the JSON and the text', () => {
  for (const name of seeds) {
    it(`${name}: records + 非记录 + 未能归类 of each sheet = its rows with content`, () => {
      const path = `${dir}/${name}.xlsx`;
      const report = JSON.parse(taizhang(['validate', path, '--format', 'json', '--as-of', '2026-12-31']).stdout) as JsonReport;
      const sums = report.account.map((a) => [a.sheet, a.records + a.nonRecords + a.unplaced] as [string, number]);
      expect(sums).toEqual(rowsWithContent(path).filter(([, n]) => n > 0));
      const text = taizhang(['validate', path, '--as-of', '2026-12-31']).stdout;
      const shown = text
        .split('\n')
        .map((line) => /^ {2}工作表“(.+)”（.*?）：(记录 \d+ 行，非记录 \d+ 行，未能归类 \d+ 行)(?:（第(.+)行）)?$/u.exec(line))
        .flatMap((m) => (m ? [[m[1], m[2], rowsOf(m[3] ?? '')]] : []));
      expect(shown).toEqual(
        report.account.map((a) => [a.sheet, `记录 ${a.records} 行，非记录 ${a.nonRecords} 行，未能归类 ${a.unplaced} 行`, a.unplacedRows]),
      );
      // Each row named 未能归类 is one with content, and holds its D10 finding.
      const d10 = report.account.map((a) => report.findings.filter((f) => f.rule === 'D10' && f.sheet === a.sheet).map((f) => f.row));
      expect(d10).toEqual(report.account.map((a) => a.unplacedRows));
    });
  }
});
