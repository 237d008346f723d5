/**
 * Folding a stored log, in one pass where the adapter can: the exception records of a log, with
 * or without verifying it end to end. Over the port these read the log in pages and fold it
 * afterwards; an adapter that offers `verifyAndFoldLog` (the filesystem adapter) reads each line
 * once, verifying and folding as it goes. Either way the result is the same value: the one-pass
 * result is used only when the log verifies, and any problem it meets is reported by the generic
 * path, so a failing log gives exactly the error it always gave.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js';
import {
  foldExceptionLog,
  verifyCheckpoint,
  verifyStoredLog,
  type CheckpointStatement,
  type CheckpointTrust,
  type ExceptionFoldError,
  type ExceptionRecord,
  type LogId,
  type LogVerifyError,
  type StoredLogReport,
  type StoreError,
  type VerifiedExceptionLog,
  type VerifyAndFoldOptions,
  type WarrantStore,
} from '@warrant/core';

// --- model -----------------------------------------------------------------

/** A store that verifies and folds a whole log in one pass, as the filesystem adapter does. */
export interface OnePassFoldStore extends WarrantStore {
  /** Verifies the log from seq 0 and folds its exception events, reading each record once. */
  verifyAndFoldLog(
    logId: LogId,
    options?: VerifyAndFoldOptions,
  ): Promise<
    E.Either<StoreError | NonEmptyArray<LogVerifyError | ExceptionFoldError>, VerifiedExceptionLog>
  >;
}

/** A stored log verified end to end, and the exceptions it records. */
export interface VerifiedStoredExceptions {
  /** As `verifyStoredLog` reports it: count, head, Merkle root, the checkpoints held to. */
  readonly report: StoredLogReport;
  /** One record per exception, sorted by exception id (UTF-16 code units). */
  readonly records: ReadonlyArray<ExceptionRecord>;
}

/** The exceptions of a stored log and the size they were folded at. */
export interface FoldedStoredLog {
  /** How many events were folded: the log's size, where the next append goes. */
  readonly size: number;
  /** One record per exception, sorted by exception id (UTF-16 code units). */
  readonly records: ReadonlyArray<ExceptionRecord>;
}

// --- operations ------------------------------------------------------------

/**
 * Verifies a stored log as `verifyStoredLog` does (the stored checkpoints' signatures first when
 * `trust.verifiers` is given, then every record, hash and link from seq 0, the log against every
 * stored checkpoint, the Merkle root) and folds its exception events (`foldExceptionLog` over
 * the whole log). One pass over the file with the filesystem adapter; pages, then a read of the
 * whole log, with any other.
 * @param store - any adapter
 * @param logId - the log
 * @param trust - checkpoint keys and threshold (as `verifyStoredLog`)
 * @returns the report and the records; or `verifyStoredLog`'s error, then the store's read
 *   error, then the fold's (an event the lifecycle refuses, its path `$[seq]…`), in that order
 * @throws RangeError as `verifyCheckpoint` (a misconfigured threshold or verifier set)
 * @see docs/spec/event-log-v1.md sections 6 and 8.5
 * @see docs/spec/exception-v1.md section 10.3
 * @example
 * const r = await verifyAndFoldStoredLog(store, logId, { verifiers: [logKey.verifier] });
 * if (E.isRight(r)) console.log(r.right.report.root, r.right.records.length);
 */
export const verifyAndFoldStoredLog = async (
  store: WarrantStore,
  logId: LogId,
  trust: CheckpointTrust = {},
): Promise<E.Either<StoreError | ExceptionFoldError, VerifiedStoredExceptions>> => {
  if (hasOnePassFold(store)) {
    const checkpoints = await trustedCheckpoints(store, logId, trust);
    if (checkpoints !== undefined) {
      const r = await store.verifyAndFoldLog(logId, { checkpoints, root: true });
      if (E.isRight(r))
        return E.right({ report: { ...r.right.report, checkpoints }, records: r.right.records });
      const refused = foldRefusal(r.left);
      if (refused !== undefined) return E.left(refused);
    }
  }
  const chain = await verifyStoredLog(store, logId, trust);
  if (E.isLeft(chain)) return chain;
  const events = await store.events.read(logId, { from: 0 });
  if (E.isLeft(events)) return events;
  return E.map((records: ReadonlyArray<ExceptionRecord>) => ({ report: chain.right, records }))(
    foldExceptionLog(events.right),
  );
};

