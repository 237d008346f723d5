/**
 * The event store over SQL: one row per event, keyed `(log_id, seq)`; the primary key refuses
 * forks and a per-statement trigger refuses gaps. An append is one statement in autocommit (one
 * round trip): the adapter seals in TypeScript after the head it knows (or reads, also one round
 * trip) and calls `append_events`, which sets the tenant, checks that the log still ends there
 * and inserts the batch; when it does not, nothing is written and the actual head comes back,
 * reported as `STORE_SEQUENCE_CONFLICT` with the actual size. A batch over {@link CHUNK} drafts
 * is one transaction of pipelined chunks instead (batch-append.ts).
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalize,
  emptyHead,
  storeError,
  type ChainHead,
  type EventDraft,
  type EventStore,
  type LogEvent,
  type LogId,
  type Sha256Digest,
  type StoreError,
} from '@warrant/core';
import { checkLogId, compareStrings, resolveRange, sealAfter } from '../internal/checks';
import { appendInChunks, CHUNK, type AppendRow, type ChunkedOutcome } from './batch-append';
import { classifySqlFailure, type SqlRows, type SqlSession } from './sql-client';
import { toStoreError } from './store-errors';
import { inTenant, type PgContext } from './tenant-scope';

/**
 * Builds the event store.
 * @internal
 */
export const createPgEvents = (ctx: PgContext): EventStore => {
  const { s } = ctx;
  const CALL = `SELECT appended, size, hash FROM ${s}.append_events($1, $2, $3, $4, $5, $6, $7, $8)`;
  // Heads this instance committed or read: an append at a known head seals at once and costs
  // one round trip. A stale entry is harmless: append_events then finds the log longer and
  // answers with the actual head, which is the conflict the caller must see anyway.
  const heads = new Map<LogId, ChainHead>();

  // One statement on its own, committed when it resolves; three round trips for a client
  // without autocommit.
  const single = <R>(text: string, params: ReadonlyArray<unknown>): Promise<SqlRows<R>> =>
    ctx.client.autocommit !== undefined
      ? ctx.client.autocommit<R>(text, params)
      : ctx.client.transaction((tx) => tx.query<R>(text, params));

  const toHead = (logId: LogId, row: { size: unknown; hash: unknown } | undefined): ChainHead =>
    row === undefined || row.hash === null
      ? emptyHead(logId)
      : { log_id: logId, size: Number(row.size), hash: row.hash as Sha256Digest };

  const fetchHead = async (logId: LogId): Promise<E.Either<StoreError, ChainHead>> => {
    try {
      const r = await single<{ size: unknown; hash: unknown }>(
        `SELECT size, hash FROM ${s}.log_head($1)`,
        [logId],
      );
      const head = toHead(logId, r.rows[0]);
      heads.set(logId, head);
      return E.right(head);
    } catch (e) {
      return E.left(toStoreError(e, logId));
    }
  };

  const conflict = (expectedSeq: number, head: ChainHead): StoreError =>
    storeError(
      'STORE_SEQUENCE_CONFLICT',
      `expected the log to hold ${expectedSeq} events, it holds ${head.size}: reload and retry`,
      { logId: head.log_id, expected: expectedSeq, actual: head.size },
    );

  const append: EventStore['append'] = async (logId, expectedSeq, drafts) => {
    if (!Array.isArray(drafts)) throw new TypeError('append: drafts must be an array');
    if (ctx.isClosed()) return E.left(storeError('STORE_CLOSED', 'the store was closed'));
    const bad = checkLogId(logId);
    if (bad !== undefined) return E.left(bad);
    const id = logId as LogId;
    let head = heads.get(id);
    if (head === undefined || head.size !== expectedSeq || drafts.length === 0) {
      const read = await fetchHead(id);
      if (E.isLeft(read)) return read;
      head = read.right;
    }
    if (drafts.length > CHUNK && head.size === expectedSeq) {
      return appendBatch(id, expectedSeq, head, drafts);
    }
    const sealed = sealAfter(head, expectedSeq, drafts);
    if (E.isLeft(sealed) || drafts.length === 0) return sealed;
    let r: SqlRows<AppendRow>;
    try {
      r = await single(CALL, [id, expectedSeq, ...columns(sealed.right.events)]);
    } catch (e) {
      return failed(e, id, expectedSeq);
    }
    const row = r.rows[0];
    if (row === undefined || row.appended !== true) return stale(id, expectedSeq, row);
    heads.set(id, sealed.right.head);
    return sealed;
  };

  // More than CHUNK drafts: sealing overlaps the inserts (see batch-append.ts).
  const appendBatch = async (
    id: LogId,
    expectedSeq: number,
    head: ChainHead,
    drafts: ReadonlyArray<EventDraft>,
  ): Promise<E.Either<StoreError, { events: ReadonlyArray<LogEvent>; head: ChainHead }>> => {
    let r: ChunkedOutcome;
    try {
      r = await appendInChunks(ctx.client, CALL, head, drafts, columns);
    } catch (e) {
      return failed(e, id, expectedSeq);
    }
    if (r.kind === 'invalid') return E.left(r.error);
    if (r.kind === 'stale') return stale(id, expectedSeq, r.row);
    heads.set(id, r.head);
    return E.right({ events: r.events, head: r.head });
  };

  const stale = (id: LogId, expectedSeq: number, row: AppendRow | undefined) => {
    const actual = toHead(id, row);
    heads.set(id, actual);
    return E.left(conflict(expectedSeq, actual));
  };

  const failed = async (e: unknown, id: LogId, expectedSeq: number) => {
    heads.delete(id);
    // 23505 unique_violation: a writer took these seqs between the head check and the insert.
    // 23503 foreign_key_violation (the gap trigger): the log is shorter than believed.
    const code = classifySqlFailure(e).code;
    if (code === '23505' || code === '23503') {
      const actual = await fetchHead(id);
      return E.left(E.isLeft(actual) ? actual.left : conflict(expectedSeq, actual.right));
    }
    return E.left(toStoreError(e, id));
  };

  const readHead = async (tx: SqlSession, logId: LogId): Promise<ChainHead> => {
    const r = await tx.query<{ size: unknown; hash: unknown }>(
      `SELECT seq + 1 AS size, hash FROM ${s}.events WHERE log_id = $1 ORDER BY seq DESC LIMIT 1`,
      [logId],
    );
    return toHead(logId, r.rows[0]);
  };

  const readRows = (rows: ReadonlyArray<{ seq: unknown; record: string }>, logId: LogId) => {
    const out: LogEvent[] = [];
    for (const row of rows) {
      const e = parseRecord(row.record);
      if (e === undefined) {
        return E.left(
          storeError(
            'STORE_RECORD_CORRUPT',
            `log ${logId}: the record at seq ${String(row.seq)} is not a JSON object`,
            { logId },
          ),
        );
      }
      out.push(e);
    }
    return E.right(out as ReadonlyArray<LogEvent>);
  };

  return {
    append,
    head: async (logId) => {
      if (ctx.isClosed()) return E.left(storeError('STORE_CLOSED', 'the store was closed'));
      const bad = checkLogId(logId);
      return bad === undefined ? fetchHead(logId as LogId) : E.left(bad);
    },
    read: (logId, range) =>
      inTenant(ctx, logId, async (tx, id) => {
        const head = await readHead(tx, id);
        const r = resolveRange(id, range, head.size);
        if (E.isLeft(r)) return r;
        if (r.right[0] === r.right[1]) return E.right([]);
        const rows = await tx.query<{ seq: unknown; record: string }>(
          `SELECT seq, record FROM ${s}.events WHERE log_id = $1 AND seq >= $2 AND seq < $3 ORDER BY seq`,
          [id, r.right[0], r.right[1]],
        );
        return readRows(rows.rows, id);
      }),
    readSubject: (logId, subject) =>
      inTenant(ctx, logId, async (tx, id) => {
        if (typeof subject !== 'string')
          throw new TypeError('readSubject: subject must be a string');
        const rows = await tx.query<{ seq: unknown; record: string }>(
          `SELECT seq, record FROM ${s}.events WHERE log_id = $1 AND subject = $2 ORDER BY seq`,
          [id, JSON.stringify(subject)],
        );
        return readRows(rows.rows, id);
      }),
    listSubjects: (logId) =>
      inTenant(ctx, logId, async (tx, id) => {
        const rows = await tx.query<{ subject: string }>(
          `SELECT DISTINCT subject FROM ${s}.events WHERE log_id = $1`,
          [id],
        );
        return E.right(rows.rows.map((r) => JSON.parse(r.subject) as string).sort(compareStrings));
      }),
    listLogs: async () => {
      if (ctx.isClosed()) return E.left(storeError('STORE_CLOSED', 'the store was closed'));
      try {
        const rows = await ctx.client.transaction((tx) =>
          tx.query<{ log_id: LogId }>(`SELECT log_id FROM ${s}.list_logs() AS t(log_id)`),
        );
        return E.right(rows.rows.map((r) => r.log_id).sort(compareStrings));
      } catch (e) {
        return E.left(toStoreError(e, undefined));
      }
    },
  };
};

