/**
 * Argument checks and sealing shared by the adapters, so every adapter refuses the same inputs
 * with the same codes (the contract suite holds them to it).
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalize,
  compareTimestamps,
  decodeEnvelope,
  LogId,
  readCheckpoint,
  sealEvents,
  storeError,
  type ChainHead,
  type EventDraft,
  type LogEvent,
  type PackRecord,
  type DsseEnvelope,
  type StoredCheckpoint,
  type SeqRange,
  type StoreError,
} from '@warrant/core';

/**
 * Checks a log id (the port's methods take `LogId`, but JavaScript callers may pass anything).
 * @internal
 */
export const checkLogId = (logId: unknown): StoreError | undefined =>
  LogId.is(logId)
    ? undefined
    : storeError(
        'STORE_LOG_ID_INVALID',
        `expected 1-64 characters of [a-z0-9._-] starting and ending with a letter or digit, got ${JSON.stringify(String(logId).slice(0, 80))}`,
      );

/**
 * Resolves a read range against the log size: `[from, to)` with `to` clipped to `size`.
 * @internal
 */
export const resolveRange = (
  logId: LogId,
  range: SeqRange,
  size: number,
): E.Either<StoreError, readonly [number, number]> => {
  const from = range.from;
  const to = range.to ?? size;
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || to < from) {
    return E.left(
      storeError('STORE_RANGE_INVALID', `expected integers 0 <= from <= to, got [${from}, ${to})`, {
        logId,
      }),
    );
  }
  if (from > size) {
    return E.left(
      storeError('STORE_RANGE_INVALID', `from ${from} is beyond the log size ${size}`, { logId }),
    );
  }
  return E.right([from, Math.min(to, size)] as const);
};

/**
 * Checks `expectedSeq` against the head and seals the drafts after it.
 * @internal
 */
export const sealAfter = (
  head: ChainHead,
  expectedSeq: number,
  drafts: ReadonlyArray<EventDraft>,
): E.Either<StoreError, { readonly events: ReadonlyArray<LogEvent>; readonly head: ChainHead }> => {
  if (!Array.isArray(drafts)) {
    throw new TypeError('append: drafts must be an array');
  }
  if (expectedSeq !== head.size) {
    return E.left(
      storeError(
        'STORE_SEQUENCE_CONFLICT',
        `expected the log to hold ${expectedSeq} events, it holds ${head.size}: reload and retry`,
        { logId: head.log_id, expected: expectedSeq, actual: head.size },
      ),
    );
  }
  const sealed = sealEvents(head, drafts);
  if (E.isLeft(sealed)) {
    return E.left(
      storeError('STORE_DRAFT_INVALID', sealed.left.message, {
        logId: head.log_id,
        path: sealed.left.path,
        cause: sealed.left,
      }),
    );
  }
  return sealed;
};

/**
 * Compares strings by UTF-16 code units (never locale-dependent).
 * @internal
 */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Whether two pack records are the same (canonical JSON equality).
 * @internal
 */
export const samePackRecord = (a: PackRecord, b: PackRecord): boolean => {
  const x = canonicalize(a);
  const y = canonicalize(b);
  return E.isRight(x) && E.isRight(y) && x.right === y.right;
};

/**
 * The order of `PackRecordStore.list`: by instant, then digest.
 * @internal
 */
export const comparePackRecords = (a: PackRecord, b: PackRecord): number =>
  compareTimestamps(a.time, b.time) || compareStrings(a.digest, b.digest);

/**
 * Reads a checkpoint envelope for storage: its statement must be of `logId`. Returns a detached,
 * canonical copy of the envelope and its canonical JSON text (for identity comparisons).
 * @internal
 */
export const prepareCheckpoint = (
  logId: LogId,
  envelope: unknown,
): E.Either<StoreError, { readonly stored: StoredCheckpoint; readonly text: string }> => {
  const statement = readCheckpoint(envelope, logId);
  if (E.isLeft(statement)) {
    return E.left(
      storeError('STORE_CHECKPOINT_INVALID', statement.left.message, {
        logId,
        cause: statement.left,
        ...(statement.left.path === undefined ? {} : { path: statement.left.path }),
      }),
    );
  }
  const decoded = decodeEnvelope(envelope);
  const text = E.isRight(decoded) ? canonicalize(decoded.right) : undefined;
  if (text === undefined || E.isLeft(text)) {
    return E.left(storeError('STORE_CHECKPOINT_INVALID', 'the envelope is not JSON', { logId }));
  }
  return E.right({
    stored: { statement: statement.right, envelope: JSON.parse(text.right) as DsseEnvelope },
    text: text.right,
  });
};
