import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '@warrant/core';
import { createDeterministicGzip, GZIP_CHUNK_BYTES, GZIP_HEADER } from '../../src/archive/gzip';

const gzipChunks = (chunks: ReadonlyArray<Uint8Array>): Uint8Array => {
  const out: Uint8Array[] = [];
  const gz = createDeterministicGzip((c) => out.push(c));
  for (const c of chunks) gz.push(c);
  gz.finish();
  return Buffer.concat(out);
};

// Deterministic compressible bytes (JSON-like text from a fixed LCG).
const sample = (length: number): Uint8Array => {
  let x = 7;
  let s = '';
  while (s.length < length) s += `{"id":${(x = (x * 48271) % 2147483647) % 10000},"ok":true},`;
  return new TextEncoder().encode(s.slice(0, length));
};

const splitAt = (bytes: Uint8Array, cuts: ReadonlyArray<number>): Uint8Array[] => {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let last = 0;
  for (const p of [...points, bytes.length]) {
    parts.push(bytes.subarray(last, p));
    last = p;
  }
  return parts;
};

describe('createDeterministicGzip', () => {
  it('writes the fixed header: no mtime, no name, XFL 0, OS 3', () => {
    const gz = gzipChunks([sample(100)]);
    expect(toHex(gz.subarray(0, 10))).toBe('1f8b0800000000000003');
    expect(toHex(GZIP_HEADER)).toBe('1f8b0800000000000003');
  });

  it('is a valid gzip member that zlib inflates, for sizes around the chunk boundary', () => {
    for (const n of [
      0,
      1,
      GZIP_CHUNK_BYTES - 1,
      GZIP_CHUNK_BYTES,
      GZIP_CHUNK_BYTES + 1,
      2 * GZIP_CHUNK_BYTES,
    ]) {
      const data = sample(n);
      expect(toHex(gunzipSync(gzipChunks([data])))).toBe(toHex(data));
    }
  });

  it('output depends only on the bytes, not on how the caller splits them', () => {
    const data = sample(GZIP_CHUNK_BYTES * 2 + 12345);
    const reference = toHex(gzipChunks([data]));
    fc.assert(
      fc.property(fc.array(fc.nat(data.length), { maxLength: 12 }), (cuts) => {
        expect(toHex(gzipChunks(splitAt(data, cuts)))).toBe(reference);
      }),
      { seed: 21, numRuns: 25 },
    );
    const byByte: Uint8Array[] = [];
    for (let i = 0; i < 70_000; i++) byByte.push(data.subarray(i, i + 1));
    byByte.push(data.subarray(70_000));
    expect(toHex(gzipChunks(byByte))).toBe(reference);
  });

  it('lets the caller reuse its buffer after push', () => {
    const data = sample(300_000);
    const buffer = new Uint8Array(1000);
    const out: Uint8Array[] = [];
    const gz = createDeterministicGzip((c) => out.push(c));
    for (let i = 0; i < data.length; i += 1000) {
      buffer.set(data.subarray(i, i + 1000));
      gz.push(buffer.subarray(0, Math.min(1000, data.length - i)));
      buffer.fill(0xee);
    }
    gz.finish();
    expect(toHex(Buffer.concat(out))).toBe(toHex(gzipChunks([data])));
  });

  it('throws on use after finish (a programming error)', () => {
    const gz = createDeterministicGzip(() => undefined);
    gz.finish();
    expect(() => gz.push(new Uint8Array(1))).toThrow(TypeError);
    expect(() => gz.finish()).toThrow(TypeError);
  });
});
