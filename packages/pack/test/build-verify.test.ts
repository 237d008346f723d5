import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalizeToBytes,
  toHex,
  sha256,
  utf8Decode,
  utf8Encode,
  type SigningKey,
} from '@warrant/core';
import {
  buildPackBytes,
  completeManifest,
  readArchive,
  readManifest,
  verifyPack,
  writeArchive,
  type PackInput,
  type PackManifest,
} from '@warrant/pack';
import { artifactInput, KEY_B_PEM, loadKey, right } from './fixtures';

let key: SigningKey;
let other: SigningKey;
let input: PackInput;
let unsigned: Uint8Array;
let signed: Uint8Array;

beforeAll(async () => {
  key = await loadKey();
  other = await loadKey(KEY_B_PEM);
  input = await artifactInput(key);
  unsigned = right(await buildPackBytes(input)).bytes;
  signed = right(await buildPackBytes(input, { signers: [key.signer] })).bytes;
});

const entries = (pack: Uint8Array) =>
  right(readArchive(pack)).map((e) => ({ path: e.path, bytes: e.bytes }));
const rewrite = (
  pack: Uint8Array,
  edit: (
    files: Array<{ path: string; bytes: Uint8Array }>,
  ) => Array<{ path: string; bytes: Uint8Array }>,
): Uint8Array => right(writeArchive(edit(entries(pack))));
const codes = async (pack: Uint8Array, withKey = false): Promise<string[]> => {
  const r = await verifyPack(pack, withKey ? { trust: { verifiers: [key.verifier] } } : {});
  return E.isLeft(r) ? r.left.failures.map((f) => `${f.code} ${f.path ?? ''}`) : [];
};
const manifestOf = (pack: Uint8Array): PackManifest =>
  right(readManifest(entries(pack).find((e) => e.path === 'manifest.json')!.bytes));

describe('buildPack + verifyPack', () => {
  it('builds the v1 layout and verifies it, reporting what was checked', async () => {
    const paths = entries(unsigned).map((e) => e.path);
    expect(paths).toEqual([
      'SHA256SUMS',
      'VERIFY.md',
      'exceptions/checkpoint.dsse.json',
      'exceptions/events.jsonl',
      'exceptions/exceptions.jsonl',
      'findings/findings.jsonl',
      'inputs/artifacts.json',
      'inputs/knowledge.json',
      'inputs/sboms/alpine.cdx.json',
      'manifest.json',
      'policy/bundle/governance.json',
      'policy/settings.json',
      'report/summary.md',
      'verdict/explanation.md',
      'verdict/verdict.json',
      'vex/musl.openvex.json',
    ]);
    const r = right(await verifyPack(unsigned));
    expect(r.files).toBe(14);
    expect(r.signature).toBeUndefined();
    expect(r.eventLog).toMatchObject({ logId: 'acme-prod', events: 3 });
    expect(r.packId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r.merkleRoot).toBe(manifestOf(unsigned).merkle.root);
  });

  it('rebuilds byte for byte, signed too (Ed25519 is deterministic)', async () => {
    expect(toHex(right(await buildPackBytes(input)).bytes)).toBe(toHex(unsigned));
    const again = right(await buildPackBytes(input, { signers: [key.signer] })).bytes;
    expect(toHex(again)).toBe(toHex(signed));
  });

  it('gives the same pack for any order of findings, exceptions and artifacts', async () => {
    const shuffled: PackInput = {
      ...input,
      findings: [...input.findings].reverse(),
      exceptions: [...(input.exceptions ?? [])].reverse(),
      knowledge: [...(input.knowledge ?? [])].reverse(),
    };
    expect(toHex(right(await buildPackBytes(shuffled)).bytes)).toBe(toHex(unsigned));
  });

  it('stores the manifest as its canonical bytes with a derived pack id', () => {
    const bytes = entries(unsigned).find((e) => e.path === 'manifest.json')!.bytes;
    const m = manifestOf(unsigned);
    expect(toHex(right(canonicalizeToBytes(m)))).toBe(toHex(bytes));
    const { pack_id: _id, ...rest } = m;
    expect(m.pack_id).toBe(`sha256:${toHex(sha256(right(canonicalizeToBytes(rest))))}`);
  });

  it('verifies signatures against trusted keys and names the signer', async () => {
    const r = right(await verifyPack(signed, { trust: { verifiers: [key.verifier] } }));
    expect(r.signature?.keyids).toEqual([key.keyid]);
    expect(r.statement?.keyids).toEqual([key.keyid]);
    expect(r.eventLog?.checkpointKeyids).toEqual([key.keyid]);
  });

  it('meets a threshold of two distinct keys only when both signed', async () => {
    const both = right(await buildPackBytes(input, { signers: [key.signer, other.signer] })).bytes;
    const trust = { verifiers: [key.verifier, other.verifier], threshold: 2 };
    expect(right(await verifyPack(both, { trust })).signature?.keyids).toHaveLength(2);
    const r = await verifyPack(signed, { trust });
    expect(E.isLeft(r) && r.left.failures.map((f) => f.code)).toEqual([
      'PACK_SIGNATURE_INVALID',
      'PACK_STATEMENT_INVALID',
    ]);
  });
});

