/**
 * The platform seam for SHA-256: one implementation per runtime, chosen by the `#platform/sha256`
 * import condition in package.json (`node` gets node:crypto, everything else @noble/hashes).
 * Both files export the same names with the same results for every input; the property tests in
 * `packages/core/test/platform-sha256.prop.test.ts` import both and compare them.
 * @module
 */

/** An incremental SHA-256 computation. */
export interface Sha256Hasher {
  /** Feeds more bytes; returns the same hasher. */
  update(bytes: Uint8Array): Sha256Hasher;
  /** Finishes and returns the 32-byte digest; the hasher must not be used afterwards. */
  digest(): Uint8Array;
}

/** What each platform file provides. */
export interface Sha256Platform {
  /** Which implementation this is, for diagnostics and tests. */
  readonly name: 'node:crypto' | '@noble/hashes';
  /** One-shot SHA-256; returns a fresh 32-byte array (never a Buffer). */
  sha256(bytes: Uint8Array): Uint8Array;
  /** Starts an incremental SHA-256. */
  createSha256(): Sha256Hasher;
  /**
   * Writes SHA-256(`input`) into `out[offset .. offset + 32)` without allocating a result array:
   * the hot path of Merkle tree hashing, where millions of 33- and 65-byte inputs are hashed.
   */
  sha256Into(input: Uint8Array, out: Uint8Array, offset: number): void;
  /**
   * SHA-256 of the UTF-8 encoding of `text` (a lone surrogate encodes as U+FFFD, as
   * `TextEncoder` does), as 64 lowercase hex digits: the hot path of finding keys, one per
   * imported finding, where encoding to bytes and back to hex cost more than the hash.
   */
  sha256HexOfText(text: string): string;
  /**
   * Smallest input `sha256Async` hands to `crypto.subtle.digest` (where present) instead of the
   * synchronous path: below it the promise round trip costs more than it saves.
   */
  readonly subtleThreshold: number;
}
