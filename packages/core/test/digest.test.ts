import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  digestBytes,
  digestCanonical,
  parseDigest,
  SHA256_IMPLEMENTATION,
  utf8Encode,
} from '@warrant/core';

describe('digest', () => {
  it('uses node:crypto on Node', () => {
    expect(SHA256_IMPLEMENTATION).toBe('node:crypto');
  });
  it('hashes the FIPS 180-2 "abc" example', () => {
    expect(digestBytes(utf8Encode('abc'))).toBe(
      'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
  it('is key-order independent for canonical JSON', () => {
    expect(digestCanonical({ a: 1, b: 2 })).toEqual(digestCanonical({ b: 2, a: 1 }));
  });
  it('rejects uppercase hex', () => {
    expect(E.isLeft(parseDigest('sha256:' + 'AB'.repeat(32)))).toBe(true);
  });
});
