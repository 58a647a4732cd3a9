/**
 * The manifest, checked offline (`npm run validate` needs Microsoft's online service): it parses with
 * office-addin-manifest's own reader, has every element Excel needs, points only at the origin the
 * dev server and the build use, and names icons that exist at the sizes it claims.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { ManifestHandlerXml } from 'office-addin-manifest/lib/manifestHandler/manifestHandlerXml';
import { describe, expect, it } from 'vitest';
import { excelMembers } from '../../addin/excel/api';
import { paneSets } from '../../addin/excel/capabilities';
import { buildOrigin, devOrigin, devPort, manifestForOrigin } from '../../addin/hosting';

const repo = resolve(import.meta.dirname, '../..');
const manifestPath = resolve(repo, 'manifest.xml');

/** An element as xml2js hands it over: attributes under `$`, children by name, always in arrays. */
interface XmlNode {
  $?: Record<string, string>;
  _?: string;
  [child: string]: unknown;
}

function children(node: XmlNode, name: string): XmlNode[] {
  const value = node[name];
  if (!Array.isArray(value)) return [];
  return value.map((v: unknown) => (typeof v === 'string' ? { _: v } : (v as XmlNode)));
}

function only(node: XmlNode, ...path: string[]): XmlNode {
  let current = node;
  for (const name of path) {
    const found = children(current, name);
    if (found.length !== 1) throw new Error(`expected one <${name}> under the path ${path.join('/')}, found ${found.length}`);
    current = found[0];
  }
  return current;
}

const text = (node: XmlNode) => (node._ ?? '').trim();
const attr = (node: XmlNode, name: string) => node.$?.[name];

/** Every element of the tree with its name, depth first. */
function* walk(node: XmlNode, name = ''): Generator<[string, XmlNode]> {
  yield [name, node];
  for (const [key, value] of Object.entries(node)) {
    if (key === '$' || key === '_' || !Array.isArray(value)) continue;
    for (const child of children(node, key)) yield* walk(child, key);
  }
}

async function officeApp(): Promise<XmlNode> {
  const xml = (await new ManifestHandlerXml(manifestPath).parseXmlAsync()) as { OfficeApp: XmlNode };
  return xml.OfficeApp;
}

function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The file under addin/ that a URL of the manifest is served from (dev server root = build input). */
const sourceOf = (url: string) => resolve(repo, 'addin', new URL(url).pathname.slice(1));

