// Runs every case of conformance/scope-match/cases.json against @warrant/core's matchScope.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { aliasMapFrom, decodeWith, matchScope, parsePurl, Scope } from '@warrant/core';

interface Case {
  name: string;
  input: {
    scope: unknown;
    subject: {
      vulnerability?: { id: string; aliases: string[] };
      purl?: string;
      artifact?: string;
      policy_rule?: string;
      environment: Record<string, string>;
    };
    aliases: Array<{ id: string; aliases: string[] }>;
  };
  expected: { matched: boolean; failed: string[]; near_miss: boolean; dimensions: unknown[] };
}

const doc = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'cases.json'), 'utf8'),
) as { cases: Case[] };

describe('conformance/scope-match', () => {
  it('has cases', () => expect(doc.cases.length).toBeGreaterThan(50));
  for (const c of doc.cases) {
    it(c.name, () => {
      const scope = decodeWith(Scope, c.input.scope, 'CORE_EXCEPTION_INVALID', 'scope');
      if (E.isLeft(scope)) throw new Error(scope.left.message);
      const s = c.input.subject;
      const purl = s.purl === undefined ? undefined : parsePurl(s.purl);
      if (purl !== undefined && E.isLeft(purl)) throw new Error(purl.left.message);
      const m = matchScope(
        scope.right,
        {
          environment: s.environment,
          ...(s.vulnerability === undefined ? {} : { vulnerability: s.vulnerability }),
          ...(purl === undefined ? {} : { purl: purl.right }),
          ...(s.artifact === undefined ? {} : { artifact: s.artifact }),
          ...(s.policy_rule === undefined ? {} : { policyRule: s.policy_rule }),
        },
        { aliases: aliasMapFrom(c.input.aliases) },
      );
      expect({
        matched: m.matched,
        failed: m.failed,
        near_miss: m.near_miss,
        dimensions: m.dimensions.map((d) => [
          d.dimension,
          d.outcome,
          d.matched ?? null,
          d.via ?? null,
        ]),
      }).toEqual(c.expected);
    });
  }
});
