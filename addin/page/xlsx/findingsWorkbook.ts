/**
 * 下载校验结果: a small .xlsx listing every finding (序号, 工作表, 单元格, 级别, 规则, 说明, 原值), set up to
 * print: fitted to the page's width (说明 would otherwise print on pages of its own) with the header row
 * repeated on every page. Text is written as inline strings, so a value such as `=1+1` or `001` stays
 * exactly what the ledger held and never becomes a formula; what is a number is written as a number, or
 * Excel marks every such cell as a number stored as text.
 */
import { strToU8, zipSync } from 'fflate';
import { cellAddress, columnLetter } from '../../../ledger/grid/address';
import type { Finding } from '../../../ledger/findings';
import { severityLabel } from '../../../ledger/findings';
import { ownSheetNames } from '../../../ledger/ownWorkbooks';
import { mainNamespace, packageRelationshipsNamespace, relationshipsNamespace, xmlDeclaration, xmlText } from './xmlText';

export const findingsHeader = ['序号', '工作表', '单元格', '级别', '规则', '说明', '原值'] as const;

const columnWidths = [6, 16, 8, 6, 6, 60, 30];

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Styles of cellXfs below: text, header, number. */
const style = { text: 0, header: 1, number: 2 } as const;

type Value = string | number;

/**
 * A ledger value that Excel shows exactly as written when stored as a number in the General format: a
 * plain decimal that reads back to the same text, short enough not to turn into `1.23E+11`. `001`,
 * `1e5`, `+3` and an 18-digit ID number stay text.
 */
function plainNumber(text: string): number | null {
  if (!/^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/u.test(text) || text.replace(/[-.]/gu, '').length > 11) return null;
  const n = Number(text);
  return String(n) === text ? n : null;
}

function cell(row: number, column: number, value: Value, s: number): string {
  const at = cellAddress(row, column);
  if (typeof value === 'number') return `<c r="${at}" s="${style.number}"><v>${value}</v></c>`;
  return `<c r="${at}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
}

function row(index: number, values: readonly Value[], s: number): string {
  return `<row r="${index}">${values.map((value, i) => cell(index, i + 1, value, s)).join('')}</row>`;
}

const lastColumn = columnLetter(findingsHeader.length);
/** The filtered range: the header and one row per finding. */
const filterRange = (findings: number) => `$A$1:$${lastColumn}$${findings + 1}`;

function findingRow(f: Finding, i: number): Value[] {
  const value = f.value ?? '';
  return [i + 1, f.sheet, f.cell, severityLabel[f.severity], f.rule, f.message, plainNumber(value) ?? value];
}

function sheetXml(findings: readonly Finding[]): string {
  const rows = [row(1, findingsHeader, style.header), ...findings.map((f, i) => row(i + 2, findingRow(f, i), style.text))];
  const cols = columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  // Children in CT_Worksheet's order (ECMA-376 Part 1, 18.3.1.99). A4 landscape, one page wide and as
  // many tall as it takes; the header row repeats by the Print_Titles name of the workbook part.
  return (
    `${xmlDeclaration}<worksheet xmlns="${mainNamespace}" xmlns:r="${relationshipsNamespace}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<cols>${cols}</cols><sheetData>${rows.join('')}</sheetData><autoFilter ref="${filterRange(findings.length).replace(/\$/gu, '')}"/>` +
    `<printOptions gridLines="1"/><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
    `<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter></worksheet>`
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

const sheetName = `'${ownSheetNames.results}'`;

const workbook = (findings: number) =>
  `${xmlDeclaration}<workbook xmlns="${mainNamespace}" xmlns:r="${relationshipsNamespace}">` +
  `<sheets><sheet name="${ownSheetNames.results}" sheetId="1" r:id="rId1"/></sheets>` +
  `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${sheetName}!${filterRange(findings)}</definedName>` +
  `<definedName name="_xlnm.Print_Titles" localSheetId="0">${sheetName}!$1:$1</definedName></definedNames>` +
  `</workbook>`;

const workbookRels =
  `${xmlDeclaration}<Relationships xmlns="${packageRelationshipsNamespace}">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
  `</Relationships>`;

// Style 0: text format (@), wrapped, top-aligned; style 1: the same, bold on grey, for the header;
// style 2: General, top-aligned, for numbers.
const styles =
  `${xmlDeclaration}<styleSheet xmlns="${mainNamespace}">` +
  `<fonts count="2"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>` +
  `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
  `<fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/><bgColor indexed="64"/></patternFill></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="3">` +
  `<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
  `<xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>` +
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
