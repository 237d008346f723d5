/**
 * The platform seam for SHA-256: one implementation per runtime, chosen by the `#platform/sha256`
 * import condition in package.json (`node` gets node:crypto, everything else @noble/hashes).
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
  readonly name: 'node:crypto' | '@noble/hashes';
  sha256(bytes: Uint8Array): Uint8Array;
  createSha256(): Sha256Hasher;
}
