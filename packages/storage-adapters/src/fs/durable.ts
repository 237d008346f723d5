/**
 * Durable file primitives for the filesystem adapter: fsync of files and directories, atomic
 * whole-file writes (temporary file, fsync, rename, fsync of the directory) and I/O errors as
 * `STORE_IO` values.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { storeError, type StoreError } from '@warrant/core';

/**
 * Flushes a directory's entries (new or renamed files) to stable storage. Windows cannot open a
 * directory for syncing; NTFS journals metadata, so there is nothing to do there.
 * @internal
 */
export const fsyncDir = async (dir: string): Promise<void> => {
  if (process.platform === 'win32') return;
  const h = await open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
};

/**
 * Creates `dir` and any missing parents, fsyncing the parent of each directory it created so the
 * new entries survive a crash.
 * @internal
 */
export const mkdirDurable = async (dir: string): Promise<void> => {
  const created = await mkdir(dir, { recursive: true });
  if (created === undefined) return;
  // `created` is the first (outermost) directory made; every level from it down to `dir` is new.
  const stop = dirname(created);
  for (let d = dir; d !== stop && d !== dirname(d); d = dirname(d)) await fsyncDir(dirname(d));
};

/**
 * Writes a whole file atomically and durably: readers see the old file or the new one, never a
 * mix, and once this resolves the new content survives a crash.
 * @internal
 */
export const writeFileDurable = async (path: string, bytes: Uint8Array): Promise<void> => {
  const tmp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  const h = await open(tmp, 'wx');
  try {
    await writeAll(h, bytes, 0);
    await h.sync();
  } catch (e) {
    await h.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await h.close();
  await rename(tmp, path);
  await fsyncDir(dirname(path));
};

/**
 * Writes every byte at `position` (a short write is retried, never ignored).
 * @internal
 */
export const writeAll = async (
  h: { write(b: Uint8Array, o: number, l: number, p: number): Promise<{ bytesWritten: number }> },
  bytes: Uint8Array,
  position: number,
): Promise<void> => {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await h.write(bytes, done, bytes.length - done, position + done);
    if (bytesWritten <= 0)
      throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
    done += bytesWritten;
  }
};

/**
 * Turns a Node I/O exception into a `STORE_IO` value (the system code kept in `cause`).
 * @internal
 */
export const ioError = (e: unknown, what: string, logId?: string): StoreError => {
  const err = e as { code?: unknown; message?: unknown };
  const code = typeof err.code === 'string' ? err.code : 'EIO';
  const message = typeof err.message === 'string' ? err.message : String(e);
  return storeError('STORE_IO', `${what}: ${message}`, {
    ...(logId === undefined ? {} : { logId }),
    cause: { code, message },
  });
};

/** Whether an exception is "no such file or directory". @internal */
export const isNotFound = (e: unknown): boolean => (e as { code?: unknown }).code === 'ENOENT';
