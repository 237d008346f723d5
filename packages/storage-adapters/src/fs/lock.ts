/**
 * The filesystem adapter's single-writer lock: a `LOCK` file naming the holder's pid and host,
 * created atomically (written to a unique temporary file, then hard-linked into place, so it is
 * never seen half-written). A lock whose holder is dead on this host is taken over; a lock held by
 * a live process, or by another host, refuses the open with `STORE_LOCKED`.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { storeError, type StoreError } from '@warrant/core';
import { ioError } from './durable';

/** A held lock. @internal */
export interface Lock {
  release(): Promise<void>;
}

/** The lock file's name inside the store directory. @internal */
export const LOCK_FILE = 'LOCK';

/**
 * Takes the store directory's single-writer lock.
 * @internal
 */
export const acquireLock = async (dir: string): Promise<E.Either<StoreError, Lock>> => {
  const path = join(dir, LOCK_FILE);
  const content = `${JSON.stringify({ pid: process.pid, host: hostname(), id: randomUUID() })}\n`;
  const tmp = join(dir, `${LOCK_FILE}.${process.pid}.${randomUUID()}.tmp`);
  try {
    await writeFile(tmp, content, { flag: 'wx' });
  } catch (e) {
    return E.left(ioError(e, `cannot write in ${dir}`));
  }
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await link(tmp, path);
        return E.right({ release: () => releaseLock(path, content) });
      } catch (e) {
        if ((e as { code?: unknown }).code !== 'EEXIST')
          return E.left(ioError(e, 'cannot create the lock'));
      }
      const holder = await readHolder(path);
      if (holder !== undefined && !isStale(holder)) {
        return E.left(
          storeError(
            'STORE_LOCKED',
            `${dir} is locked by process ${holder.pid} on ${holder.host}; one writer per store directory (open read-only to read alongside it)`,
          ),
        );
      }
      // The holder is dead (or the file unreadable, which only a crash can leave): take over.
      await unlink(path).catch(() => undefined);
    }
    return E.left(storeError('STORE_LOCKED', `${dir}: another process took the lock first`));
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
};

// --- internal --------------------------------------------------------------

interface Holder {
  readonly pid: number;
  readonly host: string;
}

const readHolder = async (path: string): Promise<Holder | undefined> => {
  try {
    const v = JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown; host?: unknown };
    return typeof v.pid === 'number' && typeof v.host === 'string'
      ? { pid: v.pid, host: v.host }
      : undefined;
  } catch {
    // Gone between link and read, or unreadable (the atomic link never leaves a partial file, so
    // only damage can): treat as stale so the next attempt retries the link.
    return undefined;
  }
};

// Stale only when provably dead: same host and signal 0 says "no such process". A live process
// (or one we may not signal, EPERM) keeps its lock; so does any process on another host.
const isStale = (h: Holder): boolean => {
  if (h.host !== hostname() || h.pid === process.pid) return false;
  try {
    process.kill(h.pid, 0);
    return false;
  } catch (e) {
    return (e as { code?: unknown }).code === 'ESRCH';
  }
};

const releaseLock = async (path: string, content: string): Promise<void> => {
  try {
    if ((await readFile(path, 'utf8')) === content) await unlink(path);
  } catch {
    // Already gone: nothing to release.
  }
};
