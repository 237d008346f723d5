/**
 * The exception side of the port for adapters that keep events only: folds each log's exception
 * events incrementally (only events appended since the last query are read and applied) and
 * answers queries with core's `evaluateExceptionQuery`, exactly as `foldExceptionLog` would.
 * An adapter that can read a log's stored bytes gives a `load` that folds them in one pass
 * (verification and fold together, core's `createExceptionLogFolder`) the first time a log is
 * queried; later appends are applied event by event.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  applyExceptionEvent,
  decodeExceptionQuery,
  evaluateExceptionQuery,
  exceptionStateAt,
  storeError,
  Timestamp,
  type EventStore,
  type ExceptionRecord,
  type ExceptionStore,
  type LogId,
  type StoreError,
} from '@warrant/core';

/**
 * A log folded from its start: how many events were read, the record of each exception by id,
 * and the fold's refusal (`STORE_RECORD_CORRUPT`, as the paged fold words it) if an event was
 * refused (then nothing after it was folded).
 * @internal
 */
export interface FoldedLog {
  readonly size: number;
  readonly records: Map<string, ExceptionRecord>;
  readonly error?: StoreError;
}

/**
 * Folds a whole stored log at once (the adapter's fastest way), or answers `undefined` when the
 * adapter has no such way for this log; a left is an error reading or verifying the log.
 * @internal
 */
export type LoadFold = (logId: LogId) => Promise<E.Either<StoreError, FoldedLog> | undefined>;

/**
 * Builds the exception store over an event store.
 * @param load - folds a log the first time it is queried (else the log is read in pages)
 * @internal
 */
export const createExceptionIndex = (events: EventStore, load?: LoadFold): ExceptionStore => {
  const logs = new Map<LogId, Folded>();
  const queues = new Map<LogId, Promise<unknown>>();

  // Brings a log's fold up to its current size; one refresh per log at a time.
  const refresh = (logId: LogId): Promise<E.Either<StoreError, Folded>> => {
    const run = async (): Promise<E.Either<StoreError, Folded>> => {
      let folded = logs.get(logId);
      if (folded === undefined && load !== undefined) {
        // Errors of reading are not kept (the next query reads again); a refusal is, in `error`.
        const loaded = await load(logId);
        if (loaded !== undefined && E.isLeft(loaded)) return loaded;
        if (loaded !== undefined) folded = { ...loaded.right };
      }
      folded ??= { size: 0, records: new Map<string, ExceptionRecord>() };
      logs.set(logId, folded);
      if (folded.error !== undefined) return E.left(folded.error);
      for (;;) {
        const page = await events.read(logId, { from: folded.size, to: folded.size + PAGE });
        if (E.isLeft(page)) return page;
        for (const event of page.right) {
          if (event.type.startsWith('exception.')) {
            const applied = applyExceptionEvent(
              folded.records.get(event.subject),
              event,
              event.seq,
            );
            if (E.isLeft(applied)) {
              folded.error = foldRefused(logId, event.seq, applied.left);
              logs.set(logId, folded);
              return E.left(folded.error);
            }
            folded.records.set(event.subject, applied.right);
          }
          folded.size = event.seq + 1;
        }
        if (page.right.length < PAGE) break;
      }
      logs.set(logId, folded);
      return E.right(folded);
    };
    const next = (queues.get(logId) ?? Promise.resolve()).then(run, run);
    queues.set(
      logId,
      next.catch(() => undefined),
    );
    return next;
  };

  return {
    query: async (logId, query) => {
      const q = decodeExceptionQuery(query);
      if (E.isLeft(q)) return E.left({ ...q.left, logId });
      const folded = await refresh(logId);
      return E.map((f: Folded) => evaluateExceptionQuery([...f.records.values()], q.right))(folded);
    },
    get: async (logId, exceptionId, at) => {
      if (!Timestamp.is(at)) {
        return E.left(
          storeError('STORE_QUERY_INVALID', 'expected an RFC 3339 UTC timestamp', {
            logId,
            path: '$.at',
          }),
        );
      }
      const folded = await refresh(logId);
      if (E.isLeft(folded)) return folded;
      const record = folded.right.records.get(exceptionId);
      const state = record === undefined ? undefined : exceptionStateAt(record, at);
      return state === undefined
        ? E.left(
            storeError(
              'STORE_EXCEPTION_NOT_FOUND',
              `no exception ${exceptionId} at ${at} in log ${logId}`,
              { logId },
            ),
          )
        : E.right(state);
    },
  };
};

// --- internal --------------------------------------------------------------

/**
 * The error of a log whose exception fold refuses an event.
 * @param logId - the log
 * @param seq - the refused event's position
 * @param cause - the fold's error
 * @returns `STORE_RECORD_CORRUPT` naming the event
 * @internal
 */
export const foldRefused = (
  logId: LogId,
  seq: number,
  cause: { readonly code: string; readonly message: string; readonly path?: string },
): StoreError =>
  storeError(
    'STORE_RECORD_CORRUPT',
    `log ${logId}: the exception fold refuses event ${seq}: ${cause.message}`,
    { logId, cause },
  );

interface Folded {
  size: number;
  readonly records: Map<string, ExceptionRecord>;
  error?: StoreError;
}

const PAGE = 10_000;
