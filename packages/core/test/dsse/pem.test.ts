import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodePem, encodePem } from '../../src/dsse/pem';

describe('PEM', () => {
  it('writes 64-character lines with LF and a final newline (RFC 7468 section 3)', () => {
    const pem = encodePem(new Uint8Array(60), 'PUBLIC KEY');
    expect(pem).toBe(
      `-----BEGIN PUBLIC KEY-----\n${'A'.repeat(64)}\n${'A'.repeat(16)}\n-----END PUBLIC KEY-----\n`,
    );
  });
  it('decode . encode = id for any label-conforming DER', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (der) => {
        const r = decodePem(encodePem(der, 'PRIVATE KEY'), 'PRIVATE KEY');
        return 'der' in r && r.der.length === der.length && r.der.every((x, i) => x === der[i]);
      }),
    );
  });
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        decodePem(`-----BEGIN PUBLIC KEY-----\n${s}\n-----END PUBLIC KEY-----`, 'PUBLIC KEY');
        decodePem(s, 'PUBLIC KEY');
        return true;
      }),
    );
  });
});
