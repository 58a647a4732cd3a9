/**
 * The marks' fills in the copy's styles part. A marked cell gets a copy of its cell format whose fill
 * is the mark's colour; the existing fills and formats keep their places, so no other cell changes its
 * look. The mark's fill carries the fill it replaced in its background colour, which a solid fill
 * never shows: Excel and WPS keep it when they save, so the look is put back from the copy alone
 * (清除标注, or a copy marked again), wherever the clerk has moved the cell since.
 */
import type { Severity } from '../../../ledger/findings';
import { markFill } from '../../excel/marks';
import { appendToCollection, attribute, elements, findElement, rootPrefix, withAttribute } from './xmlEdit';

const markColours = new Set(Object.values(markFill).map((c) => `FF${c.slice(1)}`.toUpperCase()));

/** A colour element's attributes, whatever its name and prefix, to compare a background with a foreground. */
const colourKey = (element: string) =>
  [...element.matchAll(/\s(\w+)\s*=\s*"([^"]*)"/gu)]
    .map((m) => `${m[1]}=${m[2].toUpperCase()}`)
    .sort()
    .join(' ');

export class MarkStyles {
  private readonly prefix: string;
  private readonly fills: string[];
  private readonly formats: string[];
  private readonly fillCount: number;
  private readonly formatCount: number;
  private readonly fillIndex = new Map<string, number>();
  private readonly formatIndex = new Map<string, number>();

  constructor(private readonly xml: string) {
    this.prefix = rootPrefix(xml, 'styleSheet');
    const fills = findElement(xml, this.prefix, 'fills');
    const formats = findElement(xml, this.prefix, 'cellXfs');
    if (!fills || !formats) throw new Error('样式表缺少填充或单元格格式列表');
    this.fills = elements(fills.inner, this.prefix, 'fill');
    this.formats = elements(formats.inner, this.prefix, 'xf');
    this.fillCount = this.fills.length;
    this.formatCount = this.formats.length;
    this.fills.forEach((fill, i) => this.fillIndex.has(fill) || this.fillIndex.set(fill, i));
    this.formats.forEach((xf, i) => this.formatIndex.has(xf) || this.formatIndex.set(xf, i));
  }

  private fill(xml: string): number {
    let index = this.fillIndex.get(xml);
    if (index === undefined) {
      index = this.fills.push(xml) - 1;
      this.fillIndex.set(xml, index);
    }
    return index;
  }

  private format(xml: string): number {
    let index = this.formatIndex.get(xml);
    if (index === undefined) {
      index = this.formats.push(xml) - 1;
      this.formatIndex.set(xml, index);
    }
    return index;
  }

  private withFill(xf: string, fill: number): string {
    const tagEnd = xf.indexOf('>') + 1;
    return withAttribute(withAttribute(xf.slice(0, tagEnd), 'fillId', String(fill)), 'applyFill', '1') + xf.slice(tagEnd);
  }

  private fillOf(xf: string): string | undefined {
    return this.fills[Number(attribute(xf.slice(0, xf.indexOf('>') + 1), 'fillId') ?? 0)];
  }

  /** The foreground colours of the solid fills that are no mark's. */
  private clerksColours(): Set<string> {
    const colours = new Set<string>();
    for (const fill of this.fills) {
      if (!/patternType\s*=\s*"solid"/u.test(fill)) continue;
      const colour = /<\w*:?fgColor\b[^>]*?\/?>/u.exec(fill)?.[0];
      const rgb = colour && /\brgb\s*=\s*"([0-9A-Fa-f]{8})"/u.exec(colour)?.[1]?.toUpperCase();
      if (colour && !(rgb && markColours.has(rgb))) colours.add(colourKey(colour));
    }
    return colours;
  }

  /** The format index for a cell of format `original` marked for `severity`. */
  markedFormat(original: number, severity: Severity): number {
    const p = this.prefix;
    const base = this.formats[original] ?? this.formats[0] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    // A solid fill shows its foreground only: its own colour goes to the background, where it waits.
    const replaced = this.fillOf(base) ?? '';
    const kept = /patternType\s*=\s*"solid"/u.exec(replaced) ? /<\w*:?fgColor\b[^>]*?\/?>/u.exec(replaced)?.[0] : undefined;
    const background = kept
      ? kept
          .replace(/fgColor/u, 'bgColor')
          .replace(/\s*>$/u, '/>')
          .replace(/\/\/>$/u, '/>')
      : `<${p}bgColor indexed="64"/>`;
    const fill = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${markFill[severity].slice(1)}"/>${background}</${p}patternFill></${p}fill>`;
    return this.format(this.withFill(base, this.fill(fill)));
  }

  /** The format a marked cell of format `current` had before it was marked; null for a format no mark made. */
  restoredFormat(current: number): number | null {
    const xf = this.formats[current];
    const fill = xf === undefined ? undefined : this.fillOf(xf);
    if (!xf || !fill || !/patternType\s*=\s*"solid"/u.test(fill)) return null;
    const colour = /<\w*:?fgColor\b[^>]*\brgb\s*=\s*"([0-9A-Fa-f]{8})"/u.exec(fill)?.[1]?.toUpperCase();
    if (!colour || !markColours.has(colour)) return null;
    const p = this.prefix;
    const background = /<\w*:?bgColor\b[^>]*?\/?>/u.exec(fill)?.[0];
    // LibreOffice rewrites every fill's background when it saves; a colour only counts as the one the
    // mark replaced while a fill of the clerk's still shows it, which Excel, keeping unused fills, keeps.
    const wasNone = !background || !this.clerksColours().has(colourKey(background));
    const original = wasNone
      ? `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`
      : `<${p}fill><${p}patternFill patternType="solid">${background.replace(/bgColor/u, 'fgColor')}<${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
    return this.format(this.withFill(xf, this.fill(original)));
  }

  /** The styles part with the new fills and formats appended, or as it was when none was needed. */
  toXml(): string {
    const p = this.prefix;
    const fills = this.fills.slice(this.fillCount).join('');
    const formats = this.formats.slice(this.formatCount).join('');
    if (fills === '' && formats === '') return this.xml;
    let xml = appendToCollection(this.xml, findElement(this.xml, p, 'fills')!, p, 'fills', fills, this.fills.length);
    xml = appendToCollection(xml, findElement(xml, p, 'cellXfs')!, p, 'cellXfs', formats, this.formats.length);
    return xml;
  }
}
