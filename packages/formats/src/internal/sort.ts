/**
 * Deterministic ordering helpers: UTF-16 code-unit comparison (never locale-aware) and the
 * canonical-JSON tie-breaker used by every output sort (finding-v1 section 12).
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { canonicalize } from '@warrant/core';

/** UTF-16 code-unit order. */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Unique strings in code-unit order. */
export const uniqueSorted = (list: Iterable<string>): string[] => {
  // Most lists hold zero or one entry: skip the Set.
  if (Array.isArray(list) && list.length < 2) return list.slice() as string[];
  const sorted = [...new Set(list)];
  // The default order of strings is code-unit order (ECMA-262 SortCompare, IsLessThan), and it
  // runs without a call back into JavaScript per comparison.
  return sorted.sort();
};

/**
 * The RFC 8785 canonical JSON of a model value ('' if it has none). Models are plain JSON data,
 * for which RFC 8785 is exactly `JSON.stringify` with members in code-unit order (RFC 8785
 * section 3.2: ECMAScript number and string serialization); anything else goes to core's
 * `canonicalize`, so the text is always canonicalize's.
 */
export const canonicalText = (value: unknown): string => {
  const fast = plainText(value, 0);
  if (fast !== undefined) return fast;
  const c = canonicalize(value);
  return E.isRight(c) ? c.right : '';
};

/**
 * Sorts by a primary comparator, breaking ties by canonical JSON text, and drops exact
 * duplicates (equal canonical JSON).
 */
export const sortUnique = <A>(list: ReadonlyArray<A>, primary: (a: A, b: A) => number): A[] => {
  const memo = new Map<A, string>();
  const text = (a: A): string => {
    let s = memo.get(a);
    if (s === undefined) {
      s = canonicalText(a);
      memo.set(a, s);
    }
    return s;
  };
  const cmp = (a: A, b: A): number => primary(a, b) || compareStrings(text(a), text(b));
  const sorted = [...list].sort(cmp);
  return sorted.filter((x, i) => i === 0 || cmp(sorted[i - 1] as A, x) !== 0);
};

// --- internal --------------------------------------------------------------

// Deeper than any model; deeper values take the general route (which applies the depth limit).
const MAX_PLAIN_DEPTH = 64;
const ANY_SURROGATE = /[\ud800-\udfff]/;

/** Canonical text of plain JSON data, or `undefined` for anything canonicalize must judge. */
const plainText = (v: unknown, depth: number): string | undefined => {
  switch (typeof v) {
    case 'string':
      // Lone surrogates are refused by canonicalize; pairs are fine but rare: let it decide.
      return ANY_SURROGATE.test(v) ? undefined : JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? JSON.stringify(v) : undefined;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      break;
    default:
      return undefined;
  }
  if (v === null) return 'null';
  if (depth >= MAX_PLAIN_DEPTH) return undefined;
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) return undefined; // a hole
      const t = plainText(v[i], depth + 1);
      if (t === undefined) return undefined;
      out += i === 0 ? t : `,${t}`;
    }
    return `${out}]`;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) return undefined;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (Object.getOwnPropertySymbols(o).length > 0) return undefined;
  keys.sort(); // default order: UTF-16 code units, as RFC 8785 section 3.2.3 sorts
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const d = Object.getOwnPropertyDescriptor(o, k);
    if (d === undefined || !('value' in d) || ANY_SURROGATE.test(k)) return undefined;
    const t = plainText(d.value, depth + 1);
    if (t === undefined) return undefined;
    out += `${i === 0 ? '' : ','}${JSON.stringify(k)}:${t}`;
  }
  return `${out}}`;
};
