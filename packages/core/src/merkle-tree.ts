/**
 * Proof generation: a Merkle tree kept level by level, from which inclusion proofs (RFC 9162
 * section 2.1.3.1) and consistency proofs (section 2.1.4.1) are read in O(log n) each.
 *
 * The proofs follow the RFC's recursive definitions literally (PATH and SUBPROOF); the only
 * optimisation is that MTH of a subtree is looked up instead of recomputed. Every subtree those
 * definitions ask for starts at a multiple of 2^j and spans either exactly 2^j entries or up to the
 * end of the tree, where j is the smallest with 2^j >= its size: that is node (start / 2^j) of
 * level j of the left-complete tree that `hashLevel` builds.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { SHA256_DIGEST_LENGTH, sha256 } from './digest';
import { flattenLeafHashes, hashLevel } from './merkle';
import {
  assertNumber,
  checkConsistencySizes,
  checkInclusionIndex,
  type MerkleProofError,
} from './merkle-error';

// --- model -----------------------------------------------------------------

/** A Merkle tree over leaf hashes, ready to hand out proofs. */
export interface MerkleTree {
  /** Number of leaves. */
  readonly size: number;
  /** MTH of all leaves (SHA-256 of the empty string for an empty tree). */
  readonly root: Uint8Array;
  /**
   * The inclusion proof (audit path) for one leaf, bottom-up (RFC 9162 section 2.1.3.1).
   * @returns the sibling hashes, or `CORE_MERKLE_INDEX_OUT_OF_RANGE` unless 0 <= index < size
   */
  inclusionProof(index: number): E.Either<MerkleProofError, Array<Uint8Array>>;
  /**
   * The consistency proof from the first `size1` leaves to the whole tree (section 2.1.4.1).
   * @returns the proof (empty when size1 = size), or `CORE_MERKLE_SIZE_OUT_OF_RANGE` unless
   *   0 < size1 <= size (or size1 = size = 0)
   */
  consistencyProof(size1: number): E.Either<MerkleProofError, Array<Uint8Array>>;
}

// --- operations ------------------------------------------------------------

/**
 * Builds every level of the tree over some leaf hashes (O(n) hashes, 64 bytes of memory per leaf).
 * Use it when several proofs come from one tree; {@link inclusionProof} and
 * {@link consistencyProof} build one per call.
 * @param leafHashes - the leaf hashes, in tree order, each 32 bytes
 * @returns the tree
 * @throws RangeError if a leaf hash is not 32 bytes; TypeError if one is not a Uint8Array
 * @see https://www.rfc-editor.org/rfc/rfc9162#section-2.1
 * @example
 * const tree = buildMerkleTree(entries.map(hashLeaf));
 * const proofs = entries.map((_, i) => tree.inclusionProof(i));
 */
export const buildMerkleTree = (leafHashes: ReadonlyArray<Uint8Array>): MerkleTree => {
  const size = leafHashes.length;
  const levels: Uint8Array[] = [flattenLeafHashes(leafHashes)];
  let width = size;
  while (width > 1) {
    const next = new Uint8Array(Math.ceil(width / 2) * SHA256_DIGEST_LENGTH);
    width = hashLevel(levels[levels.length - 1] as Uint8Array, width, next);
    levels.push(next);
  }
  const root = size === 0 ? sha256(new Uint8Array(0)) : nodeAt(levels, levels.length - 1, 0);
  const subtree = (start: number, end: number): Uint8Array => {
    const level = ceilLog2(end - start);
    return nodeAt(levels, level, start / 2 ** level);
  };
  return {
    size,
    root,
    inclusionProof: (index) => {
      assertNumber(index, 'index');
      const refused = checkInclusionIndex(index, size);
      if (refused !== undefined) return E.left(refused);
      const proof: Uint8Array[] = [];
      path(index, 0, size, subtree, proof);
      return E.right(proof);
    },
    consistencyProof: (size1) => {
      assertNumber(size1, 'size1');
      const refused = checkConsistencySizes(size1, size);
      if (refused !== undefined) return E.left(refused);
      const proof: Uint8Array[] = [];
      if (size1 < size) subproof(size1, 0, size, true, subtree, proof);
      return E.right(proof);
    },
  };
};

