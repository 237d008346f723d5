import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCrc32 } from '../../src/archive/crc32';

describe('createCrc32', () => {
  it('gives the RFC 1952 check value for "123456789"', () => {
    const c = createCrc32();
    c.update(new TextEncoder().encode('123456789'));
    expect(c.value()).toBe(0xcbf43926);
    expect(createCrc32().value()).toBe(0);
  });

  it('equals zlib crc32 for any bytes, however they are split', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.nat(3000)), (bytes, cuts) => {
        const c = createCrc32();
        const points = [...new Set(cuts.map((x) => x % (bytes.length + 1)))].sort((a, b) => a - b);
        let last = 0;
        for (const p of [...points, bytes.length]) {
          c.update(bytes.subarray(last, p));
          last = p;
        }
        expect(c.value()).toBe(crc32(bytes) >>> 0);
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
