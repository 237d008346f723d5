/**
 * The exception side of the port for adapters that keep events only: folds each log's exception
 * events incrementally (only events appended since the last query are read and applied) and
 * answers queries with core's `evaluateExceptionQuery`, exactly as `foldExceptionLog` would.
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
 * Builds the exception store over an event store.
 * @internal
 */
export const createExceptionIndex = (events: EventStore): ExceptionStore => {
  const logs = new Map<LogId, Folded>();
  const queues = new Map<LogId, Promise<unknown>>();

  // Brings a log's fold up to its current size; one refresh per log at a time.
  const refresh = (logId: LogId): Promise<E.Either<StoreError, Folded>> => {
    const run = async (): Promise<E.Either<StoreError, Folded>> => {
      const folded = logs.get(logId) ?? { size: 0, records: new Map<string, ExceptionRecord>() };
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
              folded.error = storeError(
                'STORE_RECORD_CORRUPT',
                `log ${logId}: the exception fold refuses event ${event.seq}: ${applied.left.message}`,
                { logId, cause: applied.left },
              );
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

interface Folded {
  size: number;
  readonly records: Map<string, ExceptionRecord>;
  error?: StoreError;
}

const PAGE = 10_000;
