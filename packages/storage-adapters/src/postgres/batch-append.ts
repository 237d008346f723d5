/**
 * Large appends in chunks, pipelined: one transaction, one `append_events` statement per chunk of
 * drafts, each chunk sealed while the server inserts the previous one (Node and the server can
 * run on different cores, so a batch costs closer to the larger of the two than their sum). The
 * whole batch commits or none of it: an invalid draft, a conflict or a driver failure in any
 * chunk rolls the transaction back.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { ChainHead, EventDraft, LogEvent, StoreError } from '@warrant/core';
import { sealAfter } from '../internal/checks';
import type { SqlClient, SqlRows } from './sql-client';

/** Drafts per statement when a batch is split. @internal */
export const CHUNK = 250;

/** One row of `append_events`. @internal */
export interface AppendRow {
  readonly appended: boolean;
  readonly size: unknown;
  readonly hash: unknown;
}

/** What a chunked append came to. @internal */
export type ChunkedOutcome =
  | {
      readonly kind: 'appended';
      readonly events: ReadonlyArray<LogEvent>;
      readonly head: ChainHead;
    }
  | { readonly kind: 'invalid'; readonly error: StoreError }
  | { readonly kind: 'stale'; readonly row: AppendRow | undefined };

/**
 * Seals and inserts `drafts` after `head` in chunks of {@link CHUNK}, in one transaction.
 * @param client - the driver
 * @param call - the `append_events` statement
 * @param head - where the log ends (the caller checked `expectedSeq` against it)
 * @param drafts - more than {@link CHUNK} drafts
 * @param columns - the statement's column parameters for sealed events
 * @returns the outcome; driver failures are thrown (the caller maps them)
 * @internal
 */
export const appendInChunks = async (
  client: SqlClient,
  call: string,
  head: ChainHead,
  drafts: ReadonlyArray<EventDraft>,
  columns: (events: ReadonlyArray<LogEvent>) => unknown[],
): Promise<ChunkedOutcome> => {
  let refused: ChunkedOutcome | undefined;
  try {
    return await client.transaction(async (tx) => {
      const pending: Array<Promise<SqlRows<AppendRow>>> = [];
      const events: LogEvent[] = [];
      let at = head;
      for (let i = 0; i < drafts.length; i += CHUNK) {
        const part = sealAfter(at, at.size, drafts.slice(i, i + CHUNK));
        if (E.isLeft(part)) {
          refused = { kind: 'invalid', error: shiftPath(part.left, i) };
          break;
        }
        const params = [at.log_id, at.size, ...columns(part.right.events)];
        // One statement at a time on the connection: each is sent once the previous answered.
        const sent = (pending[pending.length - 1] ?? Promise.resolve()).then(() =>
          tx.query<AppendRow>(call, params),
        );
        sent.catch(() => undefined); // awaited below; no unhandled rejection meanwhile
        pending.push(sent);
        for (const e of part.right.events) events.push(e);
        at = part.right.head;
        // Let the driver read the previous answer and send this statement before sealing on.
        await yieldToIo();
      }
      // The first failure in statement order (later ones only report the aborted transaction).
      const results = await Promise.all(pending);
      // Only the first chunk can find the log moved on; any chunk not appended refuses all.
      if (refused === undefined && results.some((r) => r.rows[0]?.appended !== true))
        refused = { kind: 'stale', row: results[0]?.rows[0] };
      if (refused !== undefined) throw ROLLBACK;
      return { kind: 'appended', events, head: at } as const;
    });
  } catch (e) {
    if (e === ROLLBACK && refused !== undefined) return refused;
    throw e;
  }
};

// --- internal --------------------------------------------------------------

const ROLLBACK = Symbol('rollback');

// A chunk's draft paths start at $[0]: report them at their place in the whole batch.
const shiftPath = (e: StoreError, offset: number): StoreError => {
  const shift = (p: string): string =>
    p.replace(/^\$\[(\d+)\]/, (_, n: string) => `$[${Number(n) + offset}]`);
  const cause = e.cause?.path === undefined ? e.cause : { ...e.cause, path: shift(e.cause.path) };
  return {
    ...e,
    ...(e.path === undefined ? {} : { path: shift(e.path) }),
    ...(cause === undefined ? {} : { cause }),
  };
};

// setImmediate runs after pending I/O callbacks (Node); elsewhere a zero timeout.
const yieldToIo = (): Promise<void> =>
  new Promise((resolve) => {
    const g = globalThis as { setImmediate?: (fn: () => void) => void };
    if (typeof g.setImmediate === 'function') g.setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