// --- internal --------------------------------------------------------------

// The columns of append_events: hashes, prev_hashes, subjects and records joined by newlines
// (none can hold one: hashes are hex, subjects JSON string literals, records canonical JSON,
// which escapes every control character; were one to slip in, the split columns would differ
// in length and the NOT NULL columns refuse the statement), types and actor ids as arrays.
const columns = (events: ReadonlyArray<LogEvent>): unknown[] => {
  const n = events.length;
  const hash = new Array<string>(n);
  const prev = new Array<string>(n);
  const type = new Array<string>(n);
  const subject = new Array<string>(n);
  const actor = new Array<string>(n);
  const record = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const e = events[i] as LogEvent;
    const text = canonicalize(e);
    if (E.isLeft(text)) throw new TypeError(`a sealed event is not JSON: ${text.left.message}`);
    hash[i] = e.hash;
    prev[i] = e.prev_hash;
    type[i] = textColumn(e.type);
    subject[i] = JSON.stringify(e.subject);
    actor[i] = textColumn(e.actor.id);
    record[i] = text.right;
  }
  return [hash.join('\n'), prev.join('\n'), type, subject.join('\n'), actor, record.join('\n')];
};

// Informational columns (the record is the truth): PostgreSQL text cannot hold U+0000 or lone
// surrogates, so those become U+FFFD here.
const textColumn = (v: string): string =>
  MAYBE_UNFIT.test(v) ? v.replaceAll('\u0000', '\ufffd').replace(LONE_SURROGATE, '\ufffd') : v;
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what this looks for
const MAYBE_UNFIT = /[\u0000\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const parseRecord = (text: string): LogEvent | undefined => {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as LogEvent) : undefined;
  } catch {
    return undefined;
  }
};
