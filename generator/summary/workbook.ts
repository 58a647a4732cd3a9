import type ExcelJS from 'exceljs';
import { ruleTable } from '../../ledger/check/ruleTable';
import type { RequirementStatus } from '../../ledger/model';
import { ownSheetNames } from '../../ledger/ownWorkbooks';
import { chineseDate } from '../../ledger/values/date';
import { periodLabel } from '../../ledger/values/period';
import type { Excluded, Rollup } from './rollup';
import { unitName } from './rollup';

export const requirements = ruleTable.filter((r) => r.kind === 'requirement');

/** Sheet names of the workbook, as the county's staff see them. */
export const sheetNames = { overview: ownSheetNames.summary, excluded: ownSheetNames.summaryLeftOut } as const;

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
      if (s !== '') fillStatus(row.getCell(fixed.length + k + 1), s);
    });
  });
  ws.columns.forEach((column, i) => {
    column.width = i === 1 || i === 3 ? 24 : i < fixed.length ? 7 : i === fixed.length + requirements.length + 1 ? 60 : 12;
  });
}

/** A sheet per requirement: each bureau's periods (and units, where the rule is per unit) with counts. */
function requirementSheet(workbook: ExcelJS.Workbook, rollup: Rollup, rule: (typeof requirements)[number]): void {
  const ws = workbook.addWorksheet(rule.id);
  ws.addRow([`${rule.id} ${rule.title}（实施方案${rule.plan ?? ''}）——${periodLabel(rollup.period)}`]).font = { bold: true };
  styleHeader(ws.addRow(['单位', '考核期间', '涉及单位', '应完成', '已完成', '落实情况', '到期日期']));
  for (const d of rollup.included) {
    const r = d.requirements.find((x) => x.id === rule.id);
    if (!r) continue;
    const periods =
      r.periods.length > 0
        ? r.periods
        : [{ label: `${d.year}年`, unit: null, required: r.required, actual: r.actual, status: r.status, due: '' }];
    for (const p of periods) {
      const row = ws.addRow([unitName(d), p.label, p.unit ?? '', p.required, p.actual, p.status, p.due ? chineseDate(p.due) : '']);
      fillStatus(row.getCell(6), p.status);
    }
  }
  ws.columns.forEach((column, i) => {
    column.width = [24, 16, 16, 8, 8, 10, 16][i];
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
  excludedSheet(workbook, rollup);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
