// Runs every case in conformance/pack/archive/*.json against the archive layer: golden archives
// byte for byte (writer) and entry for entry (reader, whole and split into small chunks), the
// path grammar and ustar split, and every hostile archive's error code under several chunkings.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '@warrant/core';
import { createArchiveReader, readArchive, writeArchive } from '@warrant/pack';
import { parseArchivePath } from '../../../packages/pack/src/archive/path';

const here = dirname(fileURLToPath(import.meta.url));
const load = <C>(file: string): { description: string; source: string; cases: C[] } =>
  JSON.parse(readFileSync(join(here, file), 'utf8'));
const hex = (text: string): Uint8Array => {
  const bytes = fromHex(text);
  if (bytes === undefined) throw new Error('bad hex in vector');
  return bytes;
};

type Content = string | { pattern: string; length: number };
const expand = (content: Content): Uint8Array => {
  if (typeof content === 'string') return hex(content);
  const pattern = hex(content.pattern);
  return Uint8Array.from(
    { length: content.length },
    (_, i) => pattern[i % pattern.length] as number,
  );
};

// Reads through the push reader, fed in chunks of `size` bytes.
const readChunked = (bytes: Uint8Array, size: number, limits = {}) => {
  const entries: { path: string; parts: Uint8Array[] }[] = [];
  const reader = createArchiveReader(({ path }) => {
    const entry = { path, parts: [] as Uint8Array[] };
    entries.push(entry);
    return { write: (c) => entry.parts.push(c.slice()), end: () => undefined };
  }, limits);
  for (let i = 0; i < bytes.length; i += size) {
    const pushed = reader.push(bytes.subarray(i, i + size));
    if (E.isLeft(pushed)) return pushed;
  }
  return E.map(() => entries)(reader.finish());
};

describe('conformance/pack/archive/golden.json', () => {
  const { cases } = load<{
    name: string;
    input: { entries: { path: string; content: Content }[] };
    expected: { targz: string; tarSha256: string; tar?: string };
  }>('golden.json');
  it.each(cases)('$name', ({ input, expected }) => {
    const entries = input.entries.map((e) => ({ path: e.path, bytes: expand(e.content) }));
    const written = writeArchive(entries);
    expect(E.isRight(written) && toHex(written.right)).toBe(expected.targz);
    const tar = gunzipSync(hex(expected.targz));
    expect(`sha256:${createHash('sha256').update(tar).digest('hex')}`).toBe(expected.tarSha256);
    if (expected.tar !== undefined) expect(toHex(tar)).toBe(expected.tar);
    const read = readArchive(hex(expected.targz));
    const sorted = [...entries].sort((a, b) =>
      Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)),
    );
    expect(E.isRight(read) && read.right.map((e) => [e.path, toHex(e.bytes)])).toEqual(
      sorted.map((e) => [e.path, toHex(e.bytes)]),
    );
    const chunked = readChunked(hex(expected.targz), 7);
    expect(
      E.isRight(chunked) && chunked.right.map((e) => [e.path, toHex(Buffer.concat(e.parts))]),
    ).toEqual(sorted.map((e) => [e.path, toHex(e.bytes)]));
  });
});

describe('conformance/pack/archive/paths.json', () => {
  const { cases } = load<{
    name: string;
    input: string;
    expected?: { prefix: string; name: string };
    error?: string;
  }>('paths.json');
  it.each(cases)('$name', ({ input, expected, error }) => {
    const parsed = parseArchivePath(input);
    if (error !== undefined) {
      expect(E.isLeft(parsed) && parsed.left.code).toBe(error);
      expect(E.isLeft(parsed) && parsed.left.path).toBe(input);
    } else {
      expect(E.isRight(parsed) && [toHex(parsed.right.prefix), toHex(parsed.right.name)]).toEqual([
        expected?.prefix,
        expected?.name,
      ]);
    }
  });
});

describe('conformance/pack/archive/hostile.json', () => {
  const { cases } = load<{
    name: string;
    input: { targz: string; limits?: Record<string, number> };
    error: string;
  }>('hostile.json');
  it.each(cases)('$name', ({ input, error }) => {
    const bytes = hex(input.targz);
    const whole = readArchive(bytes, input.limits);
    expect(E.isLeft(whole) && whole.left.code).toBe(error);
    // The same code whatever the chunking: limits are checked at stream-aligned points.
    for (const size of [1, 509, 65536]) {
      if (size === 1 && bytes.length > 20_000) continue;
      const split = readChunked(bytes, size, input.limits);
      expect(E.isLeft(split) && split.left.code).toBe(error);
    }
  });
});
