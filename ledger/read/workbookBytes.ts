import { LedgerReadError, PasswordError, WrongFormatError } from '../errors';
import type { WorkbookGrid } from '../grid/types';
import { decodeXml, type Utf8Decoder } from './decode';
import { readLimits } from './limits';
import { directoryOf, relationshipOfType, relationships, relationshipsPartOf, workbookPart } from './package';
import { damaged, tooLarge } from './problems';
import { sharedStrings, sharedStringsLabel } from './sharedStrings';
import { styleFormats } from './styles';
import { worksheetGrid } from './worksheet';
import { unzipEntry, zipEntries, type Unzipper, type ZipEntry } from './zip';

/**
 * Reads .xlsx bytes into grids, in the browser as well as in Node (no Node API here). The zip is taken
 * apart by its central directory and only the parts a ledger needs are inflated: the workbook, its
 * relationships, styles, shared strings and worksheets; pictures and everything else are never touched.
 */
const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const emptyZipMagic = [0x50, 0x4b, 0x05, 0x06];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** An OLE container's directory names its streams in UTF-16LE; an encrypted .xlsx has this one. */
function holdsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let at = bytes.indexOf(needle[0]); at >= 0 && at + needle.length <= bytes.length; at = bytes.indexOf(needle[0], at + 1)) {
    for (let i = 1; i < needle.length; i++) if (bytes[at + i] !== needle[i]) continue outer;
    return true;
  }
  return false;
}

function refuseNonXlsx(bytes: Uint8Array, name: string): void {
  if (bytes.length === 0) throw new LedgerReadError(`无法读取“${name}”：文件为空（0 字节）。`);
  if (startsWith(bytes, oleMagic)) {
    if (holdsUtf16(bytes, 'EncryptedPackage')) {
      throw new PasswordError(`无法读取“${name}”：工作簿设置了打开密码（已加密）。请在 Excel 或 WPS 中打开它，取消打开密码并保存后再试。`);
    }
    // WPS keeps its own .et workbooks in the same container as .xls; only the name tells them apart.
    if (/\.ett?$/iu.test(name)) {
      throw new WrongFormatError(`无法读取“${name}”：这是 WPS 表格的 .et 格式文件。请在 WPS 中“另存为” .xlsx 格式后再试。`);
    }
    throw new WrongFormatError(
      `无法读取“${name}”：这是旧版 .xls 文件（或其他旧版 Office 文件）。请在 Excel 或 WPS 中“另存为” .xlsx 格式后再试。`,
    );
  }
  if (!startsWith(bytes, zipMagic) && !startsWith(bytes, emptyZipMagic)) {
    throw new WrongFormatError(`无法读取“${name}”：不是 .xlsx 格式的 Excel 工作簿。请在 Excel 或 WPS 中“另存为” .xlsx 格式后再试。`);
  }
  if (bytes.length > readLimits.fileBytes) throw tooLarge(name, '文件', bytes.length, readLimits.fileBytes);
}

/** Zip packages that are not .xlsx but are mistaken for it: each is told apart by a part only it has. */
type OtherPackage = 'word' | 'ods' | 'xlsb' | null;

function notWorkbook(name: string, other: OtherPackage): WrongFormatError {
  // A .docx is a zip too; the clerk picked the Word form of the register, not the Excel ledger.
  if (other === 'word') {
    return new WrongFormatError(
      `无法读取“${name}”：这是 Word 文档，不是 Excel 工作簿。请选择 .xlsx 台账；Word 中的表格可复制到 Excel 后另存为 .xlsx。`,
    );
  }
  if (other === 'ods') {
    return new WrongFormatError(
      `无法读取“${name}”：这是 OpenDocument 表格（.ods）文件，不是 .xlsx 工作簿。请在 WPS 或 LibreOffice 中“另存为” .xlsx 格式后再试。`,
    );
  }
  if (other === 'xlsb') {
    return new WrongFormatError(`无法读取“${name}”：这是 Excel 二进制工作簿（.xlsb）。请在 Excel 中“另存为” .xlsx 格式后再试。`);
  }
  return new WrongFormatError(
    `无法读取“${name}”：这个压缩包不是 Excel 工作簿（没有工作簿内容）。请确认选择的是 .xlsx 台账，或在 Excel 或 WPS 中“另存为” .xlsx 后再试。`,
  );
}

