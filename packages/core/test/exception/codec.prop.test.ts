import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { canonicalize, decodeProposal, ExceptionProposal, proposalDigest } from '@warrant/core';
import { arbProposalJson, permuteArrays } from './arbitraries';

const decodeOrThrow = (json: unknown) => {
  const r = decodeProposal(json);
  if (E.isLeft(r)) throw new Error(`${r.left.message}\n${JSON.stringify(json)}`);
  return r.right;
};

describe('ExceptionProposal laws', () => {
  it('decode . encode is the identity on decoded values', () => {
    fc.assert(
      fc.property(arbProposalJson, (json) => {
        const p = decodeOrThrow(json);
        expect(decodeOrThrow(ExceptionProposal.encode(p))).toEqual(p);
      }),
      { seed: 1, numRuns: 300 },
    );
  });

  it('canonical bytes and the content digest ignore the order of set elements', () => {
    fc.assert(
      fc.property(arbProposalJson, fc.nat(5), (json, shift) => {
        const a = decodeOrThrow(json);
        const b = decodeOrThrow(permuteArrays(json, shift));
        expect(canonicalize(ExceptionProposal.encode(b))).toEqual(
          canonicalize(ExceptionProposal.encode(a)),
        );
        expect(proposalDigest(b)).toBe(proposalDigest(a));
      }),
      { seed: 2, numRuns: 300 },
    );
  });

  it('never throws on arbitrary JSON and returns typed issues with paths', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = decodeProposal(v);
        if (E.isLeft(r)) {
          expect(r.left.code).toBe('CORE_EXCEPTION_INVALID');
          expect(r.left.issues.length).toBeGreaterThan(0);
          for (const i of r.left.issues) expect(i.path.startsWith('$')).toBe(true);
        }
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it('refuses any single corrupted member of a valid proposal, naming that member', () => {
    fc.assert(
      fc.property(
        arbProposalJson,
        fc.constantFrom('owner', 'risk_score', 'expires_at', 'reason_code', 'type'),
        (json, key) => {
          const r = decodeProposal({ ...json, [key]: 42.5 });
          expect(E.isLeft(r) && r.left.issues.some((i) => i.path === `$.${key}`)).toBe(true);
        },
      ),
      { seed: 4, numRuns: 200 },
    );
  });
});
