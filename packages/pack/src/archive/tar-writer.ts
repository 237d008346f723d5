/**
 * The streaming archive writer: entries in ascending path order, each a ustar header, its
 * content and zero padding to 512 bytes, then two zero blocks, all through deterministic gzip.
 * Memory stays bounded by one gzip chunk whatever the entry sizes.
 * @see docs/spec/pack-archive.md#tar-stream
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { createEntryOrder } from './entry-order';
import { archiveError, type ArchiveError } from './errors';
import { createDeterministicGzip } from './gzip';
import { parseArchivePath } from './path';
import { BLOCK_BYTES, encodeUstarHeader, MAX_USTAR_SIZE } from './ustar';

// --- model -----------------------------------------------------------------

/** Counts of a finished archive. */
export interface ArchiveWriteSummary {
  readonly entryCount: number;
  /** Length of the uncompressed tar stream. */
  readonly tarBytes: number;
  /** Length of the .tar.gz output. */
  readonly gzipBytes: number;
}

/** A streaming writer. After any `Left`, every call returns that error: discard the output. */
export interface ArchiveWriter {
  /** Starts the next entry; paths must arrive in ascending UTF-8 byte order. */
  readonly begin: (path: string, size: number) => E.Either<ArchiveError, void>;
  /** Appends content to the current entry (the caller may reuse `chunk` afterwards). */
  readonly write: (chunk: Uint8Array) => E.Either<ArchiveError, void>;
  /** Writes end-of-archive and the gzip trailer. */
  readonly finish: () => E.Either<ArchiveError, ArchiveWriteSummary>;
}

// --- operations ------------------------------------------------------------

/**
 * Starts a deterministic .tar.gz stream.
 * @param onData - receives the compressed bytes in order (fresh arrays)
 * @returns the writer
 * @throws RangeError from `begin` if `size` is not a non-negative safe integer (a programming error)
 * @see docs/spec/pack-archive.md#tar-stream
 * @example
 * const out: Uint8Array[] = [];
 * const w = createArchiveWriter((c) => out.push(c));
 * w.begin('a.txt', 2); w.write(utf8Encode('hi')); w.finish(); // right({ entryCount: 1, … })
 */
export const createArchiveWriter = (onData: (chunk: Uint8Array) => void): ArchiveWriter => {
  let gzipBytes = 0;
  const gzip = createDeterministicGzip((chunk) => {
    gzipBytes += chunk.length;
    onData(chunk);
  });
  const order = createEntryOrder();
  let failed: ArchiveError | undefined;
  let done = false;
  let current: string | undefined;
  let remaining = 0;
  let count = 0;
  let tarBytes = 0;

  const fail = (error: ArchiveError): E.Either<ArchiveError, never> => {
    failed = error;
    return E.left(error);
  };
  const emit = (bytes: Uint8Array): void => {
    tarBytes += bytes.length;
    gzip.push(bytes);
  };
  const closeEntry = (): ArchiveError | undefined => {
    if (current !== undefined && remaining > 0) {
      return archiveError(
        'PACK_ARCHIVE_SIZE_MISMATCH',
        `${remaining} bytes of the declared size were never written`,
        current,
      );
    }
    current = undefined;
    return undefined;
  };

  return {
    begin: (path, size) => {
      if (failed !== undefined) return E.left(failed);
      if (done) throw new TypeError('archive writer already finished');
      if (!Number.isSafeInteger(size) || size < 0) {
        throw new RangeError(`entry size must be a non-negative safe integer, got ${size}`);
      }
      const open = closeEntry();
      if (open !== undefined) return fail(open);
      const parsed = parseArchivePath(path);
      if (E.isLeft(parsed)) return fail(parsed.left);
      if (size > MAX_USTAR_SIZE) {
        return fail(
          archiveError(
            'PACK_ARCHIVE_ENTRY_TOO_LARGE',
            `entry size ${size} exceeds the ustar maximum ${MAX_USTAR_SIZE}`,
            path,
          ),
        );
      }
      const next = order.next(parsed.right);
      if (E.isLeft(next)) return fail(next.left);
      emit(encodeUstarHeader(parsed.right, size));
      current = path;
      remaining = size;
      count++;
      if (size === 0) current = undefined;
      return E.right(undefined);
    },
    write: (chunk) => {
      if (failed !== undefined) return E.left(failed);
      if (done) throw new TypeError('archive writer already finished');
      if (current === undefined) {
        if (chunk.length === 0) return E.right(undefined);
        throw new TypeError('write() called outside an entry: call begin() first');
      }
      if (chunk.length > remaining) {
        return fail(
          archiveError(
            'PACK_ARCHIVE_SIZE_MISMATCH',
            `content is longer than the declared size (${remaining} bytes were left)`,
            current,
          ),
        );
      }
      emit(chunk);
      remaining -= chunk.length;
      if (remaining === 0) {
        const pad = (BLOCK_BYTES - (tarBytes % BLOCK_BYTES)) % BLOCK_BYTES;
        if (pad > 0) emit(ZERO_BLOCKS.subarray(0, pad));
        current = undefined;
      }
      return E.right(undefined);
    },
    finish: () => {
      if (failed !== undefined) return E.left(failed);
      if (done) throw new TypeError('archive writer already finished');
      const open = closeEntry();
      if (open !== undefined) return fail(open);
      emit(ZERO_BLOCKS);
      done = true;
      gzip.finish();
      return E.right({ entryCount: count, tarBytes, gzipBytes });
    },
  };
};

// --- internal --------------------------------------------------------------

// The end-of-archive marker (two zero blocks); its head also serves as entry padding.
const ZERO_BLOCKS = new Uint8Array(2 * BLOCK_BYTES);
