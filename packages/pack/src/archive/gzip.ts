/**
 * Deterministic gzip: fflate's streaming `Gzip` at level 6, mtime 0, no file name, fed in fixed
 * 256 KiB chunks. fflate's streaming output depends on where pushes split the input (and differs
 * from its one-shot `gzipSync`), so this wrapper re-chunks whatever the caller pushes: the output
 * depends only on the concatenated input bytes, on every platform.
 * @see docs/spec/pack-archive.md#gzip
 * @module
 */
import { Gzip } from 'fflate';

// --- model -----------------------------------------------------------------

/** The deflate level, fixed: changing it changes every archive's bytes. */
export const GZIP_LEVEL = 6;
/** The size of every push into fflate but the last; part of the byte-level definition. */
export const GZIP_CHUNK_BYTES = 256 * 1024;
/**
 * The only gzip header Warrant writes or reads (RFC 1952 section 2.3): ID1 ID2, CM=8 (deflate),
 * FLG=0 (no name, comment, extra or header CRC), MTIME=0, XFL=0 (fflate at level 6), OS=3 (Unix).
 */
export const GZIP_HEADER: Uint8Array = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3);

/** A deterministic gzip stream. */
export interface DeterministicGzip {
  /** Feeds uncompressed bytes; the caller may reuse `chunk` after the call returns. */
  readonly push: (chunk: Uint8Array) => void;
  /** Ends the member: flushes, writes CRC-32 and ISIZE. Call once. */
  readonly finish: () => void;
}

// --- operations ------------------------------------------------------------

/**
 * Starts a deterministic gzip member.
 * @param onData - receives compressed bytes in order (fresh arrays the callee may keep)
 * @returns the stream; output equals the same bytes pushed in any other split
 * @throws TypeError if used after `finish` (a programming error)
 * @see https://www.rfc-editor.org/rfc/rfc1952#section-2.3
 * @example
 * const out: Uint8Array[] = [];
 * const gz = createDeterministicGzip((c) => out.push(c));
 * gz.push(bytes); gz.finish(); // out now holds one .gz member starting with GZIP_HEADER
 */
export const createDeterministicGzip = (onData: (chunk: Uint8Array) => void): DeterministicGzip => {
  const gzip = new Gzip({ level: GZIP_LEVEL, mtime: 0 }, (data) => onData(data));
  const buffer = new Uint8Array(GZIP_CHUNK_BYTES);
  let filled = 0;
  let finished = false;
  return {
    push: (chunk) => {
      if (finished) throw new TypeError('gzip stream already finished');
      let offset = 0;
      // Top up a partly filled buffer first; whole chunks then pass without a copy.
      if (filled > 0) {
        const take = Math.min(GZIP_CHUNK_BYTES - filled, chunk.length);
        buffer.set(chunk.subarray(0, take), filled);
        filled += take;
        offset = take;
        if (filled < GZIP_CHUNK_BYTES) return;
        gzip.push(buffer, false);
        filled = 0;
      }
      for (; chunk.length - offset >= GZIP_CHUNK_BYTES; offset += GZIP_CHUNK_BYTES) {
        gzip.push(chunk.subarray(offset, offset + GZIP_CHUNK_BYTES), false);
      }
      buffer.set(chunk.subarray(offset), 0);
      filled = chunk.length - offset;
    },
    finish: () => {
      if (finished) throw new TypeError('gzip stream already finished');
      finished = true;
      gzip.push(buffer.subarray(0, filled), true);
    },
  };
};
