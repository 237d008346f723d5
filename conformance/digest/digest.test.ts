/**
 * Runs every case of conformance/digest/*.json against @warrant/core (one-shot, 64 KiB chunks,
 * async and stream paths for bytes) and checks the committed vectors are exactly what
 * conformance/tools/digest.ts generates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  createSha256,
  digestBytes,
  digestBytesAsync,
  digestCanonical,
  digestFromRaw,
  digestStream,
  parseDigest,
} from '@warrant/core';
import { digestVectorFiles, expandBytes } from '../tools/digest';
import { expectCommittedVectors } from '../../test-support/committed-vectors';

const DIR = 'conformance/digest';

interface VectorFile {
  readonly cases: ReadonlyArray<{
    name: string;
    input: unknown;
    expected?: string;
    error?: string;
  }>;
}
const load = (file: string): VectorFile =>
  JSON.parse(readFileSync(join(DIR, file), 'utf8')) as VectorFile;

const chunks = (bytes: Uint8Array, size: number): Uint8Array[] =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
    bytes.subarray(i * size, (i + 1) * size),
  );

describe('conformance/digest vectors', () => {
  it('sha256.json: one-shot, incremental in 64 KiB chunks, async and streamed', async () => {
    const { cases } = load('sha256.json');
    expect(cases.length).toBeGreaterThan(10);
    for (const c of cases) {
      const bytes = expandBytes(c.input as Parameters<typeof expandBytes>[0]);
      expect(digestBytes(bytes), c.name).toBe(c.expected);
      const h = createSha256();
      for (const part of chunks(bytes, 65536)) h.update(part);
      expect(digestFromRaw(h.digest()), `${c.name} (incremental)`).toBe(c.expected);
      expect(await digestBytesAsync(bytes), `${c.name} (async)`).toBe(c.expected);
      const streamed = await digestStream(
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (const part of chunks(bytes, 4096)) controller.enqueue(part);
            controller.close();
          },
        }),
      );
      expect(streamed, `${c.name} (stream)`).toEqual(
        E.right({ digest: c.expected, byteLength: bytes.length }),
      );
    }
  });

  it('digest-canonical.json', () => {
    const { cases } = load('digest-canonical.json');
    for (const c of cases) expect(digestCanonical(c.input), c.name).toEqual(E.right(c.expected));
  });

  it('parse-digest.json', () => {
    const { cases } = load('parse-digest.json');
    for (const c of cases) {
      const r = parseDigest(c.input);
      expect(E.isLeft(r) ? { error: r.left.code } : { expected: r.right }, c.name).toEqual(
        c.error === undefined ? { expected: c.expected } : { error: c.error },
      );
    }
  });

  it('are exactly what conformance/tools/digest.ts generates', () => {
    expectCommittedVectors(DIR, digestVectorFiles());
  });
});
