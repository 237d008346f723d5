/**
 * The types of event-log verification: options, the report, the incremental verifier and every
 * error it can return, each located by the record's position.
 * @module
 */
import type * as E from 'fp-ts/lib/Either.js';
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js';
import type { Sha256Digest } from '../digest';
import type { WarrantError } from '../errors';
import type { LogEvent, LogId } from '../event';
import type { ChainHead } from './chain';
import type { CheckpointStatement } from './checkpoint';

/** Every code log verification can return; see docs/spec/event-log-v1.md section 7. */
export type LogVerifyErrorCode =
  /** A JSON Lines record is not JSON (strict RFC 8259 / I-JSON parse failed). */
  | 'CORE_LOG_RECORD_MALFORMED'
  /** A record does not match the `warrant.event/v1` record format (a member missing, mistyped or unknown). */
  | 'CORE_LOG_RECORD_INVALID'
  /** A JSON Lines record is valid but not in its RFC 8785 canonical form. */
  | 'CORE_LOG_RECORD_NOT_CANONICAL'
  /** A record's `log_id` is not the log being verified. */
  | 'CORE_LOG_ID_MISMATCH'
  /** A record's `seq` is not its position: a deletion, insertion or reordering. */
  | 'CORE_LOG_SEQ_MISMATCH'
  /** A record's `prev_hash` is not the previous record's `hash`: a deletion, insertion, reordering or rewrite. */
  | 'CORE_LOG_PREV_HASH_MISMATCH'
  /** A record's `hash` is not the digest of its content: the record was edited. */
  | 'CORE_LOG_HASH_MISMATCH'
  /** The JSON Lines data does not end with a line feed: a torn (partially written) last record. */
  | 'CORE_LOG_TORN_TAIL'
  /** The log holds fewer events than a checkpoint or expected head says it had: truncation. */
  | 'CORE_LOG_TRUNCATED'
  /** The events up to an expected head do not end in the expected hash. */
  | 'CORE_LOG_HEAD_MISMATCH'
  /** The Merkle root over the first `size` events differs from the checkpoint's root. */
  | 'CORE_LOG_CHECKPOINT_MISMATCH'
  /** Verification stopped after `maxErrors` problems; more may follow. */
  | 'CORE_LOG_TOO_MANY_ERRORS';

/**
 * One problem found by log verification.
 *
 * `index` is the 0-based position of the record in the input (for JSON Lines, the line index),
 * which is the `seq` the record should have; `path` is `$[index]` plus the member at fault.
 */
export type LogVerifyError = WarrantError<LogVerifyErrorCode> & {
  readonly path: string;
  readonly index: number;
};

/** Options for log verification. */
export interface LogVerifyOptions {
  /**
   * Verify a suffix: the first record must follow this head (its `seq` is `from.size`, its
   * `prev_hash` is `from.hash`). Defaults to the empty log (genesis).
   */
  readonly from?: ChainHead;
  /**
   * Where the log is known to have reached (e.g. a head remembered from an earlier run): the
   * records must reach at least `size`, and the event at `size - 1` must have hash `hash`.
   */
  readonly expectHead?: { readonly size: number; readonly hash: Sha256Digest };
  /**
   * Checkpoint statements to hold the log to (verify their signatures first: `verifyCheckpoint`).
   * Each must be of this log; they need verification from seq 0.
   */
  readonly checkpoints?: ReadonlyArray<CheckpointStatement>;
  /** Compute the Merkle root over all events (needs verification from seq 0). */
  readonly root?: boolean;
  /** Stop after this many problems (default 100); a final `CORE_LOG_TOO_MANY_ERRORS` says so. */
  readonly maxErrors?: number;
  /**
   * Called with every record that decoded, in order, as verification reads it (so a fold can
   * run in the same pass without parsing twice). Its result counts only if `finish` returns right.
   */
  readonly onEvent?: (event: LogEvent, index: number) => void;
}

/** What verification established. */
export interface LogVerifyReport {
  readonly log_id: LogId;
  /** `seq` of the first verified record (`from.size`, 0 by default). */
  readonly from: number;
  /** How many records were verified. */
  readonly count: number;
  /** The verified end of the log: size and the hash the next event must link to. */
  readonly head: ChainHead;
  /** `sha256:` + hex of the Merkle root over every event, when roots or checkpoints were asked for. */
  readonly root?: Sha256Digest;
}

/** An incremental verifier: feed records or bytes in order, then call `finish` once. */
export interface LogVerifier {
  /** Verifies decoded records (values from a driver or a store), in order. */
  pushRecords(records: ReadonlyArray<unknown>): void;
  /** Verifies a chunk of JSON Lines bytes; a line may span chunks. */
  pushBytes(chunk: Uint8Array): void;
  /** Ends the input: reports a torn tail, checks `expectHead`, and returns the result. */
  finish(): E.Either<NonEmptyArray<LogVerifyError>, LogVerifyReport>;
}
