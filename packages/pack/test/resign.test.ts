// Signing after the build (pack-v1 section 8.3): re-signing never changes a listed byte or the
// pack id; `replace` makes the envelopes afresh (an unsigned pack re-signed equals the pack built
// signed, byte for byte, with Ed25519), `add` countersigns; a pack that does not verify, an
// envelope over other content, or an input that changes between the passes is refused.
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { toHex, type SigningKey } from '@warrant/core';
import {
  buildPackBytes,
  readArchive,
  resignPack,
  verifyPack,
  type PackInput,
  type ResignOptions,
} from '@warrant/pack';
import { artifactInput, KEY_B_PEM, loadKey, right } from './fixtures';
import { repack } from './repack';

let a: SigningKey;
let b: SigningKey;
let input: PackInput;
let unsigned: Uint8Array;
let signedA: Uint8Array;
beforeAll(async () => {
  a = await loadKey();
  b = await loadKey(KEY_B_PEM);
  input = await artifactInput(a);
  unsigned = right(await buildPackBytes(input)).bytes;
  signedA = right(await buildPackBytes(input, { signers: [a.signer] })).bytes;
}, 60_000);

const resign = async (
  pack: Uint8Array | (() => Iterable<Uint8Array>),
  keys: SigningKey[],
  options: ResignOptions = {},
) => {
  const out: Uint8Array[] = [];
  const r = await resignPack(
    pack,
    (c) => void out.push(c),
    keys.map((k) => k.signer),
    options,
  );
  const bytes = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of out) {
    bytes.set(c, o);
    o += c.length;
  }
  return { r, bytes };
};
const listed = (pack: Uint8Array) =>
  right(readArchive(pack))
    .filter((e) => !e.path.startsWith('signatures/'))
    .map((e) => [e.path, toHex(e.bytes)]);
const verifyWith = async (pack: Uint8Array, keys: SigningKey[], threshold = 1) => {
  const v = await verifyPack(pack, {
    trust: { verifiers: keys.map((k) => k.verifier), threshold },
    checkpointTrust: { verifiers: [a.verifier] }, // the event log's key, whoever signs the pack
  });
  return E.isRight(v) ? v.right.signature?.keyids : v.left.failures.map((f) => f.code);
};

describe('resignPack', () => {
  it('signing an unsigned pack gives the pack built signed, byte for byte', async () => {
    const { r, bytes } = await resign(unsigned, [a]);
    expect(right(r).keyids).toEqual([a.keyid]);
    expect(toHex(bytes)).toBe(toHex(signedA));
  });

  it('countersigning keeps the first signature, adds the second, changes no listed byte', async () => {
    const { r, bytes } = await resign(signedA, [b], { mode: 'add' });
    expect(right(r).keyids).toEqual([a.keyid, b.keyid].sort());
    expect(right(r).manifest.pack_id).toBe(right(await verifyPack(signedA)).packId);
    expect(listed(bytes)).toEqual(listed(signedA));
    expect(await verifyWith(bytes, [a, b], 2)).toEqual([a.keyid, b.keyid].sort());
    const again = await resign(bytes, [a], { mode: 'add' });
    expect(right(again.r).keyids).toEqual([a.keyid, b.keyid].sort());
    expect(toHex(again.bytes)).toBe(toHex(bytes));
  });

  it('replace drops the old signatures', async () => {
    const { bytes } = await resign(signedA, [b]);
    expect(await verifyWith(bytes, [b])).toEqual([b.keyid]);
    expect(await verifyWith(bytes, [a])).toEqual([
      'PACK_SIGNATURE_INVALID',
      'PACK_STATEMENT_INVALID',
    ]);
  });

  it('reads a stream in any chunking, twice, with the same result', async () => {
    const chunks = function* (): Iterable<Uint8Array> {
      for (let i = 0; i < signedA.length; i += 777) yield signedA.subarray(i, i + 777);
    };
    const { bytes } = await resign(chunks, [b], { mode: 'add' });
    expect(toHex(bytes)).toBe(toHex((await resign(signedA, [b], { mode: 'add' })).bytes));
  });

  it('refuses a pack that does not verify, writing nothing', async () => {
    const bad = signedA.slice();
    bad[bad.length - 5] = (bad[bad.length - 5] as number) ^ 1;
    const { r, bytes } = await resign(bad, [a]);
    expect(E.isLeft(r) && r.left.code).toBe('PACK_ARCHIVE_GZIP_CHECKSUM');
    expect(bytes.length).toBe(0);
  });

  it('add refuses an envelope over other content', async () => {
    const other = right(
      await buildPackBytes(
        { ...input, generatedAt: '2026-03-01T00:00:00Z' },
        { signers: [a.signer] },
      ),
    );
    const foreign = right(readArchive(other.bytes)).find(
      (e) => e.path === 'signatures/manifest.dsse.json',
    )?.bytes as Uint8Array;
    const mixed = right(readArchive(signedA)).map((e) =>
      e.path === 'signatures/manifest.dsse.json' ? { path: e.path, bytes: foreign } : e,
    );
    const { writeArchive } = await import('@warrant/pack');
    const { r } = await resign(right(writeArchive(mixed)), [b], { mode: 'add' });
    expect(E.isLeft(r) && [r.left.code, r.left.path]).toEqual([
      'PACK_SIGNATURE_INVALID',
      'signatures/manifest.dsse.json',
    ]);
  });

  it('refuses an input that changes between the verify and the copy pass', async () => {
    const changed = repack(unsigned, {
      files: { 'report/summary.md': new TextEncoder().encode('other\n') },
    });
    let calls = 0;
    const { r } = await resign(() => [calls++ === 0 ? unsigned : changed], [a]);
    expect(E.isLeft(r) && r.left.code).toBe('PACK_INPUT_CHANGED');
  });

  it('needs a signer', async () => {
    await expect(resignPack(unsigned, () => undefined, [])).rejects.toThrow(RangeError);
  });
});
