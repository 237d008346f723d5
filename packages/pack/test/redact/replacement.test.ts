import { createHmac } from 'node:crypto';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8Encode } from '@warrant/core';
import {
  hmacSha256,
  isRedactionOutput,
  pseudonymize,
  REDACTION_MASK,
} from '../../src/redact/replacement';

const hex = (s: string): Uint8Array => fromHex(s) as Uint8Array;

// RFC 4231 section 4: HMAC-SHA-256 test cases 1-4, 6 and 7 (case 5 is truncated output).
const RFC4231 = [
  [
    '0b'.repeat(20),
    toHex(utf8Encode('Hi There')),
    'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
  ],
  [
    toHex(utf8Encode('Jefe')),
    toHex(utf8Encode('what do ya want for nothing?')),
    '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
  ],
  [
    'aa'.repeat(20),
    'dd'.repeat(50),
    '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe',
  ],
  [
    '0102030405060708090a0b0c0d0e0f10111213141516171819',
    'cd'.repeat(50),
    '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b',
  ],
  [
    'aa'.repeat(131),
    toHex(utf8Encode('Test Using Larger Than Block-Size Key - Hash Key First')),
    '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
  ],
  [
    'aa'.repeat(131),
    toHex(
      utf8Encode(
        'This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.',
      ),
    ),
    '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
  ],
] as const;

describe('hmacSha256', () => {
  it.each(RFC4231)('RFC 4231 key %s', (key, data, mac) => {
    expect(toHex(hmacSha256(hex(key), hex(data)))).toBe(mac);
  });

  it('agrees with @noble/hashes hmac (the audited implementation core depends on)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 300 }), (k, m) => {
        expect(toHex(hmacSha256(k, m))).toBe(toHex(hmac(nobleSha256, k, m)));
      }),
      { seed: 17 },
    );
  });

  it('agrees with node:crypto for any key and message', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 300 }), (k, m) => {
        const expected = createHmac('sha256', k).update(m).digest('hex');
        expect(toHex(hmacSha256(k, m))).toBe(expected);
      }),
    );
  });
});

describe('pseudonymize', () => {
  const key = new Uint8Array(32).fill(1);
  it('has the documented form and recognises its own outputs', () => {
    const p = pseudonymize(key, 'alice@example.com');
    expect(p).toMatch(/^pseud:[0-9a-f]{32}$/);
    expect(isRedactionOutput(p)).toBe(true);
    expect(isRedactionOutput(REDACTION_MASK)).toBe(true);
    expect(isRedactionOutput('pseud:XYZ')).toBe(false);
  });

  it('is the documented HMAC over the domain tag and the canonical JSON (spec vector)', () => {
    const mac = createHmac('sha256', key)
      .update(
        Buffer.concat([
          Buffer.from('warrant.pseudonym/v1'),
          Buffer.from([0]),
          Buffer.from('"alice@example.com"'),
        ]),
      )
      .digest('hex');
    expect(pseudonymize(key, 'alice@example.com')).toBe(`pseud:${mac.slice(0, 32)}`);
    expect(pseudonymize(key, { b: 1, a: 2 })).toBe(pseudonymize(key, { a: 2, b: 1 }));
    expect(pseudonymize(key, '1')).not.toBe(pseudonymize(key, 1));
  });

  it('refuses keys of the wrong length (programming error)', () => {
    expect(() => pseudonymize(new Uint8Array(16), 'x')).toThrow(RangeError);
    expect(() => pseudonymize('k' as unknown as Uint8Array, 'x')).toThrow(TypeError);
  });
});
