/**
 * Reading a .tar.gz safely: strict gunzip feeding the strict tar parser, with limits enforced
 * while decompressing. Three shapes: a push reader, an async-iterable reader, and an in-memory
 * reader that returns every entry's bytes.
 * @see docs/spec/pack-archive.md#reader-checks
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { ArchiveError } from './errors';
import { createStrictGunzip } from './gunzip';
import { resolveArchiveLimits, type ArchiveLimits } from './limits';
import { createTarParser, type ArchiveEntryHandler } from './tar-reader';

// --- model -----------------------------------------------------------------

/** Counts of an archive that was read completely and passed every check. */
export interface ArchiveReadSummary {
  readonly entryCount: number;
  /** Length of the uncompressed tar stream. */
  readonly tarBytes: number;
  /** Length of the .tar.gz input. */
  readonly gzipBytes: number;
}

/**
 * A push reader. Entries reach the handler as they are decompressed, so they are provisional
 * until `finish` returns `Right`: the gzip CRC and trailer come last. After any `Left`, every
 * call returns it again.
 */
export interface ArchiveReader {
  readonly push: (chunk: Uint8Array) => E.Either<ArchiveError, void>;
  readonly finish: () => E.Either<ArchiveError, ArchiveReadSummary>;
}

/** One entry read into memory. */
export interface ArchiveEntry {
  readonly path: string;
  readonly size: number;
  readonly bytes: Uint8Array;
}

// --- operations ------------------------------------------------------------

/**
 * Starts a push reader over .tar.gz bytes.
 * @param onEntry - called at each entry header; return a sink for its content or undefined to skip
 * @param limits - overrides of {@link DEFAULT_ARCHIVE_LIMITS}
 * @returns the reader; the result depends on the input bytes only, not on how they are split
 * @throws RangeError for invalid limits (a programming error)
 * @see docs/spec/pack-archive.md#reader-checks
 * @example
 * const r = createArchiveReader(({ path }) => ({ write: (c) => h.update(c), end: () => {} }));
 * for (const c of chunks) r.push(c);
 * r.finish(); // right({ entryCount, tarBytes, gzipBytes }) or left({ code: 'PACK_ARCHIVE_…' })
 */
export const createArchiveReader = (
  onEntry: ArchiveEntryHandler,
  limits: Partial<ArchiveLimits> = {},
): ArchiveReader => {
  const resolved = resolveArchiveLimits(limits);
  const tar = createTarParser(onEntry, resolved);
  const gunzip = createStrictGunzip(tar.push, resolved);
  let failed: ArchiveError | undefined;
  return {
    push: gunzip.push,
    finish: () => {
      if (failed !== undefined) return E.left(failed);
      const gz = gunzip.finish();
      if (E.isLeft(gz)) return gz;
      const t = tar.finish();
      if (E.isLeft(t)) {
        failed = t.left;
        return t;
      }
      return E.right({ ...t.right, gzipBytes: gz.right.compressedBytes });
    },
  };
};

/**
 * Reads a .tar.gz from a stream (a web `ReadableStream` or Node `Readable` are both async
 * iterables of bytes), stopping at the first problem without reading further.
 * @param source - the compressed bytes, in order
 * @param onEntry - called at each entry header; return a sink for its content or undefined to skip
 * @param limits - overrides of {@link DEFAULT_ARCHIVE_LIMITS}
 * @returns the summary once every check passed, or the first error
 * @see docs/spec/pack-archive.md#reader-checks
 * @example
 * await readArchiveStream(response.body, ({ path }) => hashInto(path)) // right({ entryCount, … })
 */
export const readArchiveStream = async (
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  onEntry: ArchiveEntryHandler,
  limits: Partial<ArchiveLimits> = {},
): Promise<E.Either<ArchiveError, ArchiveReadSummary>> => {
  const reader = createArchiveReader(onEntry, limits);
  for await (const chunk of source) {
    const pushed = reader.push(chunk);
    if (E.isLeft(pushed)) return pushed;
  }
  return reader.finish();
};

/**
 * Reads a whole .tar.gz held in memory and returns every entry, or nothing at all.
 * @param bytes - the archive
 * @param limits - overrides of {@link DEFAULT_ARCHIVE_LIMITS}
 * @returns the entries in archive (= path byte) order, or the first error
 * @see docs/spec/pack-archive.md#reader-checks
 * @example
 * readArchive(tarGzBytes) // right([{ path: 'a.txt', size: 2, bytes: Uint8Array [104, 105] }])
 */
export const readArchive = (
  bytes: Uint8Array,
  limits: Partial<ArchiveLimits> = {},
): E.Either<ArchiveError, ReadonlyArray<ArchiveEntry>> => {
  const entries: ArchiveEntry[] = [];
  // Content is kept as it arrives rather than allocated from the declared size, so memory
  // follows the bytes actually decompressed (bounded by the ratio limit), not a header's claim.
  const reader = createArchiveReader(({ path, size }) => {
    const parts: Uint8Array[] = [];
    return {
      write: (chunk) => parts.push(chunk.slice()),
      end: () => entries.push({ path, size, bytes: concat(parts, size) }),
    };
  }, limits);
  const pushed = reader.push(bytes);
  if (E.isLeft(pushed)) return pushed;
  return E.map(() => entries)(reader.finish());
};

// --- internal --------------------------------------------------------------

const concat = (parts: ReadonlyArray<Uint8Array>, size: number): Uint8Array => {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
};
