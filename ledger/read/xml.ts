/**
 * A pull scanner for the XML of an .xlsx part. SpreadsheetML needs no DTD, no custom entities and no
 * namespace resolution (elements are told apart by local name), so this scanner offers just tags,
 * attributes and text, and skips comments, processing instructions and DOCTYPEs — which also means a
 * forged part cannot make it expand entities. Malformed XML never throws: the scan ends early or yields
 * odd text, and the caller reads what there is.
 */
export const OPEN = 1;
export const CLOSE = 2;
export const END = 0;

const entity = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/gu;
const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function codePoint(n: number, raw: string): string {
  return n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : raw;
}

/** Character and predefined entity references replaced; XML's line-end normalisation applied. */
export function unescapeXml(raw: string): string {
  let text = raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/gu, '\n');
  if (text.indexOf('&') >= 0) {
    text = text.replace(entity, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
      name ? named[name] : codePoint(hex ? parseInt(hex, 16) : Number(dec), whole),
    );
  }
  return text;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Index of the `>` ending the tag whose name ends before `from`; `>` inside quoted values does not count. */
export function tagEnd(xml: string, from: number): number {
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 62) return i;
    if (c === 34 || c === 39) {
      const q = xml.indexOf(c === 34 ? '"' : "'", i + 1);
      if (q < 0) return -1;
      i = q;
    }
  }
  return -1;
}

export class XmlScanner {
  /** Local name (prefix removed) of the tag last returned by `next`. */
  name = '';
  /** The last start tag ended with `/>`. */
  selfClosing = false;
  private pos = 0;
  private nameStart = 0;
  private attrStart = 0;
  private attrEnd = 0;

  constructor(private readonly xml: string) {}

  /** Where the scan stands; a caller that reads the commonest markup itself moves it past what it read. */
  get position(): number {
    return this.pos;
  }

  set position(at: number) {
    this.pos = at;
  }

  /** Position after `<!…>` or `<?…?>` starting at `lt` (the part's end when it is not closed). */
  private skipMarkup(lt: number): number {
    const xml = this.xml;
    const after = (terminator: string, from: number) => {
      const at = xml.indexOf(terminator, from);
      return at < 0 ? xml.length : at + terminator.length;
    };
    if (xml.startsWith('<!--', lt)) return after('-->', lt + 4);
    if (xml.startsWith('<![CDATA[', lt)) return after(']]>', lt + 9);
    if (xml.charCodeAt(lt + 1) === 63) return after('?>', lt + 2);
    // A DOCTYPE may hold an internal subset in brackets, with `>` inside.
    const gt = xml.indexOf('>', lt);
    if (gt < 0) return xml.length;
    const bracket = this.find(91, lt, gt);
    if (bracket < 0) return gt + 1;
    const close = xml.indexOf(']', bracket);
    return close < 0 ? xml.length : after('>', close);
  }

  /** Index of the first `char` in [start, end), or -1; bounded, so a malformed tag cannot send it to the part's end. */
  private find(char: number, start: number, end: number): number {
    for (let i = start; i < end; i++) if (this.xml.charCodeAt(i) === char) return i;
    return -1;
  }

  /** Index of the last `:` in [start, end), or -1; a bounded search, since `lastIndexOf` would scan to the part's start. */
  private colonIn(start: number, end: number): number {
    for (let i = end - 1; i >= start; i--) if (this.xml.charCodeAt(i) === 58) return i;
    return -1;
  }

  private localName(start: number, end: number): string {
    const colon = this.colonIn(start, end);
    return this.xml.slice(colon >= 0 ? colon + 1 : start, end);
  }

