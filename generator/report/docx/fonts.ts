import { fontFace } from './layout';

/**
 * word/fontTable.xml naming each face the report uses with its fallbacks: `altName` is the face Word
 * and WPS take when the named one is not installed (仿宋 for 仿宋_GB2312, which newer Windows no longer
 * has), `panose1`, `charset` 86 (GB2312) and `family` let a program without either choose a similar
 * face — a serif (`roman`) CJK face for 仿宋, 楷体 and 小标宋 rather than its default sans one, which is
 * what LibreOffice does from the family.
 */
const faces: ReadonlyArray<{ name: string; altName: string; panose: string; family: 'roman' | 'swiss' }> = [
  { name: fontFace.body, altName: '仿宋', panose: '02010609030101010101', family: 'roman' },
  { name: '仿宋', altName: 'FangSong', panose: '02010609060101010101', family: 'roman' },
  { name: fontFace.heading2, altName: '楷体', panose: '02010609030101010101', family: 'roman' },
  { name: '楷体', altName: 'KaiTi', panose: '02010609060101010101', family: 'roman' },
  { name: fontFace.title, altName: '宋体', panose: '02000000000000000000', family: 'roman' },
  { name: fontFace.pageNumber, altName: 'SimSun', panose: '02010600030101010101', family: 'roman' },
  { name: fontFace.heading1, altName: 'SimHei', panose: '02010609060101010101', family: 'swiss' },
];

const escape = (text: string) => text.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;');

export function fontTableXml(): string {
  const fonts = faces
    .map(
      (f) =>
        `<w:font w:name="${escape(f.name)}"><w:altName w:val="${escape(f.altName)}"/><w:panose1 w:val="${f.panose}"/>` +
        `<w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join('');
  const latin =
    '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>' +
    '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}${latin}</w:fonts>`
  );
}
