import type { FileChild } from 'docx';
import type { Block } from '../model';
import { headingParagraph } from './heading';
import { table } from './table';
import { blankLine, bodyParagraph } from './text';

/**
 * Each table is followed by an empty line: it keeps two tables from running together into one and
 * gives the document a paragraph to end on, which Word expects after a final table.
 */
export function blockElements(blocks: readonly Block[]): FileChild[] {
  return blocks.flatMap((block): FileChild[] => {
    switch (block.kind) {
      case 'heading':
        return [headingParagraph(block.level, block.text)];
      case 'paragraph':
        return [bodyParagraph(block.text)];
      case 'table':
        return [table(block), blankLine()];
    }
  });
}