/** .xlsx bytes as grids, unzipped and decoded by what the platform does fastest (portable.ts, workbookFile.ts). */
export async function readWorkbookWith(bytes: Uint8Array, name: string, unzipper: Unzipper, utf8: Utf8Decoder): Promise<WorkbookGrid> {
  refuseNonXlsx(bytes, name);
  const entries = zipEntries(bytes, name);
  let unzipped = 0;
  const entryOf = (path: string): ZipEntry | undefined => entries.get(path.toLowerCase());
  const part = (entry: ZipEntry | undefined, label: string): string | null => {
    if (!entry) return null;
    const text = decodeXml(unzipEntry(bytes, entry, readLimits.partBytes, name, label, unzipper), name, label, utf8);
    unzipped += entry.size;
    return text;
  };

  const packageRels = relationships(part(entryOf('_rels/.rels'), '包关系'), '');
  const workbookPath = relationshipOfType(packageRels, 'officeDocument')?.target ?? 'xl/workbook.xml';
  // An .xlsb's workbook part is binary: read as XML it would look damaged, which it is not.
  if (/\.bin$/iu.test(workbookPath)) throw notWorkbook(name, 'xlsb');
  const other = (): OtherPackage => {
    if (entryOf('word/document.xml')) return 'word';
    const mimetype = entryOf('mimetype');
    return mimetype && part(mimetype, 'mimetype')?.trim() === 'application/vnd.oasis.opendocument.spreadsheet' ? 'ods' : null;
  };
  const workbookXml = part(entryOf(workbookPath), '工作簿结构');
  if (workbookXml === null) throw notWorkbook(name, other());
  const workbook = workbookPart(workbookXml);
  if (!workbook.isWorkbook) throw notWorkbook(name, other());
  const base = directoryOf(workbookPath);
  const rels = relationships(part(entryOf(relationshipsPartOf(workbookPath)), '工作簿关系'), base);

  const notes: string[] = [];
  const sheets = workbook.sheets.flatMap((sheet) => {
    // Some tools list a sheet they never wrote with an empty r:id; the rest of the workbook is sound.
    if (sheet.relationship === '') {
      notes.push(`工作簿中的工作表“${sheet.name}”没有指向任何内容，已跳过。`);
      return [];
    }
    const rel = rels.get(sheet.relationship);
    // Chart sheets and macro sheets hold no cells.
    if (rel && !rel.type.endsWith('/worksheet')) return [];
    const entry = rel && entryOf(rel.target);
    if (!entry) throw damaged(name, `缺少工作表“${sheet.name}”的内容`);
    return [{ name: sheet.name, entry }];
  });
  const stylesEntry = entryOf(relationshipOfType(rels, 'styles')?.target ?? '');
  const stringsEntry = entryOf(relationshipOfType(rels, 'sharedStrings')?.target ?? '');

  // Every size is checked as declared before anything big is inflated.
  const planned = [
    ...sheets.map((s) => ({ entry: s.entry, label: `工作表“${s.name}”` })),
    { entry: stylesEntry, label: '样式表' },
    { entry: stringsEntry, label: sharedStringsLabel },
  ];
  let total = unzipped;
  for (const { entry, label } of planned) {
    if (!entry) continue;
    if (entry.size > readLimits.partBytes) throw tooLarge(name, label, entry.size, readLimits.partBytes);
    total += entry.size;
  }
  if (total > readLimits.totalBytes) throw tooLarge(name, '工作簿的全部表格内容', total, readLimits.totalBytes);

  const context = {
    file: name,
    strings: sharedStrings(part(stringsEntry, sharedStringsLabel), name),
    formats: styleFormats(part(stylesEntry, '样式表')),
    date1904: workbook.date1904,
    budget: { cells: readLimits.gridCells, rows: readLimits.gridRows },
  };
  return {
    name,
    date1904: workbook.date1904,
    sheets: sheets.map((sheet) => worksheetGrid(part(sheet.entry, `工作表“${sheet.name}”`) ?? '', sheet.name, context)),
    ...(notes.length > 0 && { notes }),
  };
}
