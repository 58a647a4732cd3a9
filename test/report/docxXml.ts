import { strFromU8, unzipSync } from 'fflate';

/**
 * A .docx opened as what it is, a zip of XML parts, with just enough querying for tests: paragraphs,
 * table rows and attributes found by pattern. The parts docx writes are regular enough for this.
 */
export interface DocxParts {
  files: Record<string, string>;
  document: string;
}

export function unzipDocx(bytes: Uint8Array): DocxParts {
  const entries = unzipSync(bytes);
  const files = Object.fromEntries(Object.entries(entries).map(([name, data]) => [name, strFromU8(data)]));
  const document = files['word/document.xml'];
  if (!document) throw new Error('no word/document.xml in the package');
  return { files, document };
}

const decode = (text: string) =>
  text
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&');

/** The visible text of a piece of WordprocessingML: its w:t contents, in order. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => decode(m[1])).join('');
}

export interface XmlParagraph {
  xml: string;
  text: string;
}

export function paragraphsOf(xml: string): XmlParagraph[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/gu)].map((m) => ({ xml: m[0], text: textOf(m[0]) }));
}

/** The one paragraph whose text is exactly `text`. */
export function paragraph(xml: string, text: string): XmlParagraph {
  const found = paragraphsOf(xml).filter((p) => p.text === text);
  if (found.length !== 1) throw new Error(`expected one paragraph “${text}”, found ${found.length}`);
  return found[0];
}

/** Attributes of the first element `tag` (e.g. `w:pgMar`) in `xml`. */
export function attributes(xml: string, tag: string): Record<string, string> {
  const m = new RegExp(`<${tag}(\\s[^>]*?)?/?>`, 'u').exec(xml);
  if (!m) throw new Error(`no <${tag}>`);
  return Object.fromEntries([...(m[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/gu)].map((a) => [a[1], decode(a[2])]));
}

export function has(xml: string, tag: string): boolean {
  return new RegExp(`<${tag}[\\s/>]`, 'u').test(xml);
}

/** Every table of the document as rows of cell texts. */
export function tablesOf(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/gu)].map((t) =>
    [...t[0].matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/gu)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/gu)].map((c) =>
        paragraphsOf(c[0])
          .map((p) => p.text)
          .join('\n'),
      ),
    ),
  );
}

export function tableXmlOf(xml: string): string[] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/gu)].map((m) => m[0]);
}

/** The `<w:style>` of `id` in styles.xml, or '' where the package has none. */
export function styleOf(docx: DocxParts, id: string): string {
  const styles = docx.files['word/styles.xml'] ?? '';
  return (
    [...styles.matchAll(/<w:style [^>]*>[\s\S]*?<\/w:style>/gu)].find((m) => attributes(m[0], 'w:style')['w:styleId'] === id)?.[0] ?? ''
  );
}

const propertiesIn = (xml: string, tag: 'w:pPr' | 'w:rPr') => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'u').exec(xml)?.[1] ?? '';

/**
 * The formatting Word gives a paragraph and each of its runs: the direct properties followed by those of
 * the paragraph's style, so that `attributes` finds a directly set value before the style's.
 */
export function formattingOf(docx: DocxParts, p: XmlParagraph): { pPr: string; runs: string[] } {
  const own = propertiesIn(p.xml.replace(/<w:r>[\s\S]*$/u, ''), 'w:pPr');
  const styleId = /<w:pStyle w:val="([^"]+)"/u.exec(own)?.[1];
  const style = styleId ? styleOf(docx, styleId) : '';
  const runs = [...p.xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/gu)].map((r) => propertiesIn(r[0], 'w:rPr') + propertiesIn(style, 'w:rPr'));
  return { pPr: own + propertiesIn(style, 'w:pPr'), runs };
}
