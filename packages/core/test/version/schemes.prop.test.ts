/**
 * Order laws for every scheme: each comparator must be a total preorder on valid versions
 * (reflexive, antisymmetric, transitive, with transitive equality), or ranges built on it would
 * give different answers depending on constraint order.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { compareVersions, VERS_SCHEMES } from '@warrant/core';
import { VERSION_ARBITRARIES } from './arbitraries';

const cmp = (scheme: string, a: string, b: string): number => {
  const r = compareVersions(scheme, a, b);
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};

describe('version schemes are total orders', () => {
  it('has a generator for every scheme', () => {
    expect(Object.keys(VERSION_ARBITRARIES).sort()).toEqual([...VERS_SCHEMES]);
  });

  for (const scheme of VERS_SCHEMES) {
    const arb = VERSION_ARBITRARIES[scheme] as fc.Arbitrary<string>;
    describe(scheme, () => {
      it('accepts every generated version and is reflexive', () => {
        fc.assert(
          fc.property(arb, (v) => cmp(scheme, v, v) === 0),
          { seed: 4401, numRuns: 300 },
        );
      });
      it('is antisymmetric', () => {
        fc.assert(
          fc.property(
            arb,
            arb,
            (a, b) =>
              cmp(scheme, a, b) === -cmp(scheme, b, a) ||
              (cmp(scheme, a, b) === 0 && cmp(scheme, b, a) === 0),
          ),
          { seed: 4402, numRuns: 300 },
        );
      });
      it('is transitive, equality included, over every triple of a small set', () => {
        fc.assert(
          fc.property(fc.array(arb, { minLength: 3, maxLength: 7 }), (vs) => {
            const c = vs.map((a) => vs.map((b) => cmp(scheme, a, b)));
            for (let i = 0; i < vs.length; i++) {
              for (let j = 0; j < vs.length; j++) {
                for (let k = 0; k < vs.length; k++) {
                  const ij = c[i]?.[j] as number;
                  const jk = c[j]?.[k] as number;
                  const ik = c[i]?.[k] as number;
                  if (ij <= 0 && jk <= 0 && ik > 0) return false;
                  if (ij === 0 && jk === 0 && ik !== 0) return false;
                }
              }
            }
            return true;
          }),
          { seed: 4403, numRuns: 200 },
        );
      });
      it('sorting is independent of input order', () => {
        fc.assert(
          fc.property(fc.array(arb, { minLength: 2, maxLength: 8 }), fc.integer(), (vs, salt) => {
            const byCmp = (a: string, b: string): number =>
              cmp(scheme, a, b) || (a < b ? -1 : a > b ? 1 : 0);
            const sorted = [...vs].sort(byCmp);
            const shuffled = [...vs]
              .sort((a, b) => ((a.length * 31 + salt) % 7) - ((b.length * 31 + salt) % 7))
              .sort(byCmp);
            return JSON.stringify(sorted) === JSON.stringify(shuffled);
          }),
          { seed: 4404, numRuns: 100 },
        );
      });
    });
  }
});
