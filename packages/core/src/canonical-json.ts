/**
 * Canonical JSON per RFC 8785 (JSON Canonicalization Scheme, JCS).
 *
 * Values JCS cannot represent are refused, never coerced: `undefined`, functions, symbols, bigint,
 * NaN and ±Infinity, strings or member names with lone surrogates, non-plain objects (Date, Map,
 * boxed primitives, class instances, arrays with a foreign prototype), sparse array holes, cycles
 * and nesting beyond `maxDepth`. `toJSON` is never called. docs/spec/canonical-json.md states
 * every rule.
 *
 * How it is fast: one pass validates the value and builds a copy whose objects have their members
 * inserted in RFC 8785 order (sorted key lists are cached per object shape), then the engine's
 * `JSON.stringify` serializes the copy; for well-formed strings and finite numbers its output is
 * exactly RFC 8785 section 3.2.2. The one case insertion order cannot express is a member name
 * that is an array index ("0", "10"): engines list those first, in numeric order. Objects with
 * such names, and their ancestors, are serialized member by member instead.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { findRefusal, type CanonicalJsonError } from './canonical-json-refusal';
import { checkLimit, DEFAULT_MAX_DEPTH } from './json-value';

export type { JsonArray, JsonObject, JsonValue } from './json-value';
export type { CanonicalJsonError, CanonicalJsonErrorCode } from './canonical-json-refusal';

// --- model -----------------------------------------------------------------

/** Options of {@link canonicalize}. */
export interface CanonicalizeOptions {
  /** Maximum nesting of arrays and objects (default {@link DEFAULT_MAX_DEPTH}). */
  readonly maxDepth?: number;
}

// --- operations ------------------------------------------------------------

/**
 * Canonicalizes a JSON value per RFC 8785.
 * @param value - plain objects (prototype `Object.prototype` or `null`), arrays, strings, finite
 *   numbers, booleans and null
 * @param options - `maxDepth`, the nesting limit
 * @returns the canonical JSON text (UTF-8 encode it before hashing), or a refusal with its code
 *   (`CORE_CANONICAL_JSON_UNSUPPORTED_VALUE`, `_CYCLE`, `_TOO_DEEP`) and the JSON path of the
 *   first offending value in canonical order
 * @throws RangeError when `maxDepth` is not a non-negative integer, or when the output exceeds
 *   the engine's maximum string length; any exception thrown by a getter or proxy trap propagates
 * @see https://www.rfc-editor.org/rfc/rfc8785#section-3.2
 * @example
 * canonicalize({ b: 1, a: [true, null] }) // right('{"a":[true,null],"b":1}')
 * canonicalize({ a: NaN })                // left({ code: 'CORE_CANONICAL_JSON_UNSUPPORTED_VALUE', path: '$.a', … })
 */
export const canonicalize = (
  value: unknown,
  options: CanonicalizeOptions = {},
): E.Either<CanonicalJsonError, string> => {
  const maxDepth = checkLimit('maxDepth', options.maxDepth, DEFAULT_MAX_DEPTH);
  const copier = new SortedCopier(maxDepth);
  let copy: unknown;
  try {
    copy = copier.copy(value, 0);
  } catch (e) {
    if (e === REFUSED) return E.left(findRefusal(value, maxDepth));
    throw e;
  }
  // A toJSON on the shared prototypes would be called by JSON.stringify: serialize by hand then.
  const manual = 'toJSON' in OBJECT_PROTOTYPE || 'toJSON' in ARRAY_PROTOTYPE;
  if (copier.special.size === 0 && !manual) return E.right(stringify(copy));
  return E.right(emit(copy, copier.special, manual));
};

/**
 * Canonicalizes a JSON value and encodes it as UTF-8: the bytes that get hashed and signed.
 * @param value - a JSON-compatible value, as for {@link canonicalize}
 * @param options - as for {@link canonicalize}
 * @returns the canonical UTF-8 bytes, or the refusal from {@link canonicalize}
 * @throws RangeError as {@link canonicalize} does
 * @see https://www.rfc-editor.org/rfc/rfc8785#section-3.2.4
 * @example
 * canonicalizeToBytes({ a: 1 }) // right(Uint8Array [123, 34, 97, 34, 58, 49, 125])
 */
export const canonicalizeToBytes = (
  value: unknown,
  options: CanonicalizeOptions = {},
): E.Either<CanonicalJsonError, Uint8Array> =>
  E.map((text: string) => UTF8.encode(text))(canonicalize(value, options));

// --- internal --------------------------------------------------------------

const UTF8 = new TextEncoder();
const stringify = JSON.stringify;
const OBJECT_PROTOTYPE = Object.prototype;
const ARRAY_PROTOTYPE = Array.prototype;
const getPrototypeOf = Object.getPrototypeOf;
const REFUSED = Symbol('refused');
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isWellFormed: (s: string) => boolean =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (s) => (s as unknown as { isWellFormed(): boolean }).isWellFormed()
    : (s) => !LONE_SURROGATE.test(s);

