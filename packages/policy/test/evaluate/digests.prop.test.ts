/**
 * Law of the streamed array digest: hashing element texts one at a time through the 1 MiB
 * buffer gives the digest of `[` + texts joined by `,` + `]` encoded as UTF-8 in one piece,
 * whatever the sizes (texts straddling the buffer end, texts larger than the buffer) and
 * characters (multi-byte, surrogate pairs).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { digestBytes, utf8Encode } from '@warrant/core';
import { arrayHasher, digestCanonicalArray } from '../../src/evaluate/digests';

const MIB = 1 << 20;

// A text of a chosen size: a random piece repeated (cheap to build, large when asked).
const textArb = fc
  .tuple(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
    fc.oneof(
      fc.nat(40),
      fc.integer({ min: MIB / 8, max: MIB / 2 }),
      fc.integer({ min: MIB / 2, max: MIB }),
    ),
  )
  .map(([piece, n]) => piece.repeat(Math.max(1, Math.floor(n / piece.length))));

const oneShot = (texts: ReadonlyArray<string>) => digestBytes(utf8Encode(`[${texts.join(',')}]`));

describe('arrayHasher', () => {
  it('equals the digest of the joined text', () => {
    fc.assert(
      fc.property(fc.array(textArb, { maxLength: 8 }), (texts) => {
        const h = arrayHasher();
        for (const t of texts) h.add(t);
        expect(h.digest()).toBe(oneShot(texts));
        expect(digestCanonicalArray(texts)).toBe(oneShot(texts));
      }),
      { seed: 4246, numRuns: 25 },
    );
  });

  it('takes texts as large as the buffer, and none', () => {
    const exact = ['x'.repeat(MIB - 1)];
    expect(digestCanonicalArray(exact)).toBe(oneShot(exact));
    const two = ['a'.repeat(MIB / 2), 'b'.repeat(MIB / 2 - 2)];
    expect(digestCanonicalArray(two)).toBe(oneShot(two));
    expect(digestCanonicalArray([])).toBe(oneShot([]));
  });
});
