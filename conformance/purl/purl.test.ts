/**
 * Runs every case of conformance/purl/*.json against @warrant/core.
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  matchComponent,
  parsePurl,
  parseVers,
  type PackageUrl,
  type VersionRange,
} from '@warrant/core';

interface Case {
  readonly name: string;
  readonly input: unknown;
  readonly expected?: Record<string, unknown>;
  readonly error?: string;
}
const load = (file: string): ReadonlyArray<Case> =>
  (JSON.parse(readFileSync(join(__dirname, file), 'utf8')) as { cases: Case[] }).cases;

const purl = (text: string): PackageUrl => {
  const r = parsePurl(text);
  if (E.isLeft(r)) throw new Error(`vector purl ${text} does not parse: ${r.left.message}`);
  return r.right;
};

describe('conformance/purl/parse.json', () => {
  for (const c of load('parse.json')) {
    it(c.name, () => {
      const r = parsePurl(c.input as string);
      if (c.error !== undefined) {
        expect(
          E.isLeft(r) ? r.left.code : `accepted as ${E.isRight(r) ? r.right.canonical : ''}`,
        ).toBe(c.error);
        return;
      }
      if (E.isLeft(r)) throw new Error(r.left.message);
      const p = r.right;
      const actual: Record<string, unknown> = {
        canonical: p.canonical,
        type: p.type,
        namespace: p.namespace,
        name: p.name,
        version: p.version,
        qualifiers: { ...p.qualifiers },
        subpath: p.subpath,
      };
      for (const key of Object.keys(c.expected ?? {}))
        expect(actual[key], key).toEqual(c.expected?.[key]);
      // canonical text is a fixed point
      expect(E.map((q: PackageUrl) => q.canonical)(parsePurl(p.canonical))).toEqual(
        E.right(p.canonical),
      );
    });
  }
});

describe('conformance/purl/match.json', () => {
  for (const c of load('match.json')) {
    it(c.name, () => {
      const input = c.input as { pattern: string; candidate: string; range?: string };
      let range: VersionRange | undefined;
      if (input.range !== undefined) {
        const r = parseVers(input.range);
        if (E.isLeft(r)) throw new Error(r.left.message);
        range = r.right;
      }
      const result = matchComponent(purl(input.pattern), range, purl(input.candidate));
      if (c.error !== undefined) {
        expect(E.isLeft(result) ? result.left.code : 'no error').toBe(c.error);
        return;
      }
      if (E.isLeft(result)) throw new Error(result.left.message);
      const m = result.right;
      expect({
        matched: m.matched,
        parts: m.parts.map((p) => [p.key === undefined ? p.part : `qualifier:${p.key}`, p.outcome]),
      }).toEqual(c.expected);
      for (const p of m.parts) expect(p.reason.length).toBeGreaterThan(0);
    });
  }
});
