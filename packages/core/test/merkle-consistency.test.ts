import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  buildMerkleTree,
  hashLeaf,
  merkleRoot,
  rootFromConsistencyProof,
  sha256,
  toHex,
  verifyConsistency,
  type ConsistencyProofInput,
  type MerkleProofError,
} from '@warrant/core';
import { consistencyProofLength } from '../src/merkle-consistency';
import { testEntries } from './merkle-reference';

const hashes = testEntries(13).map(hashLeaf);
const tree = buildMerkleTree(hashes);
const rootOf = (n: number): Uint8Array => merkleRoot(hashes.slice(0, n));
const valid = (size1: number): ConsistencyProofInput => ({
  size1,
  size2: 13,
  root1: rootOf(size1),
  root2: tree.root,
  proof: E.getOrElseW(() => [])(tree.consistencyProof(size1)),
});
const refusal = (input: ConsistencyProofInput): MerkleProofError | undefined => {
  const r = verifyConsistency(input);
  return E.isLeft(r) ? r.left : undefined;
};
const EMPTY = sha256(new Uint8Array());

describe('verifyConsistency', () => {
  it('accepts every earlier size of a 13-leaf tree and returns what it verified', () => {
    for (let m = 1; m <= 13; m++) {
      const input = valid(m);
      const r = verifyConsistency(input);
      expect(E.isRight(r), `size1 ${m}`).toBe(true);
      if (E.isRight(r)) {
        const { size1, size2, root1, root2 } = input;
        expect(r.right).toEqual({ size1, size2, root1, root2 });
      }
    }
  });

  it('rule 1: sizes that are not safe non-negative integers', () => {
    expect(refusal({ ...valid(3), size1: -1 })).toMatchObject({
      code: 'CORE_MERKLE_SIZE_OUT_OF_RANGE',
      path: '$.size1',
    });
    expect(refusal({ ...valid(3), size2: 2 ** 53 })).toMatchObject({
      code: 'CORE_MERKLE_SIZE_OUT_OF_RANGE',
      path: '$.size2',
    });
    expect(refusal({ ...valid(3), size2: 13.5 })?.code).toBe('CORE_MERKLE_SIZE_OUT_OF_RANGE');
  });

  it('rule 2: size1 > size2 (time travel)', () => {
    expect(refusal({ ...valid(3), size1: 14 })).toMatchObject({
      code: 'CORE_MERKLE_SIZE_OUT_OF_RANGE',
      path: '$.size1',
    });
  });

  it('rule 3: size1 = 0 < size2 is refused, whatever the proof', () => {
    for (const proof of [[], [EMPTY]]) {
      expect(refusal({ size1: 0, size2: 1, root1: EMPTY, root2: rootOf(1), proof })?.code).toBe(
        'CORE_MERKLE_SIZE_OUT_OF_RANGE',
      );
    }
  });

  it('rule 4: hashes that are not 32 bytes, root1 then root2 then the proof', () => {
    const v = valid(6);
    expect(refusal({ ...v, root1: new Uint8Array(9) })?.path).toBe('$.root1');
    expect(refusal({ ...v, root2: new Uint8Array(9) })?.path).toBe('$.root2');
    expect(refusal({ ...v, proof: [new Uint8Array(0), ...v.proof.slice(1)] })).toMatchObject({
      code: 'CORE_MERKLE_PROOF_MALFORMED',
      path: '$.proof[0]',
    });
  });

  it('rule 5: missing or extra proof nodes, including an empty proof', () => {
    const v = valid(6);
    for (const proof of [
      [],
      v.proof.slice(1),
      [...v.proof, v.root2],
      [v.proof[0] as Uint8Array, ...v.proof],
    ]) {
      expect(refusal({ ...v, proof })).toMatchObject({
        code: 'CORE_MERKLE_PROOF_LENGTH',
        path: '$.proof',
      });
    }
  });

  it('rule 6: equal sizes need an empty proof and equal roots', () => {
    const r8 = rootOf(8);
    expect(
      E.isRight(verifyConsistency({ size1: 8, size2: 8, root1: r8, root2: r8, proof: [] })),
    ).toBe(true);
    expect(refusal({ size1: 8, size2: 8, root1: r8, root2: r8, proof: [r8] })?.code).toBe(
      'CORE_MERKLE_PROOF_LENGTH',
    );
    expect(refusal({ size1: 8, size2: 8, root1: r8, root2: rootOf(7), proof: [] })).toMatchObject({
      code: 'CORE_MERKLE_ROOT_MISMATCH',
      path: '$.root2',
    });
  });

  it('rule 6: two empty trees are consistent only with the empty-tree root', () => {
    expect(
      E.isRight(verifyConsistency({ size1: 0, size2: 0, root1: EMPTY, root2: EMPTY, proof: [] })),
    ).toBe(true);
    const other = rootOf(1);
    expect(refusal({ size1: 0, size2: 0, root1: other, root2: other, proof: [] })).toMatchObject({
      code: 'CORE_MERKLE_ROOT_MISMATCH',
      path: '$.root1',
    });
  });

  it('rule 7: a proof that does not reproduce root1, then one that does not lead to root2', () => {
    const v = valid(6);
    expect(refusal({ ...v, root1: rootOf(5) })).toMatchObject({
      code: 'CORE_MERKLE_ROOT_MISMATCH',
      path: '$.root1',
    });
    expect(refusal({ ...v, root2: rootOf(12) })).toMatchObject({
      code: 'CORE_MERKLE_ROOT_MISMATCH',
      path: '$.root2',
    });
    expect(refusal({ ...v, root1: v.root2, root2: v.root1 })?.code).toBe(
      'CORE_MERKLE_ROOT_MISMATCH',
    );
  });

  it('computes proof lengths for sizes beyond 2^32 without overflow', () => {
    expect(consistencyProofLength(2 ** 32, 2 ** 32 + 1)).toBe(1);
    expect(consistencyProofLength(2 ** 52 + 1, 2 ** 53 - 1)).toBeGreaterThan(50);
  });

  it('throws TypeError only for wrong JavaScript types', () => {
    const v = valid(3);
    for (const b of [{ root1: 'x' }, { root2: undefined }, { size1: '3' }, { proof: {} }]) {
      expect(() => verifyConsistency({ ...v, ...b } as ConsistencyProofInput)).toThrow(TypeError);
    }
  });
});

describe('rootFromConsistencyProof', () => {
  it('derives the later root after checking root1', () => {
    const { size1, size2, root1, proof } = valid(5);
    const r = rootFromConsistencyProof({ size1, size2, root1, proof });
    expect(E.isRight(r) && toHex(r.right)).toBe(toHex(tree.root));
    const wrong = rootFromConsistencyProof({ size1, size2, root1: rootOf(4), proof });
    expect(E.isLeft(wrong) && wrong.left.code).toBe('CORE_MERKLE_ROOT_MISMATCH');
  });
});
