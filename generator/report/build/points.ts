import type { Block } from '../model';
import { chineseNumber } from './text';

/** A point of 存在的问题 or 下一步: a short lead (`责任制落实还不够到位`) and the sentences that bear it out. */
export interface Point {
  lead: string;
  sentences: string[];
}

const ordinal = (n: number) => `${chineseNumber(n)}是`;

/**
 * Points as paragraphs `一是……。二是……。`; a single point is not numbered, since a list of one is no
 * list. Sentences come without their closing punctuation and are joined with semicolons.
 */
export function pointParagraphs(points: readonly Point[]): Block[] {
  return points.map((point, i) => {
    const body = point.sentences.length > 0 ? `${point.sentences.join('；')}。` : '';
    const lead = point.lead.replace(/[。；，]$/u, '');
    return { kind: 'paragraph', text: `${points.length > 1 ? ordinal(i + 1) : ''}${lead}。${body}` };
  });
}

/** The derived points, then the template's general ones until there are `least`, never more than `most`. */
export function fillPoints(derived: readonly Point[], general: readonly string[], least: number, most: number): Point[] {
  // Past `most`, the remaining points' sentences join the last one kept rather than being lost.
  const kept = derived.slice(0, most);
  if (derived.length > most) {
    const last = kept[most - 1];
    kept[most - 1] = { lead: last.lead, sentences: [...last.sentences, ...derived.slice(most).flatMap((p) => p.sentences)] };
  }
  const extra = general.slice(0, Math.max(0, least - kept.length)).map((lead) => ({ lead, sentences: [] }));
  return [...kept, ...extra];
}
