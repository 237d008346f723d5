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
  const input: ReadonlyArray<string> = Array.isArray(list) ? (list as string[]) : [...list];
  // Most lists hold zero or one entry.
  if (input.length < 2) return input.slice();
  // Scanners mostly list values in order already, or in a few ordered runs (OSV's 180 versions
  // come in 3): one pass counts the descents, and a few runs are merged, which is linear and
  // about 5x cheaper than the engine's sort on such input.
  const ends: number[] = [];
  for (let i = 1; i < input.length && ends.length <= MAX_MERGED_DESCENTS; i++) {
    if ((input[i - 1] as string) > (input[i] as string)) ends.push(i);
  }
  let sorted: string[];
  if (ends.length === 0) sorted = input.slice();
  else if (ends.length <= MAX_MERGED_DESCENTS) sorted = mergeRuns(input, ends);
  else {
    // The default order of strings is code-unit order (ECMA-262 SortCompare, IsLessThan), and
    // it runs without a call back into JavaScript per comparison.
    sorted = input.slice();
    sorted.sort();
  }
  // Duplicates are now adjacent: dropping them in place is cheaper than a Set.
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

// --- internal --------------------------------------------------------------

// Up to this many descents (runs - 1), merging the runs one after the other (k runs cost about
// k passes) beats the engine's sort.
const MAX_MERGED_DESCENTS = 7;

// The ascending runs of `input`, which end before each index of `ends` and at its end, merged
// into one ascending array (code-unit order, stable).
const mergeRuns = (input: ReadonlyArray<string>, ends: ReadonlyArray<number>): string[] => {
  let merged = input.slice(0, ends[0]);
  for (let r = 0; r < ends.length; r++) {
    merged = mergeTwo(merged, input, ends[r] as number, ends[r + 1] ?? input.length);
  }
  return merged;
};

// `a` (sorted) merged with input[from..to) (sorted); ties keep `a`'s entry first.
const mergeTwo = (
  a: ReadonlyArray<string>,
  input: ReadonlyArray<string>,
  from: number,
  to: number,
): string[] => {
  const out: string[] = new Array<string>(a.length + to - from);
  let i = 0;
  let j = from;
  let k = 0;
  while (i < a.length && j < to) {
    const x = a[i] as string;
    const y = input[j] as string;
    if (y < x) {
      out[k++] = y;
      j++;
    } else {
      out[k++] = x;
      i++;
    }
  }
  while (i < a.length) out[k++] = a[i++] as string;
  while (j < to) out[k++] = input[j++] as string;
  return out;
};
