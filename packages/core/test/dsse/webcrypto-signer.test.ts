// The WebCrypto signers and verifiers run on any injected SubtleCrypto. Two real providers are
// exercised (Node's own WebCrypto and @peculiar/webcrypto, the fallback for runtimes whose
// WebCrypto lacks Ed25519), cross-checked against each other, plus a provider without Ed25519
// and a runtime without WebCrypto at all.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { Crypto } from '@peculiar/webcrypto';
import {
  decodeBase64,
  generateSigningKey,
  importJwk,
  importPrivateKeyPem,
  importPublicKeyPem,
  paeEncode,
  signEnvelope,
  utf8Encode,
  verifyEnvelope,
  type DsseAlgorithm,
} from '@warrant/core';
import * as F from '../../../../conformance/tools/dsse-fixtures';

const right = <A>(e: E.Either<{ code: string; message: string }, A>): A => {
  if (E.isLeft(e)) throw new Error(`${e.left.code}: ${e.left.message}`);
  return e.right;
};

const PROVIDERS: ReadonlyArray<[string, SubtleCrypto]> = [
  ['node', globalThis.crypto.subtle],
  ['@peculiar/webcrypto', new Crypto().subtle as SubtleCrypto],
];
const ALGORITHMS: ReadonlyArray<DsseAlgorithm> = ['ed25519', 'ecdsa-p256'];
const PAE = paeEncode('application/vnd.test', utf8Encode('hello'));

describe.each(PROVIDERS)('on %s WebCrypto', (_, subtle) => {
  it.each(ALGORITHMS)('%s: generate, sign, verify, and re-import the PEMs', async (alg) => {
    const key = right(await generateSigningKey(alg, { subtle }));
    const sig = await key.signer.sign(PAE);
    expect(await key.verifier.verify(PAE, sig)).toBe(true);
    const flipped = sig.slice();
    flipped[flipped.length - 1]! ^= 1;
    expect(await key.verifier.verify(PAE, flipped)).toBe(false);
    const pub = right(await importPublicKeyPem(key.publicKeyPem, { subtle }));
    const priv = right(await importPrivateKeyPem(key.privateKeyPem, { subtle }));
    expect([pub.keyid, priv.keyid]).toEqual([key.keyid, key.keyid]);
    expect(await pub.verifier.verify(PAE, await priv.signer.sign(PAE))).toBe(true);
  });
  it.each(ALGORITHMS)('%s: signatures cross-verify with the other provider', async (alg) => {
    for (const [, other] of PROVIDERS) {
      const key = right(await generateSigningKey(alg, { subtle }));
      const there = right(await importPublicKeyPem(key.publicKeyPem, { subtle: other }));
      expect(there.keyid).toBe(key.keyid);
      expect(await there.verifier.verify(PAE, await key.signer.sign(PAE))).toBe(true);
    }
  });
  it('imports the OpenSSL-made keys to the same key ids', async () => {
    for (const [priv, pub] of [
      [F.ED25519_PRIVATE_PEM, F.ED25519_PUBLIC_PEM],
      [F.P256_PRIVATE_PEM, F.P256_PUBLIC_PEM],
    ] as const) {
      const a = right(await importPrivateKeyPem(priv, { subtle }));
      const b = right(await importPublicKeyPem(pub));
      expect(a.keyid).toBe(b.keyid);
      expect(a.publicKeyPem).toBe(pub);
    }
  });
  it('ECDSA signatures are DER; verification accepts DER and P1363 and rejects other lengths', async () => {
    const key = right(await generateSigningKey('ecdsa-p256', { subtle }));
    const env = await signEnvelope('t', utf8Encode('x'), [key.signer]);
    const der = decodeBase64(env.signatures[0]!.sig)!;
    expect(der[0]).toBe(0x30);
    const pae = paeEncode('t', utf8Encode('x'));
    expect(await key.verifier.verify(pae, der)).toBe(true);
    const raw = new Uint8Array(
      await subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        await privateOf(key.privateKeyPem, subtle),
        pae as Uint8Array<ArrayBuffer>,
      ),
    );
    expect(raw).toHaveLength(64);
    expect(await key.verifier.verify(pae, raw)).toBe(true);
    expect(await key.verifier.verify(pae, raw.subarray(0, 63))).toBe(false);
    expect(await key.verifier.verify(pae, new Uint8Array(0))).toBe(false);
  });
  it('Ed25519 verifiers answer false (never throw) for signatures of the wrong length', async () => {
    const key = right(await generateSigningKey('ed25519', { subtle }));
    expect(await key.verifier.verify(PAE, new Uint8Array(63))).toBe(false);
    expect(await key.verifier.verify(PAE, new Uint8Array(65))).toBe(false);
  });
});

const privateOf = async (pem: string, subtle: SubtleCrypto): Promise<CryptoKey> =>
  subtle.importKey(
    'pkcs8',
    decodeBase64(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, '')) as Uint8Array<ArrayBuffer>,
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['sign'],
  );

// A WebCrypto like older browsers': everything works except the Ed25519 algorithm.
const withoutEd25519 = (inner: SubtleCrypto): SubtleCrypto =>
  new Proxy(inner, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const alg = args.find((a) => typeof a === 'object' && a !== null && 'name' in a) as
          { name: string } | undefined;
        if (alg?.name === 'Ed25519') {
          return Promise.reject(
            new DOMException('Unrecognized algorithm name', 'NotSupportedError'),
          );
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });

describe('a WebCrypto without Ed25519', () => {
  const subtle = withoutEd25519(globalThis.crypto.subtle);
  it('reports CORE_DSSE_UNSUPPORTED_ALGORITHM with the @peculiar/webcrypto hint', async () => {
    for (const r of [
      await generateSigningKey('ed25519', { subtle }),
      await importPublicKeyPem(F.ED25519_PUBLIC_PEM, { subtle }),
      await importPrivateKeyPem(F.ED25519_PRIVATE_PEM, { subtle }),
    ]) {
      expect(r).toMatchObject({ _tag: 'Left', left: { code: 'CORE_DSSE_UNSUPPORTED_ALGORITHM' } });
      expect(E.isLeft(r) && r.left.message).toContain('@peculiar/webcrypto');
    }
  });
  it('still does ECDSA P-256', async () => {
    const key = right(await generateSigningKey('ecdsa-p256', { subtle }));
    expect(await key.verifier.verify(PAE, await key.signer.sign(PAE))).toBe(true);
  });
  it('works again once @peculiar/webcrypto is injected', async () => {
    const subtlePeculiar = new Crypto().subtle as SubtleCrypto;
    const key = right(await importPrivateKeyPem(F.ED25519_PRIVATE_PEM, { subtle: subtlePeculiar }));
    const env = await signEnvelope('t', utf8Encode('x'), [key.signer]);
    expect(E.isRight(await verifyEnvelope(env, { verifiers: [key.verifier] }))).toBe(true);
  });
});

describe('a runtime without WebCrypto', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  it('reports CORE_DSSE_UNSUPPORTED_ALGORITHM unless a SubtleCrypto is injected', async () => {
    vi.stubGlobal('crypto', undefined);
    expect(await generateSigningKey('ed25519')).toMatchObject({
      _tag: 'Left',
      left: { code: 'CORE_DSSE_UNSUPPORTED_ALGORITHM' },
    });
    expect(await importJwk({ kty: 'OKP', crv: 'Ed25519', x: 'AA' })).toMatchObject({
      _tag: 'Left',
    });
    const key = await generateSigningKey('ed25519', {
      subtle: new Crypto().subtle as SubtleCrypto,
    });
    expect(E.isRight(key)).toBe(true);
  });
});