describe('tampering is caught with a specific code', () => {
  it('an untrusted key, or no signature at all', async () => {
    const r = await verifyPack(signed, { trust: { verifiers: [other.verifier] } });
    expect(E.isLeft(r) && r.left.failures.map((f) => f.code)).toEqual([
      'PACK_SIGNATURE_INVALID',
      'PACK_STATEMENT_INVALID',
      'PACK_CHECKPOINT_INVALID',
    ]);
    expect(await codes(unsigned, true)).toEqual([
      'PACK_SIGNATURE_MISSING signatures/manifest.dsse.json',
      'PACK_STATEMENT_MISSING signatures/verdict.intoto.dsse.json',
    ]);
  });

  it('a changed, missing or added file', async () => {
    const flip = (path: string) =>
      rewrite(unsigned, (fs) =>
        fs.map((f) =>
          f.path === path
            ? { path, bytes: utf8Encode((utf8Decode(f.bytes) ?? '').replace('pass', 'fail')) }
            : f,
        ),
      );
    expect(await codes(flip('verdict/verdict.json'))).toEqual([
      'PACK_FILE_DIGEST_MISMATCH verdict/verdict.json',
    ]);
    const grown = rewrite(unsigned, (fs) =>
      fs.map((f) =>
        f.path === 'inputs/sboms/alpine.cdx.json'
          ? { ...f, bytes: new Uint8Array([...f.bytes, 32]) }
          : f,
      ),
    );
    expect(await codes(grown)).toEqual(['PACK_FILE_SIZE_MISMATCH inputs/sboms/alpine.cdx.json']);
    const dropped = rewrite(unsigned, (fs) => fs.filter((f) => f.path !== 'vex/musl.openvex.json'));
    expect(await codes(dropped)).toEqual(['PACK_FILE_MISSING vex/musl.openvex.json']);
    const added = rewrite(unsigned, (fs) => [
      ...fs,
      { path: 'vex/extra.json', bytes: utf8Encode('{}') },
    ]);
    expect(await codes(added)).toEqual(['PACK_FILE_UNLISTED vex/extra.json']);
  });

  it('a manifest that is not canonical, re-identified, or with a stale root', async () => {
    const m = manifestOf(unsigned);
    const withManifest = (bytes: Uint8Array) =>
      rewrite(unsigned, (fs) =>
        fs.map((f) => (f.path === 'manifest.json' ? { path: f.path, bytes } : f)),
      );
    const pretty = utf8Encode(JSON.stringify(m, null, 1));
    expect(await codes(withManifest(pretty))).toEqual([
      'PACK_MANIFEST_NOT_CANONICAL manifest.json',
    ]);
    const later = right(canonicalizeToBytes({ ...m, generated_at: '2027-01-01T00:00:00Z' }));
    expect(await codes(withManifest(later))).toEqual(['PACK_ID_MISMATCH $.pack_id']);
    const files = m.files.map((f) => (f.path === 'VERIFY.md' ? { ...f, size: f.size + 1 } : f));
    expect(await codes(withManifest(right(canonicalizeToBytes({ ...m, files }))))).toEqual([
      'PACK_MERKLE_ROOT_MISMATCH $.merkle',
    ]);
    const v2 = right(canonicalizeToBytes({ ...m, schema: 'warrant.pack/v2' }));
    expect(await codes(withManifest(v2))).toEqual(['PACK_SCHEMA_UNSUPPORTED $.schema']);
  });

  it('a re-derived manifest that no longer matches SHA256SUMS or the signature', async () => {
    const m = manifestOf(signed);
    const { pack_id: _id, merkle: _m, ...draft } = m;
    const moved = right(
      completeManifest({ ...draft, generated_at: '2027-01-01T00:00:00Z' as never }),
    );
    const forged = rewrite(signed, (fs) =>
      fs.map((f) => (f.path === 'manifest.json' ? { path: f.path, bytes: moved.bytes } : f)),
    );
    expect(await codes(forged, true)).toEqual([
      'PACK_SUMS_MISMATCH SHA256SUMS',
      'PACK_SIGNATURE_PAYLOAD_MISMATCH signatures/manifest.dsse.json',
      'PACK_STATEMENT_MISMATCH signatures/verdict.intoto.dsse.json',
      // exc-1 has expired by 2027: the versions as of the new generated_at differ from the file
      'PACK_EXCEPTIONS_MISMATCH exceptions/exceptions.jsonl',
    ]);
  });

  it('an archive-level problem is reported before anything else', async () => {
    const cut = unsigned.subarray(0, unsigned.length - 3);
    expect((await codes(cut))[0]).toMatch(/^PACK_ARCHIVE_/);
    const none = rewrite(unsigned, (fs) => fs.filter((f) => f.path !== 'manifest.json'));
    expect(await codes(none)).toEqual(['PACK_MANIFEST_MISSING manifest.json']);
  });
});