describe('manifest.xml', () => {
  it("parses with office-addin-manifest's reader as an Excel task-pane add-in in Chinese", async () => {
    const info = await OfficeAddinManifest.readManifestFile(manifestPath);
    expect(info.manifestType).toBe('xml');
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/u);
    expect(info.defaultLocale).toBe('zh-CN');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.displayName).toBe('台账校验');
    expect(info.providerName).toBeTruthy();
    expect(info.description?.length).toBeGreaterThan(0);
    expect(info.description?.length).toBeLessThanOrEqual(250);
    expect(info.defaultSettings?.sourceLocation).toBe(`${devOrigin}/taskpane.html`);
  });

  it('asks for no requirement set, so Excel 2016 and 2019 list it too, and has a 台账校验 button on the Home tab', async () => {
    const app = await officeApp();
    // The boot script needs nothing of the host: it asks isSetSupported itself (boot.test.ts).
    expect(children(app, 'Requirements')).toEqual([]);
    const overrides = only(app, 'VersionOverrides');
    expect(attr(overrides, 'xsi:type')).toBe('VersionOverridesV1_0');
    const host = only(overrides, 'Hosts', 'Host');
    expect(attr(host, 'xsi:type')).toBe('Workbook');
    const surface = only(host, 'DesktopFormFactor', 'ExtensionPoint');
    expect(attr(surface, 'xsi:type')).toBe('PrimaryCommandSurface');
    const tab = only(surface, 'OfficeTab');
    expect(attr(tab, 'id')).toBe('TabHome');
    const button = only(tab, 'Group', 'Control');
    expect(attr(button, 'xsi:type')).toBe('Button');
    expect(attr(only(button, 'Action'), 'xsi:type')).toBe('ShowTaskpane');

    const resources = only(overrides, 'Resources');
    const strings = new Map(
      [...children(only(resources, 'bt:ShortStrings'), 'bt:String'), ...children(only(resources, 'bt:LongStrings'), 'bt:String')].map(
        (s) => [attr(s, 'id'), attr(s, 'DefaultValue')],
      ),
    );
    const urls = new Map(children(only(resources, 'bt:Urls'), 'bt:Url').map((u) => [attr(u, 'id'), attr(u, 'DefaultValue')]));
    expect(strings.get(attr(only(button, 'Label'), 'resid'))).toBe('台账校验');
    expect(urls.get(attr(only(button, 'Action', 'SourceLocation'), 'resid'))).toBe(`${devOrigin}/taskpane.html`);
    expect(text(only(button, 'Action', 'TaskpaneId'))).not.toBe('');
  });

  it('defines every resource it refers to', async () => {
    const app = await officeApp();
    const resources = only(app, 'VersionOverrides', 'Resources');
    const defined = new Set([...walk(resources)].map(([, node]) => attr(node, 'id')).filter((id) => id !== undefined));
    const referenced = [...walk(only(app, 'VersionOverrides', 'Hosts'))]
      .map(([, node]) => attr(node, 'resid'))
      .filter((id) => id !== undefined);
    expect(referenced.length).toBeGreaterThan(5);
    for (const id of referenced) expect(defined, `resid ${id}`).toContain(id);
  });

  it('points every URL at the origin of the dev server and the build, at a page or file that exists', async () => {
    expect(devOrigin).toBe(`https://localhost:${devPort}`);
    // Namespace names look like URLs but are never fetched.
    const manifestText = readFileSync(manifestPath, 'utf8').replace(/\sxmlns(?::\w+)?="[^"]*"/gu, '');
    const inText = manifestText.match(/https?:\/\/[^"'<\s]+/gu) ?? [];
    const app = await officeApp();
    const inTree = [...walk(app)]
      .flatMap(([, node]) => [
        ...Object.entries(node.$ ?? {})
          .filter(([k]) => !k.startsWith('xmlns'))
          .map(([, v]) => v),
        text(node),
      ])
      .filter((v) => /^https?:/u.test(v));
    expect(inTree.length).toBeGreaterThanOrEqual(8);
    expect(inText.length).toBe(inTree.length);
    for (const url of [...inText, ...inTree]) {
      expect(new URL(url).origin, url).toBe(devOrigin);
      expect(existsSync(sourceOf(url)), `${url} → ${sourceOf(url)}`).toBe(true);
    }
  });

  it('names icons that exist at the sizes it claims', async () => {
    const app = await officeApp();
    const square = (url: string | undefined, size: number) => {
      if (!url) throw new Error('icon URL missing');
      expect(pngSize(sourceOf(url)), url).toEqual({ width: size, height: size });
    };
    square(attr(only(app, 'IconUrl'), 'DefaultValue'), 32);
    square(attr(only(app, 'HighResolutionIconUrl'), 'DefaultValue'), 64);
    const images = new Map(
      children(only(app, 'VersionOverrides', 'Resources', 'bt:Images'), 'bt:Image').map((i) => [attr(i, 'id'), attr(i, 'DefaultValue')]),
    );
    const uses = [...walk(only(app, 'VersionOverrides', 'Hosts'))].filter(([name]) => name === 'bt:Image');
    expect(new Set(uses.map(([, node]) => attr(node, 'size')))).toEqual(new Set(['16', '32', '80']));
    for (const [, node] of uses) square(images.get(attr(node, 'resid')), Number(attr(node, 'size')));
  });

  it('calls nothing above the boot script’s minimum but where capabilities.ts finds host and library have it', () => {
    // The ExcelApi 1.x minor version that brought each member the adapter uses (api.ts `excelMembers`,
    // learn.microsoft.com); notes (1.18) are used only where host and library both have them.
    const since: Record<string, number> = {
      ...Object.fromEntries(Object.entries(excelMembers).flatMap(([type, members]) => members.map((m) => [`${type}.${m}`, 1]))),
      'Workbook.name': 7,
      'Workbook.customXmlParts': 5,
      'Workbook.functions': 2,
      'Workbook.comments': 10,
      'WorksheetCollection.getItemOrNullObject': 4,
      'Worksheet.isNullObject': 4,
      'Worksheet.freezePanes': 7,
      'Worksheet.protection': 2,
      'Worksheet.getUsedRangeOrNullObject': 4,
      'Worksheet.getRangeByIndexes': 7,
      'WorksheetProtection.protected': 2,
      'WorksheetProtection.load': 2,
      'WorksheetFreezePanes.freezeRows': 7,
      'Range.isNullObject': 4,
      'Range.hyperlink': 7,
      'Range.getMergedAreasOrNullObject': 13,
      'Range.getCellProperties': 9,
      'Range.setCellProperties': 9,
      'RangeCollection.items': 9,
      'RangeAreas.isNullObject': 9,
      'RangeAreas.areas': 9,
      'RangeAreas.load': 9,
      'RangeFormat.columnWidth': 2,
      'CommentCollection.items': 10,
      'CommentCollection.load': 10,
      'Comment.getLocation': 10,
      'CustomXmlPartCollection.add': 5,
      'CustomXmlPartCollection.getByNamespace': 5,
      'CustomXmlPartScopedCollection.items': 5,
      'CustomXmlPartScopedCollection.load': 5,
      'CustomXmlPart.id': 5,
      'CustomXmlPart.getXml': 5,
      'CustomXmlPart.delete': 5,
      'NamedItemCollection.add': 4,
      'NamedItem.getRangeOrNullObject': 4,
      'NamedItem.delete': 4,
      'Functions.date': 2,
      'FunctionResult.value': 2,
      'FunctionResult.load': 2,
    };
    const used = Object.entries(excelMembers).flatMap(([type, members]) => members.map((m) => `${type}.${m}`));
    expect(Object.keys(since).sort()).toEqual(used.sort());
    // Each member above the minimum, and the capability that guards it (capabilities.ts).
    const guarded: Record<string, string> = {
      'Range.getMergedAreasOrNullObject': paneSets.cells,
      'RangeAreas.isNullObject': paneSets.cells,
      'RangeAreas.areas': paneSets.cells,
      'RangeAreas.load': paneSets.cells,
      'RangeCollection.items': paneSets.cells,
      'Range.getCellProperties': '1.9',
      'Range.setCellProperties': '1.9',
      'Workbook.comments': '1.18',
      'CommentCollection.items': '1.18',
      'CommentCollection.load': '1.18',
      'Comment.getLocation': '1.18',
    };
    const unguarded = Object.entries(since).filter(([member]) => !(member in guarded));
    expect(`1.${Math.max(...unguarded.map(([, v]) => v))}`).toBe(paneSets.excel);
    for (const [member, set] of Object.entries(guarded)) expect(since[member], member).toBeLessThanOrEqual(Number(set.split('.')[1]));
  });

  it('is rewritten for a bureau intranet origin by the build', () => {
    const origin = buildOrigin({ ADDIN_ORIGIN: 'https://taizhang.xxj.example.gov.cn/' });
    expect(origin).toBe('https://taizhang.xxj.example.gov.cn');
    expect(buildOrigin({})).toBe(devOrigin);
    expect(() => buildOrigin({ ADDIN_ORIGIN: 'http://intranet/' })).toThrow(/https/u);
    const rewritten = manifestForOrigin(readFileSync(manifestPath, 'utf8'), origin);
    expect(rewritten).not.toContain('localhost');
    expect(rewritten).toContain(`${origin}/taskpane.html`);
  });
});
