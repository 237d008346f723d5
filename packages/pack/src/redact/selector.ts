/**
 * Redaction selectors: the subset of RFC 9535 JSONPath that redaction profiles use to pick the
 * values of a JSON document to drop, mask or pseudonymize (docs/spec/redaction-v1.md section 4).
 *
 * Grammar (ABNF, RFC 5234), a strict subset of RFC 9535 section 2.1: no blank space, no filters,
 * slices, unions or negative indices, and member-name shorthands limited to ASCII identifiers.
 *
 *     selector-path = "$" *segment
 *     segment       = ".." ( name-first-ascii *name-char / "*" / bracketed )
 *                   / "." ( name-first-ascii *name-char / "*" )
 *                   / bracketed
 *     bracketed     = "[" ( quoted-name / index / "*" ) "]"
 *
 * Every accepted text is a valid RFC 9535 query that selects the same nodes.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { JsonValue, PathSegment } from '@warrant/core';

// --- model -----------------------------------------------------------------

/** One step of a parsed selector. */
export type SelectorStep =
  | { readonly kind: 'name'; readonly name: string; readonly descendant: boolean }
  | { readonly kind: 'index'; readonly index: number; readonly descendant: boolean }
  | { readonly kind: 'wildcard'; readonly descendant: boolean };

/** A parsed selector path: the steps after `$`, and the source text. */
export interface Selector {
  readonly text: string;
  readonly steps: ReadonlyArray<SelectorStep>;
}

/** Why a selector text was refused: what was expected and the 0-based offset where. */
export interface SelectorSyntaxError {
  readonly message: string;
  readonly offset: number;
}

/** A selected node: its location from the root as member names and array indices. */
export type NodeLocation = ReadonlyArray<PathSegment>;

// --- operations ------------------------------------------------------------

/**
 * Parses a selector path (docs/spec/redaction-v1.md section 4.1).
 * @param text - e.g. `$.approvers[*].id`, `$..owner`, `$['odd name'][0]`
 * @returns the steps, or the first syntax problem with its offset
 * @see https://www.rfc-editor.org/rfc/rfc9535#section-2.5
 * @example
 * parseSelector('$..approvers[*].id') // right({ steps: [name approvers (descendant), wildcard, name id] })
 * parseSelector('$.a[-1]')            // left({ message: 'expected a non-negative index …', offset: 4 })
 */
export const parseSelector = (text: string): E.Either<SelectorSyntaxError, Selector> => {
  if (text[0] !== '$') return E.left({ message: 'expected "$" at the start', offset: 0 });
  const steps: SelectorStep[] = [];
  let i = 1;
  while (i < text.length) {
    let descendant = false;
    if (text.startsWith('..', i)) {
      descendant = true;
      i += 2;
      if (text[i] === '[') {
        const r = parseBracket(text, i, descendant);
        if (E.isLeft(r)) return r;
        steps.push(r.right.step);
        i = r.right.next;
        continue;
      }
    } else if (text[i] === '.') {
      i += 1;
    } else if (text[i] === '[') {
      const r = parseBracket(text, i, false);
      if (E.isLeft(r)) return r;
      steps.push(r.right.step);
      i = r.right.next;
      continue;
    } else {
      return E.left({ message: 'expected ".", ".." or "["', offset: i });
    }
    if (text[i] === '*') {
      steps.push({ kind: 'wildcard', descendant });
      i += 1;
      continue;
    }
    const m = IDENTIFIER.exec(text.slice(i));
    if (m === null) {
      return E.left({
        message: 'expected a member name ([A-Za-z_][A-Za-z0-9_]*) or "*"; use [\'…\'] for others',
        offset: i,
      });
    }
    steps.push({ kind: 'name', name: m[0], descendant });
    i += m[0].length;
  }
  return E.right({ text, steps });
};

/**
 * Selects the nodes of a JSON value a selector names (RFC 9535 section 2.5 semantics), as
 * locations from the root, each location once, in document order (members in code unit order).
 * @param value - the document
 * @param selector - a parsed selector
 * @returns the locations of the selected nodes (`[]` for the root itself)
 * @see https://www.rfc-editor.org/rfc/rfc9535#section-2.5.2.2
 * @example
 * selectNodes({ a: [{ id: 'x' }, { id: 'y' }] }, sel('$.a[*].id')) // [['a', 0, 'id'], ['a', 1, 'id']]
 */
export const selectNodes = (value: JsonValue, selector: Selector): ReadonlyArray<NodeLocation> => {
  let current: Array<{ loc: PathSegment[]; node: JsonValue }> = [{ loc: [], node: value }];
  for (const step of selector.steps) {
    const next: Array<{ loc: PathSegment[]; node: JsonValue }> = [];
    const inputs = step.descendant ? current.flatMap((c) => descendants(c.loc, c.node)) : current;
    for (const c of inputs) applyStep(step, c.loc, c.node, next);
    current = next;
  }
  const seen = new Set<string>();
  const out: NodeLocation[] = [];
  for (const c of current) {
    const key = locationKey(c.loc);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c.loc);
  }
  return out;
};

/**
 * A string that identifies a location exactly (for maps and sets).
 * @param loc - a node location
 * @returns its JSON text
 * @internal
 * @example
 * locationKey(['a', 0]) // '["a",0]'
 */
export const locationKey = (loc: NodeLocation): string => JSON.stringify(loc);

// --- internal --------------------------------------------------------------

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*/;
const INDEX = /^(0|[1-9][0-9]*)\]/;

