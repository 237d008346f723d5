// Runs every case of conformance/policy-eval/cases.json against @warrant/policy's evaluate:
// decode the input, evaluate, compare the verdict digest, decisions and the whole verdict.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { decodeEvaluationInput, evaluate, verdictDigest } from '@warrant/policy';

interface Case {
  name: string;
  input: unknown;
  expected?: {
    verdict_digest: string;
    outcome: string;
    decisions: Record<string, unknown>;
    verdict: unknown;
  };
  error?: string;
}

const doc = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'cases.json'), 'utf8'),
) as { cases: Case[] };

describe('conformance/policy-eval', () => {
  it('has cases', () => expect(doc.cases.length).toBeGreaterThan(25));
  for (const c of doc.cases) {
    it(c.name, () => {
      const input = decodeEvaluationInput(c.input);
      const v = E.isLeft(input) ? input : evaluate(input.right);
      if (c.error !== undefined) {
        expect(E.isLeft(v) && v.left.code).toBe(c.error);
        return;
      }
      if (E.isLeft(v)) throw new Error(JSON.stringify(v.left));
      expect(JSON.parse(JSON.stringify(v.right))).toEqual(c.expected?.verdict);
      expect(verdictDigest(v.right)).toBe(c.expected?.verdict_digest);
      expect(v.right.outcome).toBe(c.expected?.outcome);
    });
  }
});
