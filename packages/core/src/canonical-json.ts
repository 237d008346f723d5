/**
 * Canonical JSON per RFC 8785 (JSON Canonicalization Scheme, JCS).
 *
 * Values JCS cannot represent are refused, never coerced: `undefined`, functions, symbols, bigint,
 * NaN and ±Infinity, strings or keys with lone surrogates, non-plain objects (Date, Map, class
 * instances), sparse arrays and cycles.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { makeError, type WarrantError } from './errors';
import { formatJsonPath, type PathSegment } from './json-path';

// --- model -----------------------------------------------------------------

/** A JSON value as JCS sees it. */
export type JsonValue = null | boolean | number | string | JsonArray | JsonObject;
/** A JSON array. */
export type JsonArray = ReadonlyArray<JsonValue>;
/** A JSON object with plain string keys. */
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/** Why a value was refused by {@link canonicalize}. */
export type CanonicalJsonError = WarrantError<
  'CORE_CANONICAL_JSON_UNSUPPORTED_VALUE' | 'CORE_CANONICAL_JSON_CYCLE'
> & { readonly path: string };

// --- operations ------------------------------------------------------------

/**
 * Canonicalizes a JSON value per RFC 8785.
 * @param value - a JSON-compatible value (plain objects, arrays, strings, finite numbers, booleans, null)
 * @returns the canonical JSON text (UTF-8 encode it before hashing), or an error naming the JSON path
 * @see https://www.rfc-editor.org/rfc/rfc8785
 * @example
 * canonicalize({ b: 1, a: [true, null] }) // right('{"a":[true,null],"b":1}')
 * canonicalize({ a: NaN })                // left({ code: 'CORE_CANONICAL_JSON_UNSUPPORTED_VALUE', path: '$.a', … })
 */
export const canonicalize = (value: unknown): E.Either<CanonicalJsonError, string> => {
  const state: State = { parts: [], path: [], stack: new Set() };
  const error = write(value, state);
  return error === undefined ? E.right(state.parts.join('')) : E.left(error);
};

/**
 * Canonicalizes a JSON value and encodes it as UTF-8: the bytes that get hashed and signed.
 * @param value - a JSON-compatible value
 * @returns the canonical UTF-8 bytes, or the refusal from {@link canonicalize}
 * @example
 * canonicalizeToBytes({ a: 1 }) // right(Uint8Array [123, 34, 97, 34, 58, 49, 125])
 */
export const canonicalizeToBytes = (value: unknown): E.Either<CanonicalJsonError, Uint8Array> =>
  E.map((text: string) => UTF8.encode(text))(canonicalize(value));

// --- internal --------------------------------------------------------------

const UTF8 = new TextEncoder();
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface State {
  readonly parts: string[];
  readonly path: PathSegment[];
  readonly stack: Set<object>;
}

const refuse = (state: State, what: string): CanonicalJsonError =>
  makeError(
    'CORE_CANONICAL_JSON_UNSUPPORTED_VALUE',
    `${what} cannot be represented in canonical JSON (RFC 8785)`,
    formatJsonPath(state.path),
  ) as CanonicalJsonError;

const writeString = (s: string, state: State): CanonicalJsonError | undefined => {
  if (LONE_SURROGATE.test(s)) return refuse(state, 'a string with a lone surrogate');
  // RFC 8785 section 3.2.2.2: ECMAScript JSON.stringify string serialization.
  state.parts.push(JSON.stringify(s));
  return undefined;
};

const write = (v: unknown, state: State): CanonicalJsonError | undefined => {
  switch (typeof v) {
    case 'string':
      return writeString(v, state);
    case 'boolean':
      state.parts.push(v ? 'true' : 'false');
      return undefined;
    case 'number':
      // RFC 8785 section 3.2.2.3: ECMAScript Number serialization; -0 becomes 0.
      if (!Number.isFinite(v)) return refuse(state, `the number ${String(v)}`);
      state.parts.push(JSON.stringify(v));
      return undefined;
    case 'object':
      if (v === null) {
        state.parts.push('null');
        return undefined;
      }
      return writeContainer(v, state);
    default:
      return refuse(state, `a value of type ${typeof v}`);
  }
};

const writeContainer = (v: object, state: State): CanonicalJsonError | undefined => {
  if (state.stack.has(v)) {
    return makeError(
      'CORE_CANONICAL_JSON_CYCLE',
      'the value contains a reference cycle',
      formatJsonPath(state.path),
    ) as CanonicalJsonError;
  }
  if (Array.isArray(v)) {
    state.stack.add(v);
    state.parts.push('[');
    for (let i = 0; i < v.length; i++) {
      if (i > 0) state.parts.push(',');
      if (!(i in v)) return refuse(state, 'a sparse array hole');
      state.path.push(i);
      const err = write(v[i], state);
      if (err !== undefined) return err;
      state.path.pop();
    }
    state.parts.push(']');
    state.stack.delete(v);
    return undefined;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    const name = (v as { constructor?: { name?: string } }).constructor?.name ?? 'unknown';
    return refuse(state, `a non-plain object (${name})`);
  }
  state.stack.add(v);
  // RFC 8785 section 3.2.3: members sorted by their names as arrays of UTF-16 code units;
  // the default Array#sort comparison is exactly that (and never locale-dependent).
  const keys = Object.keys(v).sort();
  state.parts.push('{');
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    state.path.push(key);
    if (i > 0) state.parts.push(',');
    const keyErr = writeString(key, state);
    if (keyErr !== undefined) return keyErr;
    state.parts.push(':');
    const err = write((v as Record<string, unknown>)[key], state);
    if (err !== undefined) return err;
    state.path.pop();
  }
  state.parts.push('}');
  state.stack.delete(v);
  return undefined;
};
