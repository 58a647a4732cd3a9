import type { FileChild } from 'docx';
import type { Block } from '../model';
import { headingParagraph } from './heading';
import { table } from './table';
import { blankLine, bodyParagraph } from './text';

/**
 * Each table is followed by an empty line: it keeps two tables from running together into one and
 * gives the document a paragraph to end on, which Word expects after a final table.
 * `keepEnd` holds the last block on the page of what follows it: the body's last lines go with the
 * 落款 (GB/T 9704 7.3.5.4), so that the 落款 never stands alone at the top of a page.
 */
export function blockElements(blocks: readonly Block[], keepEnd = false): FileChild[] {
  return blocks.flatMap((block, i): FileChild[] => {
    const keep = keepEnd && i === blocks.length - 1;
    switch (block.kind) {
      case 'heading':
        return [headingParagraph(block.level, block.text)];
      case 'paragraph':
        return [bodyParagraph(block.text, keep)];
      case 'table':
        return [table(block, keep), blankLine(keep)];
    }
  });
}
