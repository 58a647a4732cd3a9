/**
 * 下载校验结果: a small .xlsx listing every finding (工作表, 单元格, 级别, 规则, 说明, 原值). Every cell is
 * an inline string, so a value such as `=1+1` or `001` stays exactly what the ledger held and never
 * becomes a formula or a number.
 */
import { strToU8, zipSync } from 'fflate';
import { cellAddress, columnLetter } from '../../../ledger/grid/address';
import type { Finding } from '../../../ledger/findings';
import { severityLabel } from '../../../ledger/findings';
import { ownSheetNames } from '../../../ledger/ownWorkbooks';
import { mainNamespace, packageRelationshipsNamespace, relationshipsNamespace, xmlDeclaration, xmlText } from './xmlText';

export const findingsHeader = ['工作表', '单元格', '级别', '规则', '说明', '原值'] as const;

const columnWidths = [16, 8, 6, 6, 60, 30];

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function row(index: number, texts: readonly string[], style: number): string {
  const cells = texts.map(
    (text, i) => `<c r="${cellAddress(index, i + 1)}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`,
  );
  return `<row r="${index}">${cells.join('')}</row>`;
}

/** The filtered range: the header and one row per finding. */
const filterRange = (findings: number) => `$A$1:$${columnLetter(findingsHeader.length)}$${findings + 1}`;

function sheetXml(findings: readonly Finding[]): string {
  const rows = [
    row(1, findingsHeader, 1),
    ...findings.map((f, i) => row(i + 2, [f.sheet, f.cell, severityLabel[f.severity], f.rule, f.message, f.value ?? ''], 0)),
  ];
  const cols = columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return (
    `${xmlDeclaration}<worksheet xmlns="${mainNamespace}" xmlns:r="${relationshipsNamespace}">` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<cols>${cols}</cols><sheetData>${rows.join('')}</sheetData><autoFilter ref="${filterRange(findings.length).replace(/\$/gu, '')}"/></worksheet>`
  );
}

const contentTypes =
  `${xmlDeclaration}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
  `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
  `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
  `</Types>`;

const packageRels =
  `${xmlDeclaration}<Relationships xmlns="${packageRelationshipsNamespace}">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
  `</Relationships>`;

const workbook = (findings: number) =>
  `${xmlDeclaration}<workbook xmlns="${mainNamespace}" xmlns:r="${relationshipsNamespace}">` +
  `<sheets><sheet name="${ownSheetNames.results}" sheetId="1" r:id="rId1"/></sheets>` +
  `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${ownSheetNames.results}'!${filterRange(findings)}</definedName></definedNames>` +
  `</workbook>`;

const workbookRels =
  `${xmlDeclaration}<Relationships xmlns="${packageRelationshipsNamespace}">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
  `</Relationships>`;

// Style 0: text format (@), wrapped, top-aligned; style 1: the same, bold on grey, for the header.
const styles =
  `${xmlDeclaration}<styleSheet xmlns="${mainNamespace}">` +
  `<fonts count="2"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>` +
  `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
  `<fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/><bgColor indexed="64"/></patternFill></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="2">` +
  `<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
  `<xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
  `</cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export function findingsWorkbook(findings: readonly Finding[]): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': strToU8(contentTypes),
      '_rels/.rels': strToU8(packageRels),
      'xl/workbook.xml': strToU8(workbook(findings.length)),
      'xl/_rels/workbook.xml.rels': strToU8(workbookRels),
      'xl/styles.xml': strToU8(styles),
      'xl/worksheets/sheet1.xml': strToU8(sheetXml(findings)),
    },
    { level: 6 },
  );
}