  /** Moves to the next start or end tag and returns OPEN, CLOSE, or END when the part is exhausted. */
  next(): number {
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf('<', this.pos);
      if (lt < 0) {
        this.pos = xml.length;
        return END;
      }
      const c = xml.charCodeAt(lt + 1);
      if (c === 33 || c === 63) {
        this.pos = this.skipMarkup(lt);
        continue;
      }
      if (c === 47) {
        const gt = xml.indexOf('>', lt + 2);
        if (gt < 0) {
          this.pos = xml.length;
          return END;
        }
        let end = gt;
        while (end > lt + 2 && isSpace(xml.charCodeAt(end - 1))) end--;
        this.name = this.localName(lt + 2, end);
        this.pos = gt + 1;
        return CLOSE;
      }
      let nameEnd = lt + 1;
      for (; nameEnd < xml.length; nameEnd++) {
        const n = xml.charCodeAt(nameEnd);
        if (isSpace(n) || n === 47 || n === 62) break;
      }
      const gt = tagEnd(xml, nameEnd);
      if (gt < 0) {
        this.pos = xml.length;
        return END;
      }
      this.name = this.localName(lt + 1, nameEnd);
      this.nameStart = lt + 1;
      this.selfClosing = xml.charCodeAt(gt - 1) === 47;
      this.attrStart = nameEnd;
      this.attrEnd = this.selfClosing ? gt - 1 : gt;
      this.pos = gt + 1;
      return OPEN;
    }
  }

  /** Where the current start tag begins (its `<`). */
  get tagStart(): number {
    return this.nameStart - 1;
  }

  /** The namespace prefix of the current start tag (`x15` of `x15:workbookPr`), '' when it has none. */
  prefix(): string {
    const colon = this.colonIn(this.nameStart, this.attrStart);
    return colon < 0 ? '' : this.xml.slice(this.nameStart, colon);
  }

  /** The namespace the current start tag itself declares for `prefix` ('' for the default one), or null. */
  declaredNamespace(prefix: string): string | null {
    const name = prefix === '' ? 'xmlns' : `xmlns:${prefix.replace(/\./gu, '\\.')}`;
    const tag = this.xml.slice(this.attrStart, this.attrEnd);
    const found = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(["'])(.*?)\\1`, 'u').exec(tag);
    return found ? unescapeXml(found[2]) : null;
  }

  /** The prefixes the current start tag binds to `namespace` ('' for the default one). */
  prefixesOf(namespace: string): string[] {
    const tag = this.xml.slice(this.attrStart, this.attrEnd);
    const found: string[] = [];
    for (const m of tag.matchAll(/(?:^|\s)xmlns(?::([^\s=]+))?\s*=\s*(["'])(.*?)\2/gu)) {
      if (unescapeXml(m[3]) === namespace) found.push(m[1] ?? '');
    }
    return found;
  }

  private readonly wantedOne: string[] = [''];
  private readonly foundOne: Array<string | null> = [null];

  /** The value of the current start tag's attribute with this local name (namespace declarations aside). */
  attr(wanted: string): string | null {
    this.wantedOne[0] = wanted;
    this.attrs(this.wantedOne, this.foundOne);
    return this.foundOne[0];
  }

  /**
   * The values of several attributes of the current start tag in one pass over it, into `found` (null
   * for each one absent): a cell's `r`, `s` and `t` are read for every cell of a sheet.
   */
  attrs(wanted: readonly string[], found: Array<string | null>): void {
    const xml = this.xml;
    const end = this.attrEnd;
    found.fill(null);
    let missing = wanted.length;
    let i = this.attrStart;
    while (i < end && missing > 0) {
      if (isSpace(xml.charCodeAt(i))) {
        i++;
        continue;
      }
      const eq = this.find(61, i, end);
      if (eq < 0) return;
      let nameEnd = eq;
      while (nameEnd > i && isSpace(xml.charCodeAt(nameEnd - 1))) nameEnd--;
      let q = eq + 1;
      while (q < end && isSpace(xml.charCodeAt(q))) q++;
      const quote = xml.charCodeAt(q);
      if (quote !== 34 && quote !== 39) return;
      const close = xml.indexOf(quote === 34 ? '"' : "'", q + 1);
      if (close < 0 || close > end) return;
      const colon = this.colonIn(i, nameEnd);
      const local = colon >= 0 ? colon + 1 : i;
      if (!(colon >= 0 && xml.startsWith('xmlns', i))) {
        for (let w = 0; w < wanted.length; w++) {
          const name = wanted[w];
          if (found[w] === null && nameEnd - local === name.length && xml.startsWith(name, local)) {
            found[w] = unescapeXml(xml.slice(q + 1, close));
            missing--;
            break;
          }
        }
      }
      i = close + 1;
    }
  }

  /**
   * The text inside the element just opened (CDATA included, nested tags' text included), leaving the
   * scanner after its end tag. Raw: the caller unescapes, since most values need no unescaping.
   */
  text(): string {
    if (this.selfClosing) return '';
    const xml = this.xml;
    const lt = xml.indexOf('<', this.pos);
    // The common case: plain text, then the element's own end tag, stepped over without reading its name.
    if (lt >= 0 && xml.charCodeAt(lt + 1) === 47) {
      const raw = xml.slice(this.pos, lt);
      const gt = xml.indexOf('>', lt + 2);
      this.pos = gt < 0 ? xml.length : gt + 1;
      return unescapeXml(raw);
    }
    let text = '';
    let depth = 0;
    for (;;) {
      const at = xml.indexOf('<', this.pos);
      text += unescapeXml(xml.slice(this.pos, at < 0 ? xml.length : at));
      if (at < 0) {
        this.pos = xml.length;
        return text;
      }
      if (xml.startsWith('<![CDATA[', at)) {
        const close = xml.indexOf(']]>', at + 9);
        text += xml.slice(at + 9, close < 0 ? xml.length : close);
        this.pos = close < 0 ? xml.length : close + 3;
        continue;
      }
      const c = xml.charCodeAt(at + 1);
      if (c === 33 || c === 63) {
        this.pos = this.skipMarkup(at);
        continue;
      }
      this.pos = at;
      const kind = this.next();
      if (kind === END) return text;
      if (kind === OPEN && !this.selfClosing) depth++;
      else if (kind === CLOSE && depth-- === 0) return text;
    }
  }

  /** Skips the rest of the element just opened, children and all. */
  skip(): void {
    if (this.selfClosing) return;
    for (let depth = 0; ;) {
      const kind = this.next();
      if (kind === END) return;
      if (kind === OPEN && !this.selfClosing) depth++;
      else if (kind === CLOSE && depth-- === 0) return;
    }
  }
}
