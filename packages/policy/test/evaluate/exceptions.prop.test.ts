/**
 * Laws of the exceptions of an evaluation: each history's normal form (the input of the
 * exceptions digest) carries, for every version-creating event, exactly the canonical JSON of
 * the proposal's encoding, whatever order the input spelled its sets in.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { canonicalize, decodeProposal, ExceptionProposal } from '@warrant/core';
import { exceptionsAt } from '../../src/evaluate/exceptions';
import { arbProposalJson, permuteArrays } from '../../../core/test/exception/arbitraries';
import { history, NOW } from './fixtures';

describe('exceptionsAt', () => {
  it('normal form: the proposal of a history is its canonical encoding', () => {
    fc.assert(
      fc.property(arbProposalJson, fc.nat(5), (json, shift) => {
        const decoded = decodeProposal(json);
        if (E.isLeft(decoded)) throw new Error(decoded.left.message);
        const events = history('exc-1', decoded.right).map((e) =>
          JSON.parse(JSON.stringify(e)),
        ) as Array<{ payload: Record<string, unknown> }>;
        // The input spells the proposal with its sets in another order.
        (events[0] as { payload: Record<string, unknown> }).payload.proposal = permuteArrays(
          json,
          shift,
        );
        const r = exceptionsAt([events], NOW);
        fc.pre(E.isRight(r));
        if (E.isLeft(r)) return;
        const normal = r.right.histories[0]?.events[0] as { payload: { proposal: unknown } };
        expect(canonicalize(normal.payload.proposal)).toEqual(
          canonicalize(ExceptionProposal.encode(decoded.right)),
        );
      }),
      { seed: 4401, numRuns: 200 },
    );
  });
});
