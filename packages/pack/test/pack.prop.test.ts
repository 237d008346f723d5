// Laws of build and verify: any byte changed anywhere makes verification fail with a stable
// code; any permutation of the input lists gives the same pack bytes.
import * as fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { toHex, utf8Encode, type SigningKey } from '@warrant/core';
import {
  buildPackBytes,
  readArchive,
  verifyPack,
  writeArchive,
  type PackInput,
} from '@warrant/pack';
import { artifactInput, loadKey, right } from './fixtures';

let key: SigningKey;
let input: PackInput;
let pack: Uint8Array;
let entries: Array<{ path: string; bytes: Uint8Array }>;

beforeAll(async () => {
  key = await loadKey();
  input = await artifactInput(key);
  pack = right(await buildPackBytes(input, { signers: [key.signer] })).bytes;
  entries = right(readArchive(pack)).map((e) => ({ path: e.path, bytes: e.bytes }));
});

const CODE = /^PACK_[A-Z_]+$/;
const trust = () => ({ trust: { verifiers: [key.verifier] } });

describe('verifyPack laws', () => {
  it('a byte changed anywhere in the .tar.gz fails with a PACK_ code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), async (at, x) => {
        const copy = pack.slice();
        const i = at % copy.length;
        copy[i] = (copy[i] as number) ^ x;
        const r = await verifyPack(copy, trust());
        expect(E.isLeft(r) && r.left.code).toMatch(CODE);
      }),
      { seed: 20261124, numRuns: 150 },
    );
  });

  it('a byte changed in any file of the archive (re-packed cleanly) fails with a PACK_ code', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (which, at, x) => {
          const target = entries[which % entries.length] as { path: string; bytes: Uint8Array };
          fc.pre(target.bytes.length > 0);
          const edited = entries.map((e) => {
            if (e !== target) return e;
            const bytes = e.bytes.slice();
            const i = at % bytes.length;
            bytes[i] = (bytes[i] as number) ^ x;
            return { path: e.path, bytes };
          });
          const r = await verifyPack(right(writeArchive(edited)), trust());
          expect(E.isLeft(r) && r.left.code).toMatch(CODE);
        },
      ),
      { seed: 20261125, numRuns: 150 },
    );
  });

  it('an extra file anywhere, or a missing one, fails', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.stringMatching(/^[a-z]{1,8}$/), async (which, name) => {
        const dropped = entries.filter((_, i) => i !== which % entries.length);
        const r1 = await verifyPack(right(writeArchive(dropped)), trust());
        expect(E.isLeft(r1)).toBe(true);
        const folder = ['inputs/', 'vex/', 'report/', 'signatures/', 'zz/'][which % 5] as string;
        const added = [...entries, { path: `${folder}${name}.x`, bytes: utf8Encode('x') }];
        const r2 = await verifyPack(right(writeArchive(added)), trust());
        expect(E.isLeft(r2) && r2.left.code).toBe('PACK_FILE_UNLISTED');
      }),
      { seed: 20261126, numRuns: 30 },
    );
  });
});

describe('buildPack laws', () => {
  it('any permutation of findings, exceptions, artifacts, documents and knowledge gives the same bytes', async () => {
    const base: PackInput = {
      ...input,
      kind: 'release',
      subject: {
        release: 'v1' as never,
        artifacts: [
          { digest: `sha256:${'a'.repeat(64)}` as never },
          { digest: `sha256:${'b'.repeat(64)}` as never, name: 'b' as never },
          { digest: `sha256:${'c'.repeat(64)}` as never },
        ],
      },
      documents: [
        { name: 'one.json', content: utf8Encode('1') },
        { name: 'two.json', content: utf8Encode('2') },
        { name: 'three.json', content: utf8Encode('3') },
      ],
    };
    const expected = toHex(right(await buildPackBytes(base)).bytes);
    const perm = <T>(xs: ReadonlyArray<T>) =>
      fc.shuffledSubarray([...xs], { minLength: xs.length, maxLength: xs.length });
    await fc.assert(
      fc.asyncProperty(
        perm(base.findings),
        perm(base.exceptions ?? []),
        perm(base.subject.artifacts),
        perm(base.documents ?? []),
        perm(base.knowledge ?? []),
        async (findings, exceptions, artifacts, documents, knowledge) => {
          const shuffled: PackInput = {
            ...base,
            findings,
            exceptions,
            documents,
            knowledge,
            subject: { ...base.subject, artifacts },
          };
          expect(toHex(right(await buildPackBytes(shuffled)).bytes)).toBe(expected);
        },
      ),
      { seed: 20261127, numRuns: 25 },
    );
  });
});
