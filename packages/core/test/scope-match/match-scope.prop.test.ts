/**
 * Laws of scope matching: the fast failure count agrees with the explanation; the order of a
 * scope's sets does not change the verdict; removing a dimension never turns a match into a
 * miss; a scope built from the subject's own values always matches.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  aliasMapFrom,
  compileScope,
  countScopeFailures,
  matchScope,
  parsePurl,
  subjectIds,
  type PackageUrl,
  type Scope,
  type ScopeSubject,
} from '@warrant/core';

const p = (text: string): PackageUrl => {
  const r = parsePurl(text);
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};
const D = (c: string) => `sha256:${c.repeat(64)}`;
const VULNS = ['CVE-2024-0001', 'CVE-2024-0002', 'GHSA-2222-3333-4444', 'GO-2024-1'];
const PURLS = ['pkg:npm/a@1.0.0', 'pkg:npm/a@2.0.0', 'pkg:npm/b@1.0.0', 'pkg:pypi/c@1.0'];
const PATTERNS = [
  { purl: 'pkg:npm/a' },
  { purl: 'pkg:npm/a@1.0.0' },
  { purl: 'pkg:npm/a', range: 'vers:npm/>=1.5.0' },
  { purl: 'pkg:npm/b' },
  { purl: 'pkg:pypi/c@1.0.0' },
];
const ALIASES = aliasMapFrom([{ id: 'CVE-2024-0002', aliases: ['GHSA-2222-3333-4444'] }]);

const subset = <T>(xs: ReadonlyArray<T>) =>
  fc.subarray([...xs], { minLength: 1 }).map((a) => a as T[]);

const scopeArb: fc.Arbitrary<Scope> = fc
  .record(
    {
      vulnerabilities: subset(VULNS),
      components: subset(PATTERNS),
      artifacts: subset([D('a'), D('b')]).map((ds) => ds.map((digest) => ({ digest }))),
      environment: fc.record(
        { envs: subset(['prod', 'pr*', 'dev']), clusters: subset(['eu-1', 'us-*']) },
        { requiredKeys: [] },
      ),
      policy_rules: subset(['unsigned-artifact', 'cross-boundary']),
    },
    { requiredKeys: [] },
  )
  .filter(
    (s) =>
      Object.keys(s).length > 0 &&
      (s.environment === undefined || Object.keys(s.environment).length > 0),
  ) as unknown as fc.Arbitrary<Scope>;

const subjectArb: fc.Arbitrary<ScopeSubject> = fc.record({
  vulnerability: fc.option(
    fc.record({ id: fc.constantFrom(...VULNS), aliases: fc.subarray(VULNS) }),
    { nil: undefined },
  ),
  purl: fc.option(fc.constantFrom(...PURLS).map(p), { nil: undefined }),
  artifact: fc.option(fc.constantFrom(D('a'), D('b'), D('c')), { nil: undefined }),
  policyRule: fc.option(fc.constantFrom('unsigned-artifact', 'other'), { nil: undefined }),
  environment: fc.record(
    { env: fc.constantFrom('prod', 'dev', 'pre'), cluster: fc.constantFrom('eu-1', 'us-2') },
    { requiredKeys: [] },
  ),
}) as fc.Arbitrary<ScopeSubject>;

const clean = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

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
