import { Document, Footer, Packer, SectionType } from 'docx';
import type { FileChild, ISectionOptions } from 'docx';
import { fontTableXml } from './fonts';
import { imprintOnTextPage, imprintParagraphs } from './imprint';
import { reckon } from './pagination';
import type { Block, Imprint, Report } from '../model';
import { reportTitle } from '../model';
import { appendixElements, attachmentNote } from './attachment';
import { blockElements } from './blocks';
import { pageNumberFooters } from './footer';
import { footerDistance, margin, page } from './layout';
import { runProperties } from './run';
import { signature } from './signature';
import { internalMark, letterhead } from './letterhead';
import { blankLine, bodyParagraphStyle, bodySpacing, bodyStyle, draftMark, recipientsParagraph } from './text';
import { titleParagraph } from './title';

/** 内部稿 at the top left, the 版头 where there is a 发文字号, the title, 征求意见稿 and 主送. */
function head(report: Report): FileChild[] {
  const internal = report.internal ? [internalMark()] : [];
  const number = report.docNumber ? letterhead(report.docNumber, report.organMark, internal.length) : [];
  const draft = report.draft ? [draftMark()] : [];
  const recipients = report.recipients ? [recipientsParagraph(report.recipients)] : [];
  return [...internal, ...number, titleParagraph(report.titleLines), ...draft, blankLine(), ...recipients];
}

/** 附件说明 and 落款, held with the body's last lines (blockElements' keepEnd), then the attachments. */
function tail(report: Report, tight: ReadonlySet<Block>): FileChild[] {
  const note = report.appendices.length > 0 ? [blankLine(true), ...attachmentNote(report.appendices)] : [];
  const appendices = report.appendices.flatMap((_, i) => appendixElements(report.appendices, i, tight));
  return [...note, blankLine(true), ...signature(report.issuer, report.date, report.sealed), ...appendices];
}

const pageProperties = {
  size: { width: page.width, height: page.height },
  margin: { ...margin, header: 851, footer: footerDistance, gutter: 0 },
};

/**
 * The 版记 in a section of its own that starts on an even page (GB/T 9704 7.4: the last page, 封四):
 * after text ending on an odd page it takes the next page; after text ending on an even page the word
 * processor puts in the blank page before it (ECMA-376 17.18.77 ST_SectionMark `evenPage`; Word, WPS
 * and LibreOffice all do, the last only printing the blank page when asked to). Neither page is
 * numbered (7.5). Used where the text's own page cannot be known to take the 版记 (imprint.ts).
 */
function imprintSection(imprint: Imprint): ISectionOptions {
  const none = () => new Footer({ children: [] });
  return {
    properties: { type: SectionType.EVEN_PAGE, page: pageProperties },
    footers: { default: none(), even: none() },
    children: imprintParagraphs(imprint),
  };
}

export function reportDocument(report: Report): Document {
  const { ends, tight } = reckon(report);
  const room = report.imprint ? imprintOnTextPage(report.imprint, ends) : undefined;
  const ownPage = report.imprint && room === undefined ? [imprintSection(report.imprint)] : [];
  const atFoot = report.imprint && room !== undefined ? imprintParagraphs(report.imprint, room) : [];
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
        properties: { page: pageProperties },
        footers: pageNumberFooters(),
        children: [...head(report), ...blockElements(report.body, true, tight), ...tail(report, tight), ...atFoot],
      },
      ...ownPage,
    ],
  });
}

/** The report as the bytes of a .docx file; works in the browser as well as in Node. */
export async function renderReport(report: Report): Promise<Uint8Array> {
  const fontTable = { path: 'word/fontTable.xml', data: fontTableXml() };
  return new Uint8Array(await Packer.toArrayBuffer(reportDocument(report), false, [fontTable]));
}
