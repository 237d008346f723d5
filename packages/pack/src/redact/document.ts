/**
 * JSON and JSON Lines pack files as documents redaction can edit (docs/spec/redaction-v1.md
 * section 7): which files count as JSON, how they are parsed, how edits are applied without
 * disturbing untouched subtrees, and the canonical bytes an edited file is written back as.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalize,
  parseJsonStrict,
  utf8Encode,
  type JsonParseError,
  type JsonValue,
} from '@warrant/core';
import { locationKey, type NodeLocation } from './selector';

// --- model -----------------------------------------------------------------

/** How a file is read: one JSON text (`.json`) or JSON Lines (`.jsonl`). */
export type DocumentFormat = 'json' | 'jsonl';

/** An edit at one location: remove the node, or replace it with a string. */
export type NodeEdit = { readonly kind: 'drop' } | { readonly kind: 'set'; readonly value: string };

/** Marker returned by {@link applyEdits} when the root itself was dropped. */
export const DROPPED: unique symbol = Symbol('dropped');

// --- operations ------------------------------------------------------------

/**
 * The format of a pack file, from its name.
 * @param path - a pack file path
 * @returns `jsonl` for names ending `.jsonl`, `json` for `.json`, else `undefined`
 * @see docs/spec/redaction-v1.md section 7
 * @example
 * documentFormat('exceptions/log.jsonl') // 'jsonl'
 */
export const documentFormat = (path: string): DocumentFormat | undefined =>
  path.endsWith('.jsonl') ? 'jsonl' : path.endsWith('.json') ? 'json' : undefined;

/**
 * Parses a file: one strict JSON text, or JSON Lines (each line a strict JSON text, lines ended by
 * 0x0A, the last line's 0x0A optional, no empty line).
 * @param format - the format
 * @param bytes - the content
 * @returns the documents (one for `json`, one per line for `jsonl`) or the first parse error,
 *   with `line` the 0-based line for JSON Lines
 * @example
 * parseDocuments('jsonl', utf8Encode('{"a":1}\n{"a":2}\n')) // right([{a:1},{a:2}])
 */
export const parseDocuments = (
  format: DocumentFormat,
  bytes: Uint8Array,
): E.Either<{ readonly error: JsonParseError; readonly line?: number }, JsonValue[]> => {
  if (format === 'json') {
    const r = parseJsonStrict(bytes);
    return E.isLeft(r) ? E.left({ error: r.left }) : E.right([r.right]);
  }
  const docs: JsonValue[] = [];
  let start = 0;
  let line = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const r = parseJsonStrict(bytes.subarray(start, end));
    if (E.isLeft(r)) return E.left({ error: r.left, line });
    docs.push(r.right);
    start = end + 1;
    line += 1;
  }
  return E.right(docs);
};

/**
 * Serializes edited documents: RFC 8785 canonical UTF-8; for JSON Lines each document followed
 * by 0x0A (as docs/spec/event-log-v1.md section 5 writes logs).
 * @param format - the format
 * @param docs - the documents
 * @returns the bytes
 * @throws TypeError if a document cannot be canonicalized (parsed documents always can)
 * @example
 * serializeDocuments('json', [{ b: 1, a: 2 }]) // bytes of '{"a":2,"b":1}'
 */
export const serializeDocuments = (
  format: DocumentFormat,
  docs: ReadonlyArray<JsonValue>,
): Uint8Array => {
  const texts = docs.map((d) => {
    const c = canonicalize(d);
    if (E.isLeft(c)) throw new TypeError(`serializeDocuments: ${c.left.message}`);
    return c.right;
  });
  return utf8Encode(format === 'json' ? (texts[0] ?? '') : texts.map((t) => `${t}\n`).join(''));
};

/**
 * Applies edits (keyed by {@link locationKey}); no edited location may lie under another. Untouched
 * subtrees are shared, not copied; members are defined, so `__proto__` stays an ordinary member.
 * @param doc - the document
 * @param edits - edits by location key
 * @returns the new document, or {@link DROPPED} when the root was dropped
 * @example
 * applyEdits({ a: 1, b: 2 }, new Map([['["a"]', { kind: 'drop' }]])) // { b: 2 }
 */
export const applyEdits = (
  doc: JsonValue,
  edits: ReadonlyMap<string, NodeEdit>,
): JsonValue | typeof DROPPED => {
  const ancestors = new Set<string>();
  for (const key of edits.keys()) {
    const loc = JSON.parse(key) as NodeLocation;
    for (let i = 0; i < loc.length; i++) ancestors.add(locationKey(loc.slice(0, i)));
  }
  return rebuild(doc, [], edits, ancestors);
};

/**
 * Maps every string value (not member names) of a document through `f`.
 * @param doc - the document
 * @param f - returns the replacement, or the same string when unchanged
 * @returns the new document and whether anything changed
 * @example
 * mapStrings({ a: ['x'] }, (s) => s.toUpperCase()) // { value: { a: ['X'] }, changed: true }
 */
export const mapStrings = (
  doc: JsonValue,
  f: (s: string) => string,
): { readonly value: JsonValue; readonly changed: boolean } => {
  let changed = false;
  const walk = (v: JsonValue): JsonValue => {
    if (typeof v === 'string') {
      const r = f(v);
      if (r !== v) changed = true;
      return r;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const o = v as { readonly [k: string]: JsonValue };
      return defineAll(Object.keys(o).map((k) => [k, walk(o[k] as JsonValue)]));
    }
    return v;
  };
  const value = walk(doc);
  return { value: changed ? value : doc, changed };
};

/**
 * Visits every member name and string value of a document.
 * @param doc - the document
 * @param visit - called with each string
 * @example
 * forEachString({ a: 'x' }, console.log) // 'a', 'x'
 */
export const forEachString = (doc: JsonValue, visit: (s: string) => void): void => {
  if (typeof doc === 'string') visit(doc);
  else if (Array.isArray(doc)) for (const v of doc) forEachString(v, visit);
  else if (doc !== null && typeof doc === 'object') {
    const o = doc as { readonly [k: string]: JsonValue };
    for (const k of Object.keys(o)) {
      visit(k);
      forEachString(o[k] as JsonValue, visit);
    }
  }
};

// --- internal --------------------------------------------------------------

function defineAll(entries: ReadonlyArray<readonly [string, JsonValue]>): JsonValue {
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of entries) {
    Object.defineProperty(out, k, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function rebuild(
  node: JsonValue,
  loc: ReadonlyArray<string | number>,
  edits: ReadonlyMap<string, NodeEdit>,
  ancestors: ReadonlySet<string>,
): JsonValue | typeof DROPPED {
  const key = locationKey(loc);
  const edit = edits.get(key);
  if (edit !== undefined) return edit.kind === 'drop' ? DROPPED : edit.value;
  if (!ancestors.has(key)) return node;
  if (Array.isArray(node)) {
    const out: JsonValue[] = [];
    node.forEach((v: JsonValue, i: number) => {
      const r = rebuild(v, [...loc, i], edits, ancestors);
      if (r !== DROPPED) out.push(r);
    });
    return out;
  }
  if (node !== null && typeof node === 'object') {
    const o = node as { readonly [k: string]: JsonValue };
    const entries: Array<readonly [string, JsonValue]> = [];
    for (const k of Object.keys(o)) {
      const r = rebuild(o[k] as JsonValue, [...loc, k], edits, ancestors);
      if (r !== DROPPED) entries.push([k, r]);
    }
    return defineAll(entries);
  }
  return node;
}
