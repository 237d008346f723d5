// The direct writer of a proposal's canonical JSON against the generic canonicalizer: the same
// text for every decoded proposal, and for hostile typed values either the same text or a refusal
// (the caller then takes the generic path).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalize,
  decodeProposal,
  digestCanonical,
  ExceptionProposal,
  proposalDigest,
} from '@warrant/core';
import { writeCanonicalProposal } from '../../src/exception/proposal-canonical';
import { arbProposalJson } from './arbitraries';

const decoded = arbProposalJson.map((json) => {
  const p = decodeProposal(json);
  if (E.isLeft(p)) throw new Error(p.left.message);
  return p.right;
});

const reference = (p: unknown): E.Either<unknown, string> => {
  try {
    return canonicalize(ExceptionProposal.encode(p as ExceptionProposal));
  } catch (e) {
    return E.left(e);
  }
};

const HOSTILE: ReadonlyArray<unknown> = [
  undefined,
  null,
  1.5,
  -0,
  2 ** 60,
  Number.NaN,
  'x\ud800',
  '\udc00x',
  '\ud83d\ude00',
  'a"b\\c\u0001\u2028',
  [],
  {},
  ['b', 'a'],
  [undefined],
  true,
  { extra: 1 },
];

const setAt = (v: unknown, path: ReadonlyArray<string | number>, x: unknown): unknown => {
  if (path.length === 0) return x;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  if (Array.isArray(v)) return v.map((y, i) => (i === head ? setAt(y, rest, x) : y));
  if (typeof v === 'object' && v !== null) {
    return { ...(v as object), [head]: setAt((v as Record<string, unknown>)[head], rest, x) };
  }
  return v;
};

const leafPaths = (v: unknown, at: Array<string | number> = []): Array<Array<string | number>> => {
  const out: Array<Array<string | number>> = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...leafPaths(x, [...at, i])));
  else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) out.push(...leafPaths(x, [...at, k]));
  }
  return out;
};

describe('canonical proposal writer (laws)', () => {
  it('writes exactly what the canonicalizer writes for every decoded proposal', () => {
    fc.assert(
      fc.property(decoded, (p) => {
        const ref = reference(p);
        expect(E.isRight(ref)).toBe(true);
        expect(writeCanonicalProposal(p)).toBe(E.isRight(ref) ? ref.right : undefined);
        expect(proposalDigest(p)).toBe(
          E.getOrElse(() => '')(digestCanonical(ExceptionProposal.encode(p))),
        );
      }),
      { seed: 51, numRuns: 500 },
    );
  });

  it('on hostile values (one member replaced or added) writes the same text or refuses', () => {
    fc.assert(
      fc.property(
        decoded,
        fc.nat(),
        fc.nat(HOSTILE.length - 1),
        fc.boolean(),
        (p, where, what, add) => {
          const paths = leafPaths(p);
          const path = paths[where % paths.length] as Array<string | number>;
          const target = add ? [...path, 'zz_extra'] : path;
          const v = setAt(p, target, HOSTILE[what]);
          const written = writeCanonicalProposal(v);
          if (written === undefined) return;
          const ref = reference(v);
          expect(E.isRight(ref) ? ref.right : ref).toBe(written);
        },
      ),
      { seed: 52, numRuns: 3000 },
    );
  });
});
