/**
 * A checker of the package structure Excel's repair prompt guards, written apart from the code it
 * checks (and in Python's ElementTree, a namespace-aware parser): every worksheet's root children in
 * CT_Worksheet's order (ECMA-376 Part 1, 18.3.1.99, typed here from the standard), `<legacyDrawing>`,
 * `<sheetData>` and `<tableParts>` only as children of the root, every comments part well-formed with
 * each cell noted once; and each VML drawing's `o:idmap` blocks and shape ids, for the caller to judge.
 */
import { python } from './producers';

const checker = String.raw`
import sys, json, zipfile, re, xml.etree.ElementTree as ET
MAIN = {'http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'}
MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006'
ORDER = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
  'extLst']
REPEATED = {'cols', 'conditionalFormatting'}
def local(tag): return tag.rsplit('}', 1)[-1]
def ns(tag): return tag[1:].split('}')[0] if tag.startswith('{') else ''
z = zipfile.ZipFile(sys.argv[1])
problems = []
types = ET.fromstring(z.read('[Content_Types].xml'))
def parts_of(kind):
  return [o.get('PartName').lstrip('/') for o in types if local(o.tag) == 'Override' and o.get('ContentType', '').endswith(kind)]
for part in parts_of('worksheet+xml'):
  root = ET.fromstring(z.read(part))
  last = -1
  for child in root:
    name = local(child.tag)
    if ns(child.tag) == MC:
      inner = [local(e.tag) for e in child.iter() if ns(e.tag) in MAIN]
      if not inner: continue
      name = inner[0]
    elif ns(child.tag) not in MAIN:
      problems.append(part + ': child of another namespace ' + child.tag)
      continue
    if name not in ORDER:
      problems.append(part + ': unknown child ' + name)
      continue
    at = ORDER.index(name)
    if at < last or (at == last and name not in REPEATED):
      problems.append(part + ': ' + name + ' out of the schema order')
    last = at
  parent = {c: p for p in root.iter() for c in p}
  for e in root.iter():
    if local(e.tag) in ('legacyDrawing', 'sheetData', 'tableParts') and parent.get(e) is not root:
      problems.append(part + ': ' + local(e.tag) + ' inside ' + local(parent[e].tag))
for part in parts_of('comments+xml'):
  root = ET.fromstring(z.read(part))
  refs = [e.get('ref') for e in root.iter() if local(e.tag) == 'comment']
  if len(refs) != len(set(refs)): problems.append(part + ': a cell noted twice')
drawings = {}
for part in z.namelist():
  if not part.lower().endswith('.vml'): continue
  text = z.read(part).decode('utf-8', 'replace')
  try:
    ET.fromstring(text)
    wellFormed = True
  except ET.ParseError:
    wellFormed = False
  m = re.search(r'<\w+:idmap\b[^>]*\bdata="([^"]*)"', text)
  blocks = []
  for item in re.split(r'[,\s]+', m.group(1) if m else ''):
    if '-' in item:
      a, b = map(int, item.split('-'))
      blocks += list(range(a, b + 1))
    elif item:
      blocks.append(int(item))
  ids = [int(x) for x in re.findall(r'\sid="_x0000_s(\d+)"', text)]
  drawings[part] = {'blocks': blocks, 'ids': ids, 'wellFormed': wellFormed, 'notes': len(re.findall(r'ObjectType="Note"', text))}
print(json.dumps({'problems': problems, 'drawings': drawings}))
`;

export interface Drawing {
  blocks: number[];
  ids: number[];
  wellFormed: boolean;
  notes: number;
}

export interface Structure {
  problems: string[];
  drawings: Record<string, Drawing>;
}

export function structure(path: string): Structure {
  return JSON.parse(python(checker, path)) as Structure;
}