/**
 * The inclusion proof for `leafHashes[index]` in the tree of all `leafHashes`.
 * @param leafHashes - the leaf hashes, in tree order, each 32 bytes
 * @param index - the 0-based leaf index
 * @returns the audit path, bottom-up, or `CORE_MERKLE_INDEX_OUT_OF_RANGE` unless 0 <= index < n
 * @throws RangeError / TypeError as {@link buildMerkleTree}; TypeError if index is not a number
 * @see https://www.rfc-editor.org/rfc/rfc9162#section-2.1.3.1
 * @example
 * inclusionProof([h0, h1, h2], 2) // right([hashChildren(h0, h1)])
 */
export const inclusionProof = (
  leafHashes: ReadonlyArray<Uint8Array>,
  index: number,
): E.Either<MerkleProofError, Array<Uint8Array>> =>
  buildMerkleTree(leafHashes).inclusionProof(index);

/**
 * The consistency proof from the tree of the first `size1` leaf hashes to the tree of all of them.
 * @param leafHashes - the leaf hashes of the larger tree, in order, each 32 bytes
 * @param size1 - the size of the earlier tree
 * @returns the proof (empty when size1 = n), or `CORE_MERKLE_SIZE_OUT_OF_RANGE` unless
 *   0 < size1 <= n (or size1 = n = 0)
 * @throws RangeError / TypeError as {@link buildMerkleTree}; TypeError if size1 is not a number
 * @see https://www.rfc-editor.org/rfc/rfc9162#section-2.1.4.1
 * @example
 * consistencyProof([h0, h1, h2], 2) // right([h2])
 */
export const consistencyProof = (
  leafHashes: ReadonlyArray<Uint8Array>,
  size1: number,
): E.Either<MerkleProofError, Array<Uint8Array>> =>
  buildMerkleTree(leafHashes).consistencyProof(size1);

// --- internal --------------------------------------------------------------

type Subtree = (start: number, end: number) => Uint8Array;

// RFC 9162 section 2.1.3.1: PATH(m, D[n]) for the entries D[start:end], m relative to start.
// Appending after the recursive call puts the deepest sibling first (bottom-up order).
const path = (m: number, start: number, end: number, mth: Subtree, out: Uint8Array[]): void => {
  const n = end - start;
  if (n === 1) return;
  const k = largestPowerOfTwoBelow(n);
  if (m < k) {
    path(m, start, start + k, mth, out);
    out.push(mth(start + k, end));
  } else {
    path(m - k, start + k, end, mth, out);
    out.push(mth(start, start + k));
  }
};

// RFC 9162 section 2.1.4.1: SUBPROOF(m, D[n], b) for the entries D[start:end].
const subproof = (
  m: number,
  start: number,
  end: number,
  b: boolean,
  mth: Subtree,
  out: Uint8Array[],
): void => {
  const n = end - start;
  if (m === n) {
    if (!b) out.push(mth(start, end));
    return;
  }
  const k = largestPowerOfTwoBelow(n);
  if (m <= k) {
    subproof(m, start, start + k, b, mth, out);
    out.push(mth(start + k, end));
  } else {
    subproof(m - k, start + k, end, false, mth, out);
    out.push(mth(start, start + k));
  }
};

/** The largest power of two strictly smaller than n (n >= 2), as RFC 9162 section 2.1.1 uses. */
const largestPowerOfTwoBelow = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

/** The smallest j with 2^j >= n (n >= 1). */
const ceilLog2 = (n: number): number => {
  let j = 0;
  while (2 ** j < n) j++;
  return j;
};

const nodeAt = (levels: ReadonlyArray<Uint8Array>, level: number, index: number): Uint8Array => {
  const offset = index * SHA256_DIGEST_LENGTH;
  return (levels[level] as Uint8Array).slice(offset, offset + SHA256_DIGEST_LENGTH);
};