const isObject = (v: JsonValue): v is { readonly [k: string]: JsonValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const sortedKeys = (o: { readonly [k: string]: JsonValue }): string[] =>
  Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

// RFC 9535 section 2.5.2.2: the input node, then its descendants in document order.
function descendants(
  loc: PathSegment[],
  node: JsonValue,
): Array<{ loc: PathSegment[]; node: JsonValue }> {
  const out: Array<{ loc: PathSegment[]; node: JsonValue }> = [];
  const stack: Array<{ loc: PathSegment[]; node: JsonValue }> = [{ loc, node }];
  while (stack.length > 0) {
    const c = stack.pop() as { loc: PathSegment[]; node: JsonValue };
    out.push(c);
    const kids: Array<{ loc: PathSegment[]; node: JsonValue }> = [];
    if (Array.isArray(c.node)) {
      c.node.forEach((v: JsonValue, i: number) => kids.push({ loc: [...c.loc, i], node: v }));
    } else if (isObject(c.node)) {
      const o = c.node;
      for (const k of sortedKeys(o)) kids.push({ loc: [...c.loc, k], node: o[k] as JsonValue });
    }
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k] as (typeof kids)[number]);
  }
  return out;
}

function applyStep(
  step: SelectorStep,
  loc: PathSegment[],
  node: JsonValue,
  out: Array<{ loc: PathSegment[]; node: JsonValue }>,
): void {
  if (step.kind === 'wildcard') {
    if (Array.isArray(node)) node.forEach((v, i) => out.push({ loc: [...loc, i], node: v }));
    else if (isObject(node)) {
      for (const k of sortedKeys(node)) out.push({ loc: [...loc, k], node: node[k] as JsonValue });
    }
  } else if (step.kind === 'name') {
    if (isObject(node) && Object.prototype.hasOwnProperty.call(node, step.name)) {
      out.push({ loc: [...loc, step.name], node: node[step.name] as JsonValue });
    }
  } else if (Array.isArray(node) && step.index < node.length) {
    out.push({ loc: [...loc, step.index], node: node[step.index] as JsonValue });
  }
}

function parseBracket(
  text: string,
  start: number,
  descendant: boolean,
): E.Either<SelectorSyntaxError, { step: SelectorStep; next: number }> {
  const i = start + 1;
  const c = text[i];
  if (c === '*') {
    if (text[i + 1] !== ']') return E.left({ message: 'expected "]" after "*"', offset: i + 1 });
    return E.right({ step: { kind: 'wildcard', descendant }, next: i + 2 });
  }
  if (c === "'" || c === '"') {
    const r = parseQuoted(text, i);
    if (E.isLeft(r)) return r;
    if (text[r.right.next] !== ']') {
      return E.left({ message: 'expected "]" after the quoted name', offset: r.right.next });
    }
    return E.right({
      step: { kind: 'name', name: r.right.value, descendant },
      next: r.right.next + 1,
    });
  }
  const m = INDEX.exec(text.slice(i));
  const index = m === null ? NaN : Number(m[1]);
  if (m === null || !Number.isSafeInteger(index)) {
    return E.left({
      message: "expected a quoted name, a non-negative index without leading zeros, or '*'",
      offset: i,
    });
  }
  return E.right({ step: { kind: 'index', index, descendant }, next: i + m[0].length });
}

const ESCAPES: Readonly<Record<string, string>> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  '/': '/',
  '\\': '\\',
};

// RFC 9535 section 2.3.1.1: string literals in either quote; the other quote may appear bare.
function parseQuoted(
  text: string,
  start: number,
): E.Either<SelectorSyntaxError, { value: string; next: number }> {
  const quote = text[start] as string;
  let out = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i] as string;
    const code = c.charCodeAt(0);
    if (c === quote) return E.right({ value: out, next: i + 1 });
    if (code < 0x20) return E.left({ message: 'expected no control character', offset: i });
    if (c !== '\\') {
      out += c;
      i += 1;
      continue;
    }
    const e = text[i + 1];
    if (e === quote) out += quote;
    else if (e !== undefined && ESCAPES[e] !== undefined) out += ESCAPES[e];
    else if (e === 'u') {
      const r = parseUnicodeEscape(text, i);
      if (E.isLeft(r)) return r;
      out += r.right.value;
      i = r.right.next;
      continue;
    } else return E.left({ message: 'expected a valid escape sequence', offset: i });
    i += 2;
  }
  return E.left({ message: `expected a closing ${quote}`, offset: text.length });
}

const HEX4 = /^[0-9A-Fa-f]{4}$/;

function parseUnicodeEscape(
  text: string,
  at: number,
): E.Either<SelectorSyntaxError, { value: string; next: number }> {
  const hex = text.slice(at + 2, at + 6);
  if (!HEX4.test(hex)) return E.left({ message: 'expected 4 hex digits after \\u', offset: at });
  const unit = parseInt(hex, 16);
  if (unit >= 0xdc00 && unit <= 0xdfff) {
    return E.left({ message: 'expected no lone low surrogate', offset: at });
  }
  if (unit < 0xd800 || unit > 0xdbff) {
    return E.right({ value: String.fromCharCode(unit), next: at + 6 });
  }
  const low = text.slice(at + 8, at + 12);
  const lowUnit = HEX4.test(low) ? parseInt(low, 16) : 0;
  if (text.slice(at + 6, at + 8) !== '\\u' || lowUnit < 0xdc00 || lowUnit > 0xdfff) {
    return E.left({ message: 'expected a low surrogate escape after a high one', offset: at });
  }
  return E.right({ value: String.fromCharCode(unit, lowUnit), next: at + 12 });
}
