import { Document, Packer } from 'docx';
import type { FileChild } from 'docx';
import { fontTableXml } from './fonts';
import { imprintParagraphs } from './imprint';
import type { Report } from '../model';
import { reportTitle } from '../model';
import { appendixElements, attachmentNote } from './attachment';
import { blockElements } from './blocks';
import { pageNumberFooters } from './footer';
import { footerDistance, margin, page } from './layout';
import { runProperties } from './run';
import { signature } from './signature';
import { blankLine, bodyParagraphStyle, bodySpacing, bodyStyle, docNumberParagraph, draftMark, recipientsParagraph } from './text';
import { titleParagraph } from './title';

function head(report: Report): FileChild[] {
  const number = report.docNumber ? [docNumberParagraph(report.docNumber), blankLine()] : [];
  const draft = report.draft ? [draftMark()] : [];
  const recipients = report.recipients ? [recipientsParagraph(report.recipients)] : [];
  return [...number, titleParagraph(report.titleLines), ...draft, blankLine(), ...recipients];
}

function tail(report: Report): FileChild[] {
  const note = report.appendices.length > 0 ? [blankLine(), ...attachmentNote(report.appendices)] : [];
  const appendices = report.appendices.flatMap((_, i) => appendixElements(report.appendices, i));
  return [...note, blankLine(), ...signature(report.issuer, report.date, report.sealed), ...appendices];
}

export function reportDocument(report: Report): Document {
  return new Document({
    title: reportTitle(report),
    creator: report.issuer,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: runProperties(bodyStyle), paragraph: { spacing: bodySpacing } } },
      // What the clerk types into the document later comes out in the body's face, size and pitch.
      paragraphStyles: [
        { id: 'Normal', name: 'Normal', run: runProperties(bodyStyle), paragraph: { spacing: bodySpacing } },
        bodyParagraphStyle,
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: { ...margin, header: 851, footer: footerDistance, gutter: 0 },
          },
        },
        footers: pageNumberFooters(),
        children: [
          ...head(report),
          ...blockElements(report.body),
          ...tail(report),
          ...(report.imprint ? imprintParagraphs(report.imprint) : []),
        ],
      },
    ],
  });
}

/** The report as the bytes of a .docx file; works in the browser as well as in Node. */
export async function renderReport(report: Report): Promise<Uint8Array> {
  const fontTable = { path: 'word/fontTable.xml', data: fontTableXml() };
  return new Uint8Array(await Packer.toArrayBuffer(reportDocument(report), false, [fontTable]));
}
