import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableRow, VerticalAlignTable, WidthType } from 'docx';
import type { Table as TableModel } from '../model';
import { fontFace, size, tableLinePitch, textWidth } from './layout';
import { textRun } from './run';

const cellStyle = { face: fontFace.body, size: size.table };
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const borders = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };

/** Column widths in twips filling the type area, the last column taking the rounding remainder. */
export function columnWidths(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((textWidth * w) / total));
  widths[widths.length - 1] += textWidth - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function cell(text: string, width: number, align: 'left' | 'center', bold: boolean, keepNext = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    children: text.split('\n').map(
      (part) =>
        new Paragraph({
          alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
          ...(keepNext ? { keepNext } : {}),
          spacing: { line: tableLinePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: [textRun(part, { ...cellStyle, bold })],
        }),
    ),
  });
}

/** Space above and below a cell's text, and at its sides, twips. */
export const cellMargin = { vertical: 60, side: 80 } as const;

/** Space above and below a cell's text in a table set close, so the note under it stays on its page. */
export const tightCellMargin = 15;

/**
 * 表格: 小四 仿宋, a bold header row that Word repeats at the top of every page the table runs onto,
 * held with the first row (alone at the foot of a page, LibreOffice 7.4 lost the rows under it).
 * `keepEnd` holds its last row on the page of what follows; `tight` sets its rows closer (see blocks.ts).
 */
export function table(model: TableModel, keepEnd = false, tight = false): Table {
  const widths = columnWidths(model.columns.map((c) => c.weight));
  const vertical = tight ? tightCellMargin : cellMargin.vertical;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: model.columns.map((c, i) => cell(c.header, widths[i], 'center', true, true)),
  });
  const rows = model.rows.map(
    (values, r) =>
      new TableRow({
        cantSplit: true,
        children: model.columns.map((c, i) => cell(values[i] ?? '', widths[i], c.align, false, keepEnd && r === model.rows.length - 1)),
      }),
  );
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    alignment: AlignmentType.CENTER,
    borders,
    margins: { top: vertical, bottom: vertical, left: cellMargin.side, right: cellMargin.side },
    rows: [header, ...rows],
  });
}
