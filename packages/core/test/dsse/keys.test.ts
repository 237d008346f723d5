import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  decodeBase64,
  fromHex,
  generateSigningKey,
  importJwk,
  importPrivateKeyPem,
  importPublicKeyPem,
  keyIdFromSpki,
  paeEncode,
  toHex,
  utf8Encode,
} from '@warrant/core';
import * as F from '../../../../conformance/tools/dsse-fixtures';

const right = <A>(e: E.Either<{ code: string; message: string }, A>): A => {
  if (E.isLeft(e)) throw new Error(`${e.left.code}: ${e.left.message}`);
  return e.right;
};
const spkiOf = (pem: string): Uint8Array =>
  decodeBase64(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''))!;
const PAE = paeEncode('application/vnd.test', utf8Encode('payload'));

describe('keyIdFromSpki', () => {
  it('is the lowercase hex SHA-256 of the SPKI DER (same as `openssl pkey -outform DER | sha256sum`)', () => {
    expect(keyIdFromSpki(spkiOf(F.ED25519_PUBLIC_PEM))).toBe(
      '318679c2da90b094c4c8dc663215349cce11d311646b1bfbb60f3c70a7666df9',
    );
    expect(keyIdFromSpki(spkiOf(F.P256_PUBLIC_PEM))).toBe(
      'b136661b8004adb186237a66df1f1560a1af1a3ecb27519d345132d0e0c3974e',
    );
  });
});

describe('importPublicKeyPem', () => {
  it('imports OpenSSL Ed25519 and P-256 public keys with their key ids', async () => {
    const ed = right(await importPublicKeyPem(F.ED25519_PUBLIC_PEM));
    expect(ed).toMatchObject({
      kind: 'public',
      algorithm: 'ed25519',
      keyid: '318679c2da90b094c4c8dc663215349cce11d311646b1bfbb60f3c70a7666df9',
    });
    expect(ed.publicKeyPem).toBe(F.ED25519_PUBLIC_PEM);
    const ec = right(await importPublicKeyPem(F.P256_PUBLIC_PEM));
    expect(ec).toMatchObject({
      kind: 'public',
      algorithm: 'ecdsa-p256',
      keyid: 'b136661b8004adb186237a66df1f1560a1af1a3ecb27519d345132d0e0c3974e',
    });
    expect(ec.publicKeyPem).toBe(F.P256_PUBLIC_PEM);
  });
  it('refuses a compressed P-256 point (only the canonical SPKI form is accepted)', async () => {
    const r = await importPublicKeyPem(F.P256_COMPRESSED_PUBLIC_PEM);
    expect(r).toMatchObject({ _tag: 'Left', left: { code: 'CORE_DSSE_KEY_IMPORT_FAILED' } });
    expect(E.isLeft(r) && r.left.message).toContain('uncompressed');
  });
  it('accepts CRLF line ends and text around the block (RFC 7468 section 2)', async () => {
    const pem = `a comment\r\n${F.ED25519_PUBLIC_PEM.replace(/\n/g, '\r\n')}trailing`;
    expect(right(await importPublicKeyPem(pem)).keyid).toBe(
      '318679c2da90b094c4c8dc663215349cce11d311646b1bfbb60f3c70a7666df9',
    );
  });
  it.each([
    ['RSA', F.RSA_PUBLIC_PEM, '1.2.840.113549.1.1.1'],
    ['P-384', F.P384_PUBLIC_PEM, '1.3.132.0.34'],
    ['X25519', F.X25519_PUBLIC_PEM, '1.3.101.110'],
  ])('refuses %s with CORE_DSSE_UNSUPPORTED_ALGORITHM naming the OID', async (_, pem, oid) => {
    const r = await importPublicKeyPem(pem);
    expect(r).toMatchObject({ _tag: 'Left', left: { code: 'CORE_DSSE_UNSUPPORTED_ALGORITHM' } });
    expect(E.isLeft(r) && r.left.message).toContain(oid);
  });
  it.each([
    ['no PEM at all', 'hello'],
    ['a private key', F.ED25519_PRIVATE_PEM],
    ['two blocks', F.ED25519_PUBLIC_PEM + F.P256_PUBLIC_PEM],
    ['mismatched labels', F.ED25519_PUBLIC_PEM.replace('END PUBLIC KEY', 'END PRIVATE KEY')],
    ['no END line', F.ED25519_PUBLIC_PEM.replace(/-----END[^]*/, '')],
    ['a bad body', F.ED25519_PUBLIC_PEM.replace('MCow', 'MC*w')],
    ['an empty body', '-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n'],
    ['PEM headers', F.ED25519_PUBLIC_PEM.replace('\nMCow', '\nProc-Type: 4,ENCRYPTED\n\nMCow')],
    ['DER that is not an SPKI', '-----BEGIN PUBLIC KEY-----\nMAA=\n-----END PUBLIC KEY-----\n'],
    ['a truncated SPKI', F.ED25519_PUBLIC_PEM.replace(/MCow[^\n]*/, 'MCowBQYDK2VwAyEA')],
  ])('refuses %s with CORE_DSSE_KEY_IMPORT_FAILED', async (_, pem) => {
    expect(await importPublicKeyPem(pem)).toMatchObject({
      _tag: 'Left',
      left: { code: 'CORE_DSSE_KEY_IMPORT_FAILED' },
    });
  });
});

