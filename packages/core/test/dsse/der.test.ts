import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromHex } from '@warrant/core';
import { readKeyAlgorithm, readTlv } from '../../src/dsse/der';

const hex = (h: string): Uint8Array => fromHex(h)!;

describe('readKeyAlgorithm', () => {
  it('recognises Ed25519 and P-256 SPKIs and PKCS #8 keys', () => {
    expect(readKeyAlgorithm(hex('302a300506032b6570032100' + '00'.repeat(32)), 'spki')).toEqual({
      kind: 'supported',
      algorithm: 'ed25519',
    });
    expect(
      readKeyAlgorithm(hex('302e020100300506032b657004220420' + '00'.repeat(32)), 'pkcs8'),
    ).toEqual({
      kind: 'supported',
      algorithm: 'ed25519',
    });
    expect(
      readKeyAlgorithm(
        hex('3059301306072a8648ce3d020106082a8648ce3d030107034200' + '04' + '00'.repeat(64)),
        'spki',
      ),
    ).toEqual({ kind: 'supported', algorithm: 'ecdsa-p256' });
  });
  it('names unsupported OIDs in dotted form', () => {
    // secp256k1 (1.3.132.0.10) on id-ecPublicKey.
    expect(
      readKeyAlgorithm(
        hex('3056301006072a8648ce3d020106052b8104000a034200' + '04' + '00'.repeat(64)),
        'spki',
      ),
    ).toEqual({
      kind: 'unsupported',
      oid: '1.2.840.10045.2.1 on curve 1.3.132.0.10',
    });
  });
  it('refuses Ed25519 with parameters (RFC 8410 section 3: they must be absent)', () => {
    expect(
      readKeyAlgorithm(hex('302c300706032b65700500032100' + '00'.repeat(32)), 'spki'),
    ).toBeUndefined();
  });
  it('refuses trailing bytes, indefinite and non-minimal lengths', () => {
    expect(
      readKeyAlgorithm(hex('302a300506032b6570032100' + '00'.repeat(32) + '00'), 'spki'),
    ).toBeUndefined();
    expect(readTlv(hex('3080'), 0)).toBeUndefined();
    expect(readTlv(hex('30810100'), 0)).toBeUndefined();
    expect(readTlv(hex('3082000100'), 0)).toBeUndefined();
    expect(readTlv(hex('308180' + '00'.repeat(128)), 0)).toEqual({ tag: 0x30, start: 3, end: 131 });
  });
  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.boolean(), (b, spki) => {
        readKeyAlgorithm(b, spki ? 'spki' : 'pkcs8');
        return true;
      }),
    );
  });
});
