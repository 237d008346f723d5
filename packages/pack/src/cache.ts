/**
 * The digest cache: identical components are not hashed again across packs. A build looks a
 * streamed input up by its `cacheKey` (or trusts its known `sha256`, e.g. a blob-store key) and
 * skips the hashing pass; the writing pass still hashes what it writes and refuses a mismatch
 * (`PACK_INPUT_CHANGED`), so a stale cache entry can never produce a pack that lies.
 * @see docs/spec/pack-v1.md section 6.3 (streaming and caching)
 * @module
 */

/** A remembered digest: the content's SHA-256 (64 lowercase hex) and length. */
export interface CachedDigest {
  readonly sha256: string;
  readonly size: number;
}

/** Where a build remembers digests between packs (in memory, a file, the host's store). */
export interface PackDigestCache {
  get(key: string): CachedDigest | undefined;
  set(key: string, value: CachedDigest): void;
}

/**
 * An in-memory cache, optionally bounded (oldest entries are dropped first).
 * @param maxEntries - how many digests to keep (default 10 000)
 * @returns the cache
 * @example
 * const cache = createDigestCache();
 * await buildPack(inputA, sinkA, { cache }); await buildPack(inputB, sinkB, { cache }); // shared SBOMs hashed once
 */
export const createDigestCache = (maxEntries = 10_000): PackDigestCache => {
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
  }
  const map = new Map<string, CachedDigest>();
  return {
    get: (key) => map.get(key),
    set: (key, value) => {
      map.delete(key);
      map.set(key, value);
      if (map.size > maxEntries) {
        const oldest = map.keys().next();
        if (oldest.done !== true) map.delete(oldest.value);
      }
    },
  };
};
