/**
 * Runs every case of conformance/merkle/*.json against @warrant/core, runs the saved upstream
 * transparency-dev/merkle testdata probes directly, and checks the committed vectors are exactly
 * what conformance/tools/merkle.ts generates.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  buildMerkleTree,
  consistencyProof,
  fromHex,
  hashChildren,
  hashLeaf,
  inclusionProof,
  merkleRoot,
  merkleTreeHash,
  rootFromConsistencyProof,
  rootFromInclusionProof,
  toHex,
  verifyConsistency,
  verifyInclusion,
} from '@warrant/core';
import { merkleVectorFiles } from '../tools/merkle';
import { expectCommittedVectors } from '../../test-support/committed-vectors';

const DIR = 'conformance/merkle';

interface VectorFile<I> {
  readonly description: string;
  readonly source: string;
  readonly cases: ReadonlyArray<{ name: string; input: I; expected?: unknown; error?: string }>;
}

const load = <I>(file: string): VectorFile<I> =>
  JSON.parse(readFileSync(join(DIR, file), 'utf8')) as VectorFile<I>;

const bytes = (hex: string): Uint8Array => {
  const b = fromHex(hex);
  if (b === undefined || hex !== hex.toLowerCase()) throw new Error(`not lowercase hex: ${hex}`);
  return b;
};

/** Runs every case, collecting the names of those that disagree (so one run lists them all). */
const runAll = <I>(file: string, run: (input: I) => unknown): void => {
  const vectors = load<I>(file);
  expect(vectors.cases.length).toBeGreaterThan(0);
  const wrong: string[] = [];
  for (const c of vectors.cases) {
    if ('expected' in c === 'error' in c) wrong.push(`${c.name}: needs expected xor error`);
    const actual = run(c.input);
    const want = 'error' in c ? { error: c.error } : { expected: c.expected };
    if (JSON.stringify(actual) !== JSON.stringify(want)) {
      wrong.push(`${c.name}: got ${JSON.stringify(actual)}`);
    }
  }
  expect(wrong, `${file}: ${wrong.length} of ${vectors.cases.length} cases disagree`).toEqual([]);
};

const asResult = <A>(
  r: E.Either<{ code: string }, A>,
  show: (a: A) => unknown,
): { error: string } | { expected: unknown } =>
  E.isLeft(r) ? { error: r.left.code } : { expected: show(r.right) };

describe('conformance/merkle vectors', () => {
  it('hashes.json', () => {
    runAll<{ leaf?: string; left?: string; right?: string }>('hashes.json', (i) => ({
      expected: toHex(
        i.leaf !== undefined
          ? hashLeaf(bytes(i.leaf))
          : hashChildren(bytes(i.left as string), bytes(i.right as string)),
      ),
    }));
  });

  it('roots.json (merkleTreeHash and merkleRoot agree)', () => {
    runAll<{ leaves: string[] }>('roots.json', (i) => {
      const leaves = i.leaves.map(bytes);
      const a = toHex(merkleTreeHash(leaves));
      const b = toHex(merkleRoot(leaves.map(hashLeaf)));
      return a === b ? { expected: a } : { mismatch: [a, b] };
    });
  });

  it('inclusion-proofs.json', () => {
    runAll<{ leaves: string[]; index: number }>('inclusion-proofs.json', (i) => {
      const hashes = i.leaves.map(bytes).map(hashLeaf);
      const a = asResult(inclusionProof(hashes, i.index), (p) => p.map(toHex));
      const b = asResult(buildMerkleTree(hashes).inclusionProof(i.index), (p) => p.map(toHex));
      return JSON.stringify(a) === JSON.stringify(b) ? a : { mismatch: [a, b] };
    });
  });

  it('consistency-proofs.json', () => {
    runAll<{ leaves: string[]; size1: number }>('consistency-proofs.json', (i) =>
      asResult(consistencyProof(i.leaves.map(bytes).map(hashLeaf), i.size1), (p) => p.map(toHex)),
    );
  });

  it('inclusion.json (and rootFromInclusionProof agrees on every accepted case)', () => {
    type In = { leafHash: string; index: number; treeSize: number; proof: string[]; root: string };
    runAll<In>('inclusion.json', (i) => {
      const input = {
        leafHash: bytes(i.leafHash),
        index: i.index,
        treeSize: i.treeSize,
        proof: i.proof.map(bytes),
        root: bytes(i.root),
      };
      const r = verifyInclusion(input);
      if (E.isLeft(r)) return { error: r.left.code };
      const root = rootFromInclusionProof(input);
      return E.isRight(root) && toHex(root.right) === i.root ? { expected: true } : { root };
    });
  });

  it('consistency.json (and rootFromConsistencyProof agrees on every accepted case)', () => {
    type In = { size1: number; size2: number; root1: string; root2: string; proof: string[] };
    runAll<In>('consistency.json', (i) => {
      const input = {
        size1: i.size1,
        size2: i.size2,
        root1: bytes(i.root1),
        root2: bytes(i.root2),
        proof: i.proof.map(bytes),
      };
      const r = verifyConsistency(input);
      if (E.isLeft(r)) return { error: r.left.code };
      const root2 = rootFromConsistencyProof(input);
      return E.isRight(root2) && toHex(root2.right) === i.root2 ? { expected: true } : { root2 };
    });
  });

  it('are exactly what conformance/tools/merkle.ts generates', () => {
    expectCommittedVectors(DIR, merkleVectorFiles());
  });
});

// Deliberate deviations (docs/spec/merkle.md, "Decisions"): upstream accepts consistency between
// equal sizes whatever the roots' length; Warrant refuses roots that are not 32 bytes.
const DEVIATIONS = new Set([
  'testdata/consistency/additional/sizes-are-equal-one-and-proof-is-empty.json',
  'testdata/consistency/additional/sizes-are-equal-zero-and-proof-is-empty.json',
]);

describe('transparency-dev/merkle testdata probes, run as saved', () => {
  const root = join(DIR, 'upstream/transparency-dev__merkle');
  const walk = (rel: string): string[] =>
    readdirSync(join(root, rel)).flatMap((name) => {
      const child = `${rel}/${name}`;
      return statSync(join(root, child)).isDirectory() ? walk(child) : [child];
    });
  const b64 = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  const list = (v: unknown): Uint8Array[] => ((v as string[] | null) ?? []).map(b64);

  for (const kind of ['inclusion', 'consistency'] as const) {
    it(`${kind}: wantErr is honoured, except the documented deviations`, () => {
      const files = walk(`testdata/${kind}`).filter((f) => f.endsWith('.json'));
      expect(files.length).toBeGreaterThan(8);
      for (const file of files) {
        const p = JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;
        const r =
          kind === 'inclusion'
            ? verifyInclusion({
                leafHash: b64(p['leafHash'] as string),
                index: p['leafIdx'] as number,
                treeSize: p['treeSize'] as number,
                proof: list(p['proof']),
                root: b64(p['root'] as string),
              })
            : verifyConsistency({
                size1: p['size1'] as number,
                size2: p['size2'] as number,
                root1: b64(p['root1'] as string),
                root2: b64(p['root2'] as string),
                proof: list(p['proof']),
              });
        const refused = E.isLeft(r);
        const expectedRefused = (p['wantErr'] as boolean) || DEVIATIONS.has(file);
        expect(refused, `${file}: ${String(p['desc'])}`).toBe(expectedRefused);
        if (DEVIATIONS.has(file)) {
          expect(E.isLeft(r) && r.left.code).toBe('CORE_MERKLE_PROOF_MALFORMED');
        }
      }
    });
  }
});
