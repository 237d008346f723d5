/**
 * The errors every storage adapter returns: one union, stable `STORE_*` codes, shared by the
 * memory, filesystem and PostgreSQL adapters and by any adapter a host product writes (the
 * contract suite checks the codes). See docs/guides/storage.md and docs/errors.md.
 * @module
 */
import type { WarrantError } from '../errors';
import type { LogVerifyError } from '../event-log/verify.types';

/** Every code a store can return. */
export type StoreErrorCode =
  /** `append` was called with an `expectedSeq` other than the log's size: someone appended first. */
  | 'STORE_SEQUENCE_CONFLICT'
  /** A log id is not a valid {@link LogId}. */
  | 'STORE_LOG_ID_INVALID'
  /** A draft failed its codec or cannot be represented (the sealing refusal is in `cause`). */
  | 'STORE_DRAFT_INVALID'
  /** A read range is not `0 <= from <= to`, integers, with `from <= size`. */
  | 'STORE_RANGE_INVALID'
  /** A blob's bytes do not have the digest the caller said they have. */
  | 'STORE_BLOB_DIGEST_MISMATCH'
  /** No blob with this digest in this log. */
  | 'STORE_BLOB_NOT_FOUND'
  /** A stored blob's bytes no longer match its digest. */
  | 'STORE_BLOB_CORRUPT'
  /** A stored record failed decoding or verification on read (`issues` locate it). */
  | 'STORE_RECORD_CORRUPT'
  /** The log ends with a partially written record; appends wait for an explicit repair. */
  | 'STORE_TORN_TAIL'
  /** Another process holds the store's single-writer lock. */
  | 'STORE_LOCKED'
  /** The log changed underneath this process (another writer ignored the lock). */
  | 'STORE_CONCURRENT_WRITER'
  /** The store was opened read-only. */
  | 'STORE_READ_ONLY'
  /** The store was closed. */
  | 'STORE_CLOSED'
  /** A pack record with this digest exists with other content. */
  | 'STORE_PACK_RECORD_CONFLICT'
  /** No pack record with this digest. */
  | 'STORE_PACK_RECORD_NOT_FOUND'
  /** A pack record failed its codec. */
  | 'STORE_PACK_RECORD_INVALID'
  /** A checkpoint envelope does not hold a checkpoint statement of this log (`cause` says why). */
  | 'STORE_CHECKPOINT_INVALID'
  /** Another checkpoint of the same size is stored: two histories of one size, a fork. */
  | 'STORE_CHECKPOINT_CONFLICT'
  /** No checkpoint of this size. */
  | 'STORE_CHECKPOINT_NOT_FOUND'
  /** An exception query failed its codec. */
  | 'STORE_QUERY_INVALID'
  /** No exception with this id existed at the instant asked. */
  | 'STORE_EXCEPTION_NOT_FOUND'
  /** The underlying storage failed (disk full, permission, connection); `cause` has details. */
  | 'STORE_IO'
  /**
   * The database could not be reached or the connection dropped mid-operation; the transaction
   * rolled back (unless the `COMMIT` itself failed: re-read before retrying). Retryable.
   */
  | 'STORE_UNAVAILABLE'
  /** The database schema is missing, older or newer than the adapter: run or upgrade migrations. */
  | 'STORE_SCHEMA_MISMATCH'
  /** A blob is larger than the store's configured limit; nothing was stored. */
  | 'STORE_BLOB_TOO_LARGE'
  /** A legal hold is malformed (id, reason, digests), or releasing one that does not exist. */
  | 'STORE_HOLD_INVALID'
  /** Another hold with the same id and other content exists. */
  | 'STORE_HOLD_CONFLICT';

/** An error returned by a store. */
export interface StoreError extends WarrantError<StoreErrorCode> {
  /** The log concerned, where there is one. */
  readonly logId?: string;
  /** For `STORE_SEQUENCE_CONFLICT`: the `expectedSeq` given. */
  readonly expected?: number;
  /** For `STORE_SEQUENCE_CONFLICT`: the log's actual size. */
  readonly actual?: number;
  /** For `STORE_RECORD_CORRUPT`: what verification found. */
  readonly issues?: ReadonlyArray<LogVerifyError>;
  /** The lower-level error, as data (e.g. `{ code: 'ENOSPC' }` or a sealing error). */
  readonly cause?: { readonly code?: string; readonly message?: string; readonly path?: string };
}

/**
 * Builds a store error value (for adapter authors).
 * @param code - the stable code
 * @param message - what happened and what was expected
 * @param extra - the optional members (log id, conflict sizes, issues, cause)
 * @returns the error
 * @example
 * storeError('STORE_SEQUENCE_CONFLICT', 'expected seq 3, log has 5 events', { logId, expected: 3, actual: 5 })
 */
export const storeError = (
  code: StoreErrorCode,
  message: string,
  extra: Omit<StoreError, 'code' | 'message'> = {},
): StoreError => ({ code, message, ...extra });
