// Runs every case of the DSSE conformance vectors (pae, keys, envelope, signatures) and checks
// that the generator reproduces the committed files byte for byte.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  decodeBase64,
  decodeEnvelope,
  fromHex,
  importJwk,
  importPrivateKeyPem,
  importPublicKeyPem,
  paeEncode,
  toHex,
  verifyEnvelope,
  type Verifier,
} from '@warrant/core';

const DIR = import.meta.dirname;
interface VectorFile<I, X> {
  description: string;
  source: string;
  cases: ({ name: string; input: I } & ({ expected: X } | { error: string }))[];
}
const load = <I, X>(file: string): VectorFile<I, X> =>
  JSON.parse(readFileSync(join(DIR, file), 'utf8')) as VectorFile<I, X>;
const spkiHexOf = (pem: string): string =>
  toHex(decodeBase64(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''))!);
const outcome = <A>(r: E.Either<{ code: string }, A>, ok: (a: A) => unknown): unknown =>
  E.isLeft(r) ? { error: r.left.code } : { expected: ok(r.right) };
const want = (c: { expected: unknown } | { error: string }): unknown =>
  'error' in c ? { error: c.error } : { expected: c.expected };

describe('conformance/dsse/pae.json', () => {
  const file = load<{ payloadType: string; payloadHex: string }, string>('pae.json');
  it.each(file.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(toHex(paeEncode(c.input.payloadType, fromHex(c.input.payloadHex)!))).toBe(
      'expected' in c ? c.expected : undefined,
    );
  });
});

describe('conformance/dsse/keys.json', () => {
  type KeyInput = { publicKeyPem?: string; privateKeyPem?: string; jwk?: unknown };
  const file = load<KeyInput, unknown>('keys.json');
  it.each(file.cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const r =
      c.input.publicKeyPem !== undefined
        ? await importPublicKeyPem(c.input.publicKeyPem)
        : c.input.privateKeyPem !== undefined
          ? await importPrivateKeyPem(c.input.privateKeyPem)
          : await importJwk(c.input.jwk);
    expect(
      outcome(r, (k) => ({
        algorithm: k.algorithm,
        keyid: k.keyid,
        spkiHex: spkiHexOf(k.publicKeyPem),
      })),
    ).toEqual(want(c));
  });
});

describe('conformance/dsse/envelope.json', () => {
  const file = load<unknown, unknown>('envelope.json');
  it.each(file.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(
      outcome(decodeEnvelope(c.input), (env) => ({
        payloadType: env.payloadType,
        payloadHex: toHex(decodeBase64(env.payload)!),
        signatures: env.signatures.map((s) => ({
          ...(s.keyid === undefined ? {} : { keyid: s.keyid }),
          sigHex: toHex(decodeBase64(s.sig)!),
        })),
      })),
    ).toEqual(want(c));
  });
});

describe('conformance/dsse/signatures.json', () => {
  interface SignatureInput {
    envelope: unknown;
    trustedKeys: { keyid: string; publicKeyPem: string }[];
    threshold: number;
    payloadTypes?: string[];
  }
  const file = load<SignatureInput, unknown>('signatures.json');
  it.each(file.cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const verifiers: Verifier[] = [];
    for (const k of c.input.trustedKeys) {
      const key = await importPublicKeyPem(k.publicKeyPem);
      if (E.isLeft(key)) throw new Error(key.left.message);
      verifiers.push({ keyid: k.keyid, verify: key.right.verifier.verify });
    }
    const r = await verifyEnvelope(c.input.envelope, {
      verifiers,
      threshold: c.input.threshold,
      ...(c.input.payloadTypes === undefined ? {} : { payloadTypes: c.input.payloadTypes }),
    });
    expect(
      outcome(r, (v) => ({
        payloadType: v.payloadType,
        payloadHex: toHex(v.payload),
        keyids: v.keyids,
      })),
    ).toEqual(want(c));
  });
});

describe('conformance/tools/dsse.ts', () => {
  it('regenerates the committed vectors byte for byte', () => {
    const out = mkdtempSync(join(tmpdir(), 'warrant-dsse-vectors-'));
    try {
      execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '--conditions=@warrant/source',
          join(DIR, '..', 'tools', 'dsse.ts'),
          out,
        ],
        { stdio: 'pipe' },
      );
      for (const f of ['pae.json', 'keys.json', 'envelope.json', 'signatures.json']) {
        expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(DIR, f), 'utf8'));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
