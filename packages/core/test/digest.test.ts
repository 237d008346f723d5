import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  createSha256,
  digestBytes,
  digestCanonical,
  digestFromRaw,
  digestToRaw,
  parseDigest,
  sha256,
  SHA256_DIGEST_LENGTH,
  SHA256_IMPLEMENTATION,
  toHex,
  utf8Encode,
  type Sha256Digest,
} from '@warrant/core';

const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('sha256 (FIPS 180-4 examples)', () => {
  it('uses node:crypto on Node', () => {
    expect(SHA256_IMPLEMENTATION).toBe('node:crypto');
  });
  it('hashes "", "abc" and the 448-bit message', () => {
    expect(toHex(sha256(new Uint8Array()))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(toHex(sha256(utf8Encode('abc')))).toBe(ABC);
    expect(
      toHex(sha256(utf8Encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))),
    ).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });
  it('hashes one million "a" in one shot and in uneven chunks', () => {
    const expected = 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0';
    const million = new Uint8Array(1_000_000).fill(0x61);
    expect(toHex(sha256(million))).toBe(expected);
    const h = createSha256();
    for (let offset = 0, step = 1; offset < million.length; offset += step, step = step * 3 + 1) {
      h.update(million.subarray(offset, offset + step));
    }
    expect(toHex(h.digest())).toBe(expected);
  });
  it('returns a plain 32-byte Uint8Array that owns its memory', () => {
    const d = sha256(utf8Encode('abc'));
    expect(d.constructor).toBe(Uint8Array);
    expect(d.byteLength).toBe(SHA256_DIGEST_LENGTH);
    expect(d.buffer.byteLength).toBe(32);
    const inc = createSha256().update(utf8Encode('abc')).digest();
    expect(inc.constructor).toBe(Uint8Array);
    expect(inc.buffer.byteLength).toBe(32);
  });
  it('refuses strings and other non-bytes instead of hashing their text', () => {
    expect(() => sha256('abc' as unknown as Uint8Array)).toThrow(TypeError);
    expect(() => createSha256().update('abc' as unknown as Uint8Array)).toThrow(TypeError);
    expect(() => digestBytes([1, 2] as unknown as Uint8Array)).toThrow(TypeError);
  });
  it('refuses to reuse a finished hasher', () => {
    const h = createSha256();
    h.digest();
    expect(() => h.digest()).toThrow(TypeError);
    expect(() => h.update(new Uint8Array(1))).toThrow(TypeError);
  });
});

describe('content addresses', () => {
  it('formats digests as sha256:<lowercase hex>', () => {
    expect(digestBytes(utf8Encode('abc'))).toBe(`sha256:${ABC}`);
    expect(digestFromRaw(sha256(utf8Encode('abc')))).toBe(`sha256:${ABC}`);
  });
  it('round-trips raw bytes', () => {
    const d = digestBytes(utf8Encode('abc'));
    expect(toHex(digestToRaw(d))).toBe(ABC);
    expect(() => digestToRaw('sha256:xyz' as Sha256Digest)).toThrow(TypeError);
  });
  it('refuses raw digests of the wrong length', () => {
    expect(() => digestFromRaw(new Uint8Array(31))).toThrow(RangeError);
  });
  it('is key-order independent for canonical JSON', () => {
    expect(digestCanonical({ a: 1, b: 2 })).toEqual(digestCanonical({ b: 2, a: 1 }));
  });
  it('digests canonical JSON bytes, not JSON.stringify output', () => {
    // RFC 8785: '{"a":1,"b":[true,null]}'
    expect(digestCanonical({ b: [true, null], a: 1 })).toEqual(
      E.right(digestBytes(utf8Encode('{"a":1,"b":[true,null]}'))),
    );
    expect(E.isLeft(digestCanonical({ a: Number.NaN }))).toBe(true);
  });
});

describe('parseDigest', () => {
  const good = `sha256:${ABC}`;
  it('accepts exactly sha256: and 64 lowercase hex digits', () => {
    expect(parseDigest(good)).toEqual(E.right(good));
  });
  it.each([
    ['uppercase hex', `sha256:${ABC.toUpperCase()}`],
    ['uppercase prefix', `SHA256:${ABC}`],
    ['63 digits', `sha256:${ABC.slice(1)}`],
    ['65 digits', `sha256:${ABC}0`],
    ['leading space', ` ${good}`],
    ['trailing newline', `${good}\n`],
    ['other algorithm', `sha512:${ABC}`],
    ['no prefix', ABC],
    ['empty', ''],
  ])('refuses %s', (_, text) => {
    const r = parseDigest(text, '$.digest');
    expect(E.isLeft(r) && r.left).toMatchObject({ code: 'CORE_DIGEST_INVALID', path: '$.digest' });
  });
  it('refuses non-strings without coercing them', () => {
    for (const v of [null, undefined, 42, { toString: () => good }, [good]]) {
      const r = parseDigest(v);
      expect(E.isLeft(r) && r.left.code).toBe('CORE_DIGEST_INVALID');
    }
  });
});
