/**
 * RFC 8785 canonical JSON of any JSON value written as UTF-8 straight into a {@link ByteSink}:
 * the bytes of `canonicalize(value)` without the sorted copy and the strings the generic
 * canonicalizer builds. Objects are read once by a for-in loop (their own enumerable members,
 * as `Object.keys` lists them, when Object.prototype has no enumerable member) and written in
 * the order of their member names as UTF-16 code units (RFC 8785 section 3.2.3); the sorted
 * order and the encoded labels of each key sequence are kept (a bounded cache of key names),
 * so objects built by one piece of code are sorted once. Strings without `"`, `\`, control or
 * non-ASCII characters are copied code unit by code unit between quotes, other well-formed
 * strings and finite numbers are `JSON.stringify`'s text (sections 3.2.2.2 and 3.2.2.3), safe
 * integers are written digit by digit. Anything `canonicalize` refuses (undefined, functions,
 * symbols, bigint, NaN, infinities, lone surrogates in strings or names, holes, objects that are
 * not plain, nesting beyond {@link DEFAULT_MAX_DEPTH}, cycles) makes the write fail: the caller
 * asks `canonicalize` why.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { canonicalize, compareCodeUnits, DEFAULT_MAX_DEPTH } from '@warrant/core';
import type { ByteSink } from './byte-sink';

// --- model -----------------------------------------------------------------

/** Writes a value into a sink; throws {@link REFUSED} when the value is not JSON. @internal */
export type Put = (value: unknown, sink: ByteSink) => void;

/** Thrown (and caught by {@link writeValue}) when a value is not JSON. @internal */
export const REFUSED: unique symbol = Symbol('refused');

// --- operations ------------------------------------------------------------

/**
 * Runs one value write: `put` writes the bytes of `canonicalize(value)` into the sink.
 * @param put - the writer (from {@link putJson} or a compiled codec writer)
 * @param value - the value
 * @param sink - where the bytes go
 * @returns false when `canonicalize(value)` refuses the value (the sink then holds part of it)
 * @example
 * writeValue((v, s) => putJson(v, s, 0), { b: 1, a: 'x' }, sink) // sink gets {"a":"x","b":1}
 * @internal
 */
export const writeValue = (put: Put, value: unknown, sink: ByteSink): boolean => {
  // A getter that writes another value while this one is written: the scratch space is in
  // use, so that inner write takes the generic path.
  if (state.active) {
    const c = canonicalize(value);
    if (E.isLeft(c)) return false;
    sink.text(c.right);
    return true;
  }
  state.active = true;
  state.inherited = false;
  for (const _ in OBJECT_PROTOTYPE) state.inherited = true;
  try {
    put(value, sink);
    return true;
  } catch (e) {
    if (e === REFUSED) return false;
    throw e;
  } finally {
    state.active = false;
    frames.length = 0;
  }
};

/**
 * Writes the canonical bytes of any JSON value at a nesting depth (0 for a root).
 * @param v - the value
 * @param sink - where the bytes go
 * @param depth - arrays and objects around the value (the nesting limit counts them)
 * @throws REFUSED when the value is not JSON; only inside {@link writeValue}
 * @example
 * writeValue((v, s) => putJson(v, s, 0), [1, 'a'], sink)
 * @internal
 */
export const putJson = (v: unknown, sink: ByteSink, depth: number): void => {
  switch (typeof v) {
    case 'string':
      return putString(v, sink, refuseOrText);
    case 'number':
      return putNumber(v, sink, refuseOrText);
    case 'boolean':
      return sink.bytes(v ? TRUE : FALSE);
    case 'object':
      if (v === null) return sink.bytes(NULL);
      if (depth >= DEFAULT_MAX_DEPTH) throw REFUSED;
      return Array.isArray(v) ? putArray(v, sink, depth) : putObject(v, sink, depth);
    default:
      throw REFUSED;
  }
};

/**
 * Writes a scalar the fast way, and anything else (or a string or number that needs care)
 * with `slow`.
 * @param slow - the writer for the rest
 * @returns the writer
 * @example
 * scalar((v, s) => putJson(v, s, 3))
 * @internal
 */
export const scalar =
  (slow: Put): Put =>
  (v, sink) => {
    switch (typeof v) {
      case 'string':
        return putString(v, sink, slow);
      case 'number':
        return putNumber(v, sink, slow);
      case 'boolean':
        return sink.bytes(v ? TRUE : FALSE);
      default:
        return v === null ? sink.bytes(NULL) : slow(v, sink);
    }
  };

/**
 * Whether objects must be left to the generic path in the current write (Object.prototype has
 * enumerable members, which a for-in loop would list).
 * @returns true when it has
 * @internal
 */
export const inheritsEnumerable = (): boolean => state.inherited;

/** Bytes of JSON punctuation and literals. @internal */
export const TOKENS = {
  closeObject: utf8('}'),
  emptyObject: utf8('{}'),
  openArray: utf8('['),
  closeArray: utf8(']'),
  comma: utf8(','),
} as const;

// --- internal --------------------------------------------------------------

function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

const stringify = JSON.stringify;
const getPrototypeOf = Object.getPrototypeOf;
const OBJECT_PROTOTYPE = Object.prototype;
const ARRAY_PROTOTYPE = Array.prototype;
const TRUE = utf8('true');
const FALSE = utf8('false');
const NULL = utf8('null');
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isWellFormed: (s: string) => boolean =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (s) => (s as unknown as { isWellFormed(): boolean }).isWellFormed()
    : (s) => !LONE_SURROGATE.test(s);

