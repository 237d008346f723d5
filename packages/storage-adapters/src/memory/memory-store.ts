/**
 * The in-memory store: the embedded default, for tests, demos and short-lived processes. State
 * lives in plain maps and is gone when the process ends. Stored values are canonical JSON copies,
 * deeply frozen, so neither the caller's drafts nor the values handed back can change what is
 * stored, and reads return exactly what a persistent adapter would.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalize,
  decodePackRecord,
  digestBytes,
  emptyHead,
  storeError,
  type BlobStore,
  type CheckpointStore,
  type StoredCheckpoint,
  type ChainHead,
  type EventStore,
  type LogEvent,
  type LogId,
  type PackRecord,
  type PackRecordStore,
  type Sha256Digest,
  type StoreError,
  type StoreResult,
  type WarrantStore,
} from '@warrant/core';
import {
  checkLogId,
  comparePackRecords,
  compareStrings,
  prepareCheckpoint,
  resolveRange,
  samePackRecord,
  sealAfter,
} from '../internal/checks';
import { createExceptionIndex } from '../internal/exception-index';

// --- operations ------------------------------------------------------------

/**
 * Creates an empty in-memory store.
 * @returns a {@link WarrantStore} whose appends are atomic within this JavaScript realm
 * @see docs/guides/storage.md
 * @example
 * const store = createMemoryStore();
 * await store.events.append(logId, 0, [draft]); // right({ events: [event], head })
 */
