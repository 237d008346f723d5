// Runs every case of conformance/exception/*.json against @warrant/core.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  analyzeBreadth,
  canonicalizeToBytes,
  decodeProposal,
  ExceptionProposal,
  proposalDigest,
  toHex,
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
