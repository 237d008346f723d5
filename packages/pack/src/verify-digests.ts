/**
 * The file digests of a verification pass. On Node every file is hashed incrementally as it
 * streams. In browsers files up to {@link WHOLE_FILE_DIGEST_MAX_BYTES} are collected and hashed
 * with WebCrypto, asynchronously; the input is then fed only while the bytes awaiting a digest
 * stay under {@link PENDING_DIGEST_MAX_BYTES}, so memory stays bounded whatever the pack's size.
 * Either way the result is the same SHA-256 of the same bytes.
 * @see docs/spec/pack-v1.md section 9 step 1
 * @module
 */
import { createSha256, sha256Async, toHex } from '@warrant/core';
import { WHOLE_FILE_DIGEST_MAX_BYTES } from '#platform/file-digest';
import type { ArchiveEntrySink } from './archive/tar-reader';

// --- model -----------------------------------------------------------------

/** Bytes collected for WebCrypto but not digested yet, above which reading pauses. */
export const PENDING_DIGEST_MAX_BYTES = 64 * 1024 * 1024;

/** Size and SHA-256 (hex) of each entry read. */
export type SeenEntries = Map<string, { size: number; sha256: string }>;

/** Hashes the entries of one archive read. */
export interface FileDigester {
  /** The sink of one entry; `keep` also receives its whole content at the end. */
  readonly sink: (
    path: string,
    size: number,
    keep?: (bytes: Uint8Array) => void,
  ) => ArchiveEntrySink;
  /** The input, in pieces of at most 1 MiB, paused while too many bytes await a digest. */
  readonly pace: (
    source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  ) => AsyncIterable<Uint8Array>;
  /** Every entry's size and digest, once the pending digests are done. */
  readonly settle: () => Promise<SeenEntries>;
}

// --- operations ------------------------------------------------------------

/**
 * Starts the digests of one archive read.
 * @returns the digester
 * @example
 * const d = createFileDigester();
 * await readArchiveStream(d.pace(source), ({ path, size }) => d.sink(path, size));
 * const seen = await d.settle(); // Map { 'a.txt' => { size: 2, sha256: '…' } }
 */
export const createFileDigester = (): FileDigester => {
  const seen: SeenEntries = new Map();
  const pending = new Set<Promise<void>>();
  let pendingBytes = 0;
  const whole = (path: string, size: number, bytes: Uint8Array): void => {
    pendingBytes += size;
    const p: Promise<void> = sha256Async(bytes).then((d) => {
      seen.set(path, { size, sha256: toHex(d) });
      pendingBytes -= size;
      pending.delete(p);
    });
    pending.add(p);
  };
  return {
    sink: (path, size, keep) => {
      const viaWebCrypto =
        WHOLE_FILE_DIGEST_MAX_BYTES > 0 &&
        size <= WHOLE_FILE_DIGEST_MAX_BYTES &&
        (keep !== undefined || pendingBytes + size <= PENDING_DIGEST_MAX_BYTES);
      const collect = keep !== undefined || viaWebCrypto;
      const h = viaWebCrypto ? undefined : createSha256();
      const parts: Uint8Array[] = [];
      return {
        write: (chunk) => {
          h?.update(chunk);
          if (collect) parts.push(chunk.slice());
        },
        end: () => {
          const bytes = collect ? join(parts, size) : undefined;
          if (h !== undefined) seen.set(path, { size, sha256: toHex(h.digest()) });
          else whole(path, size, bytes as Uint8Array);
          if (keep !== undefined) keep(bytes as Uint8Array);
        },
      };
    },
    pace: async function* (source) {
      for await (const chunk of source) {
        for (let i = 0; i < chunk.length; i += PIECE) {
          while (pendingBytes > PENDING_DIGEST_MAX_BYTES && pending.size > 0) {
            await Promise.race(pending);
          }
          yield chunk.length <= PIECE ? chunk : chunk.subarray(i, i + PIECE);
        }
      }
    },
    settle: async () => {
      await Promise.all(pending);
      return seen;
    },
  };
};

// --- internal --------------------------------------------------------------

const PIECE = 1024 * 1024;

const join = (parts: ReadonlyArray<Uint8Array>, size: number): Uint8Array => {
  if (parts.length === 1 && (parts[0] as Uint8Array).length === size) return parts[0] as Uint8Array;
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};
