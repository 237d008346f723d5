/**
 * Runs every case of conformance/vers/*.json against @warrant/core.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { compareVersions, parseVers, versContains, type VersionRange } from '@warrant/core';

interface Case {
  readonly name: string;
  readonly input: unknown;
  readonly expected?: unknown;
  readonly error?: string;
}
const files = readdirSync(__dirname).filter((f) => f.endsWith('.json'));

const range = (text: string): VersionRange => {
  const r = parseVers(text);
  if (E.isLeft(r)) throw new Error(`vector range ${text} does not parse: ${r.left.message}`);
  return r.right;
};

const runCase = (c: Case): void => {
  const input = c.input as Record<string, unknown> | string;
  if (typeof input === 'string') {
    const r = parseVers(input);
    if (c.error !== undefined) {
      expect(E.isLeft(r) ? r.left.code : `accepted as ${E.isRight(r) ? r.right.text : ''}`).toBe(
        c.error,
      );
      return;
    }
    if (E.isLeft(r)) throw new Error(r.left.message);
    const actual: Record<string, unknown> = {
      scheme: r.right.scheme,
      star: r.right.star,
      constraints: r.right.constraints.map((x) => [x.comparator, x.version]),
      canonical: r.right.text,
    };
    const expected = c.expected as Record<string, unknown>;
    for (const key of Object.keys(expected)) expect(actual[key], key).toEqual(expected[key]);
    expect(E.map((x: VersionRange) => x.text)(parseVers(r.right.text))).toEqual(
      E.right(r.right.text),
    );
    return;
  }
  if ('vers' in input) {
    const rr = parseVers(input['vers'] as string);
    if (E.isLeft(rr)) {
      expect(rr.left.code).toBe(c.error);
      return;
    }
    const r = versContains(rr.right, input['version'] as string);
    if (c.error !== undefined) {
      expect(E.isLeft(r) ? r.left.code : 'no error').toBe(c.error);
      return;
    }
    if (E.isLeft(r)) throw new Error(r.left.message);
    const expected = c.expected as Record<string, unknown>;
    expect(r.right.contained).toBe(expected['contained']);
    if (expected['rule'] !== undefined) expect(r.right.rule).toBe(expected['rule']);
    expect(r.right.reason).toContain(input['version'] as string);
    return;
  }
  const scheme = input['scheme'] as string;
  if ('versions' in input) {
    const vs = input['versions'] as string[];
    for (let i = 0; i < vs.length; i++) {
      for (let j = 0; j < vs.length; j++) {
        const want = i < j ? -1 : i > j ? 1 : 0;
        expect(
          compareVersions(scheme, vs[i] as string, vs[j] as string),
          `${vs[i]} vs ${vs[j]}`,
        ).toEqual(E.right(want));
      }
    }
    return;
  }
  if ('version' in input) {
    const r = compareVersions(scheme, input['version'] as string, input['version'] as string);
    expect(E.isLeft(r) ? r.left.code : 'accepted').toBe(c.error);
    return;
  }
  const a = input['a'] as string;
  const b = input['b'] as string;
  const ab = compareVersions(scheme, a, b);
  const ba = compareVersions(scheme, b, a);
  if (E.isLeft(ab) || E.isLeft(ba))
    throw new Error(E.isLeft(ab) ? ab.left.message : E.isLeft(ba) ? ba.left.message : '');
  if (c.expected === 'unequal') {
    expect(ab.right).not.toBe(0);
  } else {
    expect(ab.right).toBe(c.expected);
  }
  expect(ba.right).toBe(ab.right === 0 ? 0 : -ab.right);
};

for (const file of files) {
  describe(`conformance/vers/${file}`, () => {
    const doc = JSON.parse(readFileSync(join(__dirname, file), 'utf8')) as { cases: Case[] };
    for (const c of doc.cases) it(c.name, () => runCase(c));
  });
}
void range;
