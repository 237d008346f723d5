/**
 * The filesystem store: append-only JSON Lines per log, content-addressed blob files, pack
 * records as canonical JSON files, all under one directory.
 *
 * Durability: an append returns only after its lines are written and `fdatasync`ed; new files
 * and directories are fsynced into their parents; blobs and records are written to a temporary
 * file, fsynced and renamed. Concurrency: one writer process per directory, enforced by a `LOCK`
 * file (a second writer gets `STORE_LOCKED`); inside the process, appends to one log are
 * serialised. Readers may open the directory read-only alongside the writer. See
 * docs/guides/storage.md "Filesystem adapter".
 * @module
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalize,
  createExceptionLogFolder,
  createLogVerifier,
  decodePackRecord,
  digestBytes,
  LogId,
  parseJsonStrict,
  storeError,
  utf8Encode,
  type BlobStore,
  type CheckpointStore,
  type StoredCheckpoint,
  type EventStore,
  type ExceptionFoldError,
  type ExceptionRecord,
  type LogVerifyError,
  type LogVerifyOptions,
  type LogVerifyReport,
  type PackRecord,
  type PackRecordStore,
  type Sha256Digest,
  type StoreError,
  type StoreResult,
  type VerifiedExceptionLog,
  type VerifyAndFoldOptions,
  type WarrantStore,
} from '@warrant/core';
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js';
import {
  checkLogId,
  comparePackRecords,
  compareStrings,
  prepareCheckpoint,
  resolveRange,
  samePackRecord,
  sealAfter,
} from '../internal/checks';
import { createExceptionIndex, foldRefused, type FoldedLog } from '../internal/exception-index';
import { ioError, isNotFound, mkdirDurable, writeFileDurable } from './durable';
import { acquireLock, type Lock } from './lock';
import { LogFile, type TornTail } from './log-file';

// --- model -----------------------------------------------------------------

/** Options for {@link openFsStore}. */
export interface FsStoreOptions {
  /** Open without the writer lock; writes return `STORE_READ_ONLY`. Default false. */
  readonly readOnly?: boolean;
}

/** What {@link FsStore.inspect} reports about one log on disk. */
export interface FsLogStatus {
  readonly logId: LogId;
  /** Complete events. */
  readonly size: number;
  /** Bytes of complete lines. */
  readonly bytes: number;
  /** A partly written last record, if the process crashed mid-append. */
  readonly tornTail?: TornTail;
}

/** The filesystem store: the port plus inspection, repair and fast whole-log verification. */
export interface FsStore extends WarrantStore {
  /** The store directory. */
  readonly dir: string;
  /** Size, bytes and any torn tail of a log. */
  inspect(logId: LogId): StoreResult<FsLogStatus>;
  /**
   * Removes a torn tail (bytes after the last line feed, left by a crash mid-append) and returns
   * exactly what was removed. Never touches complete lines. A log without a torn tail is left as
   * it is (`removed` absent).
   */
  repair(
    logId: LogId,
  ): StoreResult<{ readonly removed?: TornTail & { readonly bytes: Uint8Array } }>;
  /**
   * Verifies a whole log from its file, streaming: every line parsed, hashed and linked, a torn
   * tail reported (`CORE_LOG_TORN_TAIL`), checkpoints and an expected head checked if given.
   */
  verifyLog(
    logId: LogId,
    options?: LogVerifyOptions,
  ): Promise<E.Either<StoreError | NonEmptyArray<LogVerifyError>, LogVerifyReport>>;
  /**
   * Verifies a whole log from its file and folds its exception events in the same pass (core's
   * `verifyAndFoldExceptionLines`, streaming): what `verifyLog` then `foldExceptionLog` over the
   * verified events give, each line read once.
   */
  verifyAndFoldLog(
    logId: LogId,
    options?: VerifyAndFoldOptions,
  ): Promise<
    E.Either<StoreError | NonEmptyArray<LogVerifyError | ExceptionFoldError>, VerifiedExceptionLog>
  >;
}

// --- operations ------------------------------------------------------------

/**
 * Opens (creating if needed) a filesystem store in `dir`.
 * @param dir - the store directory; created if missing
 * @param options - `readOnly` to read alongside a writer without taking the lock
 * @returns the store, `STORE_LOCKED` if another live process writes to `dir`, or `STORE_IO`
 * @see docs/guides/storage.md
 * @example
 * const opened = await openFsStore('/var/lib/warrant');
 * if (E.isRight(opened)) await opened.right.events.append(logId, 0, [draft]);
 */
