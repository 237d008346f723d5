/**
 * Runs every vector file in conformance/canonical-json/ through the strict parser and the
 * canonicalizer, from bytes and from text, and checks the files are exactly what the committed
 * generator produces.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { canonicalizeToBytes, fromHex, parseJsonStrict, toHex, utf8Encode } from '@warrant/core';
import { buildCanonicalJsonVectors, VECTOR_FOLDER } from '../tools/canonical-json';

type Case = { name: string; input: string } & ({ expected: string } | { error: string });
interface VectorFile {
  description: string;
  source: string;
  cases: Case[];
}

/** What `input` holds in each file (conformance/README.md, section canonical-json). */
const INPUT_KIND: Readonly<Record<string, 'text' | 'hex'>> = {
  'rfc8785.json': 'text',
  'generated.json': 'text',
  'rejects.json': 'text',
  'rejects-bytes.json': 'hex',
};

const files = readdirSync(VECTOR_FOLDER)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** Strict parse, then canonical UTF-8 bytes as hex; the first refusal's code otherwise. */
const run = (input: string | Uint8Array): E.Either<string, string> => {
  const parsed = parseJsonStrict(input);
  if (E.isLeft(parsed)) return E.left(parsed.left.code);
  const bytes = canonicalizeToBytes(parsed.right);
  return E.isLeft(bytes) ? E.left(bytes.left.code) : E.right(toHex(bytes.right));
};

describe('conformance/canonical-json', () => {
  it('knows every vector file', () => {
    expect(files).toEqual(Object.keys(INPUT_KIND).sort());
  });

  it('holds exactly what conformance/tools/canonical-json.ts generates', () => {
    for (const [name, text] of buildCanonicalJsonVectors()) {
      expect(readFileSync(new URL(name, VECTOR_FOLDER), 'utf8'), name).toBe(text);
    }
  });

  for (const file of files) {
    const vectors = JSON.parse(readFileSync(new URL(file, VECTOR_FOLDER), 'utf8')) as VectorFile;
    const kind = INPUT_KIND[file];
    describe(file, () => {
      it('has cases with unique names and one of expected/error', () => {
        expect(vectors.cases.length).toBeGreaterThan(0);
        expect(new Set(vectors.cases.map((c) => c.name)).size).toBe(vectors.cases.length);
        for (const c of vectors.cases) expect('expected' in c !== 'error' in c).toBe(true);
      });
      for (const c of vectors.cases) {
        it(c.name, () => {
          const bytes = kind === 'hex' ? fromHex(c.input) : utf8Encode(c.input);
          expect(bytes).toBeDefined();
          const fromBytes = run(bytes as Uint8Array);
          if ('expected' in c) {
            expect(fromBytes).toEqual(E.right(c.expected));
            expect(run(c.input)).toEqual(E.right(c.expected));
          } else {
            expect(fromBytes).toEqual(E.left(c.error));
            if (kind === 'text') expect(run(c.input)).toEqual(E.left(c.error));
          }
        });
      }
    });
  }
});
