/**
 * Laws of deciding one subject against the candidate index: the numbered test of the
 * vulnerabilities and artifacts dimensions (decide.ts) gives exactly the full matches, applied
 * exception and near misses of testing every candidate against its scope with
 * `countExplainedFailures` and `firstScopeFailure`, for scopes with one or several values,
 * subjects with aliases, without artifact or vulnerability, and unknown_state exceptions.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  aliasMapFrom,
  compareCodeUnits,
  compileScope,
  countExplainedFailures,
  firstScopeFailure,
  parsePurl,
  purlMatchKey,
  scopeExplainer,
  subjectIds,
  type PackageUrl,
  type Scope,
  type ScopeSubject,
} from '@warrant/core';
import {
  buildCandidateIndex,
  candidatesOf,
  FINDING_TYPES,
} from '../../src/evaluate/candidate-index';
import { decideExceptions, scratchFor } from '../../src/evaluate/decide';
import type { ExceptionEntry } from '../../src/evaluate/exceptions';

const purl = (text: string): PackageUrl => {
  const r = parsePurl(text);
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};
const D = (c: string) => `sha256:${c.repeat(64)}`;
const VULNS = ['CVE-2024-0001', 'CVE-2024-0002', 'GHSA-2222-3333-4444', 'GO-2024-1'];
const ARTS = [D('a'), D('b'), D('c')];
const PURLS = ['pkg:npm/a@1.0.0', 'pkg:npm/a@2.0.0', 'pkg:npm/b@1.0.0', 'pkg:pypi/c@1.0'];
const PATTERNS = [
  { purl: 'pkg:npm/a' },
  { purl: 'pkg:npm/a@1.0.0' },
  { purl: 'pkg:npm/a', range: 'vers:npm/>=1.5.0' },
  { purl: 'pkg:npm/b' },
  { purl: 'pkg:pypi/c@1.0.0' },
];
const ALIASES = aliasMapFrom([{ id: 'CVE-2024-0002', aliases: ['GHSA-2222-3333-4444'] }]);
const TYPES = ['vulnerability', 'component', 'unknown_state'] as const;

const subset = <T>(xs: ReadonlyArray<T>, minLength = 1) => fc.subarray([...xs], { minLength });

// Scopes: the type's primary dimension present (as decoding requires), the others optional;
// sets of one value (the numbered path) and of several (the scope path).
const entryArb = fc
  .record({
    type: fc.constantFrom(...TYPES),
    vulnerabilities: fc.option(subset(VULNS), { nil: undefined }),
    components: fc.option(subset(PATTERNS), { nil: undefined }),
    artifacts: fc.option(subset(ARTS), { nil: undefined }),
    envs: fc.option(subset(['prod', 'pr*']), { nil: undefined }),
    active: fc.boolean(),
  })
  .map((x) => {
    const scope: Record<string, unknown> = {};
    if (x.type === 'vulnerability') scope.vulnerabilities = x.vulnerabilities ?? [VULNS[0]];
    else if (x.vulnerabilities !== undefined) scope.vulnerabilities = x.vulnerabilities;
    if (x.type === 'component') scope.components = x.components ?? [PATTERNS[0]];
    else if (x.components !== undefined) scope.components = x.components;
    if (x.type === 'unknown_state' && x.artifacts === undefined && x.components === undefined) {
      scope.artifacts = [{ digest: ARTS[0] }];
    }
    if (x.artifacts !== undefined) scope.artifacts = x.artifacts.map((digest) => ({ digest }));
    if (x.envs !== undefined) scope.environment = { envs: x.envs };
    return { type: x.type, scope: scope as Scope, active: x.active };
  });

const subjectArb = fc.record({
  id: fc.option(fc.constantFrom(...VULNS), { nil: undefined }),
  aliases: subset(VULNS, 0),
  purl: fc.option(fc.constantFrom(...PURLS), { nil: undefined }),
  artifact: fc.option(fc.constantFrom(...ARTS, D('d')), { nil: undefined }),
  env: fc.constantFrom('prod', 'dev'),
  unknown: fc.boolean(),
});

const entriesOf = (xs: ReadonlyArray<{ type: string; scope: Scope; active: boolean }>) =>
  xs.map(
    (x, rank) =>
      ({
        exception_id: `exc-${String(100 + ((rank * 7) % 13))}-${rank}`,
        current: { type: x.type, scope: x.scope, version: 1 },
        status: x.active ? 'active' : 'expired',
        compiled: compileScope(x.scope),
        rank,
        input: rank,
      }) as unknown as ExceptionEntry,
  );

describe('decideExceptions', () => {
  it('agrees with testing every candidate against its scope', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 12 }),
        fc.array(subjectArb, { minLength: 1, maxLength: 6 }),
        (xs, subjects) => {
          const index = buildCandidateIndex(entriesOf(xs), FINDING_TYPES);
          const scratch = scratchFor(index);
          for (const s of subjects) {
            const ids = s.id === undefined ? undefined : subjectIds(s.id, s.aliases, ALIASES);
            const p = s.purl === undefined ? undefined : purl(s.purl);
            const subject: ScopeSubject = {
              ...(s.id === undefined ? {} : { vulnerability: { id: s.id, aliases: s.aliases } }),
              ...(p === undefined ? {} : { purl: p }),
              ...(s.artifact === undefined ? {} : { artifact: s.artifact }),
              environment: { env: s.env },
            };
            const keys = {
              ...(ids === undefined ? {} : { ids }),
              ...(p === undefined ? {} : { purlKey: purlMatchKey(p) }),
              ...(s.artifact === undefined ? {} : { artifact: s.artifact }),
            };
            const d = decideExceptions(index, scratch, subject, keys, s.unknown);
            // The reference: every candidate against its scope.
            const full: number[] = [];
            const near: Array<{ exception_id: string; dimension: string; reason: string }> = [];
            for (const c of [
              ...candidatesOf(index, keys, new Int32Array(index.entries.length), 1),
            ]) {
              if (!s.unknown && index.unknownState[c] === 1) continue;
              const e = index.entries[c] as ExceptionEntry;
              const x = scopeExplainer(e.compiled);
              const n = countExplainedFailures(x, subject, ids, 2);
              if (n === 0) full.push(c);
              if (n === 1) {
                const f = firstScopeFailure(x, subject, ids);
                near.push({
                  exception_id: e.exception_id,
                  dimension: f!.dimension,
                  reason: f!.reason,
                });
              }
            }
            near.sort((a, b) => compareCodeUnits(a.exception_id, b.exception_id));
            const applied = full.find((c) => index.entries[c]?.status === 'active');
            expect([...d.full]).toEqual(full);
            expect(d.applied).toBe(applied);
            expect(
              d.nearMisses.map((m) => ({
                exception_id: m.exception_id,
                dimension: m.dimension,
                reason: m.reason,
              })),
            ).toEqual(near);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
