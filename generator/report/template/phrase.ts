/**
 * The wording templates' little language: `{名称}` is replaced by a value from the ledger, and a
 * segment in `[…]` is left out whole when a placeholder inside it has no value, so a sentence can
 * mention an optional field without leaving `，。` behind when the field is empty.
 */
export type Token =
  | { kind: 'text'; text: string }
  | { kind: 'placeholder'; name: string }
  | { kind: 'optional'; tokens: Array<{ kind: 'text'; text: string } | { kind: 'placeholder'; name: string }> };

export type PhraseProblem =
  | { kind: 'unclosed'; what: '{' | '[' }
  | { kind: 'unopened'; what: '}' | ']' }
  | { kind: 'nested' }
  | { kind: 'empty' }
  | { kind: 'noPlaceholderInOptional' };

export type Parsed = { ok: true; tokens: Token[] } | { ok: false; problem: PhraseProblem };

export function parsePhrase(source: string): Parsed {
  const tokens: Token[] = [];
  let optional: Extract<Token, { kind: 'optional' }> | null = null;
  let text = '';
  const flushText = () => {
    if (text === '') return;
    (optional ? optional.tokens : tokens).push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '{') {
      const end = source.indexOf('}', i + 1);
      const next = source.indexOf('{', i + 1);
      if (end < 0 || (next >= 0 && next < end)) return { ok: false, problem: { kind: 'unclosed', what: '{' } };
      const name = source.slice(i + 1, end).trim();
      if (name === '') return { ok: false, problem: { kind: 'empty' } };
      flushText();
      (optional ? optional.tokens : tokens).push({ kind: 'placeholder', name });
      i = end;
    } else if (ch === '}') {
      return { ok: false, problem: { kind: 'unopened', what: '}' } };
    } else if (ch === '[') {
      if (optional) return { ok: false, problem: { kind: 'nested' } };
      flushText();
      optional = { kind: 'optional', tokens: [] };
    } else if (ch === ']') {
      if (!optional) return { ok: false, problem: { kind: 'unopened', what: ']' } };
      flushText();
      if (!optional.tokens.some((t) => t.kind === 'placeholder')) return { ok: false, problem: { kind: 'noPlaceholderInOptional' } };
      tokens.push(optional);
      optional = null;
    } else {
      text += ch;
    }
  }
  if (optional) return { ok: false, problem: { kind: 'unclosed', what: '[' } };
  flushText();
  return { ok: true, tokens };
}

export function placeholdersOf(tokens: readonly Token[]): string[] {
  return tokens.flatMap((t) =>
    t.kind === 'placeholder' ? [t.name] : t.kind === 'optional' ? t.tokens.flatMap((u) => (u.kind === 'placeholder' ? [u.name] : [])) : [],
  );
}

export function describeProblem(problem: PhraseProblem): string {
  switch (problem.kind) {
    case 'unclosed':
      return problem.what === '{' ? '“{”没有对应的“}”' : '“[”没有对应的“]”';
    case 'unopened':
      return problem.what === '}' ? '“}”前面没有对应的“{”' : '“]”前面没有对应的“[”';
    case 'nested':
      return '方括号 [] 不能嵌套';
    case 'empty':
      return '花括号 {} 中没有写占位符名称';
    case 'noPlaceholderInOptional':
      return '方括号 [] 中至少要有一个占位符，否则请去掉方括号';
  }
}

/** A value for a placeholder; `undefined` or an empty string means the ledger has none. */
export type Value = string | number | undefined;
export type Values = Readonly<Record<string, Value>>;

/** Printed where a required value is missing from the ledger, so the gap is visible rather than silent. */
export const missingValue = '（未填写）';

const present = (v: Value): v is string | number => v !== undefined && v !== '';

/** A report fills the same few phrases once per record, so each is parsed once. */
const parsedPhrases = new Map<string, Token[]>();

function tokensOf(source: string): Token[] {
  let tokens = parsedPhrases.get(source);
  if (tokens === undefined) {
    const parsed = parsePhrase(source);
    if (!parsed.ok) throw new Error(`unchecked template phrase: ${source}`);
    tokens = parsed.tokens;
    parsedPhrases.set(source, tokens);
  }
  return tokens;
}

/**
 * Fills a phrase with `values`, or else with `shared` (the placeholders every phrase of a report may
 * use, passed apart so they are not copied for every record). Template text is checked when it is loaded, so a phrase that fails to parse
 * here is a programming error.
 */
export function fillPhrase(source: string, values: Values, shared: Values = {}): string {
  const valueOf = (name: string): Value => (name in values ? values[name] : shared[name]);
  return tokensOf(source)
    .map((t) => {
      if (t.kind === 'text') return t.text;
      if (t.kind === 'placeholder') {
        const v = valueOf(t.name);
        return present(v) ? String(v) : missingValue;
      }
      if (!t.tokens.every((u) => u.kind === 'text' || present(valueOf(u.name)))) return '';
      return t.tokens.map((u) => (u.kind === 'text' ? u.text : String(valueOf(u.name)))).join('');
    })
    .join('');
}

/**
 * True when every placeholder outside `[…]` has a value: a sentence about work that was not done
 * (a count left absent because it is zero) is dropped whole instead of printing `0次` or a gap.
 */
export function canFill(source: string, values: Values, shared: Values = {}): boolean {
  const valueOf = (name: string): Value => (name in values ? values[name] : shared[name]);
  return tokensOf(source).every((t) => t.kind !== 'placeholder' || present(valueOf(t.name)));
}
