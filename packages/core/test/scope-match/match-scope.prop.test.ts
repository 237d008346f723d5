/**
 * Laws of scope matching: the fast failure count agrees with the explanation; the order of a
 * scope's sets does not change the verdict; removing a dimension never turns a match into a
 * miss; a scope built from the subject's own values always matches.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compileScope,
  countScopeFailures,
  matchScope,
  subjectIds,
  type Scope,
} from '@warrant/core';
import { ALIASES, clean, scopeArb, subjectArb } from './arbitraries';

describe('scope matching laws', () => {
  it('countScopeFailures agrees with the explanation', () => {
    fc.assert(
      fc.property(scopeArb, subjectArb, (scope, raw) => {
        const subject = clean(raw);
        const m = matchScope(scope, subject, { aliases: ALIASES });
        const v = subject.vulnerability;
        const ids = v === undefined ? undefined : subjectIds(v.id, v.aliases, ALIASES);
        const compiled = compileScope(scope);
        expect(countScopeFailures(compiled, subject, ids, 99)).toBe(m.failed.length);
        expect(m.matched).toBe(m.failed.length === 0);
        expect(m.near_miss).toBe(m.failed.length === 1);
        for (const d of m.dimensions) {
          expect(d.outcome === 'not_constrained').toBe(!compiled.constrained.includes(d.dimension));
        }
      }),
      { seed: 4242, numRuns: 400 },
    );
  });

  it('the order of scope sets does not change the verdict', () => {
    fc.assert(
      fc.property(scopeArb, subjectArb, (scope, raw) => {
        const subject = clean(raw);
        const rev = { ...scope } as Record<string, unknown>;
        for (const k of ['vulnerabilities', 'components', 'artifacts', 'policy_rules']) {
          const v = rev[k] as unknown[] | undefined;
          if (v !== undefined) rev[k] = [...v].reverse();
        }
        const a = matchScope(scope, subject, { aliases: ALIASES });
        const b = matchScope(rev as Scope, subject, { aliases: ALIASES });
        expect(b.failed).toEqual(a.failed);
        expect(b.dimensions.map((d) => [d.outcome, d.matched ?? null])).toEqual(
          a.dimensions.map((d) => [d.outcome, d.matched ?? null]),
        );
      }),
      { seed: 4243, numRuns: 300 },
    );
  });

  it('removing a dimension never turns a match into a miss', () => {
    fc.assert(
      fc.property(scopeArb, subjectArb, fc.nat(4), (scope, raw, k) => {
        const subject = clean(raw);
        const keys = Object.keys(scope);
        if (keys.length < 2) return;
        const smaller = { ...scope } as Record<string, unknown>;
        delete smaller[keys[k % keys.length] as string];
        const before = matchScope(scope, subject, { aliases: ALIASES });
        const after = matchScope(smaller as Scope, subject, { aliases: ALIASES });
        expect(after.failed.length).toBeLessThanOrEqual(before.failed.length);
      }),
      { seed: 4244, numRuns: 300 },
    );
  });
});