export const openFsStore = async (
  dir: string,
  options: FsStoreOptions = {},
): Promise<E.Either<StoreError, FsStore>> => {
  const readOnly = options.readOnly === true;
  let lock: Lock | undefined;
  if (!readOnly) {
    try {
      await mkdirDurable(dir);
    } catch (e) {
      return E.left(ioError(e, `cannot create ${dir}`));
    }
    const locked = await acquireLock(dir);
    if (E.isLeft(locked)) return locked;
    lock = locked.right;
  }
  return E.right(makeStore(dir, readOnly, lock));
};

// --- internal --------------------------------------------------------------

const makeStore = (dir: string, readOnly: boolean, lock: Lock | undefined): FsStore => {
  const files = new Map<LogId, LogFile>();
  const queues = new Map<string, Promise<unknown>>();
  let closed = false;

  // One operation at a time per key (log), in call order.
  const serial = <A>(key: string, op: () => Promise<A>): Promise<A> => {
    const prev = queues.get(key) ?? Promise.resolve();
    const next = prev.then(op, op);
    queues.set(
      key,
      next.catch(() => undefined),
    );
    return next;
  };

  const guard = (logId: unknown, write = false): StoreError | undefined => {
    if (closed) return storeError('STORE_CLOSED', 'the store was closed');
    const bad = checkLogId(logId);
    if (bad !== undefined) return bad;
    return write && readOnly
      ? storeError('STORE_READ_ONLY', 'the store was opened read-only')
      : undefined;
  };

  // The log's file state, loaded once (writer) or reloaded per call (read-only: the writer may
  // have appended since).
  const fileOf = async (logId: LogId): Promise<E.Either<StoreError, LogFile>> => {
    const cached = files.get(logId);
    if (cached !== undefined && !readOnly) return E.right(cached);
    await cached?.close();
    const loaded = await LogFile.load(dir, logId, readOnly);
    if (E.isRight(loaded)) files.set(logId, loaded.right);
    return loaded;
  };

  const withLog = <A>(
    logId: LogId,
    write: boolean,
    op: (f: LogFile) => Promise<E.Either<StoreError, A>>,
  ): StoreResult<A> => {
    const bad = guard(logId, write);
    if (bad !== undefined) return Promise.resolve(E.left(bad));
    return serial(logId, async () => {
      const f = await fileOf(logId);
      return E.isLeft(f) ? f : op(f.right);
    });
  };

  // Subject index per log, built on first use by reading the log, kept current by appends.
  const subjects = new Map<LogId, Map<string, number[]>>();
  const subjectsOf = async (f: LogFile): Promise<E.Either<StoreError, Map<string, number[]>>> => {
    const known = subjects.get(f.logId);
    const size = f.status().head.size;
    if (known !== undefined && !readOnly) return E.right(known);
    const map = new Map<string, number[]>();
    for (let from = 0; from < size; from += PAGE) {
      const page = await f.read(from, Math.min(size, from + PAGE));
      if (E.isLeft(page)) return page;
      for (const e of page.right) map.set(e.subject, [...(map.get(e.subject) ?? []), e.seq]);
    }
    subjects.set(f.logId, map);
    return E.right(map);
  };

  const events: EventStore = {
    append: (logId, expectedSeq, drafts) =>
      withLog(logId, true, async (f) => {
        const head = f.writableHead();
        if (E.isLeft(head)) return head;
        const sealed = sealAfter(head.right, expectedSeq, drafts);
        if (E.isLeft(sealed) || sealed.right.events.length === 0) return sealed;
        const written = await f.append(sealed.right.events, sealed.right.head);
        if (E.isLeft(written)) return written;
        const index = subjects.get(logId);
        if (index !== undefined) {
          for (const e of sealed.right.events)
            index.set(e.subject, [...(index.get(e.subject) ?? []), e.seq]);
        }
        return sealed;
      }),
    head: (logId) => withLog(logId, false, async (f) => f.writableHead()),
    read: (logId, range) =>
      withLog(logId, false, async (f) => {
        const r = resolveRange(logId, range, f.status().head.size);
        return E.isLeft(r) ? r : f.read(r.right[0], r.right[1]);
      }),
    readSubject: (logId, subject) =>
      withLog(logId, false, async (f) => {
        const index = await subjectsOf(f);
        if (E.isLeft(index)) return index;
        const out = [];
        for (const seq of index.right.get(subject) ?? []) {
          const one = await f.read(seq, seq + 1);
          if (E.isLeft(one)) return one;
          out.push(...one.right);
        }
        return E.right(out);
      }),
    listSubjects: (logId) =>
      withLog(logId, false, async (f) => {
        const index = await subjectsOf(f);
        return E.map((m: Map<string, number[]>) => [...m.keys()].sort(compareStrings))(index);
      }),
    listLogs: async () => {
      if (closed) return E.left(storeError('STORE_CLOSED', 'the store was closed'));
      try {
        const names = await readdir(join(dir, 'logs')).catch((e: unknown) => {
          if (isNotFound(e)) return [] as string[];
          throw e;
        });
        const out: LogId[] = [];
        for (const name of names.filter((n) => LogId.is(n))) {
          const s = await stat(join(dir, 'logs', name, 'events.jsonl')).catch(() => undefined);
          if (s !== undefined && s.size > 0) out.push(name as LogId);
        }
        return E.right(out.sort(compareStrings));
      } catch (e) {
        return E.left(ioError(e, 'cannot list logs'));
      }
    },
  };

  const blobPath = (logId: LogId, digest: string): string =>
    join(dir, 'blobs', logId, digest.slice(7, 9), digest.slice(7));

  const blobs: BlobStore = {
    put: async (logId, bytes, expected) => {
      const bad = guard(logId, true);
      if (bad !== undefined) return E.left(bad);
      if (!(bytes instanceof Uint8Array))
        throw new TypeError('blobs.put: bytes must be a Uint8Array');
      const digest = digestBytes(bytes);
      if (expected !== undefined && expected !== digest) {
        return E.left(
          storeError(
            'STORE_BLOB_DIGEST_MISMATCH',
            `the bytes have digest ${digest}, not ${expected}`,
            { logId },
          ),
        );
      }
      const path = blobPath(logId, digest);
      try {
        if (await exists(path)) return E.right(digest);
        await mkdirDurable(join(path, '..'));
        await writeFileDurable(path, bytes);
        return E.right(digest);
      } catch (e) {
        return E.left(ioError(e, `cannot store blob ${digest}`, logId));
      }
    },
    get: async (logId, digest) => {
      const bad = guard(logId);
      if (bad !== undefined) return E.left(bad);
      if (!isDigest(digest)) return E.left(notFound(logId, digest));
      try {
        const bytes = new Uint8Array(await readFile(blobPath(logId, digest)));
        return digestBytes(bytes) === digest
          ? E.right(bytes)
          : E.left(storeError('STORE_BLOB_CORRUPT', `blob ${digest} changed at rest`, { logId }));
      } catch (e) {
        return E.left(
          isNotFound(e) ? notFound(logId, digest) : ioError(e, `cannot read blob ${digest}`, logId),
        );
      }
    },
    has: async (logId, digest) => {
      const bad = guard(logId);
      if (bad !== undefined) return E.left(bad);
      try {
        return E.right(isDigest(digest) && (await exists(blobPath(logId, digest))));
      } catch (e) {
        return E.left(ioError(e, `cannot stat blob ${digest}`, logId));
      }
    },
  };

  const packPath = (logId: LogId, digest: string): string =>
    join(dir, 'packs', logId, `${digest.slice(7)}.json`);
  const readPack = async (
    logId: LogId,
    path: string,
  ): Promise<E.Either<StoreError, PackRecord>> => {
    const parsed = parseJsonStrict(new Uint8Array(await readFile(path)));
    const decoded: E.Either<{ readonly message: string }, PackRecord> = E.isLeft(parsed)
      ? parsed
      : decodePackRecord(parsed.right);
    return E.isLeft(decoded)
      ? E.left(
          storeError(
            'STORE_RECORD_CORRUPT',
            `pack record ${path} is damaged: ${decoded.left.message}`,
            { logId, path },
          ),
        )
      : decoded;
  };

  const packs: PackRecordStore = {
    put: (logId, record) => {
      const bad = guard(logId, true);
      if (bad !== undefined) return Promise.resolve(E.left(bad));
      return serial(`packs/${logId}`, async () => {
        const decoded = decodePackRecord(record);
        if (E.isLeft(decoded)) return E.left({ ...decoded.left, logId });
        const path = packPath(logId, decoded.right.digest);
        try {
          if (await exists(path)) {
            const existing = await readPack(logId, path);
            if (E.isLeft(existing)) return existing;
            return samePackRecord(existing.right, decoded.right)
              ? existing
              : E.left(
                  storeError(
                    'STORE_PACK_RECORD_CONFLICT',
                    `another record for pack ${decoded.right.digest} exists`,
                    { logId },
                  ),
                );
          }
          const text = canonicalize(decoded.right);
          if (E.isLeft(text))
            return E.left(storeError('STORE_PACK_RECORD_INVALID', text.left.message, { logId }));
          await mkdirDurable(join(path, '..'));
          await writeFileDurable(path, utf8Encode(text.right));
          return decoded;
        } catch (e) {
          return E.left(ioError(e, `cannot store pack record ${decoded.right.digest}`, logId));
        }
      });
    },
    get: async (logId, digest) => {
      const bad = guard(logId);
      if (bad !== undefined) return E.left(bad);
      const missing = storeError('STORE_PACK_RECORD_NOT_FOUND', `no record for pack ${digest}`, {
        logId,
      });
      if (!isDigest(digest)) return E.left(missing);
      try {
        return await readPack(logId, packPath(logId, digest));
      } catch (e) {
        return E.left(
          isNotFound(e) ? missing : ioError(e, `cannot read pack record ${digest}`, logId),
        );
      }
    },
    list: async (logId) => {
      const bad = guard(logId);
      if (bad !== undefined) return E.left(bad);
      try {
        const names = await readdir(join(dir, 'packs', logId)).catch((e: unknown) => {
          if (isNotFound(e)) return [] as string[];
          throw e;
        });
        const out: PackRecord[] = [];
        for (const name of names.filter((n) => /^[0-9a-f]{64}\.json$/.test(n)).sort()) {
          const r = await readPack(logId, join(dir, 'packs', logId, name));
          if (E.isLeft(r)) return r;
          out.push(r.right);
        }
        return E.right(out.sort(comparePackRecords));
      } catch (e) {
        return E.left(ioError(e, 'cannot list pack records', logId));
      }
    },
  };

  const checkpointDir = (logId: LogId): string => join(dir, 'logs', logId, 'checkpoints');
  const checkpointPath = (logId: LogId, size: number): string =>
    join(checkpointDir(logId), `${String(size).padStart(16, '0')}.json`);
  const readStoredCheckpoint = async (
    logId: LogId,
    path: string,
  ): Promise<E.Either<StoreError, { stored: StoredCheckpoint; text: string }>> => {
    const bytes = new Uint8Array(await readFile(path));
    const parsed = parseJsonStrict(bytes);
    const prepared: E.Either<
      { readonly message: string },
      { stored: StoredCheckpoint; text: string }
    > = E.isLeft(parsed) ? parsed : prepareCheckpoint(logId, parsed.right);
    return E.isLeft(prepared)
      ? E.left(
          storeError(
            'STORE_RECORD_CORRUPT',
            `checkpoint file ${path} is damaged: ${prepared.left.message}`,
            {
              logId,
              path,
            },
          ),
        )
      : prepared;
  };
  const listCheckpoints = async (
    logId: LogId,
  ): Promise<E.Either<StoreError, StoredCheckpoint[]>> => {
    try {
      const names = await readdir(checkpointDir(logId)).catch((e: unknown) => {
        if (isNotFound(e)) return [] as string[];
        throw e;
      });
      const out: StoredCheckpoint[] = [];
      for (const name of names.filter((n) => /^\d{16}\.json$/.test(n)).sort()) {
        const r = await readStoredCheckpoint(logId, join(checkpointDir(logId), name));
        if (E.isLeft(r)) return r;
        out.push(r.right.stored);
      }
      return E.right(out);
    } catch (e) {
      return E.left(ioError(e, 'cannot list checkpoints', logId));
    }
  };

  const checkpoints: CheckpointStore = {
    put: (logId, envelope) => {
      const bad = guard(logId, true);
      if (bad !== undefined) return Promise.resolve(E.left(bad));
      return serial(`checkpoints/${logId}`, async () => {
        const prepared = prepareCheckpoint(logId, envelope);
        if (E.isLeft(prepared)) return prepared;
        const size = prepared.right.stored.statement.size;
        const path = checkpointPath(logId, size);
        try {
          if (await exists(path)) {
            const existing = await readStoredCheckpoint(logId, path);
            if (E.isLeft(existing)) return existing;
            return existing.right.text === prepared.right.text
              ? E.right(existing.right.stored)
              : E.left(
                  storeError(
                    'STORE_CHECKPOINT_CONFLICT',
                    `another checkpoint of size ${size} is stored for log ${logId}`,
                    {
                      logId,
                    },
                  ),
                );
          }
          await mkdirDurable(checkpointDir(logId));
          await writeFileDurable(path, utf8Encode(prepared.right.text));
          return E.right(prepared.right.stored);
        } catch (e) {
          return E.left(ioError(e, `cannot store checkpoint ${size}`, logId));
        }
      });
    },
    get: async (logId, size) => {
      const bad = guard(logId);
      if (bad !== undefined) return E.left(bad);
      const missing = storeError('STORE_CHECKPOINT_NOT_FOUND', `no checkpoint of size ${size}`, {
        logId,
      });
      if (!Number.isSafeInteger(size) || size < 0) return E.left(missing);
      try {
        return E.map((c: { stored: StoredCheckpoint }) => c.stored)(
          await readStoredCheckpoint(logId, checkpointPath(logId, size)),
        );
      } catch (e) {
        return E.left(
          isNotFound(e) ? missing : ioError(e, `cannot read checkpoint ${size}`, logId),
        );
      }
    },
    latest: async (logId) => {
      const bad = guard(logId);
      if (bad !== undefined) return E.left(bad);
      return E.map((all: StoredCheckpoint[]) => all[all.length - 1])(await listCheckpoints(logId));
    },
    list: async (logId) => {
      const bad = guard(logId);
      return bad !== undefined ? E.left(bad) : listCheckpoints(logId);
    },
  };

  // The first query of a log's exceptions verifies and folds its complete lines in one pass.
  const foldLog = (logId: LogId): StoreResult<FoldedLog> =>
    withLog(logId, false, async (f) => {
      const { head, bytes } = f.status();
      const folder = createExceptionLogFolder(logId);
      try {
        for await (const chunk of f.chunks(bytes)) folder.pushBytes(chunk);
      } catch (e) {
        return E.left(ioError(e, `cannot read log ${logId}`, logId));
      }
      const r = folder.finish();
      if (E.isRight(r)) {
        const records = new Map<string, ExceptionRecord>();
        for (const record of r.right.records) records.set(record.exception_id, record);
        return E.right({ size: head.size, records });
      }
      const first = r.left[0];
      if (!first.code.startsWith('CORE_LOG_')) {
        // The chain verified; the fold refused an event (its path is `$[seq]…`).
        const seq = Number(/^\$\[(\d+)\]/.exec(first.path ?? '')?.[1] ?? 0);
        return E.right({
          size: head.size,
          records: new Map(),
          error: foldRefused(logId, seq, first),
        });
      }
      const issues = r.left as NonEmptyArray<LogVerifyError>;
      return E.left(
        storeError(
          'STORE_RECORD_CORRUPT',
          `log ${logId}: events 0..${head.size - 1} do not verify (${issues[0].code} at seq ${issues[0].index})`,
          { logId, issues },
        ),
      );
    });

  return {
    dir,
    events,
    exceptions: createExceptionIndex(events, foldLog),
    blobs,
    checkpoints,
    packs,
    inspect: (logId) =>
      withLog(logId, false, async (f) => {
        const s = f.status();
        return E.right({
          logId,
          size: s.head.size,
          bytes: s.bytes,
          ...(s.torn === undefined ? {} : { tornTail: s.torn }),
        });
      }),
    repair: (logId) =>
      withLog(logId, true, async (f) => {
        const r = await f.repair();
        subjects.delete(logId);
        return r;
      }),
    verifyLog: async (logId, options) => {
      const bad = guard(logId);
      if (bad !== undefined) return E.left(bad);
      return serial(logId, async () => {
        const f = await fileOf(logId);
        if (E.isLeft(f)) return f;
        const v = createLogVerifier(logId, options);
        try {
          for await (const chunk of f.right.chunks()) v.pushBytes(chunk);
        } catch (e) {
          return E.left(ioError(e, `cannot read log ${logId}`, logId));
        }
        return v.finish();
      });
    },
    verifyAndFoldLog: async (logId, options) => {
      const bad = guard(logId);
      if (bad !== undefined) return E.left(bad);
      return serial(logId, async () => {
        const f = await fileOf(logId);
        if (E.isLeft(f)) return f;
        const folder = createExceptionLogFolder(logId, options);
        try {
          for await (const chunk of f.right.chunks()) folder.pushBytes(chunk);
        } catch (e) {
          return E.left(ioError(e, `cannot read log ${logId}`, logId));
        }
        return folder.finish();
      });
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([...queues.values()]);
      for (const f of files.values()) await f.close();
      files.clear();
      await lock?.release();
    },
  };
};

const PAGE = 10_000;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const isDigest = (d: unknown): d is Sha256Digest => typeof d === 'string' && DIGEST.test(d);
const notFound = (logId: LogId, digest: string): StoreError =>
  storeError('STORE_BLOB_NOT_FOUND', `no blob ${digest} in log ${logId}`, { logId });
const exists = async (path: string): Promise<boolean> => {
  try {
    await stat(path);
    return true;
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
};
