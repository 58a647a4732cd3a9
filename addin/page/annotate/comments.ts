/**
 * The legacy comments part of a sheet (what Excel, WPS and LibreOffice all read as 批注/注释): ours
 * written anew, added to one the sheet has, and taken out again. A note of ours starts with the
 * marks' first line (`【台账校验】`), as a comment of its own or after the clerk's text in theirs; that
 * line is how a copy marked before is recognised, after Excel or WPS saved it too.
 */
import { notePrefix } from '../../excel/marks';
import { mainNamespace, xmlDeclaration, xmlText } from '../xlsx/xmlText';
import { appendToCollection, attribute, elements, findElement, rootPrefix } from './xmlEdit';

export interface NoteMark {
  cell: string;
  /** 1-based, as in the finding. */
  row: number;
  column: number;
  note: string;
}

const author = '台账校验';

export function newComments(notes: readonly NoteMark[]): string {
  const run = (text: string) => `<r><t xml:space="preserve">${xmlText(text)}</t></r>`;
  const list = notes.map((n) => `<comment ref="${n.cell}" authorId="0"><text>${run(n.note)}</text></comment>`).join('');
  return `${xmlDeclaration}<comments xmlns="${mainNamespace}"><authors><author>${author}</author></authors><commentList>${list}</commentList></comments>`;
}

const commentPattern = (p: string) => new RegExp(`<${p}comment\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}comment>)`, 'gu');

/** Our notes added to a comments part the sheet already has; returns the cells that needed a new comment. */
export function addComments(xml: string, notes: readonly NoteMark[]): { xml: string; added: NoteMark[] } {
  const p = rootPrefix(xml, 'comments');
  const authors = findElement(xml, p, 'authors');
  const names = authors ? elements(authors.inner, p, 'author').map((a) => a.replace(/<[^>]*>/gu, '')) : [];
  let authorId = names.indexOf(author);
  let out = xml;
  if (authorId < 0) {
    authorId = names.length;
    out = authors
      ? appendToCollection(out, authors, p, 'authors', `<${p}author>${author}</${p}author>`, authorId + 1)
      : out.replace(new RegExp(`(<${p}comments[^>]*>)`, 'u'), `$1<${p}authors><${p}author>${author}</${p}author></${p}authors>`);
  }
  const run = (text: string) => `<${p}r><${p}t xml:space="preserve">${xmlText(text)}</${p}t></${p}r>`;
  const wanted = new Map(notes.map((n) => [n.cell, n]));
  out = out.replace(commentPattern(p), (comment) => {
    const note = wanted.get(attribute(comment, 'ref') ?? '');
    const close = comment.lastIndexOf(`</${p}text>`);
    if (!note || close < 0) return comment;
    wanted.delete(note.cell);
    return `${comment.slice(0, close)}${run(`\n${note.note}`)}${comment.slice(close)}`;
  });
  const added = [...wanted.values()];
  const comments = added.map(
    (n) => `<${p}comment ref="${n.cell}" authorId="${authorId}"><${p}text>${run(n.note)}</${p}text></${p}comment>`,
  );
  const list = findElement(out, p, 'commentList');
  out = list
    ? appendToCollection(out, list, p, 'commentList', comments.join(''), 0)
    : out.replace(new RegExp(`</${p}comments>`, 'u'), `<${p}commentList>${comments.join('')}</${p}commentList></${p}comments>`);
  return { xml: out, added };
}

/** The text a comment shows: its `<t>` elements' content, unescaped enough to tell whether any is left. */
function shownText(comment: string, p: string): string {
  return [...comment.matchAll(new RegExp(`<${p}t\\b[^>]*>([^<]*)</${p}t>`, 'gu'))].map((m) => m[1]).join('');
}

export interface StrippedComments {
  xml: string;
  /** Cells whose note held ours. */
  cells: string[];
  /** Of those, the cells left with no comment at all. */
  emptied: string[];
  /** Comments left in the part. */
  remaining: number;
}

/**
 * The part without our notes: a comment that was only ours goes; from one where ours followed the
 * clerk's text, ours is cut off (it always comes last), the clerk's runs kept as they were.
 */
export function stripComments(xml: string): StrippedComments {
  const p = rootPrefix(xml, 'comments');
  const cells: string[] = [];
  const emptied: string[] = [];
  let remaining = 0;
  const out = xml.replace(commentPattern(p), (comment) => {
    const at = comment.indexOf(notePrefix);
    if (at < 0) {
      remaining++;
      return comment;
    }
    const ref = attribute(comment, 'ref') ?? '';
    cells.push(ref);
    // Inside a `<t>`, perhaps inside an `<r>`: keep what comes before our first line, close what is open.
    const before = comment.slice(0, at).replace(/(?:\r?\n|&#1[03];|&#x[Aa];|&#x[Dd];)+$/u, '');
    const inRun = before.lastIndexOf(`<${p}r>`) > before.lastIndexOf(`</${p}r>`);
    const kept = `${before}</${p}t>${inRun ? `</${p}r>` : ''}</${p}text></${p}comment>`;
    if (shownText(kept, p).trim() === '') {
      emptied.push(ref);
      return '';
    }
    remaining++;
    return kept;
  });
  return { xml: out, cells, emptied, remaining };
}
