/**
 * Generates the DSSE conformance vectors in conformance/dsse/: pae.json, keys.json,
 * envelope.json and signatures.json (shapes in conformance/README.md, section "dsse").
 *
 *   npx tsx --conditions=@warrant/source conformance/tools/dsse.ts [output-folder]
 *
 * Regeneration is byte-identical: Ed25519 signatures are deterministic (RFC 8032 section 5.1.6),
 * the ECDSA signature is a fixed OpenSSL-made one (dsse-fixtures.ts), and nothing is random.
 * Expected outcomes are written here by hand from docs/spec/signatures.md; the generator then
 * checks that Warrant agrees before writing, so a disagreement stops generation.
 * @module
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import {
  decodeBase64,
  encodeBase64,
  fromHex,
  importJwk,
  importPrivateKeyPem,
  importPublicKeyPem,
  paeEncode,
  signEnvelope,
  toHex,
  utf8Encode,
  verifyEnvelope,
  type PublicKey,
  type Signer,
  type SigningKey,
} from '@warrant/core';
import * as F from './dsse-fixtures';

const VECTORS = join(import.meta.dirname, '..', 'dsse');
// An optional argument writes elsewhere (the vector test regenerates into a temporary folder).
const OUT = process.argv[2] ?? VECTORS;
const UPSTREAM = join(VECTORS, 'upstream', 'secure-systems-lab__dsse');
const DSSE_REPO = 'secure-systems-lab/dsse';

// --- helpers ---------------------------------------------------------------

type Case = { name: string; input: unknown } & ({ expected: unknown } | { error: string });

const write = (file: string, description: string, source: string, cases: Case[]): void => {
  // Non-ASCII is written as \u escapes so no editor or transcoding can alter the text.
  const json = JSON.stringify({ description, source, cases }, null, 2).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  writeFileSync(join(OUT, file), `${json}\n`);
  console.log(`wrote conformance/dsse/${file}: ${cases.length} cases`);
};

const must = <A>(e: E.Either<{ code: string; message: string }, A>): A => {
  if (E.isLeft(e)) throw new Error(`${e.left.code}: ${e.left.message}`);
  return e.right;
};
const b64url = (bytes: Uint8Array): string =>
  encodeBase64(bytes).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const spkiHex = (pem: string): string =>
  toHex(decodeBase64(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, '')) as Uint8Array);
const bigHex = (n: bigint): string => n.toString(16).padStart(64, '0');
const fromBig = (n: bigint): Uint8Array => fromHex(bigHex(n)) as Uint8Array;

// RFC 8032 section 7.1 TEST 1, 2 and 3 (seed, public key).
const RFC8032 = {
  A: [
    '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
  ],
  B: [
    '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
  ],
  C: [
    'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
    'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
  ],
} as const;
const ed25519Jwk = (name: keyof typeof RFC8032, withPrivate: boolean) => ({
  kty: 'OKP',
  crv: 'Ed25519',
  x: b64url(fromHex(RFC8032[name][1]) as Uint8Array),
  ...(withPrivate ? { d: b64url(fromHex(RFC8032[name][0]) as Uint8Array) } : {}),
});

// The ECDSA P-256 key of DSSE protocol.md, "Test Vectors" (decimal X, Y, d).
const protocolMd = readFileSync(join(UPSTREAM, 'protocol.md'), 'utf8');
const protocolNumber = (label: string): bigint =>
  BigInt((new RegExp(`^${label}: (\\d+)$`, 'm').exec(protocolMd) as RegExpExecArray)[1] as string);
const helloJwk = {
  kty: 'EC',
  crv: 'P-256',
  x: b64url(fromBig(protocolNumber('X'))),
  y: b64url(fromBig(protocolNumber('Y'))),
};
const helloEnvelope = JSON.parse(
  (/```json\n([\s\S]*?)```/.exec(protocolMd) as RegExpExecArray)[1] as string,
) as { payload: string; payloadType: string; signatures: { sig: string }[] };

// ECDSA encodings, written here independently of Warrant's own converter (X.690 DER INTEGERs).
const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const derInt = (n: bigint): string => {
  let h = n.toString(16);
  if (h.length % 2 === 1) h = `0${h}`;
  if (parseInt(h.slice(0, 2), 16) >= 0x80) h = `00${h}`;
  return `02${(h.length / 2).toString(16).padStart(2, '0')}${h}`;
};
const derSig = (r: bigint, s: bigint): string => {
  const body = derInt(r) + derInt(s);
  return `30${(body.length / 2).toString(16).padStart(2, '0')}${body}`;
};
const parseDerSig = (hex: string): [bigint, bigint] => {
  const rLen = parseInt(hex.slice(6, 8), 16);
  const r = BigInt(`0x${hex.slice(8, 8 + 2 * rLen)}`);
  const sAt = 8 + 2 * rLen;
  const sLen = parseInt(hex.slice(sAt + 2, sAt + 4), 16);
  return [r, BigInt(`0x${hex.slice(sAt + 4, sAt + 4 + 2 * sLen)}`)];
};

// Ed25519 group order L (RFC 8032 section 5.1); S + L is the same scalar, non-canonically encoded.
const ED25519_L = 2n ** 252n + 27742317777372353535851937790883648493n;
const nonCanonicalS = (sig: Uint8Array): Uint8Array => {
  const s = BigInt(`0x${toHex(sig.slice(32).reverse())}`) + ED25519_L;
  const out = sig.slice();
  out.set((fromHex(s.toString(16).padStart(64, '0')) as Uint8Array).reverse(), 32);
  return out;
};

// The expected values below are computed with Node's Buffer and node:crypto, not with Warrant.
const independentPae = (payloadType: string, payload: Uint8Array): string => {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, 'ascii'),
    type,
    Buffer.from(` ${payload.length} `, 'ascii'),
    payload,
  ]).toString('hex');
};
const b64hex = (text: string): string => Buffer.from(text, 'base64').toString('hex');
const keyidOf = (spki: string): string =>
  createHash('sha256').update(Buffer.from(spki, 'hex')).digest('hex');
const ED25519_SPKI_PREFIX = '302a300506032b6570032100';
const P256_SPKI_PREFIX = '3059301306072a8648ce3d020106082a8648ce3d030107034200';

// --- keys ------------------------------------------------------------------

const A = must(await importJwk(ed25519Jwk('A', true))) as SigningKey;
const B = must(await importJwk(ed25519Jwk('B', true))) as SigningKey;
const C = must(await importJwk(ed25519Jwk('C', true))) as SigningKey;
const H = must(await importJwk(helloJwk)) as PublicKey;
const V = must(await importPrivateKeyPem(F.VECTOR_P256_PRIVATE_PEM));
const renamed = (key: SigningKey, keyid: string): Signer => ({
  keyid,
  sign: (p) => key.signer.sign(p),
});
const trust = (key: { publicKeyPem: string; keyid: string }, keyid = key.keyid) => ({
  keyid,
  publicKeyPem: key.publicKeyPem,
});

// --- pae.json --------------------------------------------------------------

const paeCases: Case[] = [];
const pae = (name: string, payloadType: string, payload: Uint8Array): void => {
  paeCases.push({
    name,
    input: { payloadType, payloadHex: toHex(payload) },
    expected: independentPae(payloadType, payload),
  });
};
pae('protocol.md hello world', 'http://example.com/HelloWorld', utf8Encode('hello world'));
pae('sigstore-js: ASCII', 'text/plain', utf8Encode('Hello, World!'));
pae(
  'sigstore-js: non-ASCII type counts 17 UTF-8 bytes, not 16 characters',
  'application/typ\u00e9',
  utf8Encode('Hello, World!'),
);
pae('sigstore-js: U+0174 is not truncated to "t"', '\u0174ext/plain', utf8Encode('Hello, World!'));
const upstreamFile = JSON.parse(
  readFileSync(join(UPSTREAM, 'testvectors', 'vectors.json'), 'utf8'),
) as {
  vectors: {
    id: string;
    envelope: { payload: string; payloadType: string };
    pae: string;
    expect: string;
  }[];
};
for (const v of upstreamFile.vectors) {
  if (v.expect !== 'accept' || v.id.startsWith('threshold-two')) continue;
  pae(
    `DSSE vectors.json ${v.id}`,
    v.envelope.payloadType,
    decodeBase64(v.envelope.payload) as Uint8Array,
  );
}
pae(
  'DSSE vectors.json empty-payload-type (signed, then rejected as unsupported)',
  '',
  utf8Encode('{"_type":"https://in-toto.io/Statement/v1"}'),
);
pae('empty type and empty payload', '', new Uint8Array(0));
pae('astral character: 4 UTF-8 bytes', 'application/\u{1F510}', utf8Encode('x'));
pae('CJK type', '\u7f72\u540d/\u6587\u66f8', utf8Encode('x'));
pae('precomposed e-acute (NFC)', 'caf\u00e9', new Uint8Array(0));
pae('decomposed e + combining acute (NFD): not normalized', 'cafe\u0301', new Uint8Array(0));
pae('type with spaces and digits', '1 2 3', utf8Encode('4 5'));
pae('payload that looks like a PAE', 't', utf8Encode('DSSEv1 1 t 0 '));
pae(
  'binary payload: every byte value',
  'application/octet-stream',
  Uint8Array.from({ length: 256 }, (_, i) => i),
);
pae('four-digit payload length', 't', new Uint8Array(1000).fill(0x61));

// --- keys.json -------------------------------------------------------------

const keyCases: Case[] = [];
const keyOk = (name: string, input: unknown, algorithm: string, spki: string): void => {
  keyCases.push({ name, input, expected: { algorithm, keyid: keyidOf(spki), spkiHex: spki } });
};
const edSpki = (name: keyof typeof RFC8032): string => ED25519_SPKI_PREFIX + RFC8032[name][1];
const helloSpki = `${P256_SPKI_PREFIX}04${bigHex(protocolNumber('X'))}${bigHex(protocolNumber('Y'))}`;
keyOk('RFC 8032 TEST 1 public key as JWK', { jwk: ed25519Jwk('A', false) }, 'ed25519', edSpki('A'));
keyOk('RFC 8032 TEST 2 private key as JWK', { jwk: ed25519Jwk('B', true) }, 'ed25519', edSpki('B'));
keyOk(
  'RFC 8032 TEST 3 public key as SPKI PEM',
  { publicKeyPem: C.publicKeyPem },
  'ed25519',
  edSpki('C'),
);
keyOk('DSSE protocol.md P-256 key as JWK', { jwk: helloJwk }, 'ecdsa-p256', helloSpki);
keyOk(
  'OpenSSL P-256 PKCS #8 PEM',
  { privateKeyPem: F.VECTOR_P256_PRIVATE_PEM },
  'ecdsa-p256',
  spkiHex(F.VECTOR_P256_PUBLIC_PEM),
);
keyOk(
  'OpenSSL P-256 SPKI PEM',
  { publicKeyPem: F.VECTOR_P256_PUBLIC_PEM },
  'ecdsa-p256',
  spkiHex(F.VECTOR_P256_PUBLIC_PEM),
);
keyOk(
  'OpenSSL Ed25519 PKCS #8 PEM',
  { privateKeyPem: F.ED25519_PRIVATE_PEM },
  'ed25519',
  spkiHex(F.ED25519_PUBLIC_PEM),
);
const keyErr = (name: string, input: unknown, error: string): void => {
  keyCases.push({ name, input, error });
};
keyErr('RSA SPKI', { publicKeyPem: F.RSA_PUBLIC_PEM }, 'CORE_DSSE_UNSUPPORTED_ALGORITHM');
keyErr('P-384 SPKI', { publicKeyPem: F.P384_PUBLIC_PEM }, 'CORE_DSSE_UNSUPPORTED_ALGORITHM');
keyErr(
  'X25519 SPKI (not a signature algorithm)',
  { publicKeyPem: F.X25519_PUBLIC_PEM },
  'CORE_DSSE_UNSUPPORTED_ALGORITHM',
);
keyErr('Ed448 PKCS #8', { privateKeyPem: F.ED448_PRIVATE_PEM }, 'CORE_DSSE_UNSUPPORTED_ALGORITHM');
keyErr(
  'P-256 SPKI with a compressed point (not canonical)',
  { publicKeyPem: F.P256_COMPRESSED_PUBLIC_PEM },
  'CORE_DSSE_KEY_IMPORT_FAILED',
);
keyErr(
  'SEC 1 "EC PRIVATE KEY" (not PKCS #8)',
  { privateKeyPem: F.SEC1_PRIVATE_PEM },
  'CORE_DSSE_KEY_IMPORT_FAILED',
);
keyErr(
  'encrypted PKCS #8',
  { privateKeyPem: F.ENCRYPTED_PRIVATE_PEM },
  'CORE_DSSE_KEY_IMPORT_FAILED',
);
keyErr(
  'a private key where a public key is expected',
  { publicKeyPem: F.ED25519_PRIVATE_PEM },
  'CORE_DSSE_KEY_IMPORT_FAILED',
);
keyErr('RSA JWK', { jwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB' } }, 'CORE_DSSE_UNSUPPORTED_ALGORITHM');
keyErr(
  'JWK x of 31 bytes',
  { jwk: { kty: 'OKP', crv: 'Ed25519', x: b64url(new Uint8Array(31)) } },
  'CORE_DSSE_KEY_IMPORT_FAILED',
);
keyErr(
  'JWK whose d is not the private key of x',
  { jwk: { ...ed25519Jwk('A', false), d: ed25519Jwk('B', true).d } },
  'CORE_DSSE_KEY_IMPORT_FAILED',
);

// --- envelope.json ---------------------------------------------------------

const envCases: Case[] = [];
interface EnvelopeIn {
  payloadType?: string;
  payload?: string;
  signatures?: { keyid?: string; sig: string }[];
}
const envOk = (name: string, input: EnvelopeIn): void => {
  envCases.push({
    name,
    input,
    expected: {
      payloadType: input.payloadType ?? '',
      payloadHex: b64hex(input.payload ?? ''),
      signatures: (input.signatures ?? []).map((s) => ({
        ...(s.keyid === undefined || s.keyid === '' ? {} : { keyid: s.keyid }),
        sigHex: b64hex(s.sig),
      })),
    },
  });
};
const envErr = (name: string, input: unknown, error: string): void => {
  envCases.push({ name, input, error });
};
const base = {
  payloadType: 'application/vnd.t',
  payload: 'aGk=',
  signatures: [{ keyid: 'k', sig: 'AAEC' }],
};
envOk('well-formed', base);
envOk('URL-safe alphabet', { ...base, payload: '-_-_Pj8=', signatures: [{ sig: '__8=' }] });
envOk('absent members read as empty (envelope.md: empty fields may be omitted)', {});
envOk('an empty keyid is no keyid', { ...base, signatures: [{ keyid: '', sig: 'AAEC' }] });
envOk('several signatures, order kept', {
  ...base,
  signatures: [{ sig: 'AQ==' }, { keyid: 'b', sig: 'Ag==' }],
});
envErr('not an object', ['x'], 'CORE_DSSE_ENVELOPE_MALFORMED');
envErr('null', null, 'CORE_DSSE_ENVELOPE_MALFORMED');
envErr('unknown envelope member', { ...base, signed: true }, 'CORE_DSSE_ENVELOPE_MALFORMED');
envErr(
  'unknown signature member',
  { ...base, signatures: [{ sig: 'AAEC', cert: '' }] },
  'CORE_DSSE_ENVELOPE_MALFORMED',
);
envErr('payloadType not a string', { ...base, payloadType: null }, 'CORE_DSSE_ENVELOPE_MALFORMED');
envErr(
  'signatures not an array',
  { ...base, signatures: { sig: 'AAEC' } },
  'CORE_DSSE_ENVELOPE_MALFORMED',
);
envErr(
  'signature without sig',
  { ...base, signatures: [{ keyid: 'k' }] },
  'CORE_DSSE_ENVELOPE_MALFORMED',
);
envErr(
  'keyid not a string',
  { ...base, signatures: [{ keyid: 1, sig: 'AAEC' }] },
  'CORE_DSSE_ENVELOPE_MALFORMED',
);
for (const [name, text] of [
  ['base64: missing padding', 'aGk'],
  ['base64: unpadded URL-safe', '-_-_Pj8'],
  ['base64: alphabets mixed', '+_8='],
  ['base64: space inside', 'aG k='],
  ['base64: line break inside', 'aGVs\nbG8='],
  ['base64: non-zero bits under "=="', 'aR=='],
  ['base64: non-zero bits under "="', 'aGl='],
  ['base64: "=" inside', 'aG=k'],
  ['base64: three "="', 'a==='],
  ['base64: non-ASCII character', 'aGk\u00e9'],
] as const) {
  envErr(name, { ...base, payload: text }, 'CORE_DSSE_BASE64_INVALID');
}
envErr('base64: bad sig', { ...base, signatures: [{ sig: 'AAE' }] }, 'CORE_DSSE_BASE64_INVALID');

// --- signatures.json -------------------------------------------------------

const sigCases: Case[] = [];
interface VerifyInput {
  envelope: unknown;
  trustedKeys: { keyid: string; publicKeyPem: string }[];
  threshold: number;
  payloadTypes?: string[];
}
const accept = async (name: string, input: VerifyInput, keyids: string[]): Promise<void> => {
  const env = input.envelope as { payloadType: string; payload: string };
  const expected = {
    payloadType: env.payloadType,
    payloadHex: b64hex(env.payload),
    keyids: [...keyids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  };
  await check(name, input, expected);
  sigCases.push({ name, input, expected });
};
const reject = async (name: string, input: VerifyInput, error: string): Promise<void> => {
  await check(name, input, error);
  sigCases.push({ name, input, error });
};
// Refuses to write a vector Warrant disagrees with.
const check = async (name: string, input: VerifyInput, want: unknown): Promise<void> => {
  const verifiers = await Promise.all(
    input.trustedKeys.map(async (k) => {
      const key = must(await importPublicKeyPem(k.publicKeyPem));
      return { keyid: k.keyid, verify: key.verifier.verify };
    }),
  );
  const r = await verifyEnvelope(input.envelope, {
    verifiers,
    threshold: input.threshold,
    ...(input.payloadTypes === undefined ? {} : { payloadTypes: input.payloadTypes }),
  });
  const got = E.isLeft(r)
    ? r.left.code
    : {
        payloadType: r.right.payloadType,
        payloadHex: toHex(r.right.payload),
        keyids: r.right.keyids,
      };
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    throw new Error(
      `${name}: Warrant gives ${JSON.stringify(got)}, the vector says ${JSON.stringify(want)}`,
    );
  }
};

// The published DSSE vectors, with their keys as SPKI PEMs under their upstream names.
const upstreamKeys = { A, B } as const;
for (const v of (
  upstreamFile as unknown as {
    vectors: {
      id: string;
      envelope: unknown;
      trustedKeys: ('A' | 'B')[];
      threshold: number;
      supportedPayloadTypes: string[];
      expect: string;
    }[];
  }
).vectors) {
  const input: VerifyInput = {
    envelope: v.envelope,
    trustedKeys: v.trustedKeys.map((n) => trust(upstreamKeys[n], n)),
    threshold: v.threshold,
    payloadTypes: v.supportedPayloadTypes,
  };
  const name = `DSSE vectors.json ${v.id}`;
  if (v.expect === 'accept') {
    const signers = {
      'single-signature': ['A'],
      'url-safe-base64': ['A'],
      'non-ascii-payload-type': ['A'],
      'empty-payload': ['A'],
      'threshold-two-distinct-keys': ['A', 'B'],
      'threshold-two-without-keyids': ['A', 'B'],
    }[v.id];
    if (signers === undefined) throw new Error(`no expected signers for upstream vector ${v.id}`);
    await accept(name, input, signers);
  } else {
    const code = {
      'payload-type-swapped': 'CORE_DSSE_NO_TRUSTED_SIGNATURE',
      'empty-payload-type': 'CORE_DSSE_UNSUPPORTED_PAYLOAD_TYPE',
      'threshold-two-one-key-twice': 'CORE_DSSE_THRESHOLD_NOT_MET',
    }[v.id];
    if (code === undefined) throw new Error(`no expected code for upstream vector ${v.id}`);
    await reject(name, input, code);
  }
}

// protocol.md's ECDSA example: r || s as published, and the same signature in DER.
const helloSig = decodeBase64(helloEnvelope.signatures[0]!.sig) as Uint8Array;
const helloR = BigInt(`0x${toHex(helloSig.subarray(0, 32))}`);
const helloS = BigInt(`0x${toHex(helloSig.subarray(32))}`);
await accept(
  'DSSE protocol.md ECDSA example (P1363 r||s signature)',
  { envelope: helloEnvelope, trustedKeys: [trust(H)], threshold: 1 },
  [H.keyid],
);
const helloDer = {
  ...helloEnvelope,
  signatures: [{ sig: encodeBase64(fromHex(derSig(helloR, helloS)) as Uint8Array) }],
};
await accept(
  'DSSE protocol.md ECDSA example, signature re-encoded as DER',
  { envelope: helloDer, trustedKeys: [trust(H)], threshold: 1 },
  [H.keyid],
);

// Warrant-made Ed25519 envelopes (RFC 8032 TEST 3 key C, key id = SHA-256 of its SPKI).
const T = 'application/vnd.warrant.test+json';
const P = utf8Encode('{"vector":"ed25519"}');
const envC = await signEnvelope(T, P, [C.signer]);
await accept(
  'Ed25519, key id is the SPKI SHA-256',
  { envelope: envC, trustedKeys: [trust(A), trust(C)], threshold: 1 },
  [C.keyid],
);
await accept(
  'non-ASCII payload type (application/typ\u00e9)',
  {
    envelope: await signEnvelope('application/typ\u00e9', P, [C.signer]),
    trustedKeys: [trust(C)],
    threshold: 1,
  },
  [C.keyid],
);
await accept(
  'astral payload type and empty payload',
  {
    envelope: await signEnvelope('\u{1F510}', new Uint8Array(0), [C.signer]),
    trustedKeys: [trust(C)],
    threshold: 1,
  },
  [C.keyid],
);
await accept(
  'binary payload with every byte value',
  {
    envelope: await signEnvelope(
      'application/octet-stream',
      Uint8Array.from({ length: 256 }, (_, i) => i),
      [C.signer],
    ),
    trustedKeys: [trust(C)],
    threshold: 1,
  },
  [C.keyid],
);
const toUrl = (s: string): string => s.replace(/\+/g, '-').replace(/\//g, '_');
const envCUrl = {
  ...envC,
  payload: toUrl(envC.payload),
  signatures: envC.signatures.map((s) => ({ ...s, sig: toUrl(s.sig) })),
};
await accept(
  'URL-safe spelling of the same envelope',
  { envelope: envCUrl, trustedKeys: [trust(C)], threshold: 1 },
  [C.keyid],
);
await accept(
  'an empty keyid is no keyid: every trusted key is tried',
  {
    envelope: { ...envC, signatures: [{ keyid: '', sig: envC.signatures[0]!.sig }] },
    trustedKeys: [trust(A), trust(C)],
    threshold: 1,
  },
  [C.keyid],
);
await reject(
  'payload changed after signing',
  {
    envelope: { ...envC, payload: encodeBase64(utf8Encode('{"vector":"ed25519!"}')) },
    trustedKeys: [trust(C)],
    threshold: 1,
  },
  'CORE_DSSE_NO_TRUSTED_SIGNATURE',
);
await reject(
  'signed by an untrusted key, no keyid',
  {
    envelope: { ...envC, signatures: [{ sig: envC.signatures[0]!.sig }] },
    trustedKeys: [trust(A), trust(B)],
    threshold: 1,
  },
  'CORE_DSSE_NO_TRUSTED_SIGNATURE',
);
await reject(
  'keyid names no trusted key',
  { envelope: envC, trustedKeys: [trust(A)], threshold: 1 },
  'CORE_DSSE_UNKNOWN_KEY_ID',
);
const envA = await signEnvelope(T, P, [A.signer]);
await reject(
  'keyid hint names trusted key C, signature is by trusted key A: only C is tried',
  {
    envelope: { ...envA, signatures: [{ keyid: C.keyid, sig: envA.signatures[0]!.sig }] },
    trustedKeys: [trust(A), trust(C)],
    threshold: 1,
  },
  'CORE_DSSE_NO_TRUSTED_SIGNATURE',
);
await reject(
  'no signatures',
  { envelope: { ...envC, signatures: [] }, trustedKeys: [trust(C)], threshold: 1 },
  'CORE_DSSE_NO_TRUSTED_SIGNATURE',
);
await reject(
  'Ed25519 signature of 63 bytes',
  {
    envelope: {
      ...envC,
      signatures: [
        {
          sig: encodeBase64((decodeBase64(envC.signatures[0]!.sig) as Uint8Array).subarray(0, 63)),
        },
      ],
    },
    trustedKeys: [trust(C)],
    threshold: 1,
  },
  'CORE_DSSE_NO_TRUSTED_SIGNATURE',
);
await reject(
  'Ed25519 signature with S + L (non-canonical, RFC 8032 section 5.1.7)',
  {
    envelope: {
      ...envC,
      signatures: [
        { sig: encodeBase64(nonCanonicalS(decodeBase64(envC.signatures[0]!.sig) as Uint8Array)) },
      ],
    },
    trustedKeys: [trust(C)],
    threshold: 1,
  },
  'CORE_DSSE_NO_TRUSTED_SIGNATURE',
);
await reject(
  'payload type not accepted by the verifier',
  {
    envelope: envC,
    trustedKeys: [trust(C)],
    threshold: 1,
    payloadTypes: ['application/vnd.other'],
  },
  'CORE_DSSE_UNSUPPORTED_PAYLOAD_TYPE',
);
await reject(
  'malformed envelope is refused before any check',
  { envelope: { ...envC, note: 'x' }, trustedKeys: [trust(C)], threshold: 1 },
  'CORE_DSSE_ENVELOPE_MALFORMED',
);
await reject(
  'bad base64 is refused before any check',
  {
    envelope: { ...envC, payload: envC.payload.replace(/=+$/, '') + '!' },
    trustedKeys: [trust(C)],
    threshold: 1,
  },
  'CORE_DSSE_BASE64_INVALID',
);
await reject(
  '33 signatures exceed the default cap of 32',
  {
    envelope: { ...envC, signatures: Array.from({ length: 33 }, () => envC.signatures[0]) },
    trustedKeys: [trust(C)],
    threshold: 1,
  },
  'CORE_DSSE_TOO_MANY_SIGNATURES',
);

// ECDSA P-256 (OpenSSL-made DER signature over a fixed message, key V).
const M = F.VECTOR_ECDSA_MESSAGE;
const [vr, vs] = parseDerSig(F.VECTOR_ECDSA_SIG_DER_HEX);
const ecEnv = (sigHex: string, keyid?: string) => ({
  payloadType: M.payloadType,
  payload: encodeBase64(utf8Encode(M.payload)),
  signatures: [
    { ...(keyid === undefined ? {} : { keyid }), sig: encodeBase64(fromHex(sigHex) as Uint8Array) },
  ],
});
await accept(
  'ECDSA P-256, DER signature made by OpenSSL',
  { envelope: ecEnv(F.VECTOR_ECDSA_SIG_DER_HEX, V.keyid), trustedKeys: [trust(V)], threshold: 1 },
  [V.keyid],
);
await accept(
  'ECDSA P-256, the same signature as P1363 r||s',
  { envelope: ecEnv(bigHex(vr) + bigHex(vs)), trustedKeys: [trust(V)], threshold: 1 },
  [V.keyid],
);
await accept(
  'ECDSA P-256, (r, n - s): the other valid S is accepted too (no low-S rule)',
  { envelope: ecEnv(derSig(vr, P256_N - vs)), trustedKeys: [trust(V)], threshold: 1 },
  [V.keyid],
);
// r's INTEGER with one superfluous leading 0x00 octet: same value, not minimal.
const rContent = derInt(vr).slice(4);
const paddedR = `02${(rContent.length / 2 + 1).toString(16).padStart(2, '0')}00${rContent}`;
const nonMinimalBody = paddedR + derInt(vs);
const nonMinimal = `30${(nonMinimalBody.length / 2).toString(16).padStart(2, '0')}${nonMinimalBody}`;
await reject(
  'ECDSA DER with a non-minimal INTEGER (X.690 section 8.3.2)',
  { envelope: ecEnv(nonMinimal), trustedKeys: [trust(V)], threshold: 1 },
  'CORE_DSSE_NO_TRUSTED_SIGNATURE',
);
await reject(
  'ECDSA DER with a trailing byte',
  { envelope: ecEnv(`${F.VECTOR_ECDSA_SIG_DER_HEX}00`), trustedKeys: [trust(V)], threshold: 1 },
  'CORE_DSSE_NO_TRUSTED_SIGNATURE',
);
const derLong = `3081${F.VECTOR_ECDSA_SIG_DER_HEX.slice(2)}`;
await reject(
  'ECDSA DER with a long-form length (BER, not DER)',
  { envelope: ecEnv(derLong), trustedKeys: [trust(V)], threshold: 1 },
  'CORE_DSSE_NO_TRUSTED_SIGNATURE',
);
await reject(
  'ECDSA signature over another payload type',
  {
    envelope: { ...ecEnv(F.VECTOR_ECDSA_SIG_DER_HEX), payloadType: `${M.payloadType}x` },
    trustedKeys: [trust(V)],
    threshold: 1,
  },
  'CORE_DSSE_NO_TRUSTED_SIGNATURE',
);

// Multi-signature: Ed25519 key C and ECDSA key V over the ECDSA message.
const cSig = await C.signer.sign(paeEncode(M.payloadType, utf8Encode(M.payload)));
const multi = (sigs: { keyid?: string; sig: string }[]) => ({
  ...ecEnv(F.VECTOR_ECDSA_SIG_DER_HEX),
  signatures: sigs,
});
const vEntry = {
  keyid: V.keyid,
  sig: encodeBase64(fromHex(F.VECTOR_ECDSA_SIG_DER_HEX) as Uint8Array),
};
const cEntry = { keyid: C.keyid, sig: encodeBase64(cSig) };
await accept(
  '2-of-3: Ed25519 and ECDSA signatures by distinct trusted keys',
  { envelope: multi([vEntry, cEntry]), trustedKeys: [trust(A), trust(C), trust(V)], threshold: 2 },
  [C.keyid, V.keyid],
);
await accept(
  '2-of-2 without keyids: every trusted key is tried for each signature',
  {
    envelope: multi([{ sig: vEntry.sig }, { sig: cEntry.sig }]),
    trustedKeys: [trust(C), trust(V)],
    threshold: 2,
  },
  [C.keyid, V.keyid],
);
await reject(
  '2-of-3 with the same key twice counts once',
  { envelope: multi([cEntry, cEntry]), trustedKeys: [trust(A), trust(C), trust(V)], threshold: 2 },
  'CORE_DSSE_THRESHOLD_NOT_MET',
);
await reject(
  '2-of-2 where the second signer is untrusted',
  {
    envelope: multi([
      cEntry,
      {
        keyid: 'untrusted',
        sig: encodeBase64(
          await renamed(B, 'untrusted').sign(paeEncode(M.payloadType, utf8Encode(M.payload))),
        ),
      },
    ]),
    trustedKeys: [trust(C), trust(V)],
    threshold: 2,
  },
  'CORE_DSSE_THRESHOLD_NOT_MET',
);
await accept(
  '1-of-2 with one valid and one corrupted signature',
  {
    envelope: multi([
      { ...vEntry, sig: encodeBase64(fromHex(derSig(vr, vs ^ 1n)) as Uint8Array) },
      cEntry,
    ]),
    trustedKeys: [trust(C), trust(V)],
    threshold: 1,
  },
  [C.keyid],
);

// --- write -----------------------------------------------------------------

const GEN = 'generated by conformance/tools/dsse.ts';
write(
  'pae.json',
  'DSSE v1 Pre-Authentication Encoding: input payloadType (text) and payload (hex); expected PAE (hex). LEN counts UTF-8 bytes.',
  `${DSSE_REPO} protocol.md@0110cc2 and testvectors/vectors.json@82043ad; sigstore/sigstore-js packages/core/src/__tests__/dsse.test.ts@0005778; ${GEN}`,
  paeCases,
);
write(
  'keys.json',
  'Key import and key ids: input is one of publicKeyPem (SPKI), privateKeyPem (PKCS #8) or jwk; expected algorithm, keyid (hex SHA-256 of the canonical SPKI) and the canonical SPKI (hex).',
  `RFC 8032 section 7.1 keys, DSSE protocol.md@0110cc2 P-256 key, OpenSSL 3.0-made keys (conformance/tools/dsse-fixtures.ts); ${GEN}`,
  keyCases,
);
write(
  'envelope.json',
  'DSSE JSON envelope decoding: input is the parsed JSON value; expected payloadType, payloadHex and signatures [{keyid?, sigHex}], or the error code.',
  `${DSSE_REPO} envelope.md@01870d6, RFC 4648; ${GEN}`,
  envCases,
);
write(
  'signatures.json',
  'DSSE verification: input envelope, trustedKeys [{keyid, publicKeyPem}] (keyid is how the verifier names the key), threshold and optional accepted payloadTypes; expected payloadType, payloadHex and the sorted distinct trusted keyids that verified, or the error code.',
  `${DSSE_REPO} testvectors/vectors.json@82043ad (keys A, B = RFC 8032 TEST 1, 2) and protocol.md@0110cc2 ECDSA example; OpenSSL-made ECDSA signature (conformance/tools/dsse-fixtures.ts); ${GEN}`,
  sigCases,
);
