import type { UnsureRows } from './model';

/**
 * The rows not understood that keep a requirement 无法判断, by what was not understood, as validate,
 * the pane and the page say them: `另有2行未能归类`, `另有1行“含意识形态内容”未能读懂`,
 * `另有2行未能归类、1行“日期”未能读懂`.
 */
export function unsureCount(unsure: readonly UnsureRows[]): string {
  const parts = unsure.map(({ unread, rows }) => (unread.length === 0 ? `${rows}行未能归类` : `${rows}行“${unread.join('、')}”未能读懂`));
  return `另有${parts.join('、')}`;
}
