/**
 * Consistency proof verification (RFC 9162 section 2.1.4.2): is the tree of `size1` leaves with
 * root `root1` a prefix of the tree of `size2` leaves with root `root2`?
 *
 * The RFC defines proofs for 0 < size1 < size2. Two edge cases are settled here (and in
 * docs/spec/merkle.md): size1 = size2 is consistent with an empty proof when the roots are equal
 * (for size 0 the root must be the empty tree's, SHA-256 of the empty string); size1 = 0 < size2 is
 * refused, as current transparency-dev/merkle does, since there is nothing to prove. Hostile
 * proofs are refused with a reason, never an exception.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { bytesEqual } from './bytes';
import { sha256 } from './digest';
import { hashChildren } from './merkle';
import {
  assertHash,
  assertNumber,
  assertProof,
  checkConsistencySizes,
  checkHashLengths,
  merkleError,
  proofEntries,
  rootMismatch,
  type MerkleProofError,
} from './merkle-error';
import { countPathSteps, half, lsb } from './merkle-inclusion';

// --- model -----------------------------------------------------------------

/** What a consistency proof claims: tree (size1, root1) is a prefix of tree (size2, root2). */
export interface ConsistencyProofInput {
  /** Size of the earlier tree. */
  readonly size1: number;
  /** Size of the later tree. */
  readonly size2: number;
  /** Root of the earlier tree (32 bytes). */
  readonly root1: Uint8Array;
  /** Root of the later tree (32 bytes). */
  readonly root2: Uint8Array;
  /** The proof, as `consistencyProof` returns it. */
  readonly proof: ReadonlyArray<Uint8Array>;
}

/** A verified consistency: the facts that were checked. */
export interface VerifiedConsistency {
  readonly size1: number;
  readonly size2: number;
  readonly root1: Uint8Array;
  readonly root2: Uint8Array;
}

// --- operations ------------------------------------------------------------

/**
 * Verifies a consistency proof.
 * @param input - both sizes, both roots and the proof
 * @returns what was verified, or the first failed rule: `CORE_MERKLE_SIZE_OUT_OF_RANGE`,
 *   `CORE_MERKLE_PROOF_MALFORMED`, `CORE_MERKLE_PROOF_LENGTH`, `CORE_MERKLE_ROOT_MISMATCH`
 * @throws TypeError only for wrong JavaScript types (not bytes, not a number, not an array)
 * @see https://www.rfc-editor.org/rfc/rfc9162#section-2.1.4.2
 * @example
 * const proof = consistencyProof(leafHashes, 6); // leafHashes.length === 8
 * verifyConsistency({ size1: 6, size2: 8, root1, root2, proof: proof.right })
 * // right({ size1: 6, size2: 8, root1, root2 })
 */
export const verifyConsistency = (
  input: ConsistencyProofInput,
): E.Either<MerkleProofError, VerifiedConsistency> => {
  assertHash(input.root2, 'root2');
  const computed = computeRoot2(input, input.root2);
  if (E.isLeft(computed)) return computed;
  if (!bytesEqual(computed.right, input.root2)) {
    return E.left(rootMismatch(computed.right, input.root2, 'root2'));
  }
  const { size1, size2, root1, root2 } = input;
  return E.right({ size1, size2, root1, root2 });
};

/**
 * The later tree's root a consistency proof leads to, after checking that the proof reproduces
 * `root1`: for a client that holds (size1, root1) and learns the new root from the proof.
 * @param input - both sizes, the earlier root and the proof
 * @returns the computed 32-byte root2, or the first failed rule (as {@link verifyConsistency})
 * @throws TypeError only for wrong JavaScript types
 * @see https://www.rfc-editor.org/rfc/rfc9162#section-2.1.4.2
 * @example
 * rootFromConsistencyProof({ size1: 2, size2: 3, root1, proof: [h2] }) // right(hashChildren(root1, h2))
 */
export const rootFromConsistencyProof = (
  input: Omit<ConsistencyProofInput, 'root2'>,
): E.Either<MerkleProofError, Uint8Array> => computeRoot2(input, undefined);

// --- internal --------------------------------------------------------------

const EMPTY_TREE_ROOT = sha256(new Uint8Array(0));

/** Rules 1-6 of docs/spec/merkle.md; `root2`, if given, is length-checked with the others. */
const computeRoot2 = (
  input: Omit<ConsistencyProofInput, 'root2'>,
  root2: Uint8Array | undefined,
): E.Either<MerkleProofError, Uint8Array> => {
  const { size1, size2, root1, proof } = input;
  assertNumber(size1, 'size1');
  assertNumber(size2, 'size2');
  assertHash(root1, 'root1');
  assertProof(proof, 'proof');
  const refused =
    checkConsistencySizes(size1, size2) ??
    checkHashLengths([
      [root1, ['root1']],
      ...(root2 === undefined ? [] : [[root2, ['root2']] as const]),
      ...proofEntries(proof),
    ]);
  if (refused !== undefined) return E.left(refused);
  const expected = consistencyProofLength(size1, size2);
  if (proof.length !== expected) {
    return E.left(
      merkleError(
        'CORE_MERKLE_PROOF_LENGTH',
        `a consistency proof from size ${size1} to size ${size2} has exactly ${expected} hashes, got ${proof.length}`,
        ['proof'],
      ),
    );
  }
  if (size1 === size2) {
    // Not defined by RFC 9162: equal trees are trivially consistent; the empty tree has one root.
    if (size1 === 0 && !bytesEqual(root1, EMPTY_TREE_ROOT)) {
      return E.left(rootMismatch(EMPTY_TREE_ROOT, root1, 'root1'));
    }
    return E.right(root1.slice());
  }
  const [fr, sr] = chainConsistency(size1, size2, root1, proof);
  return bytesEqual(fr, root1) ? E.right(sr) : E.left(rootMismatch(fr, root1, 'root1'));
};

/**
 * The exact number of hashes in a consistency proof from size1 to size2 (0 < size1 <= size2):
 * the RFC 9162 section 2.1.4.2 loop run without hashing, minus the seed when root1 is prepended.
 * @internal
 */
export const consistencyProofLength = (size1: number, size2: number): number => {
  if (size1 === size2) return 0;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (lsb(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  return countPathSteps(fn, sn) + (isPowerOfTwo(size1) ? 0 : 1);
};

/** RFC 9162 section 2.1.4.2 steps 2-6; returns (fr, sr). The proof length was checked. */
const chainConsistency = (
  size1: number,
  size2: number,
  root1: Uint8Array,
  proof: ReadonlyArray<Uint8Array>,
): readonly [Uint8Array, Uint8Array] => {
  // Step 2: if size1 is a power of two, the proof omits MTH(D[0:size1]); the verifier has it.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (lsb(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0] as Uint8Array;
  let sr = fr;
  for (let i = 1; i < path.length; i++) {
    const c = path[i] as Uint8Array;
    if (lsb(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (!lsb(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return [fr, sr];
};

const isPowerOfTwo = (n: number): boolean => {
  if (n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
};
