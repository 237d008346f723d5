/**
 * The per-scope explainer says what `matchScope` says: the same failure count, the same first
 * failing dimension with the same reason, and the same matched values, for every subject, while
 * one explainer (and its caches) is reused across many subjects in any order.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compileScope,
  countExplainedFailures,
  countScopeFailures,
  firstScopeFailure,
  matchScope,
  scopeExplainer,
  scopeHits,
  subjectIds,
  type ScopeSubject,
} from '@warrant/core';
import { ALIASES, clean, scopeArb, subjectArb } from './arbitraries';

const idsOf = (s: ScopeSubject) =>
  s.vulnerability === undefined
    ? undefined
    : subjectIds(s.vulnerability.id, s.vulnerability.aliases, ALIASES);

describe('scope explainer', () => {
  it('agrees with matchScope on every subject, caches reused', () => {
    fc.assert(
      fc.property(scopeArb, fc.array(subjectArb, { minLength: 1, maxLength: 12 }), (scope, raw) => {
        const compiled = compileScope(scope);
        const x = scopeExplainer(compiled);
        // Each subject twice: the second answer comes from the caches.
        for (const subject of [...raw, ...raw].map(clean)) {
          const ids = idsOf(subject);
          const m = matchScope(scope, subject, { aliases: ALIASES });
          for (const limit of [1, 2, 99]) {
            expect(countExplainedFailures(x, subject, ids, limit)).toBe(
              countScopeFailures(compiled, subject, ids, limit),
            );
          }
          const first = m.dimensions.find((d) => d.outcome === 'not_matched');
          const f = firstScopeFailure(x, subject, ids);
          if (first === undefined) {
            expect(f).toBeUndefined();
            const hits = m.dimensions
              .filter((d) => d.outcome === 'matched')
              .map((d) => ({
                dimension: d.dimension,
                value: d.matched,
                ...(d.via === undefined ? {} : { via: d.via }),
              }));
            expect(scopeHits(x, subject, ids)).toEqual(hits);
          } else {
            expect(f).toEqual({ dimension: first.dimension, reason: first.reason });
            expect(() => scopeHits(x, subject, ids)).toThrow(RangeError);
          }
        }
      }),
      { seed: 4245, numRuns: 200 },
    );
  });
});
