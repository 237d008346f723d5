import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  buildMerkleTree,
  hashChildren,
  hashLeaf,
  rootFromInclusionProof,
  sha256,
  toHex,
  verifyInclusion,
  type InclusionProofInput,
  type MerkleProofError,
} from '@warrant/core';
import { inclusionProofLength } from '../src/merkle-inclusion';
import { testEntries } from './merkle-reference';

const hashes = testEntries(13).map(hashLeaf);
const tree = buildMerkleTree(hashes);
const valid = (index: number): InclusionProofInput => ({
  leafHash: hashes[index] as Uint8Array,
  index,
  treeSize: 13,
  proof: E.getOrElseW(() => [])(tree.inclusionProof(index)),
  root: tree.root,
});
const refusal = (input: InclusionProofInput): MerkleProofError | undefined => {
  const r = verifyInclusion(input);
  return E.isLeft(r) ? r.left : undefined;
};

describe('verifyInclusion', () => {
  it('accepts every leaf of a 13-leaf tree and returns what it verified', () => {
    for (let i = 0; i < 13; i++) {
      const input = valid(i);
      const r = verifyInclusion(input);
      expect(E.isRight(r), `leaf ${i}`).toBe(true);
      if (E.isRight(r)) {
        expect(r.right).toEqual({
          leafHash: input.leafHash,
          index: i,
          treeSize: 13,
          root: input.root,
        });
      }
    }
  });

  it('rule 1: a tree size that is not a safe non-negative integer', () => {
    for (const treeSize of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(refusal({ ...valid(0), treeSize })).toMatchObject({
        code: 'CORE_MERKLE_SIZE_OUT_OF_RANGE',
        path: '$.treeSize',
      });
    }
  });

  it('rule 2: an index outside 0..treeSize-1', () => {
    for (const [index, treeSize] of [
      [13, 13],
      [-1, 13],
      [0.5, 13],
      [0, 0],
      [2, 1],
      [Number.NaN, 13],
    ] as const) {
      expect(refusal({ ...valid(0), index, treeSize }), `${index}/${treeSize}`).toMatchObject({
        code: 'CORE_MERKLE_INDEX_OUT_OF_RANGE',
        path: '$.index',
      });
    }
  });

  it('rule 3: a leaf hash, root or proof node that is not 32 bytes, first in that order', () => {
    const v = valid(5);
    expect(refusal({ ...v, leafHash: new Uint8Array(31) })?.path).toBe('$.leafHash');
    expect(refusal({ ...v, root: new Uint8Array(0) })?.path).toBe('$.root');
    const proof = [...v.proof];
    proof[2] = new Uint8Array(33);
    expect(refusal({ ...v, proof })).toMatchObject({
      code: 'CORE_MERKLE_PROOF_MALFORMED',
      path: '$.proof[2]',
    });
    // A malformed root is reported before a wrong proof length.
    expect(refusal({ ...v, root: new Uint8Array(0), proof: [] })?.code).toBe(
      'CORE_MERKLE_PROOF_MALFORMED',
    );
  });

  it('rule 4: missing or extra proof nodes', () => {
    const v = valid(5);
    const extra = [...v.proof, v.root];
    const missing = v.proof.slice(0, -1);
    for (const proof of [extra, missing, [], [v.root, ...v.proof]]) {
      expect(refusal({ ...v, proof })).toMatchObject({
        code: 'CORE_MERKLE_PROOF_LENGTH',
        path: '$.proof',
      });
    }
  });

  it('rule 5: a proof that leads elsewhere', () => {
    const v = valid(5);
    expect(refusal({ ...v, root: sha256(new Uint8Array()) })).toMatchObject({
      code: 'CORE_MERKLE_ROOT_MISMATCH',
      path: '$.root',
    });
    expect(refusal({ ...v, leafHash: hashes[6] as Uint8Array })?.code).toBe(
      'CORE_MERKLE_ROOT_MISMATCH',
    );
    expect(refusal({ ...v, index: 4 })?.code).toBe('CORE_MERKLE_ROOT_MISMATCH');
    const swapped = [v.proof[1], v.proof[0], ...v.proof.slice(2)] as Uint8Array[];
    expect(refusal({ ...v, proof: swapped })?.code).toBe('CORE_MERKLE_ROOT_MISMATCH');
  });

  it('a single-leaf tree: the leaf hash is the root and the proof is empty', () => {
    const leaf = hashLeaf(new TextEncoder().encode('data'));
    expect(
      E.isRight(verifyInclusion({ leafHash: leaf, index: 0, treeSize: 1, proof: [], root: leaf })),
    ).toBe(true);
  });

  it('handles tree sizes beyond 2^32 (no 32-bit bit operators)', () => {
    // Leaf 2^32 of a tree of 2^32 + 1 leaves: its only sibling is MTH(D[0:2^32]).
    const leaf = hashLeaf(new Uint8Array([1]));
    const left = sha256(new Uint8Array([9]));
    const input = { leafHash: leaf, index: 2 ** 32, treeSize: 2 ** 32 + 1, proof: [left] };
    const root = rootFromInclusionProof(input);
    expect(E.isRight(root) && toHex(root.right)).toBe(toHex(hashChildren(left, leaf)));
    expect(inclusionProofLength(2 ** 53 - 2, 2 ** 53 - 1)).toBe(52);
    expect(inclusionProofLength(0, 2 ** 53 - 1)).toBe(53);
  });

  it('does not bind the tree size: the root does (docs/spec/merkle.md section 6)', () => {
    // Leaf 0 of 3 entries: proof [h1, h2], root H(H(h0, h1), h2). Read as leaf 0 of 4 entries,
    // the path has the same shape, so the same proof and root verify. Callers must take
    // (treeSize, root) together from a signed checkpoint.
    const three = buildMerkleTree(hashes.slice(0, 3));
    const proof = E.getOrElseW(() => [])(three.inclusionProof(0));
    const claim = { leafHash: hashes[0] as Uint8Array, index: 0, proof, root: three.root };
    expect(E.isRight(verifyInclusion({ ...claim, treeSize: 3 }))).toBe(true);
    expect(E.isRight(verifyInclusion({ ...claim, treeSize: 4 }))).toBe(true);
  });

  it('throws TypeError only for wrong JavaScript types', () => {
    const v = valid(1);
    const bad: Array<Partial<Record<keyof InclusionProofInput, unknown>>> = [
      { leafHash: 'ab' },
      { root: null },
      { index: '1' },
      { treeSize: 13n },
      { proof: 'not an array' },
      { proof: [new Uint8Array(32), [1, 2]] },
    ];
    for (const b of bad) {
      expect(() => verifyInclusion({ ...v, ...b } as InclusionProofInput)).toThrow(TypeError);
    }
  });
});

describe('rootFromInclusionProof', () => {
  it('returns the root without comparing, as a fresh array', () => {
    const v = valid(12);
    const r = rootFromInclusionProof(v);
    expect(E.isRight(r) && toHex(r.right)).toBe(toHex(tree.root));
    const single = rootFromInclusionProof({ ...v, index: 0, treeSize: 1, proof: [] });
    expect(E.isRight(single) && single.right).not.toBe(v.leafHash);
  });
});
