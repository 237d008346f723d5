/**
 * Resource limits the archive reader enforces while it decompresses, so a hostile archive is
 * refused before it costs more than the caller agreed to spend (docs/spec/pack-archive.md, section
 * "Limits").
 * @module
 */

/** What the reader will spend on one archive. Every field is configurable. */
export interface ArchiveLimits {
  /** Most entries an archive may hold. */
  readonly maxEntries: number;
  /** Largest size one entry may declare, in bytes. */
  readonly maxEntryBytes: number;
  /** Largest uncompressed tar stream (headers, content, padding, end-of-archive), in bytes. */
  readonly maxUncompressedBytes: number;
  /** Largest decompressed/compressed ratio, checked once past `ratioGraceBytes`. */
  readonly maxRatio: number;
  /** Decompressed bytes allowed before the ratio is checked (small archives compress oddly). */
  readonly ratioGraceBytes: number;
}

/**
 * The defaults: 100 000 entries, 2 GiB per entry, 4 GiB of tar stream, ratio 200 after 1 MiB.
 * Deflate cannot exceed about 1032:1; JSON and SBOM content compresses 5:1 to 30:1 with gzip, so
 * 200 leaves room for repetitive documents and still stops a zero-filled bomb after one slice.
 * @see docs/spec/pack-archive.md#limits
 */
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = Object.freeze({
  maxEntries: 100_000,
  maxEntryBytes: 2 * 2 ** 30,
  maxUncompressedBytes: 4 * 2 ** 30,
  maxRatio: 200,
  ratioGraceBytes: 2 ** 20,
});

/**
 * Merges caller overrides onto {@link DEFAULT_ARCHIVE_LIMITS}.
 * @param overrides - any subset of the limits
 * @returns the complete limits
 * @throws RangeError if a value is not a non-negative number (ratio: positive), a programming error
 * @example
 * resolveArchiveLimits({ maxEntries: 10 }).maxEntries // 10
 */
export const resolveArchiveLimits = (overrides: Partial<ArchiveLimits> = {}): ArchiveLimits => {
  const limits = { ...DEFAULT_ARCHIVE_LIMITS, ...overrides };
  for (const [key, value] of Object.entries(limits)) {
    if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
      throw new RangeError(`archive limit ${key} must be a non-negative number, got ${value}`);
    }
  }
  if (limits.maxRatio === 0) throw new RangeError('archive limit maxRatio must be positive');
  return limits;
};