describe('importPrivateKeyPem', () => {
  it.each([
    ['Ed25519', F.ED25519_PRIVATE_PEM, F.ED25519_PUBLIC_PEM],
    ['P-256', F.P256_PRIVATE_PEM, F.P256_PUBLIC_PEM],
  ])('imports OpenSSL %s PKCS #8, derives the public key, and signs', async (_, priv, pub) => {
    const key = right(await importPrivateKeyPem(priv));
    expect(key.kind).toBe('private');
    expect(key.publicKeyPem).toBe(pub);
    expect(key.signer.keyid).toBe(key.keyid);
    expect(key.verifier.keyid).toBe(key.keyid);
    const other = right(await importPublicKeyPem(pub));
    expect(await other.verifier.verify(PAE, await key.signer.sign(PAE))).toBe(true);
  });
  it('explains SEC 1 and encrypted keys', async () => {
    const sec1 = await importPrivateKeyPem(F.SEC1_PRIVATE_PEM);
    expect(E.isLeft(sec1) && sec1.left.message).toContain('openssl pkcs8 -topk8');
    const enc = await importPrivateKeyPem(F.ENCRYPTED_PRIVATE_PEM);
    expect(enc).toMatchObject({ _tag: 'Left', left: { code: 'CORE_DSSE_KEY_IMPORT_FAILED' } });
  });
  it('refuses Ed448 as unsupported', async () => {
    expect(await importPrivateKeyPem(F.ED448_PRIVATE_PEM)).toMatchObject({
      _tag: 'Left',
      left: { code: 'CORE_DSSE_UNSUPPORTED_ALGORITHM' },
    });
  });
  it('refuses a public key given as a private one', async () => {
    expect(await importPrivateKeyPem(F.ED25519_PUBLIC_PEM)).toMatchObject({
      _tag: 'Left',
      left: { code: 'CORE_DSSE_KEY_IMPORT_FAILED' },
    });
  });
});

// RFC 8032 section 7.1 TEST 1.
const RFC8032_SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const RFC8032_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const b64url = (hex: string): string => Buffer.from(fromHex(hex)!).toString('base64url');

