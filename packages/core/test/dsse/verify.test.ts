import { beforeAll, describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  encodeBase64,
  signEnvelope,
  utf8Encode,
  verifyEnvelope,
  type DsseEnvelope,
  type GeneratedSigningKey,
  type Verifier,
} from '@warrant/core';
import { makeKeys } from './keyring';

let a: GeneratedSigningKey;
let b: GeneratedSigningKey;
let c: GeneratedSigningKey;
let env: DsseEnvelope;
const TYPE = 'application/vnd.warrant.test+json';
const PAYLOAD = utf8Encode('{"x":1}');
beforeAll(async () => {
  [a, b, c] = (await makeKeys(['ed25519', 'ecdsa-p256', 'ed25519'])) as GeneratedSigningKey[] as [
    GeneratedSigningKey,
    GeneratedSigningKey,
    GeneratedSigningKey,
  ];
  env = await signEnvelope(TYPE, PAYLOAD, [a.signer, b.signer]);
});
const sorted = (...ids: string[]): string[] => ids.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));

describe('verifyEnvelope', () => {
  it('returns the payload, type, distinct key ids and a per-signature report', async () => {
    const r = await verifyEnvelope(env, {
      verifiers: [a.verifier, b.verifier, c.verifier],
      threshold: 2,
    });
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(r.right.payloadType).toBe(TYPE);
    expect(r.right.payload).toEqual(PAYLOAD);
    expect(r.right.keyids).toEqual(sorted(a.keyid, b.keyid));
    expect(r.right.threshold).toBe(2);
    expect(r.right.signatures).toEqual([
      { index: 0, keyid: a.keyid, status: 'verified', verifiedBy: a.keyid },
      { index: 1, keyid: b.keyid, status: 'verified', verifiedBy: b.keyid },
    ]);
  });
  it('defaults the threshold to 1', async () => {
    expect(E.isRight(await verifyEnvelope(env, { verifiers: [b.verifier] }))).toBe(true);
  });
  it('reports the counts when the threshold is not met', async () => {
    const r = await verifyEnvelope(env, { verifiers: [a.verifier, c.verifier], threshold: 2 });
    expect(r).toMatchObject({
      _tag: 'Left',
      left: {
        code: 'CORE_DSSE_THRESHOLD_NOT_MET',
        verified: 1,
        threshold: 2,
        signatures: [
          { index: 0, status: 'verified', verifiedBy: a.keyid },
          { index: 1, keyid: b.keyid, status: 'unknown-keyid' },
        ],
      },
    });
  });
  it('counts a key once however often it signed', async () => {
    const twice = await signEnvelope(TYPE, PAYLOAD, [a.signer, a.signer, a.signer]);
    const r = await verifyEnvelope(twice, { verifiers: [a.verifier, b.verifier], threshold: 2 });
    expect(r).toMatchObject({
      _tag: 'Left',
      left: { code: 'CORE_DSSE_THRESHOLD_NOT_MET', verified: 1 },
    });
  });
  it('tries every trusted key for a signature without a key id', async () => {
    const anon = { ...env, signatures: env.signatures.map((s) => ({ sig: s.sig })) };
    const r = await verifyEnvelope(anon, {
      verifiers: [c.verifier, b.verifier, a.verifier],
      threshold: 2,
    });
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect(r.right.signatures.map((s) => s.verifiedBy)).toEqual([a.keyid, b.keyid]);
  });
  it('does not try other keys when the key id hint names a trusted key', async () => {
    const misnamed = { ...env, signatures: [{ keyid: c.keyid, sig: env.signatures[0]!.sig }] };
    expect(await verifyEnvelope(misnamed, { verifiers: [a.verifier, c.verifier] })).toMatchObject({
      _tag: 'Left',
      left: { code: 'CORE_DSSE_NO_TRUSTED_SIGNATURE', signatures: [{ status: 'invalid' }] },
    });
  });
  it('says CORE_DSSE_UNKNOWN_KEY_ID when every signature names an untrusted key', async () => {
    expect(await verifyEnvelope(env, { verifiers: [c.verifier] })).toMatchObject({
      _tag: 'Left',
      left: { code: 'CORE_DSSE_UNKNOWN_KEY_ID', verified: 0 },
    });
  });
  it('says CORE_DSSE_NO_TRUSTED_SIGNATURE for no signatures at all', async () => {
    expect(
      await verifyEnvelope({ ...env, signatures: [] }, { verifiers: [a.verifier] }),
    ).toMatchObject({
      _tag: 'Left',
      left: { code: 'CORE_DSSE_NO_TRUSTED_SIGNATURE', verified: 0, signatures: [] },
    });
  });
  it('refuses a tampered payload or payload type', async () => {
    for (const bad of [
      { ...env, payload: encodeBase64(utf8Encode('{"x":2}')) },
      { ...env, payloadType: `${TYPE}x` },
    ]) {
      expect(await verifyEnvelope(bad, { verifiers: [a.verifier, b.verifier] })).toMatchObject({
        _tag: 'Left',
        left: { code: 'CORE_DSSE_NO_TRUSTED_SIGNATURE' },
      });
    }
  });
  it('checks the payload type after the signatures (protocol.md order)', async () => {
    expect(
      await verifyEnvelope(env, { verifiers: [a.verifier], payloadTypes: ['other'] }),
    ).toMatchObject({
      _tag: 'Left',
      left: { code: 'CORE_DSSE_UNSUPPORTED_PAYLOAD_TYPE', path: '$.payloadType' },
    });
    expect(
      E.isRight(await verifyEnvelope(env, { verifiers: [a.verifier], payloadTypes: ['x', TYPE] })),
    ).toBe(true);
  });
  it('returns decoding errors for malformed envelopes', async () => {
    expect(await verifyEnvelope('nope', { verifiers: [a.verifier] })).toMatchObject({
      _tag: 'Left',
      left: { code: 'CORE_DSSE_ENVELOPE_MALFORMED', path: '$' },
    });
  });
  it('caps the number of signatures before checking any', async () => {
    let calls = 0;
    const counting: Verifier = { keyid: 'k', verify: async () => (calls++, false) };
    const many = { ...env, signatures: Array.from({ length: 5 }, () => ({ sig: 'AAAA' })) };
    expect(await verifyEnvelope(many, { verifiers: [counting], maxSignatures: 4 })).toMatchObject({
      _tag: 'Left',
      left: { code: 'CORE_DSSE_TOO_MANY_SIGNATURES', path: '$.signatures' },
    });
    expect(calls).toBe(0);
  });
  it('treats a verifier that throws as not verified', async () => {
    const throwing: Verifier = { keyid: 't', verify: () => Promise.reject(new Error('boom')) };
    const r = await verifyEnvelope(env, { verifiers: [throwing, a.verifier] });
    expect(E.isRight(r)).toBe(true);
  });
  it('returns a payload copy the verifiers and the envelope cannot alias', async () => {
    const r = await verifyEnvelope(env, { verifiers: [a.verifier] });
    if (E.isLeft(r)) throw new Error(r.left.message);
    const again = await verifyEnvelope(env, { verifiers: [a.verifier] });
    r.right.payload[0] = 0;
    expect(E.isRight(again) && again.right.payload).toEqual(PAYLOAD);
  });
  it('throws RangeError for impossible configurations', async () => {
    await expect(verifyEnvelope(env, { verifiers: [a.verifier], threshold: 2 })).rejects.toThrow(
      RangeError,
    );
    await expect(verifyEnvelope(env, { verifiers: [a.verifier], threshold: 0 })).rejects.toThrow(
      RangeError,
    );
    await expect(verifyEnvelope(env, { verifiers: [a.verifier], threshold: 1.5 })).rejects.toThrow(
      RangeError,
    );
    await expect(verifyEnvelope(env, { verifiers: [] })).rejects.toThrow(RangeError);
    await expect(verifyEnvelope(env, { verifiers: [a.verifier, a.verifier] })).rejects.toThrow(
      RangeError,
    );
    await expect(
      verifyEnvelope(env, { verifiers: [a.verifier], maxSignatures: 0 }),
    ).rejects.toThrow(RangeError);
  });
  it('never throws on hostile envelopes', async () => {
    const hostile: unknown[] = [
      undefined,
      null,
      42,
      'x',
      [],
      { signatures: [null] },
      { signatures: 'x' },
      { payload: {}, payloadType: [], signatures: [{ sig: {}, keyid: [] }] },
      { payloadType: 'a\udfff', signatures: [{ sig: 'AAAA' }] },
      { payload: 'A'.repeat(4001) + '=', signatures: [{ sig: 'A'.repeat(1000) }] },
    ];
    for (const h of hostile) {
      const r = await verifyEnvelope(h, { verifiers: [a.verifier, b.verifier] });
      expect(E.isLeft(r)).toBe(true);
    }
  });
});
