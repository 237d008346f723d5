// Runs every case in conformance/pack/redaction/*.json against @warrant/pack's redaction.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex, type JsonValue } from '@warrant/core';
import {
  decodeRedactionProfile,
  matchFilePattern,
  parseFilePattern,
  parseSelector,
  pseudonymize,
  redactFiles,
  redactionProfileDigest,
  selectNodes,
} from '@warrant/pack';

const here = dirname(fileURLToPath(import.meta.url));
interface Case<I, X> {
  name: string;
  input: I;
  expected?: X;
  error?: string;
}
const load = <I, X>(file: string): Case<I, X>[] =>
  JSON.parse(readFileSync(join(here, file), 'utf8')).cases;
const hex = (s: string): Uint8Array => fromHex(s) ?? new Uint8Array();
const profileWith = (rule: unknown) =>
  decodeRedactionProfile({ schema: 'warrant.redaction-profile/v1', name: 'v', rules: [rule] });

describe('conformance/pack/redaction', () => {
  it.each(load<{ key: string; value: JsonValue }, string>('pseudonym.json'))(
    'pseudonym: $name',
    (c) => {
      expect(pseudonymize(hex(c.input.key), c.input.value)).toBe(c.expected);
    },
  );

  it.each(load<{ document: JsonValue; selector: string }, unknown>('selectors.json'))(
    'selector: $name',
    (c) => {
      const p = parseSelector(c.input.selector);
      if (c.error !== undefined) {
        expect(E.isLeft(p)).toBe(true);
        const r = profileWith({ files: ['a'], paths: [c.input.selector], action: 'mask' });
        expect(E.isLeft(r) && r.left.code).toBe(c.error);
        return;
      }
      if (E.isLeft(p)) throw new Error(p.left.message);
      expect(selectNodes(c.input.document, p.right)).toEqual(c.expected);
    },
  );

  it.each(load<{ pattern: string; path: string }, boolean>('file-patterns.json'))(
    'file pattern: $name',
    (c) => {
      const p = parseFilePattern(c.input.pattern);
      if (c.error !== undefined) {
        expect(typeof p).toBe('string');
        const r = profileWith({ files: [c.input.pattern], action: 'drop' });
        expect(E.isLeft(r) && r.left.code).toBe(c.error);
        return;
      }
      if (typeof p === 'string') throw new Error(p);
      expect(matchFilePattern(p, c.input.path)).toBe(c.expected);
    },
  );

  it.each(load<unknown, string>('profiles.json'))('profile: $name', (c) => {
    const r = decodeRedactionProfile(c.input);
    if (c.error !== undefined) {
      expect(E.isLeft(r) && r.left.code).toBe(c.error);
      expect(E.isLeft(r) && c.name.endsWith(` at ${r.left.path}`)).toBe(true);
      return;
    }
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(redactionProfileDigest(r.right)).toBe(c.expected);
  });

  interface RunInput {
    files: { path: string; content: string }[];
    profile: unknown;
    pseudonym_key: string;
    commitment_key?: string;
  }
  interface RunExpected {
    files: { path: string; content: string }[];
    record: unknown;
  }
  it.each(load<RunInput, RunExpected>('redact.json'))('redact: $name', (c) => {
    const profile = decodeRedactionProfile(c.input.profile);
    if (E.isLeft(profile)) throw new Error(profile.left.message);
    const r = redactFiles(
      c.input.files.map((f) => ({ path: f.path, bytes: hex(f.content) })),
      profile.right,
      {
        pseudonymKey: hex(c.input.pseudonym_key),
        ...(c.input.commitment_key === undefined
          ? {}
          : { commitmentKey: hex(c.input.commitment_key) }),
      },
    );
    if (c.error !== undefined) {
      expect(E.isLeft(r) && r.left.code).toBe(c.error);
      return;
    }
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect({
      files: r.right.files.map((f) => ({ path: f.path, content: toHex(f.bytes) })),
      record: r.right.record,
    }).toEqual(c.expected);
  });
});
