// Runs every case of conformance/exception/*.json against @warrant/core.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  analyzeBreadth,
  canonicalizeToBytes,
  decodeException,
  decodeExceptionFilter,
  decodeProposal,
  deriveExceptionId,
  diffExceptions,
  digestCanonical,
  Exception,
  ExceptionProposal,
  exceptionStateAt,
  foldExceptionEvents,
  foldExceptionLog,
  isActiveForArtifacts,
  isExpiringWithin,
  matchesExceptionFilter,
  proposalDigest,
  toHex,
  type Sha256Digest,
  type Timestamp,
} from '@warrant/core';

interface Case {
  readonly name: string;
  readonly input: unknown;
  readonly expected?: unknown;
  readonly error?: string;
}
const HERE = dirname(fileURLToPath(import.meta.url));
const load = (file: string): ReadonlyArray<Case> =>
  (JSON.parse(readFileSync(join(HERE, file), 'utf8')) as { cases: Case[] }).cases;

describe('conformance/exception/proposal-codec.json', () => {
  it.each(load('proposal-codec.json').map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const r = decodeProposal(c.input);
    if (c.error !== undefined) {
      expect(E.isLeft(r) && r.left.code).toBe(c.error);
      // The expected path is the last word of the name ("… at $.scope.artifacts").
      expect(E.isLeft(r) && c.name.endsWith(` at ${r.left.path}`)).toBe(true);
      return;
    }
    if (E.isLeft(r)) throw new Error(r.left.message);
    const bytes = canonicalizeToBytes(ExceptionProposal.encode(r.right));
    expect(
      E.isRight(bytes) && {
        canonical: toHex(bytes.right),
        content_digest: proposalDigest(r.right),
      },
    ).toEqual(c.expected);
  });
});

describe('conformance/exception/breadth.json', () => {
  it.each(load('breadth.json').map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const input = c.input as { type: string; scope: unknown };
    const r = decodeProposal({
      type: input.type,
      owner: 'o',
      scope: input.scope,
      reason_code: 'RISK_ACCEPTED',
      rationale: 'r',
      risk_acceptance: { accepted: false },
      risk_score: 0,
      expires_at: '2030-01-01T00:00:00Z',
    });
    if (E.isLeft(r)) throw new Error(r.left.message);
    const a = analyzeBreadth(r.right.type, r.right.scope);
    expect({
      breadth: a.breadth,
      score: a.score,
      levels: a.levels,
      reasons: a.reasons.map((x) => ({ code: x.code, path: x.path })),
    }).toEqual(c.expected);
  });
});

describe('conformance/exception/fold.json', () => {
  it.each(load('fold.json').map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const input = c.input as { events: unknown[]; at: string[] };
    const r = foldExceptionEvents(input.events);
    if (c.error !== undefined) {
      expect(E.isLeft(r) && r.left.code).toBe(c.error);
      expect(E.isLeft(r) && c.name.endsWith(` at ${r.left.path}`)).toBe(true);
      return;
    }
    if (E.isLeft(r)) throw new Error(r.left.message);
    const got = input.at.map((t) => {
      const s = exceptionStateAt(r.right, t as Timestamp);
      if (s === undefined) return null;
      return {
        at: t,
        status: s.status,
        current_version: s.current.version,
        versions: s.versions.map((v) => ({
          version: v.version,
          status: v.status,
          status_since: v.status_since,
          snapshot_digest: E.getOrElse(() => '')(digestCanonical(Exception.encode(v))),
        })),
      };
    });
    expect(got).toEqual(c.expected);
  });
});

describe('conformance/exception/diff.json', () => {
  it.each(load('diff.json').map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const input = c.input as { older: unknown; newer: unknown };
    const [a, b] = [decodeException(input.older), decodeException(input.newer)];
    if (E.isLeft(a) || E.isLeft(b)) throw new Error('inputs must decode');
    expect(diffExceptions(a.right, b.right)).toEqual(c.expected);
  });
});

describe('conformance/exception/queries.json', () => {
  it.each(load('queries.json').map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const input = c.input as { exception: unknown; query: Record<string, unknown> };
    const e = decodeException(input.exception);
    if (E.isLeft(e)) throw new Error(e.left.message);
    const state = {
      exception_id: e.right.exception_id,
      as_of: e.right.as_of,
      status: e.right.status,
      current: e.right,
      versions: [e.right],
    };
    const q = input.query;
    if ('filter' in q) {
      const f = decodeExceptionFilter(q.filter);
      if (c.error !== undefined) {
        expect(E.isLeft(f) && f.left.code).toBe(c.error);
        expect(E.isLeft(f) && c.name.endsWith(` at ${f.left.path}`)).toBe(true);
        return;
      }
      if (E.isLeft(f)) throw new Error(f.left.message);
      expect(matchesExceptionFilter(state, f.right)).toBe(c.expected);
    } else if ('expiring_within_days' in q) {
      expect(isExpiringWithin(state, q.expiring_within_days as number)).toBe(c.expected);
    } else {
      expect(isActiveForArtifacts(state, q.active_for_artifacts as string[])).toBe(c.expected);
    }
  });
});

describe('conformance/exception/ids.json', () => {
  it.each(load('ids.json').map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const input = c.input as { content_digest: string; requester: string; at: string };
    const bytes = canonicalizeToBytes(input);
    expect({
      canonical: E.isRight(bytes) ? toHex(bytes.right) : '',
      exception_id: deriveExceptionId(
        input.content_digest as Sha256Digest,
        input.requester,
        input.at as Timestamp,
      ),
    }).toEqual(c.expected);
  });
});

describe('conformance/exception/log-fold.json', () => {
  it.each(load('log-fold.json').map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const input = c.input as { events: unknown[]; at: string };
    const r = foldExceptionLog(input.events);
    if (c.error !== undefined) {
      expect(E.isLeft(r) && r.left.code).toBe(c.error);
      expect(E.isLeft(r) && c.name.endsWith(` at ${r.left.path}`)).toBe(true);
      return;
    }
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(
      r.right.map((rec) => {
        const s = exceptionStateAt(rec, input.at as Timestamp);
        return {
          exception_id: rec.exception_id,
          status: s?.status ?? null,
          current_version: s?.current.version ?? null,
        };
      }),
    ).toEqual(c.expected);
  });
});
