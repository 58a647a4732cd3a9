/**
 * The built pane parses in every webview it is built for, and the boot script in Internet Explorer
 * 11. A syntax error stops a whole module, and so does a regular expression the engine refuses when
 * it is built at the module's top level: WebKit before Safari 16.4 has no lookbehind, and the
 * bundler turns a literal it cannot lower into a `RegExp(…)` call, moving the error from parse time
 * to run time (esbuild and Oxc both do), so the patterns built by calls are checked too.
 */
import { parse } from 'acorn';
import type { ecmaVersion } from 'acorn';
import { beforeAll, describe, expect, it } from 'vitest';
import { paneTargets } from '../../addin/vite/targets';
import type { BuiltPane } from './builtPane';
import { buildPane } from './builtPane';

interface Pattern {
  /** The pattern's text; `${}` stands for each part computed at run time. */
  text: string;
  flags: string;
  /** Every part of it is known before it runs. */
  whole: boolean;
  /** Built inside a try block, whose catch has a way without it. */
  guarded: boolean;
  /** Where in the bundle. */
  at: number;
}

type Node = Record<string, unknown> & { type: string; start: number };

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** A string argument's text as far as it is known: a literal, or a template with its holes marked. */
function textOf(node: unknown): { text: string; whole: boolean } | null {
  if (!isNode(node)) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return { text: node.value, whole: true };
  if (node.type !== 'TemplateLiteral') return null;
  const quasis = (node.quasis as Array<{ value: { cooked: string } }>).map((q) => q.value.cooked);
  return { text: quasis.join('${}'), whole: quasis.length === 1 };
}

/** Every regular expression of the code: literals, and `RegExp(…)`/`new RegExp(…)` with a known pattern. */
function regexps(code: string): Pattern[] {
  const found: Pattern[] = [];
  const visit = (value: unknown, guarded: boolean): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, guarded);
      return;
    }
    if (!isNode(value)) return;
    const regex = value.regex as { pattern: string; flags: string } | undefined;
    if (value.type === 'Literal' && regex) found.push({ text: regex.pattern, flags: regex.flags, whole: true, guarded, at: value.start });
    const callee = value.callee as Node | undefined;
    if ((value.type === 'NewExpression' || value.type === 'CallExpression') && callee?.type === 'Identifier' && callee.name === 'RegExp') {
      const [pattern, flags] = value.arguments as unknown[];
      const text = textOf(pattern);
      if (text) found.push({ ...text, flags: textOf(flags)?.text ?? '', guarded, at: value.start });
    }
    for (const [key, child] of Object.entries(value))
      if (key !== 'regex') visit(child, guarded || (value.type === 'TryStatement' && key === 'block'));
  };
  visit(parse(code, { ecmaVersion: 'latest', sourceType: 'module' }), false);
  return found;
}

/** `(?<=` or `(?<!` that is not an escaped parenthesis. */
const lookbehind = /(?:^|[^\\])(?:\\\\)*\(\?<[=!]/u;

/**
 * Lookbehinds in library code the pane never runs, by their text and why. docx builds this one in
 * `patchDocument`'s placeholder search; the pane writes reports with `Document` and `Packer` alone.
 */
const neverRun = new Map([['(?<=${})(?:(?!${}).)+?(?=${})', "docx's patchDocument placeholders"]]);

/** The pattern, if the engine of `edition` would refuse it as a literal. */
function refusal(pattern: Pattern, edition: number): string | null {
  if (!pattern.whole) return null;
  const source = new RegExp(pattern.text, pattern.flags).source;
  try {
    parse(`/${source}/${pattern.flags};`, { ecmaVersion: edition as ecmaVersion });
    return null;
  } catch (error) {
    return `${(error as Error).message}: /${source}/${pattern.flags}`;
  }
}

let built: BuiltPane;

beforeAll(() => {
  built = buildPane();
}, 120_000);

describe('the pane bundle, for each webview it is built for', () => {
  it.each(paneTargets)('parses as $name parses ES$edition', ({ edition }) => {
    expect(() => parse(built.bundle, { ecmaVersion: edition as ecmaVersion, sourceType: 'module' })).not.toThrow();
  });

  it.each(paneTargets)('builds only regular expressions that $name accepts', ({ edition, lookbehind: hasLookbehind }) => {
    const patterns = regexps(built.bundle);
    // The bundle does build expressions by calls: the check reaches them.
    expect(patterns.filter((p) => p.whole).length).toBeGreaterThan(100);
    const refused = patterns.flatMap((p) => (p.guarded ? [] : (refusal(p, edition) ?? [])));
    expect(refused).toEqual([]);
    if (hasLookbehind) return;
    const behind = patterns.filter((p) => !p.guarded && lookbehind.test(p.text) && !neverRun.has(p.text));
    expect(behind.map((p) => `${p.text} at ${p.at}: ${built.bundle.slice(p.at - 60, p.at + 20)}`)).toEqual([]);
  });

  it('finds a lookbehind the bundler moved into a RegExp call (the check can fail)', () => {
    const code = 'export const spaced = RegExp(`(?<=[\\\\p{Script=Han}])[ \\\\t]+`, `gu`);';
    const found = regexps(code);
    expect(found).toHaveLength(1);
    expect(lookbehind.test(found[0].text)).toBe(true);
    expect(refusal({ ...found[0], text: '(?<n>x)', flags: '' }, 2017)).toMatch(/Invalid regular expression/u);
  });
});

describe('the boot script', () => {
  it('parses as ES5, a classic script, as Internet Explorer 11 reads it', () => {
    expect(() => parse(built.boot, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    expect(() => parse('const x = () => 1;', { ecmaVersion: 5, sourceType: 'script' })).toThrow();
  });
});
