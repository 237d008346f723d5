import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64, utf8Encode } from '@warrant/core';
import { decodeBase64Url, encodeBase64Url } from '../../src/dsse/base64';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);

describe('encodeBase64', () => {
  it('matches the RFC 4648 section 10 test vectors', () => {
    const cases: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, b64] of cases) {
      expect(encodeBase64(utf8Encode(plain))).toBe(b64);
      expect(decodeBase64(b64)).toEqual(utf8Encode(plain));
    }
  });
  it('emits the standard alphabet', () => {
    expect(encodeBase64(bytes(0xfb, 0xff, 0xbf, 0x3e, 0x3f))).toBe('+/+/Pj8=');
  });
});

describe('decodeBase64', () => {
  it('accepts the URL-safe alphabet (DSSE url-safe-base64 vector)', () => {
    expect(decodeBase64('-_-_Pj8=')).toEqual(bytes(0xfb, 0xff, 0xbf, 0x3e, 0x3f));
  });
  it.each([
    ['mixed alphabets', '+_8='],
    ['missing padding', 'Zg'],
    ['unpadded url-safe', '-_-_Pj8'],
    ['too much padding', 'Zg==='],
    ['padding in the middle', 'Zg==Zg=='],
    ['padding inside a quantum', 'Z=g='],
    ['whitespace', 'Zm9v Yg=='],
    ['line break', 'Zm9v\nYg=='],
    ['non-zero pad bits (2 pads)', 'Zh=='],
    ['non-zero pad bits (1 pad)', 'Zm9='],
    ['non-ASCII', 'Zm9é'],
    ['only padding', '===='],
    ['length 1 mod 4', 'Zm9vY'],
  ])('rejects %s', (_, text) => {
    expect(decodeBase64(text)).toBeUndefined();
  });
  it('decodes the empty string to no bytes', () => {
    expect(decodeBase64('')).toEqual(new Uint8Array(0));
  });
});

describe('base64url for JWK members', () => {
  it('is unpadded and URL-safe', () => {
    expect(encodeBase64Url(bytes(0xfb, 0xff))).toBe('-_8');
    expect(decodeBase64Url('-_8')).toEqual(bytes(0xfb, 0xff));
  });
  it('refuses padding and the standard alphabet', () => {
    expect(decodeBase64Url('-_8=')).toBeUndefined();
    expect(decodeBase64Url('+/8')).toBeUndefined();
    expect(decodeBase64Url('A')).toBeUndefined();
  });
});
