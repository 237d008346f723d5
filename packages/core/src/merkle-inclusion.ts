/**
 * Inclusion proof verification (RFC 9162 section 2.1.3.2): does a leaf hash sit at an index of
 * the tree with a given size and root?
 *
 * Hostile proofs are refused with a reason, never an exception: sizes and indices out of range,
 * hashes that are not 32 bytes, too few or too many proof nodes, a wrong root. Only wrong
 * JavaScript types (a string where bytes belong) throw, as programming errors. The checks run in
 * the order docs/spec/merkle.md gives, so every implementation reports the same code.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { bytesEqual } from './bytes';
import { hashChildren } from './merkle';
import {
  assertHash,
  assertNumber,
  assertProof,
  checkHashLengths,
  checkInclusionIndex,
  merkleError,
  proofEntries,
  rootMismatch,
  type MerkleProofError,
} from './merkle-error';

// --- model -----------------------------------------------------------------

/** What an inclusion proof claims: leaf `leafHash` is entry `index` of the tree `root`. */
export interface InclusionProofInput {
  /** The leaf hash, SHA-256(0x00 || entry) (32 bytes). */
  readonly leafHash: Uint8Array;
  /** 0-based position of the leaf. */
  readonly index: number;
  /** Number of leaves in the tree. */
  readonly treeSize: number;
  /** The audit path, bottom-up (as `inclusionProof` returns it). */
  readonly proof: ReadonlyArray<Uint8Array>;
  /** The tree's root (32 bytes). */
  readonly root: Uint8Array;
}

/** A verified inclusion: the facts that were checked. */
export interface VerifiedInclusion {
  readonly leafHash: Uint8Array;
  readonly index: number;
  readonly treeSize: number;
  readonly root: Uint8Array;
}

// --- operations ------------------------------------------------------------

/**
 * Verifies an inclusion proof.
 * @param input - leaf hash, index, tree size, proof and the root to check against
 * @returns what was verified, or the first failed rule: `CORE_MERKLE_SIZE_OUT_OF_RANGE`,
 *   `CORE_MERKLE_INDEX_OUT_OF_RANGE`, `CORE_MERKLE_PROOF_MALFORMED`, `CORE_MERKLE_PROOF_LENGTH`,
 *   `CORE_MERKLE_ROOT_MISMATCH`
 * @throws TypeError only for wrong JavaScript types (not bytes, not a number, not an array)
 * @see https://www.rfc-editor.org/rfc/rfc9162#section-2.1.3.2
 * @example
 * const proof = inclusionProof(leafHashes, 5);
 * verifyInclusion({ leafHash: leafHashes[5], index: 5, treeSize: 8, proof: proof.right, root })
 * // right({ leafHash, index: 5, treeSize: 8, root })
 */
export const verifyInclusion = (
  input: InclusionProofInput,
): E.Either<MerkleProofError, VerifiedInclusion> => {
  assertHash(input.root, 'root');
  const computed = computeRoot(input, input.root);
  if (E.isLeft(computed)) return computed;
  if (!bytesEqual(computed.right, input.root))
    return E.left(rootMismatch(computed.right, input.root, 'root'));
  const { leafHash, index, treeSize, root } = input;
  return E.right({ leafHash, index, treeSize, root });
};

/**
 * The root an inclusion proof leads to, without comparing it to anything: for callers that look
 * the root up by the result (e.g. among signed checkpoints).
 * @param input - leaf hash, index, tree size and proof
 * @returns the computed 32-byte root, or the first failed rule (as {@link verifyInclusion},
 *   without `CORE_MERKLE_ROOT_MISMATCH`)
 * @throws TypeError only for wrong JavaScript types
 * @see https://www.rfc-editor.org/rfc/rfc9162#section-2.1.3.2
 * @example
 * rootFromInclusionProof({ leafHash, index: 0, treeSize: 1, proof: [] }) // right(leafHash)
 */
export const rootFromInclusionProof = (
  input: Omit<InclusionProofInput, 'root'>,
): E.Either<MerkleProofError, Uint8Array> => computeRoot(input, undefined);

/**
 * How many hashes the inclusion proof for `index` in a tree of `treeSize` has: the RFC 9162
 * section 2.1.3.2 loop run without hashing, counting steps until `sn` reaches 0.
 * @param index - 0-based leaf index, 0 <= index < treeSize
 * @param treeSize - number of leaves
 * @returns the exact proof length
 * @example
 * inclusionProofLength(5, 8) // 3
 * @internal
 */
export const inclusionProofLength = (index: number, treeSize: number): number =>
  countPathSteps(index, treeSize - 1);

/**
 * The number of proof hashes the RFC 9162 loop (section 2.1.3.2 step 4, section 2.1.4.2 step 6)
 * consumes from (fn, sn) until sn reaches 0: the loop run without hashing.
 * @internal
 */
export const countPathSteps = (fn: number, sn: number): number => {
  let steps = 0;
  while (sn > 0) {
    if (!lsb(fn) && fn === sn) {
      while (!lsb(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    }
    fn = half(fn);
    sn = half(sn);
    steps++;
  }
  return steps;
};

// --- internal --------------------------------------------------------------

/** Rules 1-4 of docs/spec/merkle.md, then the chain; `root`, if given, is length-checked too. */
const computeRoot = (
  input: Omit<InclusionProofInput, 'root'>,
  root: Uint8Array | undefined,
): E.Either<MerkleProofError, Uint8Array> => {
  const { leafHash, index, treeSize, proof } = input;
  assertHash(leafHash, 'leafHash');
  assertNumber(index, 'index');
  assertNumber(treeSize, 'treeSize');
  assertProof(proof, 'proof');
  const refused =
    checkInclusionIndex(index, treeSize) ??
    checkHashLengths([
      [leafHash, ['leafHash']],
      ...(root === undefined ? [] : [[root, ['root']] as const]),
      ...proofEntries(proof),
    ]);
  if (refused !== undefined) return E.left(refused);
  const expected = inclusionProofLength(index, treeSize);
  if (proof.length !== expected) {
    return E.left(
      merkleError(
        'CORE_MERKLE_PROOF_LENGTH',
        `an inclusion proof for leaf ${index} of a tree of size ${treeSize} has exactly ${expected} hashes, got ${proof.length}`,
        ['proof'],
      ),
    );
  }
  return E.right(chainInclusion(leafHash, index, treeSize, proof));
};

/**
 * RFC 9162 section 2.1.3.2 steps 2-4 (the length was checked first, so step 4a never fires).
 * fn/sn use arithmetic, not bit operators, which would truncate sizes beyond 2^32.
 */
const chainInclusion = (
  leafHash: Uint8Array,
  index: number,
  treeSize: number,
  proof: ReadonlyArray<Uint8Array>,
): Uint8Array => {
  let fn = index;
  let sn = treeSize - 1;
  let r: Uint8Array = leafHash.slice(); // never hand the caller's array back as the root
  for (const p of proof) {
    if (lsb(fn) || fn === sn) {
      r = hashChildren(p, r);
      while (!lsb(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return r;
};

/**
 * x >> 1 for any safe integer (the `>>` operator truncates to 32 bits).
 * @internal
 */
export const half = (x: number): number => Math.floor(x / 2);

/**
 * Whether the least significant bit of a safe integer is set.
 * @internal
 */
export const lsb = (x: number): boolean => x % 2 === 1;
