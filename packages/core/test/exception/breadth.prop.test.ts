import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  analyzeBreadth,
  compareBreadth,
  decodeProposal,
  ENVIRONMENT_DIMENSIONS,
  type Scope,
} from '@warrant/core';
import { arbProposalJson } from './arbitraries';

const removals = (scope: Scope): ReadonlyArray<[string, Scope]> => {
  const out: Array<[string, Scope]> = [];
  for (const k of Object.keys(scope) as Array<keyof Scope>) {
    const { [k]: _gone, ...rest } = scope;
    out.push([k, rest]);
  }
  const env = scope.environment;
  if (env !== undefined) {
    for (const d of ENVIRONMENT_DIMENSIONS) {
      if (env[d] === undefined) continue;
      const { [d]: _gone, ...rest } = env;
      const { environment: _env, ...withoutEnv } = scope;
      out.push([
        `environment.${d}`,
        Object.keys(rest).length === 0 ? withoutEnv : { ...scope, environment: rest },
      ]);
    }
  }
  return out;
};

describe('breadth laws', () => {
  it('removing any scope dimension never makes the class or score narrower', () => {
    fc.assert(
      fc.property(arbProposalJson, (json) => {
        const p = decodeProposal(json);
        if (E.isLeft(p)) throw new Error(p.left.message);
        const before = analyzeBreadth(p.right.type, p.right.scope);
        for (const [, narrower] of removals(p.right.scope)) {
          const after = analyzeBreadth(p.right.type, JSON.parse(JSON.stringify(narrower)) as Scope);
          expect(compareBreadth(after.breadth, before.breadth)).toBeGreaterThanOrEqual(0);
          expect(after.score).toBeGreaterThanOrEqual(before.score);
        }
      }),
      { seed: 5, numRuns: 400 },
    );
  });

  it('the score is the sum of the levels and fixes the class', () => {
    fc.assert(
      fc.property(arbProposalJson, (json) => {
        const p = decodeProposal(json);
        if (E.isLeft(p)) throw new Error(p.left.message);
        const a = analyzeBreadth(p.right.type, p.right.scope);
        const sum = a.levels.artifacts + a.levels.environment + (a.levels.components ?? 0);
        expect(a.score).toBe(sum);
        expect(a.breadth).toBe(sum === 0 ? 'narrow' : sum <= 2 ? 'moderate' : 'broad');
        if (sum > 0) expect(a.reasons.length).toBeGreaterThan(0);
      }),
      { seed: 6, numRuns: 300 },
    );
  });
});
