import { describe, it } from 'vitest';
import fc from 'fast-check';
import { decodeBase64, encodeBase64 } from '@warrant/core';
import { decodeBase64Url, encodeBase64Url } from '../../src/dsse/base64';

const toUrlSafe = (s: string): string => s.replace(/\+/g, '-').replace(/\//g, '_');
const eq = (a: Uint8Array | undefined, b: Uint8Array): boolean =>
  a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

describe('base64 laws', () => {
  it('decode . encode = id, in both alphabets', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        const std = encodeBase64(b);
        return eq(decodeBase64(std), b) && eq(decodeBase64(toUrlSafe(std)), b);
      }),
    );
  });
  it('agrees with Node Buffer (an independent implementation)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        return encodeBase64(b) === Buffer.from(b).toString('base64');
      }),
    );
  });
  it('accepts exactly one spelling per alphabet: whatever decodes re-encodes to itself', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_= \n';
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 24 }), (s) => {
        const d = decodeBase64(s);
        if (d === undefined) return true;
        const std = encodeBase64(d);
        return s === std || s === toUrlSafe(std);
      }),
    );
  });
  it('base64url JWK form round-trips', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (b) =>
        eq(decodeBase64Url(encodeBase64Url(b)), b),
      ),
    );
  });
});
