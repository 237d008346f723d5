/**
 * Merkle Tree Hash (RFC 9162 section 2.1.1): SHA-256 with a 0x00 prefix on leaves and a 0x01
 * prefix on interior nodes, so a leaf can never be passed off as a node (second-preimage guard).
 *
 * `merkleRoot` computes MTH over entries that are already leaf hashes; `merkleTreeHash` over raw
 * entries. Both reduce the tree level by level in one flat buffer, writing each node hash in place
 * through the platform's allocation-free `sha256Into`: on Node this costs less than calling
 * `createHash` once per node. Proofs: merkle-tree.ts (generation), merkle-inclusion.ts and
 * merkle-consistency.ts (verification). The normative text is docs/spec/merkle.md.
 * @module
 */
import * as platform from '#platform/sha256';
import { assertBytes, SHA256_DIGEST_LENGTH, sha256 } from './digest';

// --- model -----------------------------------------------------------------

/** The byte prepended to a leaf entry before hashing (RFC 9162 section 2.1.1). */
export const RFC9162_LEAF_PREFIX = 0x00;
/** The byte prepended to two child hashes before hashing (RFC 9162 section 2.1.1). */
export const RFC9162_NODE_PREFIX = 0x01;

// --- operations ------------------------------------------------------------

/**
 * The leaf hash of one entry: SHA-256(0x00 || data).
 * @param data - the raw entry bytes (any length, including empty)
 * @returns a new 32-byte hash
 * @throws TypeError if `data` is not a Uint8Array
 * @see https://www.rfc-editor.org/rfc/rfc9162#section-2.1.1
 * @example
 * toHex(hashLeaf(new Uint8Array())) // '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d'
 */
export const hashLeaf = (data: Uint8Array): Uint8Array => {
  assertBytes(data, 'hashLeaf data');
  const out = new Uint8Array(SHA256_DIGEST_LENGTH);
  leafInto(data, new Uint8Array(1 + Math.min(data.length, STREAM_ABOVE)), out, 0);
  return out;
};

/**
 * The hash of an interior node: SHA-256(0x01 || left || right).
 * @param left - the left child's hash (32 bytes in a real tree; any length is hashed as given)
 * @param right - the right child's hash
 * @returns a new 32-byte hash
 * @throws TypeError if either argument is not a Uint8Array
 * @see https://www.rfc-editor.org/rfc/rfc9162#section-2.1.1
 * @example
 * hashChildren(hashLeaf(a), hashLeaf(b)) // the root of the two-entry tree [a, b]
 */
export const hashChildren = (left: Uint8Array, right: Uint8Array): Uint8Array => {
  assertBytes(left, 'hashChildren left');
  assertBytes(right, 'hashChildren right');
  const input = new Uint8Array(1 + left.length + right.length);
  input[0] = RFC9162_NODE_PREFIX;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return platform.sha256(input);
};

/**
 * The Merkle Tree Hash over entries that are already leaf hashes (for example the digests a
 * manifest lists, turned into leaf hashes with {@link hashLeaf}). The empty tree's hash is
 * SHA-256 of the empty string.
 * @param leafHashes - the leaf hashes, in tree order, each 32 bytes
 * @returns a new 32-byte root
 * @throws RangeError if a leaf hash is not 32 bytes; TypeError if one is not a Uint8Array
 * @see https://www.rfc-editor.org/rfc/rfc9162#section-2.1.1
 * @example
 * merkleRoot([hashLeaf(a), hashLeaf(b), hashLeaf(c)]) // same bytes as merkleTreeHash([a, b, c])
 */
export const merkleRoot = (leafHashes: ReadonlyArray<Uint8Array>): Uint8Array => {
  const flat = flattenLeafHashes(leafHashes);
  if (leafHashes.length === 0) return sha256(new Uint8Array(0));
  reduceInPlace(flat, leafHashes.length);
  return flat.slice(0, SHA256_DIGEST_LENGTH);
};

/**
 * The Merkle Tree Hash over raw entries: each entry is leaf-hashed, then the tree is reduced.
 * @param leaves - the raw entries, in tree order
 * @returns a new 32-byte root (SHA-256 of the empty string for no entries)
 * @throws TypeError if an entry is not a Uint8Array
 * @see https://www.rfc-editor.org/rfc/rfc9162#section-2.1.1
 * @example
 * toHex(merkleTreeHash([])) // 'e3b0c442…b855' (SHA-256 of nothing)
 */
