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
  const sorted: string[] = Array.isArray(list) ? (list.slice() as string[]) : [...list];
  // Most lists hold zero or one entry.
  if (sorted.length < 2) return sorted;
  // The default order of strings is code-unit order (ECMA-262 SortCompare, IsLessThan), and it
  // runs without a call back into JavaScript per comparison. Duplicates are then adjacent:
  // dropping them in place is cheaper than building a Set first (OSV's 180 versions: the Set
  // cost more than the sort).
  sorted.sort();
  let n = 1;
  for (let i = 1; i < sorted.length; i++) {
    const s = sorted[i] as string;
    if (s !== sorted[n - 1]) sorted[n++] = s;
  }
  sorted.length = n;
  return sorted;
};

/** The RFC 8785 canonical JSON of a model value (models are always plain JSON data). */
export const canonicalText = (value: unknown): string => {
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
