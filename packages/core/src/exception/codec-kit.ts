/**
 * io-ts building blocks for closed, normalized records (docs/spec/exception-v1.md section 2).
 *
 * Three rules every Warrant record follows, enforced here once:
 * - objects are closed: an unknown member is an error, never silently dropped (a dropped member
 *   would change the canonical bytes someone signed);
 * - sets are arrays that are never empty (omit the member instead), hold no duplicates, and are
 *   sorted, so equal values have equal canonical bytes (RFC 8785);
 * - strings are bounded and hold no control characters or lone surrogates.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { canonicalize } from '../canonical-json';
import type { Sha256Digest } from '../digest';

// --- model -----------------------------------------------------------------

/** Members of a record: name to codec. */
export type Props = Record<string, t.Mixed>;

/** The decoded type of a closed record with required members `R` and optional members `O`. */
export type ClosedType<R extends Props, O extends Props> = {
  [K in keyof R]: t.TypeOf<R[K]>;
} & { [K in keyof O]?: t.TypeOf<O[K]> };

/** The encoded (JSON) form of a closed record. */
export type ClosedOutput<R extends Props, O extends Props> = {
  [K in keyof R]: t.OutputOf<R[K]>;
} & { [K in keyof O]?: t.OutputOf<O[K]> };

/** A cross-member rule violation: where (relative to the record) and what was expected. */
export interface Violation {
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
}

// --- operations ------------------------------------------------------------

/**
 * A closed record codec: required and optional members, unknown members refused, and an optional
 * cross-member check run only when every member decoded.
 * @param name - the codec (and type) name
 * @param required - members that must be present
 * @param optional - members that may be absent (`undefined` counts as absent)
 * @param check - extra rules over the decoded value; each violation becomes a decode error
 * @returns the codec
 * @internal
 * @example
 * const Point = closedObject('Point', { x: t.number }, { label: t.string });
 * Point.decode({ x: 1, y: 2 }) // left: unexpected member "y"
 */
export const closedObject = <R extends Props, O extends Props>(
  name: string,
  required: R,
  optional: O,
  check?: (value: ClosedType<R, O>) => ReadonlyArray<Violation>,
): t.Type<ClosedType<R, O>, ClosedOutput<R, O>, unknown> =>
  new t.Type<ClosedType<R, O>, ClosedOutput<R, O>, unknown>(
    name,
    (u): u is ClosedType<R, O> => E.isRight(validateClosed(name, u, [], required, optional, check)),
    (u, c) => validateClosed(name, u, c, required, optional, check),
    (a) => {
      const out: Record<string, unknown> = {};
      const src = a as Record<string, unknown>;
      for (const k of Object.keys(required)) out[k] = (required[k] as t.Mixed).encode(src[k]);
      for (const k of Object.keys(optional)) {
        if (src[k] !== undefined) out[k] = (optional[k] as t.Mixed).encode(src[k]);
      }
      return out as ClosedOutput<R, O>;
    },
  );

/**
 * A set codec: a non-empty array without duplicates, sorted on decode (strings by UTF-16 code
 * units, other values by the code units of their RFC 8785 canonical JSON).
 * @param item - codec of one element
 * @param name - the codec name
 * @returns the codec; encoding keeps the (already sorted) order
 * @internal
 * @example
 * setOf(t.string, 'Tags').decode(['b', 'a']) // right(['a', 'b'])
 * setOf(t.string, 'Tags').decode([])         // left: empty set
 */
export const setOf = <C extends t.Mixed>(
  item: C,
  name: string,
): t.Type<ReadonlyArray<t.TypeOf<C>>, ReadonlyArray<t.OutputOf<C>>, unknown> =>
  new t.Type<ReadonlyArray<t.TypeOf<C>>, ReadonlyArray<t.OutputOf<C>>, unknown>(
    name,
    (u): u is ReadonlyArray<t.TypeOf<C>> => E.isRight(validateSet(u, [], item, name)),
    (u, c) => validateSet(u, c, item, name),
    (a) => a.map((x) => item.encode(x) as t.OutputOf<C>),
  );

/**
 * A record codec: an object whose member names are decoded by `key` and values by `value`.
 * Members are defined, never assigned, so a member named `__proto__` stays a plain member.
 * @param key - codec of member names (a string codec)
 * @param value - codec of member values
 * @param name - the codec name
 * @returns the codec
 * @internal
 * @example
 * recordOf(Name, Count, 'RoleCounts').decode({ cab: 1 }) // right({ cab: 1 })
 */
export const recordOf = <K extends t.Type<string, string, unknown>, V extends t.Mixed>(
  key: K,
  value: V,
  name: string,
): t.Type<
  Readonly<Record<string, t.TypeOf<V>>>,
  Readonly<Record<string, t.OutputOf<V>>>,
  unknown
