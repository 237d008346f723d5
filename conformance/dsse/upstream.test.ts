// Runs the DSSE project's published material, read verbatim from upstream/, against Warrant:
// every case of testvectors/vectors.json (Ed25519, RFC 8032 keys) and the ECDSA P-256
// "hello world" example of protocol.md (signature in P1363 r||s form).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  decodeBase64,
  encodeBase64,
  importJwk,
  paeEncode,
  signEnvelope,
  toHex,
  fromHex,
  utf8Decode,
  verifyEnvelope,
  type Signer,
  type Verifier,
} from '@warrant/core';

const DIR = join(import.meta.dirname, 'upstream', 'secure-systems-lab__dsse');

interface UpstreamVector {
  id: string;
  envelope: {
    payload: string;
    payloadType: string;
    signatures: { sig: string; keyid?: string }[];
  };
  trustedKeys: string[];
  threshold: number;
  supportedPayloadTypes: string[];
  pae: string;
  expect: 'accept' | 'reject';
}
interface UpstreamFile {
  keys: Record<string, { algorithm: string; seed: string; public: string }>;
  vectors: UpstreamVector[];
}

const upstream = JSON.parse(
  readFileSync(join(DIR, 'testvectors', 'vectors.json'), 'utf8'),
) as UpstreamFile;

const b64url = (hex: string): string =>
  encodeBase64(fromHex(hex) as Uint8Array)
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');

// Upstream names its keys "A" and "B" and uses those names as key ids, so the verifiers are
// renamed; the keys themselves are imported as JWKs built from the RFC 8032 seeds.
const named = async (name: string): Promise<{ signer: Signer; verifier: Verifier }> => {
  const k = upstream.keys[name]!;
  const key = await importJwk({
    kty: 'OKP',
    crv: 'Ed25519',
    x: b64url(k.public),
    d: b64url(k.seed),
  });
  if (E.isLeft(key) || key.right.kind !== 'private') throw new Error(`cannot import key ${name}`);
  const { signer, verifier } = key.right;
  return {
    signer: { keyid: name, sign: (pae) => signer.sign(pae) },
    verifier: { keyid: name, verify: (pae, sig) => verifier.verify(pae, sig) },
  };
};

describe('DSSE testvectors/vectors.json', () => {
  it('has the nine published vectors', () => {
    expect(upstream.vectors.map((v) => v.id)).toHaveLength(9);
  });
  for (const v of upstream.vectors) {
    it(`${v.id}: ${v.expect}`, async () => {
      const verifiers = await Promise.all(
        v.trustedKeys.map(async (n) => (await named(n)).verifier),
      );
      const result = await verifyEnvelope(v.envelope, {
        verifiers,
        threshold: v.threshold,
        payloadTypes: v.supportedPayloadTypes,
      });
      expect(E.isRight(result)).toBe(v.expect === 'accept');
      if (E.isRight(result)) {
        // The PAE the signatures cover is the one computed from the envelope's fields.
        expect(toHex(paeEncode(result.right.payloadType, result.right.payload))).toBe(v.pae);
        expect(result.right.payload).toEqual(decodeBase64(v.envelope.payload));
      }
    });
  }
  it('reproduces every published signature byte for byte (Ed25519 is deterministic)', async () => {
    for (const v of upstream.vectors) {
      for (const s of v.envelope.signatures) {
        const pae = fromHex(v.pae)!;
        const name = s.keyid ?? (await findSigner(pae, s.sig));
        const { signer } = await named(name);
        expect(await signer.sign(pae)).toEqual(decodeBase64(s.sig));
      }
    }
  });
  it('signEnvelope reproduces the single-signature envelope (modulo member order)', async () => {
    const v = upstream.vectors.find((x) => x.id === 'single-signature')!;
    const { signer } = await named('A');
    const env = await signEnvelope(v.envelope.payloadType, decodeBase64(v.envelope.payload)!, [
      signer,
    ]);
    expect(env).toEqual({
      payloadType: v.envelope.payloadType,
      payload: v.envelope.payload,
      signatures: [{ keyid: 'A', sig: v.envelope.signatures[0]!.sig }],
    });
  });
});

const findSigner = async (pae: Uint8Array, sig: string): Promise<string> => {
  for (const name of Object.keys(upstream.keys)) {
    if (await (await named(name)).verifier.verify(pae, decodeBase64(sig)!)) return name;
  }
  throw new Error('no upstream key made this signature');
};

describe('DSSE protocol.md ECDSA P-256 example', () => {
  const text = readFileSync(join(DIR, 'protocol.md'), 'utf8');
  const num = (label: string): bigint =>
    BigInt(new RegExp(`^${label}: (\\d+)$`, 'm').exec(text)![1]!);
  const be32 = (n: bigint): string => b64url(n.toString(16).padStart(64, '0'));
  const envelope = JSON.parse(
    /```json\n([\s\S]*?)```/.exec(text)![1]!,
  ) as UpstreamVector['envelope'];

  it('verifies the published envelope (P1363 signature) with the published key', async () => {
    const key = await importJwk({ kty: 'EC', crv: 'P-256', x: be32(num('X')), y: be32(num('Y')) });
    if (E.isLeft(key)) throw new Error(key.left.message);
    const result = await verifyEnvelope(envelope, { verifiers: [key.right.verifier] });
    if (E.isLeft(result)) throw new Error(result.left.message);
    expect(result.right.payloadType).toBe('http://example.com/HelloWorld');
    expect(utf8Decode(result.right.payload)).toBe('hello world');
    expect(decodeBase64(envelope.signatures[0]!.sig)).toHaveLength(64);
  });
  it('has the PAE the document shows', () => {
    const pae = paeEncode('http://example.com/HelloWorld', new TextEncoder().encode('hello world'));
    expect(utf8Decode(pae)).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
  });
  it('the published private key signs envelopes its public key verifies (DER)', async () => {
    const key = await importJwk({
      kty: 'EC',
      crv: 'P-256',
      x: be32(num('X')),
      y: be32(num('Y')),
      d: be32(num('d')),
    });
    if (E.isLeft(key) || key.right.kind !== 'private') throw new Error('import failed');
    const env = await signEnvelope(
      'http://example.com/HelloWorld',
      new TextEncoder().encode('hello world'),
      [key.right.signer],
    );
    const sig = decodeBase64(env.signatures[0]!.sig)!;
    expect(sig[0]).toBe(0x30); // DER SEQUENCE
    expect(E.isRight(await verifyEnvelope(env, { verifiers: [key.right.verifier] }))).toBe(true);
  });
});
