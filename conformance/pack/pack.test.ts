// Runs conformance/pack: every golden pack of every release in legacy/ verifies with its keys
// (backward compatibility, on every run), and every tampered case gives its code.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { fromHex, importPublicKeyPem, type Verifier } from '@warrant/core';
import { verifyPack } from '@warrant/pack';

const here = dirname(fileURLToPath(import.meta.url));
const legacy = join(here, 'legacy');

const verifiers = async (folder: string, keys: ReadonlyArray<string>): Promise<Verifier[]> =>
  Promise.all(
    keys.map(async (k) => {
      const key = await importPublicKeyPem(readFileSync(join(folder, k), 'utf8'));
      if (E.isLeft(key)) throw new Error(key.left.message);
      return key.right.verifier;
    }),
  );

interface LegacyCase {
  name: string;
  input: { pack: string; keys: string[]; threshold?: number };
  expected: {
    pack_id: string;
    merkle_root: string;
    kind: string;
    files: number;
    signer_keyids: string[];
  };
}

describe('conformance/pack/legacy: every golden pack of every release still verifies', () => {
  const releases = readdirSync(legacy).sort();
  it('has golden packs', () => expect(releases.length).toBeGreaterThan(0));
  for (const release of releases) {
    const folder = join(legacy, release);
    const cases = (
      JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8')) as { cases: LegacyCase[] }
    ).cases;
    for (const c of cases) {
      it(`${release}/${c.name}`, async () => {
        const vs = await verifiers(folder, c.input.keys);
        const r = await verifyPack(
          readFileSync(join(folder, c.input.pack)),
          vs.length === 0 ? {} : { trust: { verifiers: vs, threshold: c.input.threshold ?? 1 } },
        );
        if (E.isLeft(r)) throw new Error(JSON.stringify(r.left.failures));
        expect({
          pack_id: r.right.packId,
          merkle_root: r.right.merkleRoot,
          kind: r.right.manifest.kind,
          files: r.right.files,
          signer_keyids: r.right.signature?.keyids ?? [],
        }).toEqual(c.expected);
      });
    }
  }
});

describe('conformance/pack/verify.json: tampered packs give their code', () => {
  const file = JSON.parse(readFileSync(join(here, 'verify.json'), 'utf8')) as {
    cases: Array<{ name: string; input: { targz: string; keys: string[] }; error: string }>;
  };
  for (const c of file.cases) {
    it(c.name, async () => {
      const vs = await verifiers(join(legacy, 'v1.0'), c.input.keys);
      const r = await verifyPack(
        fromHex(c.input.targz) ?? new Uint8Array(),
        vs.length === 0 ? {} : { trust: { verifiers: vs } },
      );
      expect(E.isLeft(r) && r.left.code).toBe(c.error);
    });
  }
});
