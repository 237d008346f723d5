/// <reference types="node" />
/**
 * Node-only helpers: write a deterministic .tar.gz to a file from files on disk, and read one
 * from a file, streaming both ways with bounded memory. File system failures become
 * `PACK_ARCHIVE_IO` values; a failed write leaves no output file behind.
 * @module
 */
import { createReadStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import * as E from 'fp-ts/lib/Either.js';
import { readArchiveStream, type ArchiveReadSummary } from '../archive/archive-reader';
import { writeArchiveStream, type ArchiveSource } from '../archive/archive-writer';
import { archiveError, type ArchiveError } from '../archive/errors';
import type { ArchiveLimits } from '../archive/limits';
import type { ArchiveEntryHandler } from '../archive/tar-reader';
import type { ArchiveWriteSummary } from '../archive/tar-writer';

/** Read size for files: matches the gzip chunk so whole chunks pass without copying. */
const READ_CHUNK_BYTES = 256 * 1024;

/**
 * Describes a file on disk as an archive entry (its size is read now, its bytes when written).
 * @param file - the file to read
 * @param path - the entry path inside the archive
 * @returns the source, or `PACK_ARCHIVE_IO` if the file cannot be examined
 * @example
 * await fileArchiveSource('/tmp/sbom.json', 'sboms/app.cdx.json') // right({ path, size, content })
 */
export const fileArchiveSource = async (
  file: string,
  path: string,
): Promise<E.Either<ArchiveError, ArchiveSource>> => {
  try {
    const info = await stat(file);
    if (!info.isFile())
      return E.left(archiveError('PACK_ARCHIVE_IO', `${file} is not a regular file`, path));
    return E.right({
      path,
      size: info.size,
      content: () => createReadStream(file, { highWaterMark: READ_CHUNK_BYTES }),
    });
  } catch (error) {
    return E.left(ioError(error, file, path));
  }
};

/**
 * Writes a deterministic .tar.gz file. Output goes to `<file>.partial` and is renamed on
 * success; on any error the partial file is removed and nothing is left at `file`.
 * @param file - the archive to create (replaced if it exists)
 * @param sources - entries in any order (see {@link fileArchiveSource})
 * @returns counts, or the first archive or I/O error
 * @example
 * await writeArchiveFile('/tmp/pack.tar.gz', [src]) // right({ entryCount: 1, tarBytes, gzipBytes })
 */
export const writeArchiveFile = async (
  file: string,
  sources: ReadonlyArray<ArchiveSource>,
): Promise<E.Either<ArchiveError, ArchiveWriteSummary>> => {
  const partial = `${file}.partial`;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(partial, 'w');
    const out = handle;
    const result = await writeArchiveStream(sources, async (chunk) => {
      await out.write(chunk);
    });
    await handle.close();
    handle = undefined;
    if (E.isLeft(result)) {
      await rm(partial, { force: true });
      return result;
    }
    await rename(partial, file);
    return result;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(partial, { force: true }).catch(() => undefined);
    if (isSystemError(error)) return E.left(ioError(error, file));
    throw error;
  }
};

/**
 * Reads and checks a .tar.gz file, streaming each entry's content to the handler.
 * @param file - the archive
 * @param onEntry - called at each entry header; return a sink for its content or undefined to skip
 * @param limits - overrides of the default limits
 * @returns counts once every check passed (entries seen before a `Left` must be discarded)
 * @example
 * await readArchiveFile('/tmp/pack.tar.gz', ({ path }) => hashSink(path)) // right({ entryCount, … })
 */
export const readArchiveFile = async (
  file: string,
  onEntry: ArchiveEntryHandler,
  limits: Partial<ArchiveLimits> = {},
): Promise<E.Either<ArchiveError, ArchiveReadSummary>> => {
  const stream = createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
  try {
    return await readArchiveStream(stream, onEntry, limits);
  } catch (error) {
    if (isSystemError(error)) return E.left(ioError(error, file));
    throw error;
  } finally {
    stream.destroy();
  }
};

// --- internal --------------------------------------------------------------

const isSystemError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';

const ioError = (error: unknown, file: string, path?: string): ArchiveError =>
  archiveError(
    'PACK_ARCHIVE_IO',
    `${file}: ${isSystemError(error) ? `${error.code ?? 'error'} ${error.message}` : String(error)}`,
    path,
  );
