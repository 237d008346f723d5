/**
 * Strict streaming gunzip: one gzip member with Warrant's fixed header, deflate data inflated by
 * fflate in bounded slices, the CRC-32 and ISIZE trailer checked, and nothing after it. Limits
 * (ratio, total size) are enforced as bytes come out, so a bomb stops after one slice.
 * @see docs/spec/pack-archive.md#gzip
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { Inflate } from 'fflate';
import { createCrc32 } from './crc32';
import { archiveError, type ArchiveError } from './errors';
import { GZIP_HEADER } from './gzip';
import type { ArchiveLimits } from './limits';

// --- model -----------------------------------------------------------------

/**
 * Compressed bytes handed to inflate at a time. One push can expand at most ~1032-fold (deflate's
 * limit), so this bounds the memory a bomb can claim before the ratio check sees it (~66 MiB).
 */
export const INFLATE_SLICE_BYTES = 64 * 1024;

/** Byte counts of a fully read member. */
export interface GunzipSummary {
  readonly compressedBytes: number;
  readonly uncompressedBytes: number;
}

/** A strict gunzip stream. */
export interface StrictGunzip {
  /** Feeds compressed bytes; a `Left` is final (every later call returns it again). */
  readonly push: (chunk: Uint8Array) => E.Either<ArchiveError, void>;
  /** Ends the input: the member must be complete. */
  readonly finish: () => E.Either<ArchiveError, GunzipSummary>;
}

/** Receives decompressed bytes (valid only during the call); returns an error to stop. */
export type GunzipSink = (chunk: Uint8Array) => ArchiveError | undefined;

// --- operations ------------------------------------------------------------

/**
 * Starts a strict gunzip.
 * @param onData - receives decompressed bytes in order, after the limit checks passed
 * @param limits - `maxRatio`, `ratioGraceBytes` and `maxUncompressedBytes` apply here
 * @returns the stream
 * @see https://www.rfc-editor.org/rfc/rfc1952#section-2.2
 * @example
 * const gz = createStrictGunzip((c) => { out.push(c.slice()); return undefined; }, DEFAULT_ARCHIVE_LIMITS);
 * gz.push(bytes); gz.finish(); // right({ compressedBytes, uncompressedBytes })
 */
