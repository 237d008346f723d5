/**
 * Writing a whole archive from a set of entries: sorted by path bytes, every path and the entry
 * set checked before the first byte is produced, then streamed through {@link createArchiveWriter}.
 * The result is the same bytes for any order of the input entries, on every platform.
 * @see docs/spec/pack-archive.md
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { utf8Encode } from '@warrant/core';
import { createEntryOrder } from './entry-order';
import type { ArchiveError } from './errors';
import { compareBytes, parseArchivePath } from './path';
import { createArchiveWriter, type ArchiveWriteSummary } from './tar-writer';

// --- model -----------------------------------------------------------------

/** An entry to write: its bytes, or a function that opens a stream of them. */
export interface ArchiveSource {
  readonly path: string;
  /** Content length; the stream must deliver exactly this many bytes. */
  readonly size: number;
  /** The bytes, or an opener called once, in archive order, when the entry's turn comes. */
  readonly content: Uint8Array | (() => AsyncIterable<Uint8Array> | Iterable<Uint8Array>);
}

/** Where compressed output goes; a returned promise is awaited (backpressure). */
export type ArchiveSink = (chunk: Uint8Array) => void | Promise<void>;

// --- operations ------------------------------------------------------------

/**
 * Writes an archive in memory.
 * @param entries - paths and bytes, in any order
 * @returns the .tar.gz bytes, or the first error in path byte order
 * @see docs/spec/pack-archive.md
 * @example
 * writeArchive([{ path: 'b.json', bytes: b }, { path: 'a.json', bytes: a }]) // right(Uint8Array […])
 */
export const writeArchive = (
  entries: ReadonlyArray<{ readonly path: string; readonly bytes: Uint8Array }>,
): E.Either<ArchiveError, Uint8Array> => {
  const planned = planArchive(
    entries.map((e) => ({ path: e.path, size: e.bytes.length, content: e.bytes })),
  );
  if (E.isLeft(planned)) return planned;
  const out: Uint8Array[] = [];
  const writer = createArchiveWriter((chunk) => out.push(chunk));
  for (const source of planned.right) {
    const begun = writer.begin(source.path, source.size);
    if (E.isLeft(begun)) return begun;
    const written = writer.write(source.content as Uint8Array);
    if (E.isLeft(written)) return written;
  }
  return E.map((s: ArchiveWriteSummary) => join(out, s.gzipBytes))(writer.finish());
};

/**
 * Streams an archive to a sink with bounded memory (one gzip chunk plus the sink's buffers).
 * @param sources - entries in any order; streamed contents are opened one at a time
 * @param sink - receives the compressed bytes in order
 * @returns counts once finished, or the first error (output so far must then be discarded)
 * @see docs/spec/pack-archive.md
 * @example
 * await writeArchiveStream([{ path: 'big.json', size, content: () => file.stream() }], (c) => out.write(c))
 */
export const writeArchiveStream = async (
  sources: ReadonlyArray<ArchiveSource>,
  sink: ArchiveSink,
): Promise<E.Either<ArchiveError, ArchiveWriteSummary>> => {
  const planned = planArchive(sources);
  if (E.isLeft(planned)) return planned;
  const pending: Uint8Array[] = [];
  const writer = createArchiveWriter((chunk) => pending.push(chunk));
  const drain = async (): Promise<void> => {
    for (let i = 0; i < pending.length; i++) {
      const r = sink(pending[i] as Uint8Array);
      if (r !== undefined) await r;
    }
    pending.length = 0;
  };
  for (const source of planned.right) {
    const begun = writer.begin(source.path, source.size);
    if (E.isLeft(begun)) return begun;
    const content = source.content;
    const chunks = content instanceof Uint8Array ? pieces(content) : content();
    for await (const chunk of chunks) {
      const written = writer.write(chunk);
      if (E.isLeft(written)) return written;
      await drain();
    }
  }
  const finished = writer.finish();
  await drain();
  return finished;
};

// --- internal --------------------------------------------------------------

interface Keyed {
  readonly source: ArchiveSource;
  readonly key: Uint8Array;
}

// Sorts by path bytes and checks every path and the entry-set rules before any output. Ties in
// the UTF-8 key (only possible for invalid paths) fall back to UTF-16 order so the first error
// reported does not depend on input order.
const planArchive = (
  sources: ReadonlyArray<ArchiveSource>,
): E.Either<ArchiveError, ReadonlyArray<ArchiveSource>> => {
  const keyed: Keyed[] = sources.map((source) => ({ source, key: utf8Encode(source.path) }));
  keyed.sort(
    (a, b) =>
      compareBytes(a.key, b.key) ||
      (a.source.path < b.source.path ? -1 : a.source.path > b.source.path ? 1 : 0),
  );
  const order = createEntryOrder();
  for (const { source } of keyed) {
    const path = parseArchivePath(source.path);
    if (E.isLeft(path)) return path;
    const next = order.next(path.right);
    if (E.isLeft(next)) return next;
  }
  return E.right(keyed.map((k) => k.source));
};

// Large in-memory contents go to the writer in 1 MiB pieces so output drains between them.
function* pieces(bytes: Uint8Array): Iterable<Uint8Array> {
  const PIECE = 1 << 20;
  if (bytes.length === 0) return;
  for (let i = 0; i < bytes.length; i += PIECE) yield bytes.subarray(i, i + PIECE);
}

const join = (parts: ReadonlyArray<Uint8Array>, length: number): Uint8Array => {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
};