export const createMemoryStore = (): WarrantStore => {
  const logs = new Map<LogId, LogState>();
  const blobs = new Map<LogId, Map<Sha256Digest, Uint8Array>>();
  const packs = new Map<LogId, Map<Sha256Digest, PackRecord>>();
  const checkpoints = new Map<LogId, Map<number, { stored: StoredCheckpoint; text: string }>>();
  let closed = false;

  const guard = (logId: unknown): StoreError | undefined =>
    closed ? storeError('STORE_CLOSED', 'the store was closed') : checkLogId(logId);
  const fail = async <A>(e: StoreError): StoreResult<A> => E.left(e);
  const ok = async <A>(a: A): StoreResult<A> => E.right(a);
  const stateOf = (logId: LogId): LogState =>
    logs.get(logId) ?? { head: emptyHead(logId), events: [], subjects: new Map() };

  const events: EventStore = {
    append: async (logId, expectedSeq, drafts) => {
      const bad = guard(logId);
      if (bad !== undefined) return E.left(bad);
      const state = stateOf(logId);
      const sealed = sealAfter(state.head, expectedSeq, drafts);
      if (E.isLeft(sealed)) return sealed;
      const stored = sealed.right.events.map(freezeCopy);
      // Synchronous from here on: no other append can interleave (one JavaScript thread).
      for (const e of stored) {
        state.events.push(e);
        const seqs = state.subjects.get(e.subject) ?? [];
        seqs.push(e.seq);
        state.subjects.set(e.subject, seqs);
      }
      const head: ChainHead = sealed.right.head;
      logs.set(logId, { ...state, head });
      return E.right({ events: stored, head });
    },
    head: (logId) => {
      const bad = guard(logId);
      return bad !== undefined ? fail(bad) : ok(stateOf(logId).head);
    },
    read: (logId, range) => {
      const bad = guard(logId);
      if (bad !== undefined) return fail(bad);
      const state = stateOf(logId);
      const r = resolveRange(logId, range, state.events.length);
      return E.isLeft(r) ? fail(r.left) : ok(state.events.slice(r.right[0], r.right[1]));
    },
    readSubject: (logId, subject) => {
      const bad = guard(logId);
      if (bad !== undefined) return fail(bad);
      const state = stateOf(logId);
      const seqs = state.subjects.get(subject) ?? [];
      return ok(seqs.map((s) => state.events[s] as LogEvent));
    },
    listSubjects: (logId) => {
      const bad = guard(logId);
      if (bad !== undefined) return fail(bad);
      return ok([...stateOf(logId).subjects.keys()].sort(compareStrings));
    },
    listLogs: () =>
      closed
        ? fail(storeError('STORE_CLOSED', 'the store was closed'))
        : ok([...logs.keys()].sort(compareStrings)),
  };

  const blobStore: BlobStore = {
    put: (logId, bytes, expected) => {
      const bad = guard(logId);
      if (bad !== undefined) return fail(bad);
      if (!(bytes instanceof Uint8Array))
        throw new TypeError('blobs.put: bytes must be a Uint8Array');
      const digest = digestBytes(bytes);
      if (expected !== undefined && expected !== digest) {
        return fail(
          storeError(
            'STORE_BLOB_DIGEST_MISMATCH',
            `the bytes have digest ${digest}, not ${expected}`,
            {
              logId,
            },
          ),
        );
      }
      const map = blobs.get(logId) ?? new Map<Sha256Digest, Uint8Array>();
      if (!map.has(digest)) map.set(digest, bytes.slice());
      blobs.set(logId, map);
      return ok(digest);
    },
    get: (logId, digest) => {
      const bad = guard(logId);
      if (bad !== undefined) return fail(bad);
      const bytes = blobs.get(logId)?.get(digest);
      if (bytes === undefined) {
        return fail(
          storeError('STORE_BLOB_NOT_FOUND', `no blob ${digest} in log ${logId}`, { logId }),
        );
      }
      if (digestBytes(bytes) !== digest) {
        return fail(storeError('STORE_BLOB_CORRUPT', `blob ${digest} changed at rest`, { logId }));
      }
      return ok(bytes.slice());
    },
    has: (logId, digest) => {
      const bad = guard(logId);
      return bad !== undefined ? fail(bad) : ok(blobs.get(logId)?.has(digest) ?? false);
    },
  };

  const packStore: PackRecordStore = {
    put: (logId, record) => {
      const bad = guard(logId);
      if (bad !== undefined) return fail(bad);
      const decoded = decodePackRecord(record);
      if (E.isLeft(decoded)) return fail({ ...decoded.left, logId });
      const map = packs.get(logId) ?? new Map<Sha256Digest, PackRecord>();
      const existing = map.get(decoded.right.digest);
      if (existing !== undefined) {
        return samePackRecord(existing, decoded.right)
          ? ok(existing)
          : fail(
              storeError(
                'STORE_PACK_RECORD_CONFLICT',
                `another record for pack ${decoded.right.digest} exists`,
                { logId },
              ),
            );
      }
      const stored = deepFreeze(decoded.right);
      map.set(stored.digest, stored);
      packs.set(logId, map);
      return ok(stored);
    },
    get: (logId, digest) => {
      const bad = guard(logId);
      if (bad !== undefined) return fail(bad);
      const r = packs.get(logId)?.get(digest);
      return r === undefined
        ? fail(storeError('STORE_PACK_RECORD_NOT_FOUND', `no record for pack ${digest}`, { logId }))
        : ok(r);
    },
    list: (logId) => {
      const bad = guard(logId);
      if (bad !== undefined) return fail(bad);
      return ok([...(packs.get(logId)?.values() ?? [])].sort(comparePackRecords));
    },
  };

  const checkpointStore: CheckpointStore = {
    put: (logId, envelope) => {
      const bad = guard(logId);
      if (bad !== undefined) return fail(bad);
      const prepared = prepareCheckpoint(logId, envelope);
      if (E.isLeft(prepared)) return fail(prepared.left);
      const map =
        checkpoints.get(logId) ?? new Map<number, { stored: StoredCheckpoint; text: string }>();
      const size = prepared.right.stored.statement.size;
      const existing = map.get(size);
      if (existing !== undefined) {
        return existing.text === prepared.right.text
          ? ok(existing.stored)
          : fail(
              storeError(
                'STORE_CHECKPOINT_CONFLICT',
                `another checkpoint of size ${size} is stored for log ${logId}`,
                { logId },
              ),
            );
      }
      const entry = { stored: deepFreeze(prepared.right.stored), text: prepared.right.text };
      map.set(size, entry);
      checkpoints.set(logId, map);
      return ok(entry.stored);
    },
    get: (logId, size) => {
      const bad = guard(logId);
      if (bad !== undefined) return fail(bad);
      const found = checkpoints.get(logId)?.get(size);
      return found === undefined
        ? fail(storeError('STORE_CHECKPOINT_NOT_FOUND', `no checkpoint of size ${size}`, { logId }))
        : ok(found.stored);
    },
    latest: (logId) => {
      const bad = guard(logId);
      if (bad !== undefined) return fail(bad);
      const all = sortedCheckpoints(logId);
      return ok(all[all.length - 1]);
    },
    list: (logId) => {
      const bad = guard(logId);
      return bad !== undefined ? fail(bad) : ok(sortedCheckpoints(logId));
    },
  };
  const sortedCheckpoints = (logId: LogId): StoredCheckpoint[] =>
    [...(checkpoints.get(logId)?.values() ?? [])]
      .map((c) => c.stored)
      .sort((a, b) => a.statement.size - b.statement.size);

  return {
    events,
    exceptions: createExceptionIndex(events),
    blobs: blobStore,
    checkpoints: checkpointStore,
    packs: packStore,
    close: async () => {
      closed = true;
    },
  };
};

// --- internal --------------------------------------------------------------

interface LogState {
  readonly head: ChainHead;
  readonly events: LogEvent[];
  readonly subjects: Map<string, number[]>;
}

// A canonical JSON round trip: what any persistent adapter hands back (e.g. -0 becomes 0).
const freezeCopy = (e: LogEvent): LogEvent => {
  const text = canonicalize(e);
  if (E.isLeft(text)) throw new TypeError(`a sealed event is not JSON: ${text.left.message}`);
  return deepFreeze(JSON.parse(text.right) as LogEvent);
};

const deepFreeze = <T>(v: T): T => {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
};