> => {
  const validate = (u: unknown, c: t.Context): t.Validation<Record<string, t.TypeOf<V>>> => {
    if (!isRecord(u))
      return t.failure(u, c, `expected ${name} (a JSON object), got ${showValue(u)}`);
    const errors: t.ValidationError[] = [];
    const out: Record<string, t.TypeOf<V>> = {};
    for (const k of Object.keys(u).sort()) {
      const ck = t.appendContext(c, k, value, u[k]);
      const kr = key.validate(k, ck);
      if (E.isLeft(kr)) {
        errors.push(
          ...kr.left.map((e) => ({ ...e, message: `member name: ${e.message ?? 'invalid'}` })),
        );
        continue;
      }
      const vr = value.validate(u[k], ck);
      if (E.isLeft(vr)) errors.push(...vr.left);
      else
        Object.defineProperty(out, k, {
          value: vr.right,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return errors.length > 0 ? t.failures(errors) : t.success(out);
  };
  return new t.Type<
    Readonly<Record<string, t.TypeOf<V>>>,
    Readonly<Record<string, t.OutputOf<V>>>,
    unknown
  >(
    name,
    (u): u is Readonly<Record<string, t.TypeOf<V>>> => E.isRight(validate(u, [])),
    validate,
    (a) => {
      const out: Record<string, t.OutputOf<V>> = {};
      for (const k of Object.keys(a)) {
        Object.defineProperty(out, k, {
          value: value.encode(a[k]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    },
  );
};

/**
 * A string codec with a check that returns what was wrong, or `undefined` when the string is fine.
 * @param name - the codec name (appears in error messages as what was expected)
 * @param problem - returns a message for a bad string
 * @returns the codec
 * @internal
 * @example
 * const Upper = checkedString('Upper', (s) => (s === s.toUpperCase() ? undefined : 'expected uppercase'));
 */
export const checkedString = (
  name: string,
  problem: (s: string) => string | undefined,
): t.Type<string, string, unknown> =>
  new t.Type<string, string, unknown>(
    name,
    (u): u is string => typeof u === 'string' && problem(u) === undefined,
    (u, c) => {
      if (typeof u !== 'string') {
        return t.failure(u, c, `expected ${name} (a string), got ${showValue(u)}`);
      }
      const p = problem(u);
      return p === undefined ? t.success(u) : t.failure(u, c, `${p}, got ${showValue(u)}`);
    },
    (a) => a,
  );

/**
 * `Sha256Digest.is` (`sha256:` and 64 lowercase hex digits) by character codes: the fast readers
 * check several digests per event, and the pattern cost more than the rest of an approval's
 * checks. codec-kit.prop.test.ts compares the two.
 * @param u - any value
 * @returns whether `u` is a content address
 * @internal
 * @example
 * isSha256Digest(`sha256:${'a'.repeat(64)}`) // true
 */
export const isSha256Digest = (u: unknown): u is Sha256Digest => {
  if (typeof u !== 'string' || u.length !== 71 || !u.startsWith('sha256:')) return false;
  for (let i = 7; i < 71; i++) {
    const c = u.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
};

/**
 * An enumeration of string literals, in the order given (used for documentation and vectors).
 * @param name - the codec name
 * @param values - the allowed values
 * @returns the codec
 * @internal
 * @example
 * const Color = literalUnion('Color', ['red', 'green'] as const);
 */
export const literalUnion = <const V extends ReadonlyArray<string>>(
  name: string,
  values: V,
): t.Type<V[number], V[number], unknown> => {
  const allowed = new Set<string>(values);
  return new t.Type<V[number], V[number], unknown>(
    name,
    (u): u is V[number] => typeof u === 'string' && allowed.has(u),
    (u, c) =>
      typeof u === 'string' && allowed.has(u)
        ? t.success(u as V[number])
        : t.failure(
            u,
            c,
            `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${showValue(u)}`,
          ),
    (a) => a,
  );
};

/**
 * Compares strings by UTF-16 code units (never locale-dependent).
 * @param a - first string
 * @param b - second string
 * @returns negative, zero or positive
 * @internal
 * @example
 * compareCodeUnits('B', 'a') // -1: 'B' (0x42) sorts before 'a' (0x61)
 */
export const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The sort key of a set element: the string itself, or its canonical JSON for other values.
 * @param encoded - an encoded (JSON) element
 * @returns the key
 * @internal
 * @example
 * setKey('a') // 'a'; setKey({ b: 1, a: 2 }) // '{"a":2,"b":1}'
 */
export const setKey = (encoded: unknown): string => {
  if (typeof encoded === 'string') return encoded;
  const c = canonicalize(encoded);
  // Elements reaching here were decoded by JSON-only codecs, so canonicalization cannot fail.
  return E.isRight(c) ? c.right : '';
};

/**
 * A short JSON rendering of a value for error messages (at most 60 characters).
 * @param u - any value
 * @returns the rendering; `nothing` for undefined
 * @internal
 * @example
 * showValue('x'.repeat(100)) // '"xxxx…..."'
 */
export const showValue = (u: unknown): string => {
  if (u === undefined) return 'nothing';
  let s: string;
  try {
    s = JSON.stringify(u) ?? typeof u;
  } catch {
    s = typeof u;
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

// --- internal --------------------------------------------------------------

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

const UNKNOWN_MEMBER = new t.Type<unknown>(
  'nothing',
  (_u): _u is unknown => false,
  (u, c) => t.failure(u, c),
  (a) => a,
);

function validateClosed<R extends Props, O extends Props>(
  name: string,
  u: unknown,
  c: t.Context,
  required: R,
  optional: O,
  check: ((value: ClosedType<R, O>) => ReadonlyArray<Violation>) | undefined,
): t.Validation<ClosedType<R, O>> {
  if (!isRecord(u)) return t.failure(u, c, `expected ${name} (a JSON object), got ${showValue(u)}`);
  const errors: t.ValidationError[] = [];
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(required)) {
    const codec = required[k] as t.Mixed;
    const v = u[k];
    const ck = t.appendContext(c, k, codec, v);
    if (v === undefined) {
      errors.push({ value: v, context: ck, message: `missing required member "${k}"` });
      continue;
    }
    const r = codec.validate(v, ck);
    if (E.isLeft(r)) errors.push(...r.left);
    else out[k] = r.right;
  }
  for (const k of Object.keys(optional)) {
    const v = u[k];
    if (v === undefined) continue;
    const codec = optional[k] as t.Mixed;
    const r = codec.validate(v, t.appendContext(c, k, codec, v));
    if (E.isLeft(r)) errors.push(...r.left);
    else out[k] = r.right;
  }
  for (const k of Object.keys(u).sort()) {
    // Own members only: `k in required` would count "constructor", "toString" or "__proto__"
    // (inherited from Object.prototype) as declared and drop them silently.
    if (!hasOwn(required, k) && !hasOwn(optional, k) && u[k] !== undefined) {
      errors.push({
        value: u[k],
        context: t.appendContext(c, k, UNKNOWN_MEMBER, u[k]),
        message: `unexpected member "${k}"`,
      });
    }
  }
  if (errors.length > 0) return t.failures(errors);
  const value = out as ClosedType<R, O>;
  if (check === undefined) return t.success(value);
  const violations = check(value);
  if (violations.length === 0) return t.success(value);
  return t.failures(violations.map((v) => violationError(u, c, v)));
}

function violationError(root: unknown, c: t.Context, v: Violation): t.ValidationError {
  let ctx = c;
  let cur: unknown = root;
  for (const seg of v.path) {
    cur = (cur as Record<string | number, unknown> | undefined)?.[seg];
    ctx = t.appendContext(ctx, String(seg), t.unknown, cur);
  }
  return { value: cur, context: ctx, message: v.message };
}

function validateSet<C extends t.Mixed>(
  u: unknown,
  c: t.Context,
  item: C,
  name: string,
): t.Validation<ReadonlyArray<t.TypeOf<C>>> {
  if (!Array.isArray(u))
    return t.failure(u, c, `expected ${name} (a JSON array), got ${showValue(u)}`);
  if (u.length === 0) {
    return t.failure(u, c, 'expected a non-empty array (omit the member instead of [])');
  }
  const errors: t.ValidationError[] = [];
  const decoded: Array<{ value: t.TypeOf<C>; key: string; index: number }> = [];
  for (let i = 0; i < u.length; i++) {
    const r = item.validate(u[i], t.appendContext(c, String(i), item, u[i]));
    if (E.isLeft(r)) errors.push(...r.left);
    else decoded.push({ value: r.right, key: setKey(item.encode(r.right)), index: i });
  }
  if (errors.length > 0) return t.failures(errors);
  const seen = new Map<string, number>();
  for (const d of decoded) {
    const first = seen.get(d.key);
    if (first !== undefined) {
      errors.push({
        value: u[d.index],
        context: t.appendContext(c, String(d.index), item, u[d.index]),
        message: `duplicate element (same as index ${first})`,
      });
    } else seen.set(d.key, d.index);
  }
  if (errors.length > 0) return t.failures(errors);
  decoded.sort((a, b) => compareCodeUnits(a.key, b.key));
  return t.success(decoded.map((d) => d.value));
}
