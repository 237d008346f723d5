/**
 * Exception inputs of `warrant evaluate`: the exceptions file (a log of event envelopes, or
 * explicit histories) and the filesystem store, both turned into one event history per
 * exception in log order.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { formatError, type LogId, type WarrantStore } from '@warrant/core';
import { groupExceptionHistories, readExceptionHistories } from '@warrant/storage-adapters';

/**
 * Reads an exceptions file: a JSON array of event envelopes (a log: `exception.*` events are
 * grouped by `subject`, keeping their order; other events are skipped), or an object
 * `{ "histories": [[event, …], …] }`.
 * @param json - the parsed file
 * @returns histories, or a message
 * @example
 * readExceptionsFile({ histories: [[proposed, approved]] }) // right([[proposed, approved]])
 */
export const readExceptionsFile = (
  json: unknown,
): E.Either<string, ReadonlyArray<ReadonlyArray<unknown>>> => {
  if (Array.isArray(json)) {
    // A log may carry other events (they are skipped), but every element must be an event
    // envelope: an array of Exception objects would otherwise be skipped whole and the
    // evaluation run silently without the exceptions.
    const bad = json.findIndex((e) => !isEnvelope(e));
    if (bad >= 0) {
      return E.left(`$[${bad}] is not an event envelope ({type, subject, …}); ${SNAPSHOT_HINT}`);
    }
    return E.right(groupExceptionHistories(json));
  }
  if (
    typeof json === 'object' &&
    json !== null &&
    Array.isArray((json as { histories?: unknown }).histories)
  ) {
    const h = (json as { histories: unknown[] }).histories;
    if (h.every(Array.isArray)) return E.right(h as unknown[][]);
  }
  return E.left(
    `expected a JSON array of exception event envelopes, or {"histories": [[event, …], …]}; ${SNAPSHOT_HINT}`,
  );
};

/**
 * Reads every exception history from a store (`readExceptionHistories`): the events of the
 * given log (or of every log), grouped by subject in sequence order.
 * @param store - an opened store
 * @param log - a log id, or undefined for every log
 * @returns histories, or a message
 * @example
 * await readStoreHistories(store, 'tenant-a')
 */
export const readStoreHistories = async (
  store: WarrantStore,
  log: string | undefined,
): Promise<E.Either<string, ReadonlyArray<ReadonlyArray<unknown>>>> =>
  E.mapLeft(formatError)(await readExceptionHistories(store, log as LogId | undefined));

// --- internal --------------------------------------------------------------

const SNAPSHOT_HINT =
  'Exception objects are snapshots at one instant and cannot be re-read at --now: give their event envelopes, or the store with --store';

const isEnvelope = (e: unknown): boolean =>
  typeof e === 'object' &&
  e !== null &&
  !Array.isArray(e) &&
  typeof (e as { type?: unknown }).type === 'string' &&
  typeof (e as { subject?: unknown }).subject === 'string';