export const merkleTreeHash = (leaves: ReadonlyArray<Uint8Array>): Uint8Array => {
  const n = leaves.length;
  if (n === 0) return sha256(new Uint8Array(0));
  let longest = 0;
  for (let i = 0; i < n; i++) {
    const leaf = leaves[i];
    assertBytes(leaf, `merkleTreeHash leaves[${i}]`);
    longest = Math.max(longest, (leaf as Uint8Array).length);
  }
  const flat = new Uint8Array(n * SHA256_DIGEST_LENGTH);
  const scratch = new Uint8Array(1 + Math.min(longest, STREAM_ABOVE));
  for (let i = 0; i < n; i++) leafInto(leaves[i] as Uint8Array, scratch, flat, i * 32);
  reduceInPlace(flat, n);
  return flat.slice(0, SHA256_DIGEST_LENGTH);
};

// --- internal --------------------------------------------------------------

// Leaves longer than this are hashed incrementally instead of being copied behind the prefix.
const STREAM_ABOVE = 64 * 1024;

/**
 * Writes SHA-256(0x00 || data) at `out[offset]`, using `scratch` (at least 1 + min(len, 64 KiB)
 * bytes) for the prefixed copy.
 */
const leafInto = (data: Uint8Array, scratch: Uint8Array, out: Uint8Array, offset: number): void => {
  if (data.length > STREAM_ABOVE) {
    const h = platform.createSha256();
    h.update(LEAF_PREFIX_BYTES).update(data);
    out.set(h.digest(), offset);
    return;
  }
  scratch[0] = RFC9162_LEAF_PREFIX;
  scratch.set(data, 1);
  const input = scratch.length === data.length + 1 ? scratch : scratch.subarray(0, data.length + 1);
  platform.sha256Into(input, out, offset);
};

const LEAF_PREFIX_BYTES = new Uint8Array([RFC9162_LEAF_PREFIX]);

/**
 * Copies 32-byte leaf hashes into one flat buffer, checking each.
 * @internal
 */
export const flattenLeafHashes = (leafHashes: ReadonlyArray<Uint8Array>): Uint8Array => {
  const n = leafHashes.length;
  const flat = new Uint8Array(n * SHA256_DIGEST_LENGTH);
  for (let i = 0; i < n; i++) {
    const h = leafHashes[i];
    assertBytes(h, `leafHashes[${i}]`);
    if ((h as Uint8Array).length !== SHA256_DIGEST_LENGTH) {
      throw new RangeError(`leafHashes[${i}]: expected 32 bytes, got ${(h as Uint8Array).length}`);
    }
    flat.set(h as Uint8Array, i * SHA256_DIGEST_LENGTH);
  }
  return flat;
};

/**
 * Hashes the next level of a tree: `width` node hashes in `src` (flat, 32 bytes each) become
 * ceil(width / 2) hashes at the start of `dst`. Pairs (2i, 2i+1) become node i; an odd last node
 * is carried up unchanged, which yields exactly RFC 9162's split at the largest power of two
 * smaller than n (the tree is left-complete). `dst` may be `src`: node i is written only after
 * pair (2i, 2i+1) has been read, and i <= 2i.
 * @internal
 */
export const hashLevel = (src: Uint8Array, width: number, dst: Uint8Array): number => {
  const pairs = Math.floor(width / 2);
  const scratch = new Uint8Array(1 + 2 * SHA256_DIGEST_LENGTH);
  scratch[0] = RFC9162_NODE_PREFIX;
  for (let i = 0; i < pairs; i++) {
    const from = i * 64;
    // A plain loop beats subarray()+set() here: no view object per node.
    for (let k = 0; k < 64; k++) scratch[1 + k] = src[from + k] as number;
    platform.sha256Into(scratch, dst, i * SHA256_DIGEST_LENGTH);
  }
  if (width % 2 === 1) {
    const last = (width - 1) * SHA256_DIGEST_LENGTH;
    if (src === dst) dst.copyWithin(pairs * 32, last, last + 32);
    else dst.set(src.subarray(last, last + 32), pairs * 32);
  }
  return pairs + (width % 2);
};

/** Reduces `n` flat leaf hashes to the root, which ends up in `flat[0..32)`. */
const reduceInPlace = (flat: Uint8Array, n: number): void => {
  let width = n;
  while (width > 1) width = hashLevel(flat, width, flat);
};
