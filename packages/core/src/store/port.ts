/**
 * The storage port: what Warrant needs from a database, and nothing more. Adapters (memory,
 * filesystem, PostgreSQL, or a host product's own) implement it; the contract suite in
 * `@warrant/storage-adapters/contract` checks that they do.
 *
 * Every method is async and returns `Either<StoreError, A>`: expected failures (a sequence
 * conflict, a missing blob, a full disk) are values, never exceptions. Everything is scoped by
 * log id, and a log is one tenant: an adapter never lets one log see another's events, blobs,
 * checkpoints or pack records. See docs/guides/storage.md.
 * @module
 */
import type * as E from 'fp-ts/lib/Either.js';
import type { Sha256Digest } from '../digest';
import type { EventDraft, LogEvent, LogId } from '../event';
import type { DsseEnvelope } from '../dsse/envelope';
import type { ChainHead } from '../event-log/chain';
import type { CheckpointStatement } from '../event-log/checkpoint';
import type { ExceptionState } from '../exception/state';
import type { Timestamp } from '../time';
import type { StoreError } from './errors';
import type { ExceptionQuery } from './exception-query';
import type { PackRecord } from './pack-record';

/** What an async store operation returns. */
export type StoreResult<A> = Promise<E.Either<StoreError, A>>;

/** A half-open range of sequence numbers: `from <= seq < to` (`to` defaults to the log size). */
export interface SeqRange {
  readonly from: number;
  readonly to?: number;
}

/** The append-only event logs, one hash chain per log. */
export interface EventStore {
  /**
   * Seals `drafts` (see `sealEvents`) after the log's current head and stores them, all or none.
   * Optimistic concurrency: `expectedSeq` is the size the caller believes the log has; any other
   * size gives `STORE_SEQUENCE_CONFLICT` (with `expected` and `actual`) and nothing is written,
   * so two writers can never fork the chain. An empty `drafts` checks `expectedSeq` only.
   * Once it returns right, the events are durable as the adapter documents.
   */
  append(
    logId: LogId,
    expectedSeq: number,
    drafts: ReadonlyArray<EventDraft>,
  ): StoreResult<{ readonly events: ReadonlyArray<LogEvent>; readonly head: ChainHead }>;
  /** The log's size and last hash (the genesis value and size 0 for a log never written). */
  head(logId: LogId): StoreResult<ChainHead>;
  /** Events with `from <= seq < min(to, size)`, in order; `from > size` is `STORE_RANGE_INVALID`. */
  read(logId: LogId, range: SeqRange): StoreResult<ReadonlyArray<LogEvent>>;
  /** Every event whose `subject` (e.g. an exception id) is `subject`, in `seq` order. */
  readSubject(logId: LogId, subject: string): StoreResult<ReadonlyArray<LogEvent>>;
  /** The distinct subjects of a log, sorted by UTF-16 code units. */
  listSubjects(logId: LogId): StoreResult<ReadonlyArray<string>>;
  /** Every log with at least one event, sorted. */
  listLogs(): StoreResult<ReadonlyArray<LogId>>;
}

/** Content-addressed evidence: bytes stored under their SHA-256, per log. */
export interface BlobStore {
  /**
   * Stores bytes under their digest (idempotent). With `expected`, bytes whose digest differs are
   * refused with `STORE_BLOB_DIGEST_MISMATCH` and nothing is stored.
   */
  put(logId: LogId, bytes: Uint8Array, expected?: Sha256Digest): StoreResult<Sha256Digest>;
  /** The bytes, re-hashed on the way out (`STORE_BLOB_CORRUPT` if they changed at rest). */
  get(logId: LogId, digest: Sha256Digest): StoreResult<Uint8Array>;
  /** Whether a blob is stored. */
  has(logId: LogId, digest: Sha256Digest): StoreResult<boolean>;
}

/** Records of the audit packs built from a log. */
export interface PackRecordStore {
  /** Stores a record (idempotent; another record with the same digest is a conflict). */
  put(logId: LogId, record: PackRecord): StoreResult<PackRecord>;
  /** The record for a pack digest, or `STORE_PACK_RECORD_NOT_FOUND`. */
  get(logId: LogId, digest: Sha256Digest): StoreResult<PackRecord>;
  /** Every record of the log, ordered by `time`, then `digest`. */
  list(logId: LogId): StoreResult<ReadonlyArray<PackRecord>>;
}

/** A checkpoint as stored: the envelope as given, and its statement (signatures NOT verified). */
export interface StoredCheckpoint {
  readonly statement: CheckpointStatement;
  readonly envelope: DsseEnvelope;
}

/**
 * Signed checkpoints of a log, one per size. A store reads the statement to index it but checks
 * no signature: whoever relies on a stored checkpoint verifies it (`verifyCheckpoint`).
 */
export interface CheckpointStore {
  /**
   * Stores a checkpoint envelope (idempotent for the same envelope). An envelope that is not a
   * checkpoint statement of `logId` is `STORE_CHECKPOINT_INVALID`; another envelope of the same
   * size is `STORE_CHECKPOINT_CONFLICT`.
   */
  put(logId: LogId, envelope: DsseEnvelope): StoreResult<StoredCheckpoint>;
  /** The checkpoint of a size, or `STORE_CHECKPOINT_NOT_FOUND`. */
  get(logId: LogId, size: number): StoreResult<StoredCheckpoint>;
  /** The checkpoint with the largest size, if any. */
  latest(logId: LogId): StoreResult<StoredCheckpoint | undefined>;
  /** Every checkpoint of the log, by increasing size. */
  list(logId: LogId): StoreResult<ReadonlyArray<StoredCheckpoint>>;
}

/**
 * Exception queries over a log's events (folded with `foldExceptionLog`, evaluated with
 * `evaluateExceptionQuery`). A log whose exception events the fold refuses gives
 * `STORE_RECORD_CORRUPT` with the fold error as `cause`.
 */
export interface ExceptionStore {
  /** The states at `query.at` of the exceptions matching the query, sorted by exception id. */
  query(logId: LogId, query: ExceptionQuery): StoreResult<ReadonlyArray<ExceptionState>>;
  /** One exception's state at `at`, or `STORE_EXCEPTION_NOT_FOUND` if it did not exist then. */
  get(logId: LogId, exceptionId: string, at: Timestamp): StoreResult<ExceptionState>;
}

/** A complete store: what an adapter returns and what Warrant's services take. */
export interface WarrantStore {
  readonly events: EventStore;
  readonly exceptions: ExceptionStore;
  readonly blobs: BlobStore;
  readonly checkpoints: CheckpointStore;
  readonly packs: PackRecordStore;
  /** Releases files, locks or connections; later calls return `STORE_CLOSED`. */
  close(): Promise<void>;
}