/** A key sequence seen in this write, its writing order and its encoded labels. */
interface Shape {
  readonly keys: ReadonlyArray<string>;
  /** Positions in `keys`, in canonical order. */
  readonly order: ReadonlyArray<number>;
  /** `{"name":` for the first member written, `,"name":` for the others. */
  readonly labels: ReadonlyArray<Uint8Array>;
}
const SHAPES_PER_FIRST_KEY = 8;
/** First keys remembered; past that the cache starts over (it holds key names only). */
const FIRST_KEYS = 1024;

const state = {
  active: false,
  inherited: false,
  /**
   * Shapes seen so far, by first key: kept across writes, since the exceptions digest writes
   * each history on its own and its objects have the same few key sequences.
   */
  shapes: new Map<string, Shape[]>(),
};
// Keys and values of the object being written at each depth (a write is never reentered).
const frames: Array<{ keys: string[]; values: unknown[] }> = [];

// The rest of putString and putNumber: long well-formed strings as text; the others refused.
const refuseOrText: Put = (v, sink) => {
  if (typeof v === 'string' && isWellFormed(v)) return sink.text(stringify(v));
  throw REFUSED;
};

const putString = (v: string, sink: ByteSink, slow: Put): void => {
  const n = v.length;
  if (3 * n + 2 > sink.size) return slow(v, sink);
  sink.room(n + 2);
  const buf = sink.buf;
  let at = sink.at;
  buf[at++] = 0x22; // "
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    // `"`, `\`, controls and anything beyond ASCII: JSON.stringify escapes (section 3.2.2.2);
    // the bytes copied so far are overwritten, as `sink.at` has not moved.
    if (c < 0x20 || c === 0x22 || c === 0x5c || c > 0x7e) {
      return isWellFormed(v) ? sink.text(stringify(v)) : slow(v, sink);
    }
    buf[at++] = c;
  }
  buf[at++] = 0x22;
  sink.at = at;
};

// A safe integer's decimal digits, as ECMAScript Number::toString writes them (no exponent
// below 10^21; -0 is "0"); other finite numbers are JSON.stringify's text.
const putNumber = (v: number, sink: ByteSink, slow: Put): void => {
  if (!Number.isSafeInteger(v)) return v - v === 0 ? sink.text(stringify(v)) : slow(v, sink);
  // A sign and at most 16 digits (2^53 - 1 = 9007199254740991); tiny test buffers: as text.
  if (sink.size < 17) return sink.text(String(v));
  sink.room(17);
  const buf = sink.buf;
  let at = sink.at;
  if (v < 0) {
    buf[at++] = 0x2d; // -
    v = -v;
  }
  let digits = 1;
  for (let p = 10; p <= v; p *= 10) digits++;
  at += digits;
  for (let i = at - 1, x = v; digits-- > 0; i--, x = Math.floor(x / 10)) buf[i] = 0x30 + (x % 10);
  sink.at = at;
};

const putArray = (v: ReadonlyArray<unknown>, sink: ByteSink, depth: number): void => {
  if (getPrototypeOf(v) !== ARRAY_PROTOTYPE) throw REFUSED;
  sink.bytes(TOKENS.openArray);
  // A hole reads as undefined, which is refused.
  for (let i = 0; i < v.length; i++) {
    if (i > 0) sink.bytes(TOKENS.comma);
    putJson(v[i], sink, depth + 1);
  }
  sink.bytes(TOKENS.closeArray);
};

const putObject = (v: object, sink: ByteSink, depth: number): void => {
  const proto: unknown = getPrototypeOf(v);
  if (proto !== OBJECT_PROTOTYPE && proto !== null) throw REFUSED;
  if (state.inherited) {
    const c = canonicalize(v, { maxDepth: DEFAULT_MAX_DEPTH - depth });
    if (E.isLeft(c)) throw REFUSED;
    return sink.text(c.right);
  }
  const frame = (frames[depth] ??= { keys: [], values: [] });
  const { keys, values } = frame;
  let m = 0;
  for (const k in v) {
    keys[m] = k;
    values[m++] = (v as Record<string, unknown>)[k];
  }
  if (m === 0) return sink.bytes(TOKENS.emptyObject);
  const shape = shapeOf(keys, m);
  const { order, labels } = shape;
  for (let i = 0; i < m; i++) {
    sink.bytes(labels[i] as Uint8Array);
    putJson(values[order[i] as number], sink, depth + 1);
  }
  sink.bytes(TOKENS.closeObject);
};

const shapeOf = (keys: ReadonlyArray<string>, m: number): Shape => {
  const first = keys[0] as string;
  const known = state.shapes.get(first);
  if (known !== undefined) {
    for (let s = 0; s < known.length; s++) {
      const shape = known[s] as Shape;
      const k = shape.keys;
      if (k.length !== m) continue;
      let i = 1;
      while (i < m && k[i] === keys[i]) i++;
      if (i === m) return shape;
    }
  }
  const own = keys.slice(0, m);
  for (const k of own) if (!isWellFormed(k)) throw REFUSED;
  const order = own
    .map((_, i) => i)
    .sort((a, b) => compareCodeUnits(own[a] as string, own[b] as string));
  const labels = order.map((i, j) => utf8(`${j === 0 ? '{' : ','}${stringify(own[i])}:`));
  const shape = { keys: own, order, labels };
  if (known !== undefined) {
    if (known.length < SHAPES_PER_FIRST_KEY) known.push(shape);
  } else {
    if (state.shapes.size >= FIRST_KEYS) state.shapes.clear();
    state.shapes.set(first, [shape]);
  }
  return shape;
};
