import { zipSync, type Zippable } from 'fflate';

/**
 * An .xlsx written part by part from XML strings, for the shapes no library writes on request: inline
 * rich text, namespace prefixes, Strict OOXML, `t="d"` cells, forged addresses, UTF-16 parts.
 */
export interface RawSheet {
  name: string;
  /** The `<sheetData>` content, or a whole worksheet part when it starts with `<?xml` or `<`worksheet. */
  xml: string;
  /** `worksheet` unless given (`chartsheet`, …). */
  type?: string;
  state?: 'hidden' | 'veryHidden';
  /** The `r:id` the workbook lists the sheet with, when not its own relationship's. */
  rid?: string;
}

export interface RawWorkbook {
  sheets: RawSheet[];
  sharedStrings?: string[] | string;
  /** The `<cellXfs>` numFmtIds, in order, and custom formats by id. */
  styles?: { xfs: number[]; formats?: Record<number, string> };
  date1904?: boolean;
  /** Where the workbook part lives (the package relationship points there). */
  workbookPath?: string;
  /** Relationship namespace and type prefix: Transitional (default) or Strict. */
  strict?: boolean;
  /** Encodes a part as UTF-16LE with a byte order mark instead of UTF-8. */
  utf16?: string[];
  /** Markup written after `<sheets>` in the workbook part (an `<extLst>`, say). */
  workbookTail?: string;
}

const escape = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

function utf16(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

export function rawWorkbook(book: RawWorkbook): Uint8Array {
  const ns = book.strict ? 'http://purl.oclc.org/ooxml' : 'http://schemas.openxmlformats.org';
  const relType = book.strict ? `${ns}/officeDocument/relationships` : `${ns}/officeDocument/2006/relationships`;
  const main = book.strict ? `${ns}/spreadsheetml/main` : `${ns}/spreadsheetml/2006/main`;
  const workbookPath = book.workbookPath ?? 'xl/workbook.xml';
  const dir = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const file = workbookPath.slice(dir.length);
  const parts: Record<string, string> = {};
  parts['[Content_Types].xml'] = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  parts['_rels/.rels'] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${relType}/officeDocument" Target="${workbookPath}"/></Relationships>`;
  const rels: string[] = [];
  const sheets: string[] = [];
  book.sheets.forEach((sheet, i) => {
    const type = sheet.type ?? 'worksheet';
    const target = `${type}s/sheet${i + 1}.xml`;
    rels.push(`<Relationship Id="rId${i + 1}" Type="${relType}/${type}" Target="${target}"/>`);
    sheets.push(
      `<sheet name="${escape(sheet.name)}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="${sheet.rid ?? `rId${i + 1}`}"/>`,
    );
    parts[dir + target] = /^\s*<(\?xml|[\w:]*worksheet|[\w:]*chartsheet)/u.test(sheet.xml)
      ? sheet.xml
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${main}" xmlns:r="${relType}"><sheetData>${sheet.xml}</sheetData></worksheet>`;
  });
  if (book.sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rIdS" Type="${relType}/sharedStrings" Target="sharedStrings.xml"/>`);
    parts[`${dir}sharedStrings.xml`] =
      typeof book.sharedStrings === 'string'
        ? book.sharedStrings
        : `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}">${book.sharedStrings.map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`).join('')}</sst>`;
  }
  if (book.styles) {
    rels.push(`<Relationship Id="rIdY" Type="${relType}/styles" Target="styles.xml"/>`);
    const formats = Object.entries(book.styles.formats ?? {});
    parts[`${dir}styles.xml`] =
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${main}">` +
      (formats.length
        ? `<numFmts count="${formats.length}">${formats.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escape(code)}"/>`).join('')}</numFmts>`
        : '') +
      `<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>` +
      `<cellXfs count="${book.styles.xfs.length}">${book.styles.xfs.map((id) => `<xf numFmtId="${id}" fontId="0" applyNumberFormat="1"/>`).join('')}</cellXfs>` +
      `<dxfs count="1"><dxf><numFmt numFmtId="14" formatCode="0.00"/></dxf></dxfs></styleSheet>`;
  }
  parts[`${dir}_rels/${file}.rels`] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
  parts[workbookPath] =
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${relType}">` +
    `<workbookPr${book.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets.join('')}</sheets>${book.workbookTail ?? ''}</workbook>`;
  const files: Zippable = {};
  for (const [name, text] of Object.entries(parts)) {
    files[name] = book.utf16?.includes(name) ? utf16(text) : new TextEncoder().encode(text);
  }
  return zipSync(files);
}
