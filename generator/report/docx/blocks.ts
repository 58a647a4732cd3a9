import type { FileChild } from 'docx';
import type { Block } from '../model';
import { headingParagraph } from './heading';
import { table } from './table';
import { blankLine, bodyParagraph } from './text';

/**
 * Each table is followed by an empty line: it keeps two tables from running together into one and
 * gives the document a paragraph to end on, which Word expects after a final table.
 * `keepEnd` holds the last block on the page of what follows it: the body's last lines go with the
 * 落款 (GB/T 9704 7.3.5.4), so that the 落款 never stands alone at the top of a page. A table is held
 * the same way with a paragraph right under it, which speaks of it (`注：本报告即…`): the note
 * never stands alone at the top of a page either. Word keeps a table's last row with what follows;
 * LibreOffice does not, so where the note would go over alone (pagination.ts) the table is set
 * close and the empty line under it left out (`tight`), as GB/T 9704 7.3.5.4 would have the spacing
 * adjusted.
 */
export function heldToNext(blocks: readonly Block[], i: number, keepEnd: boolean): boolean {
  if (i === blocks.length - 1) return keepEnd;
  return blocks[i].kind === 'table' && blocks[i + 1].kind === 'paragraph';
}

export function blockElements(blocks: readonly Block[], keepEnd = false, tight: ReadonlySet<Block> = new Set()): FileChild[] {
  return blocks.flatMap((block, i): FileChild[] => {
    const keep = heldToNext(blocks, i, keepEnd);
    switch (block.kind) {
      case 'heading':
        return [headingParagraph(block.level, block.text)];
      case 'paragraph':
        return [bodyParagraph(block.text, keep)];
      case 'table':
        return tight.has(block) ? [table(block, keep, true)] : [table(block, keep), blankLine(keep)];
    }
  });
}
