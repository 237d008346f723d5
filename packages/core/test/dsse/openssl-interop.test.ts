// Interoperability with OpenSSL, an independent implementation: Warrant signatures verify with
// `openssl pkeyutl -verify` over the PAE bytes, OpenSSL signatures verify in Warrant, OpenSSL
// reads Warrant's PEMs, and key ids equal SHA-256 of `openssl pkey -outform DER`.
// Needs the `openssl` command. Under CI=true a missing openssl FAILS these tests (.ci/run
// installs it); elsewhere they are skipped with a message.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  decodeBase64,
  encodeBase64,
  importPrivateKeyPem,
  importPublicKeyPem,
  paeEncode,
  signEnvelope,
  utf8Encode,
  verifyEnvelope,
  type DsseAlgorithm,
} from '@warrant/core';
import { makeKey } from './keyring';

const HAVE_OPENSSL = spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0;
const IN_CI = process.env['CI'] === 'true';
if (!HAVE_OPENSSL && !IN_CI) {
  console.warn(
    'openssl not found: skipping the DSSE/OpenSSL interop tests (under CI=true they fail)',
  );
}

const dir = mkdtempSync(join(tmpdir(), 'warrant-dsse-openssl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;
const file = (content: Uint8Array | string): string => {
  const path = join(dir, `f${fileCount++}`);
  writeFileSync(path, content);
  return path;
};

const openssl = (...args: string[]): { ok: boolean; out: string } => {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  if (r.error !== undefined || r.status === null) {
    throw new Error(
      `openssl is required for this test (install it; .ci/run does): ${String(r.error)}`,
    );
  }
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
};
// ECDSA needs the digest named; Ed25519 hashes internally (RFC 8032), so it takes none.
const digestArgs = (alg: DsseAlgorithm): string[] =>
  alg === 'ecdsa-p256' ? ['-digest', 'sha256'] : [];
const verifyWithOpenssl = (alg: DsseAlgorithm, pem: string, pae: Uint8Array, sig: Uint8Array) =>
  openssl(
    'pkeyutl',
    '-verify',
    '-pubin',
    '-inkey',
    file(pem),
    '-rawin',
    ...digestArgs(alg),
    '-in',
    file(pae),
    '-sigfile',
    file(sig),
  );

const TYPE = 'application/vnd.warrant.test+json; note=typé';
const PAYLOAD = utf8Encode('{"hello":"wörld"}');
const GENPKEY: Record<DsseAlgorithm, string[]> = {
  ed25519: ['-algorithm', 'ed25519'],
  'ecdsa-p256': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
};

describe.skipIf(!HAVE_OPENSSL && !IN_CI).each(['ed25519', 'ecdsa-p256'] as const)(
  'OpenSSL interop, %s',
  (alg) => {
    it('a Warrant signature verifies with `openssl pkeyutl -verify` over the PAE; a changed PAE does not', async () => {
      const key = await makeKey(alg);
      const env = await signEnvelope(TYPE, PAYLOAD, [key.signer]);
      const sig = decodeBase64(env.signatures[0]!.sig)!;
      const pae = paeEncode(TYPE, PAYLOAD);
      const good = verifyWithOpenssl(alg, key.publicKeyPem, pae, sig);
      expect(good.out).toContain('Signature Verified Successfully');
      expect(good.ok).toBe(true);
      expect(verifyWithOpenssl(alg, key.publicKeyPem, paeEncode(`${TYPE} `, PAYLOAD), sig).ok).toBe(
        false,
      );
    });

    it('an OpenSSL signature over the PAE verifies in Warrant (and fails on another payload)', async () => {
      const keyPem = openssl('genpkey', ...GENPKEY[alg]).out;
      const pubPem = openssl('pkey', '-in', file(keyPem), '-pubout').out;
      const pae = paeEncode(TYPE, PAYLOAD);
      const sigPath = join(dir, `sig-${alg}`);
      const signed = openssl(
        'pkeyutl',
        '-sign',
        '-inkey',
        file(keyPem),
        '-rawin',
        ...digestArgs(alg),
        '-in',
        file(pae),
        '-out',
        sigPath,
      );
      expect(signed.ok).toBe(true);
      const sig = new Uint8Array(readFileSync(sigPath));
      const env = {
        payloadType: TYPE,
        payload: encodeBase64(PAYLOAD),
        signatures: [{ sig: encodeBase64(sig) }],
      };
      const pub = await importPublicKeyPem(pubPem);
      if (E.isLeft(pub)) throw new Error(pub.left.message);
      const r = await verifyEnvelope(env, { verifiers: [pub.right.verifier] });
      expect(E.isRight(r) && r.right.keyids).toEqual([pub.right.keyid]);
      const other = { ...env, payload: encodeBase64(utf8Encode('{}')) };
      expect(E.isLeft(await verifyEnvelope(other, { verifiers: [pub.right.verifier] }))).toBe(true);
    });

    it('an OpenSSL private key imported into Warrant signs what OpenSSL verifies', async () => {
      const keyPem = openssl('genpkey', ...GENPKEY[alg]).out;
      const pubPem = openssl('pkey', '-in', file(keyPem), '-pubout').out;
      const key = await importPrivateKeyPem(keyPem);
      if (E.isLeft(key)) throw new Error(key.left.message);
      expect(key.right.publicKeyPem).toBe(pubPem);
      const pae = paeEncode(TYPE, PAYLOAD);
      expect(verifyWithOpenssl(alg, pubPem, pae, await key.right.signer.sign(pae)).ok).toBe(true);
    });

    it('the key id is SHA-256 of the DER OpenSSL writes, and OpenSSL reads Warrant PEMs', async () => {
      const key = await makeKey(alg);
      const der = spawnSync('openssl', [
        'pkey',
        '-pubin',
        '-in',
        file(key.publicKeyPem),
        '-outform',
        'DER',
      ]);
      expect(der.status).toBe(0);
      expect(
        createHash('sha256')
          .update(der.stdout as Buffer)
          .digest('hex'),
      ).toBe(key.keyid);
      expect(openssl('pkey', '-in', file(key.privateKeyPem), '-pubout').out).toBe(key.publicKeyPem);
    });
  },
);
