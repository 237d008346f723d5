/**
 * Why a Merkle proof was refused or could not be made, and the input checks shared by the
 * inclusion and consistency code. Every code is listed in docs/errors.md; the order in which
 * checks run (and so which code a doubly-broken proof gets) is fixed by docs/spec/merkle.md.
 * @module
 */
import { toHex } from './bytes';
import { isBytes, SHA256_DIGEST_LENGTH } from './digest';
import { makeError, type WarrantError } from './errors';
import { formatJsonPath, type PathSegment } from './json-path';

// --- model -----------------------------------------------------------------

/** The stable codes a Merkle proof operation can return. */
export type MerkleProofErrorCode =
  | 'CORE_MERKLE_INDEX_OUT_OF_RANGE'
  | 'CORE_MERKLE_SIZE_OUT_OF_RANGE'
  | 'CORE_MERKLE_PROOF_MALFORMED'
  | 'CORE_MERKLE_PROOF_LENGTH'
  | 'CORE_MERKLE_ROOT_MISMATCH';

/**
 * Why a Merkle proof was refused: `path` names the offending field of the input object
 * (`$.index`, `$.proof[2]`, `$.root2`…).
 */
export type MerkleProofError = WarrantError<MerkleProofErrorCode> & { readonly path: string };

// --- internal --------------------------------------------------------------

/** @internal */
export const merkleError = (
  code: MerkleProofErrorCode,
  message: string,
  path: ReadonlyArray<PathSegment>,
): MerkleProofError => makeError(code, message, formatJsonPath(path)) as MerkleProofError;

/**
 * Tier-2 guard: a tree size or index must at least be a JavaScript number.
 * @internal
 */
export const assertNumber = (value: unknown, name: string): void => {
  if (typeof value !== 'number') {
    throw new TypeError(
      `${name}: expected a number, got ${value === null ? 'null' : typeof value}`,
    );
  }
};

/**
 * Tier-2 guard: a proof must be an array of Uint8Array.
 * @internal
 */
export const assertProof = (proof: unknown, name: string): void => {
  if (!Array.isArray(proof)) throw new TypeError(`${name}: expected an array of Uint8Array`);
  for (let i = 0; i < proof.length; i++) {
    if (!isBytes(proof[i])) throw new TypeError(`${name}[${i}]: expected a Uint8Array`);
  }
};

/**
 * Tier-2 guard for hashes passed to the verifiers.
 * @internal
 */
export const assertHash = (value: unknown, name: string): void => {
  if (!isBytes(value)) throw new TypeError(`${name}: expected a Uint8Array`);
};

/**
 * A tree size or index must be a non-negative safe integer (tree sizes up to 2^53 - 1).
 * @internal
 */
export const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/**
 * `CORE_MERKLE_PROOF_MALFORMED` for the first of `hashes` that is not 32 bytes, if any.
 * @internal
 */
export const checkHashLengths = (
  hashes: ReadonlyArray<readonly [Uint8Array, ReadonlyArray<PathSegment>]>,
): MerkleProofError | undefined => {
  for (const [hash, path] of hashes) {
    if (hash.length !== SHA256_DIGEST_LENGTH) {
      return merkleError(
        'CORE_MERKLE_PROOF_MALFORMED',
        `expected a 32-byte SHA-256 hash, got ${hash.length} bytes`,
        path,
      );
    }
  }
  return undefined;
};

/**
 * The hash lengths of a proof array, as (hash, path) pairs for {@link checkHashLengths}.
 * @internal
 */
export const proofEntries = (
  proof: ReadonlyArray<Uint8Array>,
): Array<readonly [Uint8Array, ReadonlyArray<PathSegment>]> =>
  proof.map((p, i) => [p, ['proof', i]] as const);

/**
 * `CORE_MERKLE_ROOT_MISMATCH` naming both roots in hex.
 * @internal
 */
export const rootMismatch = (
  computed: Uint8Array,
  expected: Uint8Array,
  field: string,
): MerkleProofError =>
  merkleError(
    'CORE_MERKLE_ROOT_MISMATCH',
    `the proof yields root ${toHex(computed)}, but ${field} is ${toHex(expected)}`,
    [field],
  );

/**
 * Rules 1-2 of inclusion verification (docs/spec/merkle.md): tree size and index are
 * non-negative safe integers and index < treeSize.
 * @internal
 */
export const checkInclusionIndex = (
  index: number,
  treeSize: number,
): MerkleProofError | undefined => {
  if (!isCount(treeSize)) {
    return merkleError(
      'CORE_MERKLE_SIZE_OUT_OF_RANGE',
      `tree size ${treeSize} is not an integer in 0..2^53-1`,
      ['treeSize'],
    );
  }
  if (!isCount(index) || index >= treeSize) {
    return merkleError(
      'CORE_MERKLE_INDEX_OUT_OF_RANGE',
      treeSize === 0
        ? `leaf index ${index} cannot be in an empty tree`
        : `leaf index ${index} is not an integer in 0..${treeSize - 1} (tree size ${treeSize})`,
      ['index'],
    );
  }
  return undefined;
};

/**
 * Rules 1-3 of consistency verification (docs/spec/merkle.md): both sizes are non-negative safe
 * integers, size1 <= size2, and size1 > 0 unless size1 = size2.
 * @internal
 */
export const checkConsistencySizes = (
  size1: number,
  size2: number,
): MerkleProofError | undefined => {
  if (!isCount(size1) || !isCount(size2)) {
    const [field, value] = isCount(size1) ? ['size2', size2] : ['size1', size1];
    return merkleError(
      'CORE_MERKLE_SIZE_OUT_OF_RANGE',
      `${field} ${value} is not an integer in 0..2^53-1`,
      [field],
    );
  }
  if (size1 > size2) {
    return merkleError(
      'CORE_MERKLE_SIZE_OUT_OF_RANGE',
      `size1 ${size1} is larger than size2 ${size2}: a tree cannot shrink`,
      ['size1'],
    );
  }
  if (size1 === 0 && size2 > 0) {
    return merkleError(
      'CORE_MERKLE_SIZE_OUT_OF_RANGE',
      'RFC 9162 section 2.1.4 defines consistency proofs only from a non-empty tree (0 < size1)',
      ['size1'],
    );
  }
  return undefined;
};
