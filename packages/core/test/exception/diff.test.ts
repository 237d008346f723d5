import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  diffExceptions,
  diffJson,
  exceptionStateAt,
  foldExceptionEvents,
  type ExceptionProposal,
  type JsonValue,
  type Timestamp,
} from '@warrant/core';
import { approved, proposed, revised } from './events';
import { proposal } from './fixtures';

describe('diffExceptions', () => {
  it('lists what a renewal changed, field by field, with set elements added and removed', () => {
    const p1 = proposal();
    const p2 = {
      ...p1,
      rationale: 'Vendor fix slipped to Q2.',
      expires_at: '2026-06-01T00:00:00Z',
      scope: {
        ...p1.scope,
        vulnerabilities: ['CVE-2021-23337', 'CVE-2022-0001'],
        environment: { envs: ['prod', 'staging'] },
      },
    } as unknown as ExceptionProposal;
    const r = foldExceptionEvents([
      proposed('2026-01-05T00:00:00Z', 'alice', 'exc-1', p1),
      approved('2026-01-06T00:00:00Z', 'bob', 'exc-1', 1, p1, true),
      revised('renewed', '2026-03-20T00:00:00Z', 'alice', 'exc-1', 2, 1, p2),
    ]);
    if (E.isLeft(r)) throw new Error(r.left.message);
    const s = exceptionStateAt(r.right, '2026-03-21T00:00:00Z' as Timestamp);
    const [v1, v2] = s?.versions ?? [];
    if (v1 === undefined || v2 === undefined) throw new Error('two versions expected');
    const changes = diffExceptions(v1, v2).filter(
      (c) =>
        ![
          '$.content_digest',
          '$.created_at',
          '$.updated_at',
          '$.status',
          '$.status_since',
        ].includes(c.path),
    );
    expect(changes).toEqual([
      { path: '$.approved_at', kind: 'removed', before: '2026-01-06T00:00:00Z' },
      {
        path: '$.approvers',
        kind: 'removed',
        before: [{ at: '2026-01-06T00:00:00Z', id: 'bob', role: 'approver' }],
      },
      {
        path: '$.expires_at',
        kind: 'changed',
        before: '2026-04-01T00:00:00Z',
        after: '2026-06-01T00:00:00Z',
      },
      { path: '$.origin', kind: 'changed', before: 'propose', after: 'renew' },
      { path: '$.previous_version', kind: 'added', after: 1 },
      {
        path: '$.rationale',
        kind: 'changed',
        before: p1.rationale,
        after: 'Vendor fix slipped to Q2.',
      },
      { path: '$.scope.environment.envs', kind: 'added', after: 'staging' },
      { path: '$.scope.vulnerabilities', kind: 'added', after: 'CVE-2022-0001' },
      { path: '$.version', kind: 'changed', before: 1, after: 2 },
    ]);
  });

  it('distinguishes a number from a string with the same text', () => {
    expect(diffJson({ a: 1 }, { a: '1' })).toEqual([
      { path: '$.a', kind: 'changed', before: 1, after: '1' },
    ]);
  });

  it('is empty exactly when the values are equal, and antisymmetric', () => {
    const arbJson = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>;
    fc.assert(
      fc.property(arbJson, arbJson, (a, b) => {
        expect(diffJson(a, a)).toEqual([]);
        const ab = diffJson(a, b);
        const flip = (k: string) =>
          k === 'added' ? 'removed' : k === 'removed' ? 'added' : 'changed';
        const ba = diffJson(b, a).map((c) => ({ path: c.path, kind: flip(c.kind) }));
        expect(ab.map((c) => ({ path: c.path, kind: c.kind }))).toEqual(ba);
      }),
      { seed: 21, numRuns: 300 },
    );
  });
});