/**
 * Folds a stored log's exception events as of its current head: `events.head`, then
 * `foldExceptionLog` over `events.read` of the whole log. With the filesystem adapter, one pass
 * over the file that also verifies the log from genesis; a log that pass refuses is read again
 * through the port, so the result (and any error) is the port's.
 * @param store - any adapter
 * @param logId - the log
 * @returns the size folded and the records; or the store's error (`head`, then `read`), or the
 *   fold's (an event the lifecycle refuses, its path `$[seq]…`)
 * @see docs/spec/exception-v1.md section 10.3
 * @example
 * const folded = await foldStoredLog(store, logId);
 * if (E.isRight(folded)) sweepExceptions(folded.right.records, now, options);
 */
export const foldStoredLog = async (
  store: WarrantStore,
  logId: LogId,
): Promise<E.Either<StoreError | ExceptionFoldError, FoldedStoredLog>> => {
  const head = await store.events.head(logId);
  if (E.isLeft(head)) return head;
  const size = head.right.size;
  if (hasOnePassFold(store)) {
    const r = await store.verifyAndFoldLog(logId);
    // The file may have grown since `head` (another process appending): then use the port.
    if (E.isRight(r) && r.right.report.head.size === size)
      return E.right({ size, records: r.right.records });
    const refused = E.isLeft(r) ? foldRefusal(r.left) : undefined;
    if (refused !== undefined) return E.left(refused);
  }
  const events = await store.events.read(logId, { from: 0, to: size });
  if (E.isLeft(events)) return events;
  return E.map((records: ReadonlyArray<ExceptionRecord>) => ({ size, records }))(
    foldExceptionLog(events.right),
  );
};

/**
 * Whether a store verifies and folds whole logs in one pass (has `verifyAndFoldLog`).
 * @param store - any adapter
 * @returns true for the filesystem adapter, false for the port alone
 * @example
 * hasOnePassFold(fsStore) // true
 */
export const hasOnePassFold = (store: WarrantStore): store is OnePassFoldStore =>
  typeof (store as Partial<OnePassFoldStore>).verifyAndFoldLog === 'function';

// --- internal --------------------------------------------------------------

/**
 * The stored checkpoints' statements, their signatures verified when keys are given (as
 * `verifyStoredLog` does); `undefined` on any problem, which the generic path then reports.
 */
const trustedCheckpoints = async (
  store: WarrantStore,
  logId: LogId,
  trust: CheckpointTrust,
): Promise<ReadonlyArray<CheckpointStatement> | undefined> => {
  const stored = await store.checkpoints.list(logId);
  if (E.isLeft(stored)) return undefined;
  const out: CheckpointStatement[] = [];
  for (const c of stored.right) {
    if (trust.verifiers === undefined) {
      out.push(c.statement);
      continue;
    }
    const r = await verifyCheckpoint(c.envelope, {
      verifiers: trust.verifiers,
      ...(trust.threshold === undefined ? {} : { threshold: trust.threshold }),
      logId,
    });
    if (E.isLeft(r)) return undefined;
    out.push(r.right.statement);
  }
  return out;
};

/**
 * The fold's refusal, when the one pass verified the chain and the lifecycle refused an event
 * (the only problem it then reports: the same value `foldExceptionLog` gives over those events).
 */
const foldRefusal = (
  problem: StoreError | NonEmptyArray<LogVerifyError | ExceptionFoldError>,
): ExceptionFoldError | undefined => {
  if (!Array.isArray(problem) || problem.length !== 1) return undefined;
  const first = problem[0] as LogVerifyError | ExceptionFoldError;
  return first.code.startsWith('CORE_LOG_') ? undefined : (first as ExceptionFoldError);
};
