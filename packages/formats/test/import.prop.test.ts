/**
 * Laws of importDocument: it never throws on any JSON (random values, mutated corpus files);
 * it returns either models the core codecs accept unchanged or an error with a known code;
 * its output does not depend on the order of the document's arrays; keys are recomputable.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import {
  Advisory,
  Component,
  Finding,
  VexStatement,
  findingKey,
  type Finding as FindingT,
} from '@warrant/core';
import { FORMAT_NAMES, importDocument, type ImportResult } from '@warrant/formats';
import { bareForm } from '../src/internal/purl';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureJson } from './helpers';

const FIXTURES = readdirSync(join(import.meta.dirname, 'fixtures'), {
  recursive: true,
  encoding: 'utf8',
})
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replaceAll('\\', '/'))
  .sort();

const KNOWN_CODE =
  /^(FORMATS_(UNKNOWN_FORMAT|UNSUPPORTED_VERSION|FORMAT_MISMATCH|INVALID_DOCUMENT)|CORE_JSON_[A-Z0-9_]+|CORE_CANONICAL_JSON_[A-Z_]+)$/;

const decodesUnchanged = <A>(codec: t.Type<A, unknown>, list: ReadonlyArray<A>): void => {
  for (const x of list) {
    const d = codec.decode(x);
    expect(E.isRight(d), JSON.stringify(x).slice(0, 300)).toBe(true);
    if (E.isRight(d)) expect(d.right).toEqual(x);
  }
};

const checkOutcome = (r: E.Either<{ code: string }, ImportResult>): void => {
  if (E.isLeft(r)) {
    expect(r.left.code).toMatch(KNOWN_CODE);
    return;
  }
  decodesUnchanged(Finding, r.right.findings);
  decodesUnchanged(Component, r.right.components);
  decodesUnchanged(VexStatement, r.right.vexStatements);
  decodesUnchanged(Advisory, r.right.knowledge);
};

// Replace, delete or duplicate one node picked by a random walk.
interface Mutation {
  readonly walk: ReadonlyArray<number>;
  readonly op: 'replace' | 'delete' | 'wrap';
  readonly value: unknown;
}
const mutation: fc.Arbitrary<Mutation> = fc.record({
  walk: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
  op: fc.constantFrom('replace', 'delete', 'wrap'),
  value: fc.jsonValue({ maxDepth: 2 }),
});
const mutate = (doc: unknown, m: Mutation): unknown => {
  const root = structuredClone(doc);
  let parent: Record<string, unknown> | unknown[] | undefined;
  let key: string | number | undefined;
  let node: unknown = root;
  for (const step of m.walk) {
    if (Array.isArray(node) && node.length > 0) {
      parent = node;
      key = step % node.length;
      node = node[key];
    } else if (node !== null && typeof node === 'object' && Object.keys(node).length > 0) {
      const keys = Object.keys(node);
      parent = node as Record<string, unknown>;
      key = keys[step % keys.length] as string;
      node = (node as Record<string, unknown>)[key];
    } else break;
  }
  if (parent === undefined || key === undefined) return m.value;
  const replacement = m.op === 'replace' ? m.value : m.op === 'wrap' ? [node] : undefined;
  if (Array.isArray(parent)) {
    if (replacement === undefined) parent.splice(key as number, 1);
    else parent[key as number] = replacement;
  } else if (replacement === undefined) delete parent[key as string];
  else parent[key as string] = replacement;
  return root;
};

// Arrays whose order carries meaning: SARIF rules/artifacts are referenced by index and the
// first location is the primary one; OSV events keep document order; a CSAF vulnerability
// without a cve takes its id from ids[0].
const ORDERED = new Set(['rules', 'artifacts', 'locations', 'events', 'ids']);
const shuffle = (v: unknown, rnd: () => number, key?: string): unknown => {
  if (Array.isArray(v)) {
    const items = v.map((x) => shuffle(x, rnd));
    if (key !== undefined && ORDERED.has(key)) return items;
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    const keys = Object.keys(v);
    if (rnd() < 0.5) keys.reverse();
    for (const k of keys) out[k] = shuffle((v as Record<string, unknown>)[k], rnd, k);
    return out;
  }
  return v;
};

const models = (r: ImportResult) => ({
  artifact: r.artifact,
  scanner: r.scanner,
  findings: r.findings,
  components: r.components,
  // The source digest of a parsed value is the digest of its canonical JSON, which changes
  // with array order; everything else must not.
  vexStatements: r.vexStatements.map((s) => ({ ...s, document: { ...s.document, digest: '-' } })),
  knowledge: r.knowledge,
});

const bareComponent = (f: FindingT) => {
  if (f.component.purl === undefined)
    return { name: f.component.name, version: f.component.version };
  return bareForm(f.component.purl);
};

describe('importDocument (properties)', () => {
  it('never throws on arbitrary JSON, with or without a forced format', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.option(fc.constantFrom(...FORMAT_NAMES), { nil: undefined }),
        (v, format) => {
          checkOutcome(importDocument(v, format === undefined ? {} : { format }));
        },
      ),
      { seed: 1, numRuns: 400 },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        checkOutcome(importDocument(bytes));
      }),
      { seed: 2, numRuns: 300 },
    );
  });

  for (const file of FIXTURES) {
    it(`never throws on mutations of ${file}`, () => {
      const doc = fixtureJson(file);
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
          const mutated = ms.reduce((d, m) => mutate(d, m), doc);
          checkOutcome(importDocument(mutated));
          checkOutcome(importDocument(new TextEncoder().encode(JSON.stringify(mutated))));
        }),
        {
          seed: 3,
          numRuns: file.includes('amazonlinux') || file.includes('secobserve-backend') ? 6 : 20,
        },
      );
    });

    it(`gives the same models for any order of the arrays of ${file}`, () => {
      const doc = fixtureJson(file);
      const base = importDocument(doc);
      if (E.isLeft(base)) throw new Error(base.left.message);
      fc.assert(
        fc.property(fc.integer(), (seed) => {
          let s = seed >>> 0;
          const rnd = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
          const r = importDocument(shuffle(doc, rnd));
          if (E.isLeft(r)) throw new Error(r.left.message);
          expect(models(r.right)).toEqual(models(base.right));
        }),
        {
          seed: 5,
          numRuns: file.includes('amazonlinux') || file.includes('secobserve-backend') ? 2 : 8,
        },
      );
    });
  }

  it('gives every finding a key recomputable from its own fields', () => {
    for (const file of FIXTURES) {
      const r = importDocument(fixtureJson(file));
      if (E.isLeft(r)) throw new Error(r.left.message);
      for (const f of r.right.findings) {
        expect(
          findingKey({
            artifactDigest: f.artifact.digest,
            vulnerabilityId: f.vulnerability.id,
            component: bareComponent(f),
          }),
        ).toBe(f.key);
      }
    }
  });
});
