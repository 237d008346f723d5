/**
 * The output sorts' helpers: the tie-breaker text is core's RFC 8785 `canonicalize` text ('' where
 * canonicalize refuses), and uniqueSorted (the engine's default string sort) is code-unit order.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { canonicalize } from '@warrant/core';
import { canonicalText, compareStrings, uniqueSorted } from '../src/internal/sort';

const oracle = (v: unknown): string => {
  const c = canonicalize(v);
  return E.isRight(c) ? c.right : '';
};

// JSON data with array-index and odd member names, surrogates (paired and lone), -0, and
// values canonicalize refuses (undefined, NaN, Infinity, Date, holes, null-prototype objects).
const odd = fc.constantFrom<unknown>(
  undefined,
  Number.NaN,
  Infinity,
  -0,
  new Date(0),
  [1, , 2], // eslint-disable-line no-sparse-arrays
  Object.create(null) as unknown,
  '\ud800',
  '\u{1f600}',
  { '10': 1, '9': 2, a: 3, '': 4 },
  { __proto__: null, a: 1 },
);
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    odd,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 3 }),
        fc.constantFrom('0', '10', '__proto__'),
      ),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
}));

describe('canonicalText (properties)', () => {
  it('equals canonicalize on every value, refusals included', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalText(v)).toBe(oracle(v));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('uniqueSorted (properties)', () => {
  it('is the distinct strings in code-unit order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 4 }), { maxLength: 12 }),
        (xs) => {
          expect(uniqueSorted(xs)).toStrictEqual([...new Set(xs)].sort(compareStrings));
          expect(uniqueSorted(new Set(xs))).toStrictEqual([...new Set(xs)].sort(compareStrings));
        },
      ),
    );
  });

  it('merges a few ordered runs and sorts the rest, with duplicates across runs', () => {
    const run = fc
      .array(fc.string({ unit: 'binary', maxLength: 3 }), { maxLength: 10 })
      .map((r) => r.sort(compareStrings));
    fc.assert(
      fc.property(fc.array(run, { maxLength: 10 }), (runs) => {
        const xs = runs.flat();
        expect(uniqueSorted(xs)).toStrictEqual([...new Set(xs)].sort(compareStrings));
      }),
      { numRuns: 2000 },
    );
  });

  it('does not change its input', () => {
    const xs = ['b', 'a', 'c', 'a'];
    expect(uniqueSorted(xs)).toStrictEqual(['a', 'b', 'c']);
    expect(xs).toStrictEqual(['b', 'a', 'c', 'a']);
  });
});