describe('importJwk', () => {
  it('imports an Ed25519 public JWK and gives the SPKI-based key id', async () => {
    const key = right(
      await importJwk({ kty: 'OKP', crv: 'Ed25519', x: b64url(RFC8032_PUBLIC), kid: 'ignored' }),
    );
    expect(key.kind).toBe('public');
    const spki = fromHex('302a300506032b6570032100' + RFC8032_PUBLIC)!;
    expect(key.keyid).toBe(keyIdFromSpki(spki));
  });
  it('imports an Ed25519 private JWK whose signature matches RFC 8032 TEST 1', async () => {
    const key = right(
      await importJwk({
        kty: 'OKP',
        crv: 'Ed25519',
        x: b64url(RFC8032_PUBLIC),
        d: b64url(RFC8032_SEED),
      }),
    );
    if (key.kind !== 'private') throw new Error('expected a signing key');
    // RFC 8032 TEST 1 signs the empty message.
    expect(toHex(await key.signer.sign(new Uint8Array(0)))).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
  });
  it('imports EC P-256 JWKs exported by WebCrypto', async () => {
    const gen = right(await generateSigningKey('ecdsa-p256'));
    const priv = right(await importPrivateKeyPem(gen.privateKeyPem));
    expect(priv.keyid).toBe(gen.keyid);
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
    const key = right(await importJwk(jwk));
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
    expect(key.keyid).toBe(keyIdFromSpki(spki));
    expect(key.kind).toBe('private');
  });
  it('refuses a private JWK whose d does not belong to x', async () => {
    const other = right(await generateSigningKey('ed25519'));
    const jwk = await crypto.subtle.exportKey(
      'jwk',
      (
        (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
          'sign',
          'verify',
        ])) as CryptoKeyPair
      ).privateKey,
    );
    const theirs = right(await importPublicKeyPem(other.publicKeyPem));
    const x = Buffer.from(spkiOf(theirs.publicKeyPem).subarray(12)).toString('base64url');
    const r = await importJwk({ ...jwk, x });
    expect(r).toMatchObject({ _tag: 'Left', left: { code: 'CORE_DSSE_KEY_IMPORT_FAILED' } });
  });
  it.each([
    ['not an object', 'x', 'CORE_DSSE_KEY_IMPORT_FAILED', '$'],
    ['RSA', { kty: 'RSA', n: 'AQAB', e: 'AQAB' }, 'CORE_DSSE_UNSUPPORTED_ALGORITHM', '$'],
    [
      'P-384',
      { kty: 'EC', crv: 'P-384', x: 'AA', y: 'AA' },
      'CORE_DSSE_UNSUPPORTED_ALGORITHM',
      '$',
    ],
    ['Ed448', { kty: 'OKP', crv: 'Ed448', x: 'AA' }, 'CORE_DSSE_UNSUPPORTED_ALGORITHM', '$'],
    ['a short x', { kty: 'OKP', crv: 'Ed25519', x: 'AAAA' }, 'CORE_DSSE_KEY_IMPORT_FAILED', '$.x'],
    [
      'a padded x',
      { kty: 'OKP', crv: 'Ed25519', x: b64url(RFC8032_PUBLIC) + '=' },
      'CORE_DSSE_KEY_IMPORT_FAILED',
      '$.x',
    ],
    [
      'a missing y',
      { kty: 'EC', crv: 'P-256', x: b64url(RFC8032_PUBLIC) },
      'CORE_DSSE_KEY_IMPORT_FAILED',
      '$.y',
    ],
    [
      'a numeric d',
      { kty: 'OKP', crv: 'Ed25519', x: b64url(RFC8032_PUBLIC), d: 1 },
      'CORE_DSSE_KEY_IMPORT_FAILED',
      '$.d',
    ],
    [
      'a point off the curve',
      { kty: 'EC', crv: 'P-256', x: b64url(RFC8032_PUBLIC), y: b64url(RFC8032_PUBLIC) },
      'CORE_DSSE_KEY_IMPORT_FAILED',
      undefined,
    ],
  ])('refuses %s', async (_, jwk, code, path) => {
    const r = await importJwk(jwk);
    expect(r).toMatchObject({ _tag: 'Left', left: { code } });
    if (path !== undefined) expect(E.isLeft(r) && r.left.path).toBe(path);
  });
});

describe('generateSigningKey', () => {
  it.each(['ed25519', 'ecdsa-p256'] as const)(
    'makes %s keys whose PEMs re-import to the same key id',
    async (alg) => {
      const key = right(await generateSigningKey(alg));
      expect(key.algorithm).toBe(alg);
      expect(key.keyid).toMatch(/^[0-9a-f]{64}$/);
      expect(key.keyid).toBe(keyIdFromSpki(spkiOf(key.publicKeyPem)));
      expect(right(await importPrivateKeyPem(key.privateKeyPem)).keyid).toBe(key.keyid);
      expect(await key.verifier.verify(PAE, await key.signer.sign(PAE))).toBe(true);
    },
  );
  it('writes the canonical SPKI layouts the spec documents', async () => {
    const ed = spkiOf(right(await generateSigningKey('ed25519')).publicKeyPem);
    expect(ed).toHaveLength(44);
    expect(toHex(ed.subarray(0, 12))).toBe('302a300506032b6570032100');
    const ec = spkiOf(right(await generateSigningKey('ecdsa-p256')).publicKeyPem);
    expect(ec).toHaveLength(91);
    expect(toHex(ec.subarray(0, 27))).toBe(
      '3059301306072a8648ce3d020106082a8648ce3d03010703420004',
    );
  });
  it('throws TypeError for an unknown algorithm name', async () => {
    await expect(generateSigningKey('rsa' as 'ed25519')).rejects.toThrow(TypeError);
  });
});

describe('the keyIdFromSpki TSDoc example', () => {
  it('holds', () => {
    const spki = fromHex(
      '302a300506032b6570032100d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    )!;
    expect(keyIdFromSpki(spki)).toBe(
      '06e3fd8fda29bb60ab59557de61edb0aecdb231134be30e75b455f8e1b792fa9',
    );
  });
});
