/**
 * What this Excel and the loaded office.js let the pane do. A capability is used only where both
 * have it: `isSetSupported` answers for the host, `missingMembers` for the library (office.js 1.1.110
 * from npm stops before ExcelApi 1.18). The boot script (addin/boot/boot.js) has already sent hosts
 * below `paneSets` to 台账助手.html; this module picks, for the rest, how to read and how to mark.
 *
 * Requirement sets per Excel (office-js-docs-reference's tables): Office 2016 ExcelApi 1.1 only,
 * volume-licensed Office 2019 up to 1.7, Office 2021 1.14, Office 2024 1.17, Microsoft 365 current.
 */
import type { HostFeatures, MemberTable } from './api';
import { missingMembers, noteMembers } from './api';

export interface RequirementSets {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/**
 * The least the pane runs on, either way of reading: custom XML parts for the marks' record (1.5),
 * hyperlinks, frozen panes and the workbook's name (1.7). boot.js holds the same numbers, being the
 * one script that must run in Internet Explorer 11; test/addin/boot.test.ts keeps the two equal.
 */
export const paneSets = {
  excel: '1.7',
  /** Reading the cells with their merged areas (`Range.getMergedAreasOrNullObject`). */
  cells: '1.13',
  /** The Common API's `Document.getFileAsync`, for hosts that cannot read merged areas. */
  file: '1.1',
} as const;

/** Library members behind each capability, looked up in the loaded office.js. */
const cellMembers: MemberTable = { Range: ['getMergedAreasOrNullObject'] };
const cellPropertyMembers: MemberTable = { Range: ['getCellProperties', 'setCellProperties'] };

const libraryHas = (excel: unknown, table: MemberTable) => missingMembers(excel, table).length === 0;

/**
 * Notes where the host supports them (`isSetSupported` asks the host) and the loaded office.js
 * defines them.
 */
export function hostFeatures(notesSupported: boolean, excel: unknown): HostFeatures {
  return { notes: notesSupported && libraryHas(excel, noteMembers) };
}

/** Everything the pane may use on this host with this library. */
export function hostCapabilities(requirements: RequirementSets, excel: unknown): HostFeatures {
  const has = (version: string) => requirements.isSetSupported('ExcelApi', version);
  return {
    ...hostFeatures(has('1.18'), excel),
    cellProperties: has('1.9') && libraryHas(excel, cellPropertyMembers),
    readsFile: !(has(paneSets.cells) && libraryHas(excel, cellMembers)),
  };
}

/** What the clerk is told this Excel cannot do, one sentence each, when the pane connects. */
export function featureNotice(features: HostFeatures): string {
  const lines: string[] = [];
  if (features.readsFile) lines.push('本机 Excel 只能按已保存的文件校验：改动台账后请先保存（Ctrl+S），再点“一键校验”，标注前也请先保存。');
  if (!features.notes) lines.push('本机 Excel 不支持注释，标注只加底色。');
  if (features.cellProperties === false)
    lines.push('本机 Excel 只能读到底色的颜色：清除标注时，原来的白色底色恢复为无底色，图案底色恢复为纯色。');
  return lines.join('');
}
