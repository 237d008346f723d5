/**
 * The streaming tar parser: takes the decompressed stream in any split, checks each header
 * (ustar.ts), the entry-set rules (entry-order.ts) and the limits, hands content to the caller
 * without copying, and requires zero padding, two zero blocks and then nothing.
 * @see docs/spec/pack-archive.md#reader-checks
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { createEntryOrder } from './entry-order';
import { archiveError, type ArchiveError } from './errors';
import type { ArchiveLimits } from './limits';
import { BLOCK_BYTES, parseUstarHeader } from './ustar';

// --- model -----------------------------------------------------------------

/** What the reader knows about an entry before its content. */
export interface ArchiveEntryHeader {
  /** The entry path (grammar-checked, NFC, `/`-separated). */
  readonly path: string;
  /** Content length in bytes. */
  readonly size: number;
  /** Position in the archive, from 0. */
  readonly index: number;
}

/** Receives one entry's content. Chunks are views valid only during the call: copy to keep. */
export interface ArchiveEntrySink {
  readonly write: (chunk: Uint8Array) => void;
  readonly end: () => void;
}

/** Called at each entry's header; returns where its content goes, or undefined to skip it. */
export type ArchiveEntryHandler = (header: ArchiveEntryHeader) => ArchiveEntrySink | undefined;

/** Counts of a fully read tar stream. */
export interface TarSummary {
  readonly entryCount: number;
  readonly tarBytes: number;
}

/** A tar stream parser. */
export interface TarParser {
  /** Feeds decompressed bytes; returns an error to stop at. */
  readonly push: (chunk: Uint8Array) => ArchiveError | undefined;
  /** Ends the stream: end-of-archive must have been read. */
  readonly finish: () => E.Either<ArchiveError, TarSummary>;
}

// --- operations ------------------------------------------------------------

/**
 * Starts a tar parser.
 * @param onEntry - called once per entry, in archive order
 * @param limits - `maxEntries`, `maxEntryBytes` and `maxUncompressedBytes` apply here
 * @returns the parser
 * @see docs/spec/pack-archive.md#reader-checks
 * @example
 * const tar = createTarParser(() => undefined, DEFAULT_ARCHIVE_LIMITS);
 * tar.push(tarBytes); tar.finish(); // right({ entryCount, tarBytes })
 */
export const createTarParser = (onEntry: ArchiveEntryHandler, limits: ArchiveLimits): TarParser => {
  let state: 'header' | 'eoa' | 'data' | 'padding' | 'end' = 'header';
  const block = new Uint8Array(BLOCK_BYTES);
  let have = 0;
  let offset = 0; // tar stream bytes consumed
  let remaining = 0; // content or padding bytes left in the current entry
  let count = 0;
  let sink: ArchiveEntrySink | undefined;
  let current = '';
  const order = createEntryOrder();

  const startEntry = (): ArchiveError | undefined => {
    const at = offset - BLOCK_BYTES;
    const parsed = parseUstarHeader(block);
    if (E.isLeft(parsed)) return locate(parsed.left, at);
    const { path, size } = parsed.right;
    if (count + 1 > limits.maxEntries) {
      return archiveError(
        'PACK_ARCHIVE_TOO_MANY_ENTRIES',
        `more than maxEntries (${limits.maxEntries}) entries`,
        path.text,
      );
    }
    if (size > limits.maxEntryBytes) {
      return archiveError(
        'PACK_ARCHIVE_ENTRY_TOO_LARGE',
        `entry size ${size} exceeds maxEntryBytes (${limits.maxEntryBytes})`,
        path.text,
      );
    }
    // Everything still to come: content, padding, and at least the end-of-archive blocks.
    const end = offset + padded(size) + 2 * BLOCK_BYTES;
    if (end > limits.maxUncompressedBytes) {
      return archiveError(
        'PACK_ARCHIVE_TOO_LARGE',
        `tar stream would reach ${end} bytes, over maxUncompressedBytes (${limits.maxUncompressedBytes})`,
        path.text,
      );
    }
    const next = order.next(path);
    if (E.isLeft(next)) return next.left;
    current = path.text;
    sink = onEntry({ path: path.text, size, index: count });
    count++;
    remaining = size;
    if (size === 0) finishEntry();
    else state = 'data';
    return undefined;
  };

  const finishEntry = (): void => {
    sink?.end();
    sink = undefined;
    remaining = offsetInBlock();
    state = remaining > 0 ? 'padding' : 'header';
  };

  // Bytes of padding needed to reach the next block boundary from the current offset.
  const offsetInBlock = (): number => (BLOCK_BYTES - (offset % BLOCK_BYTES)) % BLOCK_BYTES;

  return {
    push: (chunk) => {
      let i = 0;
      while (i < chunk.length) {
        if (state === 'header' || state === 'eoa') {
          const take = Math.min(BLOCK_BYTES - have, chunk.length - i);
          block.set(chunk.subarray(i, i + take), have);
          have += take;
          i += take;
          offset += take;
          if (have < BLOCK_BYTES) continue;
          have = 0;
          const zero = isZero(block, 0, BLOCK_BYTES);
          if (state === 'eoa') {
            if (!zero) {
              return archiveError(
                'PACK_ARCHIVE_HEADER_INVALID',
                `a zero block must be followed by a second zero block (tar offset ${offset - 2 * BLOCK_BYTES})`,
              );
            }
            state = 'end';
          } else if (zero) {
            state = 'eoa';
          } else {
            const error = startEntry();
            if (error !== undefined) return error;
          }
        } else if (state === 'data') {
          const take = Math.min(remaining, chunk.length - i);
          sink?.write(chunk.subarray(i, i + take));
          i += take;
          offset += take;
          remaining -= take;
          if (remaining === 0) finishEntry();
        } else if (state === 'padding') {
          const take = Math.min(remaining, chunk.length - i);
          if (!isZero(chunk, i, i + take)) {
            return archiveError(
              'PACK_ARCHIVE_PADDING',
              'padding after the entry content is not all zero bytes',
              current,
            );
          }
          i += take;
          offset += take;
          remaining -= take;
          if (remaining === 0) state = 'header';
        } else {
          return archiveError(
            'PACK_ARCHIVE_TRAILING_DATA',
            `bytes follow the end-of-archive blocks (tar offset ${offset})`,
          );
        }
      }
      return undefined;
    },
    finish: () => {
      if (state === 'end') return E.right({ entryCount: count, tarBytes: offset });
      const where =
        state === 'data'
          ? `inside the content of ${JSON.stringify(current)}`
          : state === 'padding'
            ? `inside the padding of ${JSON.stringify(current)}`
            : state === 'eoa'
              ? 'after one end-of-archive block (two are required)'
              : have > 0
                ? 'inside a header block'
                : 'before the end-of-archive blocks';
      return E.left(
        archiveError(
          'PACK_ARCHIVE_TRUNCATED',
          `tar stream ends ${where}`,
          state === 'data' || state === 'padding' ? current : undefined,
        ),
      );
    },
  };
};

// --- internal --------------------------------------------------------------

const padded = (size: number): number => Math.ceil(size / BLOCK_BYTES) * BLOCK_BYTES;

const isZero = (bytes: Uint8Array, from: number, to: number): boolean => {
  for (let i = from; i < to; i++) if (bytes[i] !== 0) return false;
  return true;
};

// Adds where the offending header starts to a header-level error.
const locate = (error: ArchiveError, at: number): ArchiveError =>
  archiveError(error.code, `${error.message} (header at tar offset ${at})`, error.path);