export const createStrictGunzip = (onData: GunzipSink, limits: ArchiveLimits): StrictGunzip => {
  let state: 'header' | 'deflate' | 'trailer' | 'done' = 'header';
  let failed: ArchiveError | undefined;
  let stop: ArchiveError | undefined; // raised inside fflate's callback, reported after its push
  let thrown: { readonly error: unknown } | undefined;
  const header = new Uint8Array(GZIP_HEADER.length);
  const trailer = new Uint8Array(8);
  let have = 0; // bytes collected into header or trailer
  let consumed = 0; // compressed bytes handed to inflate so far, for the ratio
  let total = 0;
  let produced = 0;
  const crc = createCrc32();

  const inflater = new Inflate((data) => {
    if (stop !== undefined || thrown !== undefined) return;
    produced += data.length;
    if (produced > limits.ratioGraceBytes && produced > limits.maxRatio * consumed) {
      stop = archiveError(
        'PACK_ARCHIVE_RATIO_EXCEEDED',
        `${produced} bytes decompressed from ${consumed} compressed bytes exceeds ratio ${limits.maxRatio}`,
      );
      return;
    }
    if (produced > limits.maxUncompressedBytes) {
      stop = archiveError(
        'PACK_ARCHIVE_TOO_LARGE',
        `decompressed data exceeds maxUncompressedBytes (${limits.maxUncompressedBytes})`,
      );
      return;
    }
    crc.update(data);
    try {
      stop = onData(data);
    } catch (error) {
      thrown = { error };
    }
  });
  const internals = inflater as unknown as InflateInternals;

  const fail = (error: ArchiveError): E.Either<ArchiveError, never> => {
    failed = error;
    return E.left(error);
  };

  // Takes trailer bytes; anything past the 8 trailer bytes is trailing data.
  const takeTrailer = (bytes: Uint8Array): ArchiveError | undefined => {
    const take = Math.min(8 - have, bytes.length);
    trailer.set(bytes.subarray(0, take), have);
    have += take;
    if (have === 8 && state === 'trailer') {
      state = 'done';
      const view = new DataView(trailer.buffer);
      const storedCrc = view.getUint32(0, true);
      const storedSize = view.getUint32(4, true);
      if (storedCrc !== crc.value()) {
        return archiveError(
          'PACK_ARCHIVE_GZIP_CHECKSUM',
          `gzip CRC-32 is ${hex32(storedCrc)} but the data's is ${hex32(crc.value())}`,
        );
      }
      if (storedSize !== produced % 2 ** 32) {
        return archiveError(
          'PACK_ARCHIVE_GZIP_CHECKSUM',
          `gzip ISIZE is ${storedSize} but ${produced} bytes were decompressed (mod 2^32)`,
        );
      }
    }
    if (take < bytes.length) {
      return archiveError('PACK_ARCHIVE_TRAILING_DATA', 'bytes follow the gzip member');
    }
    return undefined;
  };

  const output = new Uint8Array(WINDOW_BYTES + OUTPUT_BYTES);
  const inflateSlice = (slice: Uint8Array): ArchiveError | undefined => {
    consumed += slice.length;
    // Hand inflate a reused output buffer holding the 32 KiB window it kept, so a push does not
    // allocate, zero and copy a buffer that doubles several times (about a tenth of inflate's
    // time at 64 KiB slices); fflate copies both the output it emits and the window it keeps.
    const kept = internals.s.b;
    if (kept <= WINDOW_BYTES && internals.o !== output) {
      output.set(internals.o.subarray(0, kept), 0);
      internals.o = output;
    }
    try {
      inflater.push(slice, false);
    } catch (error) {
      if (thrown !== undefined) throw thrown.error;
      return archiveError('PACK_ARCHIVE_GZIP_CORRUPT', `deflate data: ${messageOf(error)}`);
    }
    if (thrown !== undefined) throw thrown.error;
    if (stop !== undefined) return stop;
    const s = internals.s;
    if (!(s.f && !s.l)) return undefined;
    // The final block ended at bit s.p of the unconsumed bytes; the rest of that byte must be 0.
    const rest = internals.p;
    const bit = (s.p ?? 0) & 7;
    if (bit !== 0 && (rest[0] as number) >> bit !== 0) {
      return archiveError(
        'PACK_ARCHIVE_GZIP_CORRUPT',
        'non-zero padding bits after the final deflate block',
      );
    }
    state = 'trailer';
    have = 0;
    return takeTrailer(rest.subarray(bit === 0 ? 0 : 1));
  };

  // Slices start at fixed offsets of the deflate data, whatever the caller's chunking, so the
  // points where limits are checked (and so the error returned) depend on the bytes alone.
  const slice = new Uint8Array(INFLATE_SLICE_BYTES);
  let filled = 0;
  const feedDeflate = (chunk: Uint8Array, from: number): ArchiveError | undefined => {
    let offset = from;
    while (offset < chunk.length && state === 'deflate') {
      let error: ArchiveError | undefined;
      if (filled === 0 && chunk.length - offset >= INFLATE_SLICE_BYTES) {
        error = inflateSlice(chunk.subarray(offset, offset + INFLATE_SLICE_BYTES));
        offset += INFLATE_SLICE_BYTES;
      } else {
        const take = Math.min(INFLATE_SLICE_BYTES - filled, chunk.length - offset);
        slice.set(chunk.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled < INFLATE_SLICE_BYTES) break;
        filled = 0;
        error = inflateSlice(slice); // fflate copies what it keeps before returning
      }
      if (error !== undefined) return error;
    }
    return offset < chunk.length ? takeTrailer(chunk.subarray(offset)) : undefined;
  };

  return {
    push: (chunk) => {
      if (failed !== undefined) return E.left(failed);
      total += chunk.length;
      let offset = 0;
      if (state === 'header') {
        const take = Math.min(GZIP_HEADER.length - have, chunk.length);
        header.set(chunk.subarray(0, take), have);
        have += take;
        offset = take;
        consumed += take;
        if (have < GZIP_HEADER.length) return E.right(undefined);
        const bad = GZIP_HEADER.findIndex((b, i) => header[i] !== b);
        if (bad !== -1) {
          return fail(
            archiveError(
              'PACK_ARCHIVE_GZIP_HEADER',
              `gzip header byte ${bad} is 0x${hex8(header[bad] as number)}, expected 0x${hex8(GZIP_HEADER[bad] as number)} (the header must be 1f8b0800000000000003)`,
            ),
          );
        }
        state = 'deflate';
      }
      const error =
        state === 'deflate' ? feedDeflate(chunk, offset) : takeTrailer(chunk.subarray(offset));
      return error === undefined ? E.right(undefined) : fail(error);
    },
    finish: () => {
      if (failed !== undefined) return E.left(failed);
      if (state === 'deflate' && filled > 0) {
        const last = slice.subarray(0, filled);
        filled = 0;
        const error = inflateSlice(last);
        if (error !== undefined) return fail(error);
      }
      if (state !== 'done') {
        const where =
          state === 'header'
            ? 'gzip header'
            : state === 'deflate'
              ? 'deflate data'
              : 'gzip trailer';
        return fail(archiveError('PACK_ARCHIVE_TRUNCATED', `input ends inside the ${where}`));
      }
      return E.right({ compressedBytes: total, uncompressedBytes: produced });
    },
  };
};

// --- internal --------------------------------------------------------------

// fflate 0.8.3 streaming Inflate state (pinned in package.json): `s.f` final block seen, `s.l`
// the current block's Huffman map (null between blocks), `s.p` bit position within `p`, the
// unconsumed input; `s.b` bytes already in `o`. fflate's own Gunzip reads the same fields to find a member's end; it checks
// neither CRC-32 nor ISIZE nor trailing bytes, hence this reader.
// `o` is the output buffer inflate writes into from offset `s.b` (after each push: a fresh copy
// of the last 32 KiB, the LZ77 window) and grows by doubling when full.
interface InflateInternals {
  readonly s: {
    readonly f?: number;
    readonly l?: unknown;
    readonly p?: number;
    readonly b: number;
  };
  readonly p: Uint8Array;
  o: Uint8Array;
}

// Deflate's window (RFC 1951 section 2.5.1), and room for one slice's usual output after it.
const WINDOW_BYTES = 32 * 1024;
const OUTPUT_BYTES = 1024 * 1024;

const hex8 = (n: number): string => n.toString(16).padStart(2, '0');
const hex32 = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;
const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
