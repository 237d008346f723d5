import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  decodeBase64,
  encodeBase64,
  signEnvelope,
  utf8Decode,
  utf8Encode,
  verifyEnvelope,
  type DsseEnvelope,
  type GeneratedSigningKey,
} from '@warrant/core';
import { makeKeys } from './keyring';

// Pool: two Ed25519 and two P-256 keys; the first three are trusted, the last is not.
let pool: GeneratedSigningKey[];
beforeAll(async () => {
  pool = await makeKeys(['ed25519', 'ecdsa-p256', 'ed25519', 'ecdsa-p256']);
});
const trusted = (): GeneratedSigningKey[] => pool.slice(0, 3);

const payloadType = fc.string({ unit: 'grapheme', maxLength: 24 });
const payload = fc.uint8Array({ maxLength: 200 });
const signerIndex = fc.nat(3);
const toUrlSafe = (s: string): string => s.replace(/\+/g, '-').replace(/\//g, '_');
const flipBit = (bytes: Uint8Array, bit: number): Uint8Array => {
  const out = bytes.slice();
  out[Math.floor(bit / 8) % out.length]! ^= 1 << (bit % 8);
  return out;
};
const RUNS = { numRuns: 60 };

describe('sign/verify laws', () => {
  it('round-trips any payload and payload type, with either algorithm', async () => {
    await fc.assert(
      fc.asyncProperty(payloadType, payload, signerIndex, async (t, p, i) => {
        const key = pool[i]!;
        const env = await signEnvelope(t, p, [key.signer]);
        const r = await verifyEnvelope(env, { verifiers: [key.verifier] });
        return (
          E.isRight(r) &&
          r.right.payloadType === t &&
          encodeBase64(r.right.payload) === encodeBase64(p) &&
          r.right.keyids.length === 1 &&
          r.right.keyids[0] === key.keyid
        );
      }),
      RUNS,
    );
  });

  it('any bit flip in the payload, the payload type or a signature fails verification', async () => {
    await fc.assert(
      fc.asyncProperty(
        payloadType,
        payload,
        signerIndex,
        fc.constantFrom('payload', 'payloadType', 'sig'),
        fc.nat(),
        async (t, p, i, where, bit) => {
          const key = pool[i]!;
          const env = await signEnvelope(t, p, [key.signer]);
          let tampered: DsseEnvelope;
          if (where === 'payload') {
            const bytes = p.length === 0 ? new Uint8Array([0]) : flipBit(p, bit); // empty: add a byte
            tampered = { ...env, payload: encodeBase64(bytes) as DsseEnvelope['payload'] };
          } else if (where === 'payloadType') {
            const bytes = utf8Encode(t);
            const flipped = bytes.length === 0 ? utf8Encode('a') : flipBit(bytes, bit);
            const text = utf8Decode(flipped);
            if (text === undefined) return true; // not text any more: cannot be sent as a type
            tampered = { ...env, payloadType: text };
          } else {
            const sig = flipBit(decodeBase64(env.signatures[0]!.sig)!, bit);
            tampered = {
              ...env,
              signatures: [{ sig: encodeBase64(sig) as DsseEnvelope['payload'] }],
            };
          }
          const r = await verifyEnvelope(tampered, { verifiers: [key.verifier] });
          return E.isLeft(r) && r.left.code === 'CORE_DSSE_NO_TRUSTED_SIGNATURE';
        },
      ),
      { numRuns: 150 },
    );
  });

  it('threshold counts distinct trusted keys only (duplicates once, untrusted never)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(signerIndex, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        async (signers, threshold, withKeyids) => {
          const env = await signEnvelope(
            'application/vnd.t',
            utf8Encode('x'),
            signers.map((i) => pool[i]!.signer),
          );
          const sent = withKeyids
            ? env
            : { ...env, signatures: env.signatures.map((s) => ({ sig: s.sig })) };
          const r = await verifyEnvelope(sent, {
            verifiers: trusted().map((k) => k.verifier),
            threshold,
          });
          const distinct = new Set(signers.filter((i) => i < 3).map((i) => pool[i]!.keyid));
          if (distinct.size >= threshold) {
            return (
              E.isRight(r) && [...r.right.keyids].sort().join() === [...distinct].sort().join()
            );
          }
          return E.isLeft(r) && 'verified' in r.left && r.left.verified === distinct.size;
        },
      ),
      RUNS,
    );
  });

  it('accepts the standard and the URL-safe spelling of the same envelope alike', async () => {
    await fc.assert(
      fc.asyncProperty(payloadType, payload, signerIndex, async (t, p, i) => {
        const key = pool[i]!;
        const env = await signEnvelope(t, p, [key.signer]);
        const url = {
          ...env,
          payload: toUrlSafe(env.payload),
          signatures: env.signatures.map((s) => ({ ...s, sig: toUrlSafe(s.sig) })),
        };
        const [r1, r2] = [
          await verifyEnvelope(env, { verifiers: [key.verifier] }),
          await verifyEnvelope(url, { verifiers: [key.verifier] }),
        ];
        return (
          E.isRight(r1) &&
          E.isRight(r2) &&
          encodeBase64(r1.right.payload) === encodeBase64(r2.right.payload)
        );
      }),
      RUNS,
    );
  });
});

describe('sign/verify laws (examples kept as regressions)', () => {
  it('an envelope signed for one type never verifies under a type differing only in case', async () => {
    const key = pool[0]!;
    const env = await signEnvelope('application/vnd.T', utf8Encode('x'), [key.signer]);
    const r = await verifyEnvelope(
      { ...env, payloadType: 'application/vnd.t' },
      { verifiers: [key.verifier] },
    );
    expect(E.isLeft(r)).toBe(true);
  });
});
