/**
 * Exception histories from a store: the event history of every exception of one log (or of every
 * log), in log order, as `evaluate` takes them (histories, not snapshots, so that an evaluation
 * at any instant sees each exception as it was then). Works over the port, with every adapter.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { LogEvent, LogId, StoreError, WarrantStore } from '@warrant/core';

// --- operations ------------------------------------------------------------

/**
 * Reads the exception histories of a store: for one log, or for every log (`listLogs` order,
 * sorted), the `exception.*` events grouped by `subject` (the exception id) with
 * {@link groupExceptionHistories}. Each log is read whole, in one `events.read` up to its head,
 * which the adapter verifies as it reads (the filesystem adapter checks every hash and link).
 * An exception id used in two logs gives two histories: logs are tenants and never merged.
 * @param store - any adapter
 * @param logId - the log, or `undefined` for every log of the store
 * @returns the histories (logs in order, then exceptions by first event), or the store's error
 *   (`STORE_RECORD_CORRUPT` for a log that does not verify, `STORE_LOG_ID_INVALID`, `STORE_IO`…)
 * @see docs/guides/storage.md "Exception histories"
 * @see docs/spec/event-log-v1.md section 4.1 (`subject`)
 * @example
 * const h = await readExceptionHistories(store, 'tenant-a' as LogId);
 * if (E.isRight(h)) evaluate({ findings, exceptions: h.right, now, environment, policy });
 */
export const readExceptionHistories = async (
  store: WarrantStore,
  logId?: LogId,
): Promise<E.Either<StoreError, ReadonlyArray<ReadonlyArray<LogEvent>>>> => {
  const logs = logId === undefined ? await store.events.listLogs() : E.right([logId]);
  if (E.isLeft(logs)) return logs;
  const out: Array<ReadonlyArray<LogEvent>> = [];
  for (const id of logs.right) {
    const head = await store.events.head(id);
    if (E.isLeft(head)) return head;
    const events = await store.events.read(id, { from: 0, to: head.right.size });
    if (E.isLeft(events)) return events;
    for (const h of groupExceptionHistories(events.right)) out.push(h);
  }
  return E.right(out);
};

/**
 * Groups the exception events of one log by subject: events whose `type` is a string starting
 * with `exception.` are kept, in their order, one history per distinct `subject`; histories come
 * in the order of their first event. Anything else is skipped (other event types, values that
 * are not objects); a non-string `subject` groups under `''`, so the fold of that history reports
 * the event rather than it vanishing. The input is not checked further: folding does that.
 * @param events - one log's events in log order (store events, or parsed envelopes from a file)
 * @returns the histories; every kept event appears exactly once
 * @see docs/spec/exception-v1.md section 10.3 (the same grouping, before the fold)
 * @example
 * groupExceptionHistories([p1, note, p2, a1]) // [[p1, a1], [p2]] when a1.subject === p1.subject
 */
export const groupExceptionHistories = <A>(
  events: ReadonlyArray<A>,
): ReadonlyArray<ReadonlyArray<A>> => {
  const groups = new Map<string, A[]>();
  for (const e of events) {
    if (typeof e !== 'object' || e === null) continue;
    const ev = e as { readonly type?: unknown; readonly subject?: unknown };
    if (typeof ev.type !== 'string' || !ev.type.startsWith('exception.')) continue;
    const subject = typeof ev.subject === 'string' ? ev.subject : '';
    const g = groups.get(subject);
    if (g === undefined) groups.set(subject, [e]);
    else g.push(e);
  }
  // Insertion order is the order of each subject's first event in the log: deterministic.
  return [...groups.values()];
};
