import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalizeToBytes, utf8Encode, type SigningKey } from '@warrant/core';
import {
  buildPackBytes,
  proofBytes,
  proveFile,
  readArchive,
  verifyFileProof,
  verifyPack,
  type PackFileProof,
  type PackManifest,
} from '@warrant/pack';
import { artifactInput, KEY_B_PEM, loadKey, right } from './fixtures';

let key: SigningKey;
let other: SigningKey;
let manifest: PackManifest;
let files: Map<string, Uint8Array>;

beforeAll(async () => {
  key = await loadKey();
  other = await loadKey(KEY_B_PEM);
  const pack = right(
    await buildPackBytes(await artifactInput(key), { signers: [key.signer] }),
  ).bytes;
  manifest = right(await verifyPack(pack)).manifest;
  files = new Map(right(readArchive(pack)).map((e) => [e.path, e.bytes]));
});

const trust = () => ({ verifiers: [key.verifier] });
const envelope = () => files.get('signatures/manifest.dsse.json') as Uint8Array;
const proof = (path: string): PackFileProof => right(proveFile(manifest, path));

describe('inclusion proofs', () => {
  it('prove every listed file, and each verifies with only the file, proof and signed manifest', async () => {
    for (const f of manifest.files) {
      const r = await verifyFileProof(
        files.get(f.path) as Uint8Array,
        proofBytes(proof(f.path)),
        envelope(),
        trust(),
      );
      expect(right(r)).toMatchObject({
        packId: manifest.pack_id,
        entry: f,
        signature: { keyids: [key.keyid] },
      });
    }
  });

  it('verify against a plain manifest.json without keys (integrity only)', async () => {
    const r = right(
      await verifyFileProof(
        files.get('verdict/verdict.json') as Uint8Array,
        proofBytes(proof('verdict/verdict.json')),
        files.get('manifest.json') as Uint8Array,
      ),
    );
    expect(r.signature).toBeUndefined();
  });

  it('refuse unknown paths, other files, forged proofs and untrusted signers', async () => {
    expect(E.isLeft(proveFile(manifest, 'nope')) && proveFile(manifest, 'nope')).toMatchObject({
      left: { code: 'PACK_PROOF_PATH_NOT_FOUND' },
    });
    const p = proof('verdict/verdict.json');
    const code = async (file: Uint8Array, doc: unknown, env = envelope(), t = trust()) => {
      const r = await verifyFileProof(file, right(canonicalizeToBytes(doc)), env, t);
      return E.isLeft(r) ? r.left.code : 'ok';
    };
    const verdict = files.get('verdict/verdict.json') as Uint8Array;
    expect(await code(verdict, p)).toBe('ok');
    expect(await code(utf8Encode('{"outcome":"fail"}'), p)).toBe('PACK_PROOF_FILE_MISMATCH');
    expect(await code(verdict, { ...p, leaf_index: p.leaf_index - 1 })).toBe(
      'PACK_PROOF_ROOT_MISMATCH',
    );
    const path = [...p.audit_path];
    path[0] = (path[0] as string).replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(await code(verdict, { ...p, audit_path: path })).toBe('PACK_PROOF_ROOT_MISMATCH');
    expect(await code(verdict, { ...p, pack_id: manifest.merkle.root })).toBe(
      'PACK_PROOF_ROOT_MISMATCH',
    );
    expect(await code(verdict, { ...p, extra: 1 })).toBe('PACK_PROOF_INVALID');
    expect(await code(verdict, p, envelope(), { verifiers: [other.verifier] })).toBe(
      'PACK_SIGNATURE_INVALID',
    );
    // a different file passed off under the verdict's name: its own proof, renamed
    const vex = proof('vex/musl.openvex.json');
    expect(
      await code(files.get('vex/musl.openvex.json') as Uint8Array, {
        ...vex,
        entry: { ...vex.entry, path: 'verdict/verdict.json' },
      }),
    ).toBe('PACK_PROOF_ROOT_MISMATCH');
  });
});
