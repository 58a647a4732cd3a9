import type ExcelJS from 'exceljs';
import { ruleTable } from '../../ledger/check/ruleTable';
import type { RequirementStatus } from '../../ledger/model';
import { ownSheetNames } from '../../ledger/ownWorkbooks';
import { chineseDate } from '../../ledger/values/date';
import { periodLabel } from '../../ledger/values/period';
import type { LedgerDigest, RequirementDigest } from './digest';
import type { Excluded, Rollup } from './rollup';
import { unitName } from './rollup';

export const requirements = ruleTable.filter((r) => r.kind === 'requirement');

/** Sheet names of the workbook, as the county's staff see them. */
export const sheetNames = { overview: ownSheetNames.summary, own: '各单位自定要求', excluded: ownSheetNames.summaryLeftOut } as const;

const statusFill: Record<RequirementStatus, string> = { 达标: 'FFC6EFCE', 进行中: 'FFFFEB9C', 未达标: 'FFFFC7CE', 无法判断: 'FFD9D9D9' };

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
}

function fillStatus(cell: ExcelJS.Cell, status: RequirementStatus): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: statusFill[status] } };
  cell.alignment = { horizontal: 'center' };
}

/** One row per bureau: its totals, each requirement's status for the period, and what is overdue. */
function overviewSheet(workbook: ExcelJS.Workbook, rollup: Rollup): void {
  const ws = workbook.addWorksheet(sheetNames.overview, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  const fixed = ['序号', '单位', '年度', '台账文件', '错误', '警告', '提示'];
  styleHeader(ws.addRow([...fixed, ...requirements.map((r) => `${r.id} ${r.title}`), '逾期事项数', '逾期事项']));
  ws.getRow(1).height = 90;
  rollup.included.forEach((d, i) => {
    const statuses = requirements.map((r) => d.requirements.find((x) => x.id === r.id)?.status ?? '');
    const row = ws.addRow([
      i + 1,
      unitName(d),
      d.year,
      d.workbook,
      d.summary.error,
      d.summary.warning,
      d.summary.info,
      ...statuses,
      d.overdueItems,
      d.overdue.join('；'),
    ]);
    statuses.forEach((s, k) => {
      const cell = row.getCell(fixed.length + k + 1);
      if (s !== '') fillStatus(cell, s);
      // Judged by the bureau's own count: the header's default count is not what this cell weighs.
      const note = d.departures[requirements[k].id];
      if (note) cell.note = note;
    });
  });
  ws.columns.forEach((column, i) => {
    column.width = i === 1 || i === 3 ? 24 : i < fixed.length ? 7 : i === fixed.length + requirements.length + 1 ? 60 : 12;
  });
}

/**
 * A sheet per built-in requirement: each bureau's periods (and units, where the rule is per unit) with
 * counts, judged by the bureau's own plan; 备注 says where that plan sets the requirement otherwise.
 */
function requirementSheet(workbook: ExcelJS.Workbook, rollup: Rollup, rule: (typeof requirements)[number]): void {
  const ws = workbook.addWorksheet(rule.id);
  const departs = rollup.included.some((d) => d.departures[rule.id] !== undefined);
  const byOwnPlan = departs ? '（有的单位按本单位实施方案另定的要求判断，见备注）' : '';
  ws.addRow([`${rule.id} ${rule.title}（实施方案${rule.plan ?? ''}）——${periodLabel(rollup.period)}${byOwnPlan}`]).font = { bold: true };
  styleHeader(ws.addRow([...periodHeader, '备注']));
  for (const d of rollup.included) {
    const note = d.departures[rule.id] ?? '';
    const r = d.requirements.find((x) => x.id === rule.id);
    if (!r) {
      // A requirement the bureau switched off has no status: the row says why it is not judged.
      if (note) ws.addRow([unitName(d), '', '', '', '', '', '', note]);
      continue;
    }
    for (const cells of periodRows(d, r)) {
      const row = ws.addRow([unitName(d), ...cells.values, note || null]);
      fillStatus(row.getCell(6), cells.status);
    }
  }
  ws.columns.forEach((column, i) => {
    column.width = [24, 16, 16, 8, 8, 10, 16, 28][i];
  });
}

const periodHeader = ['单位', '考核期间', '涉及单位', '应完成', '已完成', '落实情况', '到期日期'];

/** A requirement's rows for one bureau: each period (and unit), or the year's where it judges none. */
function periodRows(d: LedgerDigest, r: RequirementDigest): Array<{ values: Array<string | number>; status: RequirementStatus }> {
  const periods =
    r.periods.length > 0
      ? r.periods
      : [{ label: `${d.year}年`, unit: null, required: r.required, actual: r.actual, status: r.status, due: '' }];
  return periods.map((p) => ({
    values: [p.label, p.unit ?? '', p.required, p.actual, p.status, p.due ? chineseDate(p.due) : ''],
    status: p.status,
  }));
}

/** The bureaus' own requirements (实施方案要求), under each bureau: written only when some bureau has one. */
function ownRequirementsSheet(workbook: ExcelJS.Workbook, rollup: Rollup): void {
  const bureaus = rollup.included.filter((d) => d.own.length > 0);
  if (bureaus.length === 0) return;
  const ws = workbook.addWorksheet(sheetNames.own);
  ws.addRow([`各单位实施方案中另加的要求——${periodLabel(rollup.period)}`]).font = { bold: true };
  styleHeader(ws.addRow(['单位', '编号', '工作要求', ...periodHeader.slice(1)]));
  for (const d of bureaus) {
    for (const { id } of d.own) {
      const r = d.requirements.find((x) => x.id === id);
      if (!r) continue;
      for (const cells of periodRows(d, r)) fillStatus(ws.addRow([unitName(d), id, r.title, ...cells.values]).getCell(8), cells.status);
    }
  }
  ws.columns.forEach((column, i) => {
    column.width = [24, 8, 36, 16, 16, 8, 8, 10, 16][i];
  });
}

function excludedReason(e: Excluded): string {
  if (e.reason === 'otherYear') return `台账年度为${e.year}年，不是本次汇总的年度`;
  if (e.reason === 'copy') return `与“${e.sameAs}”内容完全相同（重复报送），已按一份汇总`;
  return e.message;
}

function excludedSheet(workbook: ExcelJS.Workbook, rollup: Rollup): void {
  const ws = workbook.addWorksheet(sheetNames.excluded);
  styleHeader(ws.addRow(['序号', '台账文件', '单位', '年度', '原因']));
  rollup.excluded.forEach((e, i) => {
    ws.addRow([i + 1, e.path, e.reason === 'otherYear' ? e.unit : '', e.reason === 'otherYear' ? e.year : '', excludedReason(e)]);
  });
  if (rollup.excluded.length === 0) ws.addRow(['', '（无）']);
  ws.columns.forEach((column, i) => {
    column.width = [6, 40, 20, 8, 80][i];
  });
}

/** The county's roll-up as an .xlsx file's bytes. */
export async function summaryWorkbook(rollup: Rollup): Promise<Uint8Array> {
  // Loaded here: only this command and `template` write workbooks, and exceljs is slow to load.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = '台账助手';
  overviewSheet(workbook, rollup);
  for (const rule of requirements) requirementSheet(workbook, rollup, rule);
  ownRequirementsSheet(workbook, rollup);
  excludedSheet(workbook, rollup);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
