/**
 * Laws of vers ranges: containment agrees with the scheme comparator (checked against an
 * independent, satisfaction-based formulation), canonical text is a fixed point, and building
 * a range does not depend on the order constraints are given in.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  buildVers,
  compareVersions,
  parseVers,
  versContains,
  type VersComparator,
  type VersConstraint,
} from '@warrant/core';
import { VERSION_ARBITRARIES } from './arbitraries';

const SCHEMES = ['npm', 'pypi', 'maven', 'deb', 'rpm', 'apk', 'gem', 'nuget', 'golang', 'generic'];

const cmp = (scheme: string, a: string, b: string): number => {
  const r = compareVersions(scheme, a, b);
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};

// Distinct (in scheme order) ascending versions, and a valid comparator for each position:
// bounds alternate (an open lower bound is closed by the next upper bound), "=" only outside
// an open interval, "!=" anywhere.
const rangeArb = (scheme: string) =>
  fc
    .tuple(
      fc.array(VERSION_ARBITRARIES[scheme] as fc.Arbitrary<string>, { minLength: 1, maxLength: 6 }),
      fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 6, maxLength: 6 }),
    )
    .map(([vs, dice]) => {
      const sorted = [...vs].sort((a, b) => cmp(scheme, a, b));
      const unique = sorted.filter(
        (v, i) => i === 0 || cmp(scheme, sorted[i - 1] as string, v) !== 0,
      );
      let open = false;
      const constraints: VersConstraint[] = unique.map((version, i) => {
        const d = dice[i] as number;
        let comparator: VersComparator;
        if (d < 15) comparator = '!=';
        else if (open) comparator = d < 55 ? '<' : '<=';
        else comparator = d < 35 ? '=' : d < 50 ? '<' : d < 65 ? '<=' : d < 82 ? '>' : '>=';
        if (comparator === '>' || comparator === '>=') open = true;
        if (comparator === '<' || comparator === '<=') open = false;
        return { comparator, version };
      });
      // a leading upper bound is fine; an upper bound right after "=" or an upper bound is not
      const fixed: VersConstraint[] = [];
      let lastRelevant: VersComparator | undefined;
      for (const c of constraints) {
        let comparator = c.comparator;
        const upper = comparator === '<' || comparator === '<=';
        if (upper && lastRelevant !== undefined && lastRelevant !== '>' && lastRelevant !== '>=')
          comparator = '=';
        if (comparator !== '!=') lastRelevant = comparator;
        fixed.push({ comparator, version: c.version });
      }
      return fixed;
    });

// The oracle: a version is in the range iff it equals a "=", "<=" or ">=" version, or satisfies
// both bounds of an interval (or the single open bound at an end), and equals no "!=" version;
// a range of "!=" only admits everything else.
const oracle = (scheme: string, constraints: ReadonlyArray<VersConstraint>, v: string): boolean => {
  const sat = (c: VersConstraint): boolean => {
    const o = cmp(scheme, v, c.version);
    switch (c.comparator) {
      case '<':
        return o < 0;
      case '<=':
        return o <= 0;
      case '>':
        return o > 0;
      case '>=':
        return o >= 0;
      case '=':
        return o === 0;
      case '!=':
        return o !== 0;
    }
  };
  if (constraints.some((c) => c.comparator === '!=' && !sat(c))) return false;
  const relevant = constraints.filter((c) => c.comparator !== '!=');
  if (relevant.length === 0) return true;
  if (relevant.some((c) => c.comparator === '=' && sat(c))) return true;
  const bounds = relevant.filter((c) => c.comparator !== '=');
  for (let i = 0; i < bounds.length; i++) {
    const b = bounds[i] as VersConstraint;
    const isLower = b.comparator === '>' || b.comparator === '>=';
    if (!isLower && i === 0 && sat(b)) return true;
    if (isLower) {
      const next = bounds[i + 1];
      if (sat(b) && (next === undefined || sat(next))) return true;
    }
  }
  return false;
};

describe('vers ranges', () => {
  for (const scheme of SCHEMES) {
    it(`${scheme}: containment agrees with the comparator`, () => {
      fc.assert(
        fc.property(
          rangeArb(scheme),
          VERSION_ARBITRARIES[scheme] as fc.Arbitrary<string>,
          (constraints, v) => {
            const range = buildVers(scheme, constraints);
            if (E.isLeft(range)) throw new Error(range.left.message);
            const probes = [v, ...constraints.map((c) => c.version)];
            for (const probe of probes) {
              const r = versContains(range.right, probe);
              if (E.isLeft(r)) throw new Error(r.left.message);
              if (r.right.contained !== oracle(scheme, constraints, probe)) return false;
            }
            return true;
          },
        ),
        { seed: 5501, numRuns: 150 },
      );
    });
    it(`${scheme}: canonical text is a fixed point and order-independent`, () => {
      fc.assert(
        fc.property(rangeArb(scheme), fc.integer(), (constraints, salt) => {
          const a = buildVers(scheme, constraints);
          const shuffled = [...constraints].sort(
            (x, y) => ((x.version.length * 7 + salt) % 5) - ((y.version.length * 7 + salt) % 5),
          );
          const b = buildVers(scheme, shuffled);
          if (E.isLeft(a) || E.isLeft(b)) return false;
          const again = parseVers(a.right.text);
          return (
            a.right.text === b.right.text && E.isRight(again) && again.right.text === a.right.text
          );
        }),
        { seed: 5502, numRuns: 100 },
      );
    });
  }

  it("a range parsed again is the same frozen range; a refusal names each caller's path", () => {
    for (const scheme of ['npm', 'maven', 'deb']) {
      fc.assert(
        fc.property(rangeArb(scheme), (constraints) => {
          const a = buildVers(scheme, constraints);
          if (E.isLeft(a)) return false;
          const first = parseVers(a.right.text);
          const second = parseVers(a.right.text);
          expect(second).toEqual(first);
          expect(second).toEqual(E.right(a.right));
          if (E.isRight(first)) {
            expect(Object.isFrozen(first.right)).toBe(true);
            expect(Object.isFrozen(first.right.constraints)).toBe(true);
          }
          return true;
        }),
        { seed: 5504, numRuns: 100 },
      );
    }
    for (const path of ['$.a', '$.b', '$.a']) {
      const r = parseVers('vers:npm/<2.0.0|>=1.0.0', path);
      expect(E.isLeft(r) && r.left.path).toBe(path);
    }
    // More distinct texts than the cache holds: every answer still belongs to its own text.
    for (let i = 0; i < 5000; i++) {
      const text = `vers:npm/<${i}.0.1`;
      const r = parseVers(text);
      expect(E.isRight(r) && r.right.text).toBe(text);
    }
    expect(E.isRight(parseVers('vers:npm/<0.0.1'))).toBe(true);
  });

  it('rejects duplicates whatever their spelling', () => {
    expect(
      E.isLeft(
        buildVers('pypi', [
          { comparator: '>=', version: '1.0' },
          { comparator: '<', version: '1.0.0' },
        ]),
      ),
    ).toBe(true);
  });
});
