import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  appliesInEnvironment,
  decodeExceptionFilter,
  envValueMatches,
  exceptionStateAt,
  foldExceptionEvents,
  isActiveForArtifacts,
  isExpiringWithin,
  isStale,
  matchesExceptionFilter,
  type ExceptionFilter,
  type ExceptionState,
  type Timestamp,
} from '@warrant/core';
import { approved, proposed } from './events';
import { DIGEST_A, DIGEST_B, proposal } from './fixtures';

const stateAt = (at: string): ExceptionState => {
  const p = proposal();
  const r = foldExceptionEvents([
    proposed('2026-01-05T00:00:00Z', 'alice', 'exc-1', p),
    approved('2026-01-06T00:00:00Z', 'bob', 'exc-1', 1, p, true),
  ]);
  if (E.isLeft(r)) throw new Error(r.left.message);
  const s = exceptionStateAt(r.right, at as Timestamp);
  if (s === undefined) throw new Error('no state');
  return s;
};
const filter = (f: unknown): ExceptionFilter => {
  const r = decodeExceptionFilter(f);
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};

describe('query predicates', () => {
  it('finds the exception active for the release artifacts only while active', () => {
    expect(isActiveForArtifacts(stateAt('2026-02-01T00:00:00Z'), [DIGEST_A])).toBe(true);
    expect(isActiveForArtifacts(stateAt('2026-02-01T00:00:00Z'), [DIGEST_B])).toBe(false);
    expect(isActiveForArtifacts(stateAt('2026-01-05T12:00:00Z'), [DIGEST_A])).toBe(false);
    expect(isActiveForArtifacts(stateAt('2026-04-01T00:00:00Z'), [DIGEST_A])).toBe(false);
  });

  it('filters by owner, reason, status, type, breadth, environment and expiry window', () => {
    const s = stateAt('2026-02-01T00:00:00Z');
    expect(matchesExceptionFilter(s, filter({}))).toBe(true);
    expect(
      matchesExceptionFilter(
        s,
        filter({ owners: ['team-payments'], statuses: ['active'], types: ['vulnerability'] }),
      ),
    ).toBe(true);
    expect(matchesExceptionFilter(s, filter({ owners: ['someone-else'] }))).toBe(false);
    expect(
      matchesExceptionFilter(s, filter({ reason_codes: ['RISK_ACCEPTED', 'NOT_AFFECTED'] })),
    ).toBe(true);
    expect(matchesExceptionFilter(s, filter({ breadths: ['narrow'] }))).toBe(true);
    expect(matchesExceptionFilter(s, filter({ breadths: ['broad'] }))).toBe(false);
    expect(matchesExceptionFilter(s, filter({ envs: ['dev', 'prod'] }))).toBe(true);
    expect(matchesExceptionFilter(s, filter({ envs: ['dev'] }))).toBe(false);
    expect(
      matchesExceptionFilter(
        s,
        filter({ expires_from: '2026-04-01T00:00:00Z', expires_before: '2026-04-02T00:00:00Z' }),
      ),
    ).toBe(true);
    expect(matchesExceptionFilter(s, filter({ expires_before: '2026-04-01T00:00:00Z' }))).toBe(
      false,
    );
    expect(matchesExceptionFilter(s, filter({ artifacts: [DIGEST_B] }))).toBe(false);
  });

  it('refuses malformed filters with paths', () => {
    const r = decodeExceptionFilter({ statuses: ['alive'], envs: [] });
    expect(E.isLeft(r) && r.left.issues.map((i) => i.path)).toEqual(['$.statuses[0]', '$.envs']);
  });

  it('reports expiry within N days, counted from as_of', () => {
    expect(isExpiringWithin(stateAt('2026-03-18T00:00:00Z'), 14)).toBe(true);
    expect(isExpiringWithin(stateAt('2026-03-17T23:59:59Z'), 14)).toBe(false);
    expect(isExpiringWithin(stateAt('2026-04-01T00:00:00Z'), 14)).toBe(false);
  });

  it('counts the window by instants, also past year 9999 (no RangeError)', () => {
    // Before: as_of + N days was formatted as a timestamp, which threw beyond 9999-12-31.
    expect(isExpiringWithin(stateAt('2026-03-18T00:00:00Z'), 3_000_000)).toBe(true);
    expect(isExpiringWithin(stateAt('2026-03-18T00:00:00Z'), 0)).toBe(false);
    expect(isExpiringWithin(stateAt('2026-03-18T00:00:00Z'), 14.5)).toBe(true);
  });

  it('reports stale active exceptions given the host predicate', () => {
    expect(isStale(stateAt('2026-02-01T00:00:00Z'), () => false)).toBe(true);
    expect(isStale(stateAt('2026-02-01T00:00:00Z'), () => true)).toBe(false);
    expect(isStale(stateAt('2026-05-01T00:00:00Z'), () => false)).toBe(false);
  });

  it('an unconstrained environment applies everywhere', () => {
    expect(appliesInEnvironment({ vulnerabilities: ['CVE-2024-0001'] }, 'prod')).toBe(true);
    expect(appliesInEnvironment({ environment: { envs: ['prod-*'] } }, 'prod-eu')).toBe(true);
    expect(appliesInEnvironment({ environment: { namespaces: ['x'] } }, 'dev')).toBe(true);
  });
});

describe('envValueMatches', () => {
  const toRegex = (p: string) =>
    new RegExp(
      `^${p
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\-]/g, '\\$&'))
        .join('.*')}$`,
      's',
    );
  it('agrees with a regular expression where * is .*', () => {
    const arbPart = fc.string({ unit: fc.constantFrom('a', 'b', '*'), maxLength: 6 });
    fc.assert(
      fc.property(arbPart, fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 6 }), (p, n) => {
        expect(envValueMatches(p, n)).toBe(toRegex(p).test(n));
      }),
      { seed: 31, numRuns: 2000 },
    );
  });
});
