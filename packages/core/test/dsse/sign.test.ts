import { beforeAll, describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  decodeBase64,
  signEnvelope,
  signJson,
  utf8Decode,
  utf8Encode,
  verifyEnvelope,
  type GeneratedSigningKey,
  type Signer,
} from '@warrant/core';
import { makeKeys } from './keyring';

let ed: GeneratedSigningKey;
let ec: GeneratedSigningKey;
beforeAll(async () => {
  [ed, ec] = (await makeKeys(['ed25519', 'ecdsa-p256'])) as [
    GeneratedSigningKey,
    GeneratedSigningKey,
  ];
});

describe('signEnvelope', () => {
  it('emits standard base64, members in a fixed order, one signature per signer in order', async () => {
    const env = await signEnvelope('application/vnd.t', new Uint8Array([0xfb, 0xff]), [
      ed.signer,
      ec.signer,
    ]);
    expect(Object.keys(env)).toEqual(['payloadType', 'payload', 'signatures']);
    expect(env.payload).toBe('+/8=');
    expect(env.signatures.map((s) => s.keyid)).toEqual([ed.keyid, ec.keyid]);
    expect(env.signatures.map((s) => Object.keys(s))).toEqual([
      ['keyid', 'sig'],
      ['keyid', 'sig'],
    ]);
    expect(decodeBase64(env.signatures[0]!.sig)).toHaveLength(64);
  });
  it('is deterministic for Ed25519', async () => {
    const a = await signEnvelope('t', utf8Encode('x'), [ed.signer]);
    const b = await signEnvelope('t', utf8Encode('x'), [ed.signer]);
    expect(a).toEqual(b);
  });
  it('omits keyid for a signer with an empty key id', async () => {
    const anonymous: Signer = { keyid: '', sign: (pae) => ed.signer.sign(pae) };
    const env = await signEnvelope('t', utf8Encode('x'), [anonymous]);
    expect(env.signatures[0]).not.toHaveProperty('keyid');
    expect(E.isRight(await verifyEnvelope(env, { verifiers: [ed.verifier] }))).toBe(true);
  });
  it('passes PAE bytes to the signer', async () => {
    const seen: string[] = [];
    const spy: Signer = {
      keyid: 'spy',
      sign: async (pae) => (seen.push(utf8Decode(pae)!), new Uint8Array(1)),
    };
    await signEnvelope('a/b', utf8Encode('hi'), [spy]);
    expect(seen).toEqual(['DSSEv1 3 a/b 2 hi']);
  });
  it('throws for programming errors and rejects when a signer fails', async () => {
    await expect(signEnvelope('t', utf8Encode('x'), [])).rejects.toThrow(RangeError);
    await expect(signEnvelope('t\ud800', utf8Encode('x'), [ed.signer])).rejects.toThrow(TypeError);
    await expect(signEnvelope('t', 'x' as unknown as Uint8Array, [ed.signer])).rejects.toThrow(
      TypeError,
    );
    const broken: Signer = { keyid: 'b', sign: () => Promise.reject(new Error('hsm offline')) };
    await expect(signEnvelope('t', utf8Encode('x'), [broken])).rejects.toThrow('hsm offline');
  });
});

describe('signJson', () => {
  it('signs the RFC 8785 canonical bytes, independent of key order', async () => {
    const a = await signJson('application/vnd.t+json', { b: 1, a: [true, 'é'] }, [ed.signer]);
    const b = await signJson('application/vnd.t+json', { a: [true, 'é'], b: 1 }, [ed.signer]);
    expect(a).toEqual(b);
    if (E.isLeft(a)) throw new Error('expected a Right');
    expect(utf8Decode(decodeBase64(a.right.payload)!)).toBe('{"a":[true,"é"],"b":1}');
  });
  it('returns the canonicalization refusal for values JSON cannot hold', async () => {
    expect(await signJson('t', { a: Number.NaN }, [ed.signer])).toMatchObject({
      _tag: 'Left',
      left: { code: 'CORE_CANONICAL_JSON_UNSUPPORTED_VALUE', path: '$.a' },
    });
  });
});
