/**
 * The marks' fills in the copy's styles part: one solid fill per severity appended to `<fills>`, and
 * for each cell format a marked cell uses, a copy of it with that fill appended to `<cellXfs>`. The
 * existing fills and formats keep their places, so no other cell changes its look.
 */
import type { Severity } from '../../../ledger/findings';
import { markFill } from '../../excel/marks';
import { appendToCollection, elements, findElement, rootPrefix, withAttribute } from './xmlEdit';

export class MarkStyles {
  private readonly prefix: string;
  private readonly fillCount: number;
  private readonly formats: string[];
  private readonly addedFills: Severity[] = [];
  private readonly addedFormats: string[] = [];
  private readonly byKey = new Map<string, number>();

  constructor(private readonly xml: string) {
    this.prefix = rootPrefix(xml, 'styleSheet');
    const fills = findElement(xml, this.prefix, 'fills');
    const formats = findElement(xml, this.prefix, 'cellXfs');
    if (!fills || !formats) throw new Error('样式表缺少填充或单元格格式列表');
    this.fillCount = elements(fills.inner, this.prefix, 'fill').length;
    this.formats = elements(formats.inner, this.prefix, 'xf');
  }

  /** The format index for a cell of format `original` marked for `severity`. */
  markedFormat(original: number, severity: Severity): number {
    const base = original < this.formats.length ? original : 0;
    const key = `${base}:${severity}`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    let fill = this.addedFills.indexOf(severity);
    if (fill < 0) fill = this.addedFills.push(severity) - 1;
    const source = this.formats[base] ?? `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const tagEnd = source.indexOf('>') + 1;
    const tag = source.slice(0, tagEnd);
    const marked = withAttribute(withAttribute(tag, 'fillId', String(this.fillCount + fill)), 'applyFill', '1') + source.slice(tagEnd);
    const index = this.formats.length + this.addedFormats.push(marked) - 1;
    this.byKey.set(key, index);
    return index;
  }

  /** The styles part with the new fills and formats appended, or as it was when nothing is marked. */
  toXml(): string {
    if (this.addedFormats.length === 0) return this.xml;
    const p = this.prefix;
    const fills = this.addedFills
      .map(
        (s) =>
          `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${markFill[s].slice(1)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
      )
      .join('');
    let xml = appendToCollection(this.xml, findElement(this.xml, p, 'fills')!, p, 'fills', fills, this.fillCount + this.addedFills.length);
    const formats = findElement(xml, p, 'cellXfs')!;
    xml = appendToCollection(xml, formats, p, 'cellXfs', this.addedFormats.join(''), this.formats.length + this.addedFormats.length);
    return xml;
  }
}