// ECMA-262 section 6.1.7: an array index is a canonical numeric string of an integer below
// 2^32 - 1; ordinary objects list such keys first, in numeric order (section 10.1.11.1).
const ARRAY_INDEX = /^(?:0|[1-9][0-9]{0,9})$/;
const isArrayIndex = (key: string): boolean => ARRAY_INDEX.test(key) && Number(key) < 4294967295;

/** The member order of one object shape (its Object.keys sequence), computed once per call. */
interface Shape {
  readonly keys: ReadonlyArray<string>;
  readonly sorted: ReadonlyArray<string>;
  readonly hasArrayIndex: boolean;
}
const SHAPES_PER_FIRST_KEY = 8;

class SortedCopier {
  /** Shapes seen so far, by first key. */
  private readonly shapes = new Map<string, Shape[]>();
  /**
   * Copies that JSON.stringify would order wrongly: objects with array-index names (mapped to
   * their sorted names) and the arrays and objects that contain one (mapped to null).
   */
  readonly special = new Map<object, ReadonlyArray<string> | null>();

  constructor(private readonly maxDepth: number) {}

  /** Validates `v` (throwing REFUSED) and returns a copy with members in RFC 8785 order. */
  copy(v: unknown, depth: number): unknown {
    switch (typeof v) {
      case 'string':
        if (!isWellFormed(v)) throw REFUSED;
        return v;
      case 'number':
        if (v - v !== 0) throw REFUSED; // NaN and ±Infinity
        return v;
      case 'boolean':
        return v;
      case 'object':
        if (v === null) return v;
        // No cycle check here: a cycle nests without end, so it is caught by the depth limit,
        // and findRefusal tells the two apart.
        if (depth >= this.maxDepth) throw REFUSED;
        return Array.isArray(v) ? this.copyArray(v, depth + 1) : this.copyObject(v, depth + 1);
      default:
        throw REFUSED;
    }
  }

  private copyArray(v: ReadonlyArray<unknown>, depth: number): unknown[] {
    if (getPrototypeOf(v) !== ARRAY_PROTOTYPE) throw REFUSED;
    const before = this.special.size;
    const n = v.length;
    const out: unknown[] = [];
    // A hole reads as undefined, which copy() refuses.
    for (let i = 0; i < n; i++) out.push(this.copy(v[i], depth));
    if (this.special.size !== before) this.special.set(out, null);
    return out;
  }

  private copyObject(v: object, depth: number): Record<string, unknown> {
    const proto: unknown = getPrototypeOf(v);
    if (proto !== OBJECT_PROTOTYPE && proto !== null) throw REFUSED;
    const shape = this.shapeOf(Object.keys(v));
    const before = this.special.size;
    const keys = shape.sorted;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const member = this.copy((v as Record<string, unknown>)[key], depth);
      // Assignment to "__proto__" would set the prototype; define it as a data member instead.
      if (key === '__proto__') {
        Object.defineProperty(out, key, {
          value: member,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else out[key] = member;
    }
    if (shape.hasArrayIndex) this.special.set(out, keys);
    else if (this.special.size !== before) this.special.set(out, null);
    return out;
  }

  private shapeOf(keys: string[]): Shape {
    const n = keys.length;
    const first = n === 0 ? '' : (keys[0] as string);
    const known = this.shapes.get(first);
    if (known !== undefined) {
      for (const s of known) if (sameKeys(s.keys, keys)) return s;
    }
    const shape = makeShape(keys);
    if (known === undefined) this.shapes.set(first, [shape]);
    else if (known.length < SHAPES_PER_FIRST_KEY) known.push(shape);
    return shape;
  }
}

const sameKeys = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

const makeShape = (keys: string[]): Shape => {
  let hasArrayIndex = false;
  for (const k of keys) {
    if (!isWellFormed(k)) throw REFUSED;
    if (!hasArrayIndex && isArrayIndex(k)) hasArrayIndex = true;
  }
  return { keys, sorted: sortKeys(keys.slice()), hasArrayIndex };
};

// RFC 8785 section 3.2.3: sort by member name as arrays of UTF-16 code units. JavaScript's `<`
// on strings and the default Array#sort comparison are exactly that, never locale-dependent.
const sortKeys = (keys: string[]): string[] => {
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i] as string;
    let j = i - 1;
    for (; j >= 0 && (keys[j] as string) > k; j--) keys[j + 1] = keys[j] as string;
    keys[j + 1] = k;
  }
  return keys;
};

/** Serializes a validated, sorted copy member by member where `special` says it must. */
const emit = (
  v: unknown,
  special: ReadonlyMap<object, ReadonlyArray<string> | null>,
  manual: boolean,
): string => {
  if (typeof v !== 'object' || v === null) return stringify(v);
  const names = special.get(v);
  if (names === undefined && !manual) return stringify(v);
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i > 0 ? ',' : '') + emit(v[i], special, manual);
    return `${out}]`;
  }
  // Without array-index names, the copy's own key order is its insertion order: sorted.
  const keys = names ?? Object.keys(v);
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    out += `${i > 0 ? ',' : ''}${stringify(key)}:${emit((v as Record<string, unknown>)[key], special, manual)}`;
  }
  return `${out}}`;
};
