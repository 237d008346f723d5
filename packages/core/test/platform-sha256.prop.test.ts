import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import * as nodePlatform from '../src/platform/sha256.node';
import * as webPlatform from '../src/platform/sha256.web';
import type { Sha256Platform } from '../src/platform/sha256.types';
import { toHex } from '../src/bytes';

// Both files are imported directly, whatever the `#platform/sha256` condition picks here, and
// checked against each other and against node:crypto's createHash as an outside oracle.
const PLATFORMS: ReadonlyArray<Sha256Platform> = [nodePlatform, webPlatform];
const oracle = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Splits `bytes` at the given cut points (any order, duplicates and out-of-range allowed). */
const chunk = (bytes: Uint8Array, cuts: ReadonlyArray<number>): Uint8Array[] => {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  return out;
};

// Lengths around the 64-byte block and 55/56-byte padding boundaries matter most.
const input = fc.oneof(
  fc.uint8Array({ maxLength: 200 }),
  fc.integer({ min: 50, max: 130 }).chain((n) => fc.uint8Array({ minLength: n, maxLength: n })),
  fc.uint8Array({ minLength: 1000, maxLength: 5000 }),
);

describe('the node:crypto and @noble/hashes platform files agree', () => {
  it('names themselves', () => {
    expect(PLATFORMS.map((p) => p.name)).toEqual(['node:crypto', '@noble/hashes']);
  });

  it('one-shot sha256 equals the oracle', () => {
    fc.assert(
      fc.property(input, (bytes) => {
        const expected = oracle(bytes);
        for (const p of PLATFORMS) expect(toHex(p.sha256(bytes)), p.name).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('incremental sha256 over any chunking equals one-shot', () => {
    fc.assert(
      fc.property(input, fc.array(fc.nat(), { maxLength: 12 }), (bytes, cuts) => {
        const expected = oracle(bytes);
        for (const p of PLATFORMS) {
          const h = p.createSha256();
          for (const c of chunk(bytes, cuts)) h.update(c);
          expect(toHex(h.digest()), p.name).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('sha256Into writes the digest at the offset and nothing else', () => {
    fc.assert(
      fc.property(input, fc.nat(64), (bytes, offset) => {
        const expected = oracle(bytes);
        for (const p of PLATFORMS) {
          const out = new Uint8Array(offset + 40).fill(0xaa);
          p.sha256Into(bytes, out, offset);
          expect(toHex(out.subarray(offset, offset + 32)), p.name).toBe(expected);
          expect(out.subarray(0, offset).every((b) => b === 0xaa)).toBe(true);
          expect(out.subarray(offset + 32).every((b) => b === 0xaa)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('hashes views into larger buffers by their own bytes only', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 300 }),
        fc.nat(),
        fc.nat(),
        (buf, a, b) => {
          const start = a % buf.length;
          const end = start + (b % (buf.length - start + 1));
          const view = buf.subarray(start, end);
          const expected = oracle(buf.slice(start, end));
          for (const p of PLATFORMS) expect(toHex(p.sha256(view)), p.name).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agrees on one million "a" in 64 KiB chunks', () => {
    const million = new Uint8Array(1_000_000).fill(0x61);
    for (const p of PLATFORMS) {
      const h = p.createSha256();
      for (const c of chunk(
        million,
        Array.from({ length: 16 }, (_, i) => i * 65536),
      ))
        h.update(c);
      expect(toHex(h.digest()), p.name).toBe(
        'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
      );
    }
  });

  it('sha256HexOfText equals the oracle over the UTF-8 encoding, lone surrogates as U+FFFD', () => {
    // Any UTF-16 code units, so lone and reversed surrogate halves occur.
    const text = fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 120 })
      .map((units) => String.fromCharCode(...units));
    fc.assert(
      fc.property(text, (s) => {
        const expected = oracle(new TextEncoder().encode(s));
        for (const p of PLATFORMS) expect(p.sha256HexOfText(s), p.name).toBe(expected);
      }),
      { numRuns: 500 },
    );
    for (const p of PLATFORMS) {
      expect(p.sha256HexOfText('a\ud800'), p.name).toBe(
        oracle(Uint8Array.of(0x61, 0xef, 0xbf, 0xbd)),
      );
    }
  });
});
