/**
 * The event store over SQL: one row per event, keyed `(log_id, seq)`, with a self-referencing
 * foreign key on `(log_id, seq - 1)` so the database itself refuses forks (primary key) and gaps
 * (foreign key). An append is one transaction: read the head (unless this instance already knows
 * it), seal in TypeScript, insert the batch with one `INSERT … SELECT FROM unnest(…)`. A writer
 * that lost the race gets a unique violation, mapped to `STORE_SEQUENCE_CONFLICT` with the
 * actual size.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalize,
  emptyHead,
  storeError,
  type ChainHead,
  type EventStore,
  type LogEvent,
  type LogId,
  type Sha256Digest,
  type StoreError,
} from '@warrant/core';
import { compareStrings, resolveRange, sealAfter } from '../internal/checks';
import { classifySqlFailure, type SqlSession } from './sql-client';
import { toStoreError } from './store-errors';
import { inTenant, type PgContext } from './tenant-scope';

/**
 * Builds the event store.
 * @internal
 */
export const createPgEvents = (ctx: PgContext): EventStore => {
  const { s } = ctx;
  // Heads this instance committed or read: an append at a known head seals before the
  // transaction and skips the head read. A stale entry is harmless: the insert then hits the
  // primary key, which is the conflict the caller must see anyway.
  const heads = new Map<LogId, ChainHead>();

  const readHead = async (tx: SqlSession, logId: LogId): Promise<ChainHead> => {
    const r = await tx.query<{ seq: unknown; hash: Sha256Digest }>(
      `SELECT seq, hash FROM ${s}.events WHERE log_id = $1 ORDER BY seq DESC LIMIT 1`,
      [logId],
    );
    const row = r.rows[0];
    const head =
      row === undefined
        ? emptyHead(logId)
        : { log_id: logId, size: Number(row.seq) + 1, hash: row.hash };
    return head;
  };

  const conflict = async (
    logId: LogId,
    expectedSeq: number,
    known?: ChainHead,
  ): Promise<StoreError> => {
    const head =
      known === undefined
        ? await inTenant(ctx, logId, async (tx) => E.right(await readHead(tx, logId)))
        : E.right(known);
    if (E.isLeft(head)) return head.left;
    heads.set(logId, head.right);
    return storeError(
      'STORE_SEQUENCE_CONFLICT',
      `expected the log to hold ${expectedSeq} events, it holds ${head.right.size}: reload and retry`,
      { logId, expected: expectedSeq, actual: head.right.size },
    );
  };

  const append: EventStore['append'] = async (logId, expectedSeq, drafts) => {
    if (!Array.isArray(drafts)) throw new TypeError('append: drafts must be an array');
    const known = drafts.length > 0 ? heads.get(logId) : undefined;
    const early =
      known !== undefined && known.size === expectedSeq
        ? sealAfter(known, expectedSeq, drafts)
        : undefined;
    if (early !== undefined && E.isLeft(early)) return early;
    let r: E.Either<StoreError, Sealed>;
    try {
      r = await inTenantOrThrow(ctx, logId, async (tx, id) => {
        const sealed: E.Either<StoreError, Sealed> =
          early ?? sealAfter(await readHead(tx, id), expectedSeq, drafts);
        if (E.isLeft(sealed) || drafts.length === 0) return sealed;
        if (expectedSeq === 0) {
          await tx.query(`INSERT INTO ${s}.logs (log_id) VALUES ($1) ON CONFLICT DO NOTHING`, [id]);
        }
        const inserted = await insertEvents(tx, s, id, sealed.right.events);
        if (inserted < drafts.length) {
          // Another writer holds some of these seqs. Roll back; when none of ours went in, the
          // head read here (a new statement, so a new snapshot) is the actual one.
          throw new ConflictSignal(inserted === 0 ? await readHead(tx, id) : undefined);
        }
        return sealed;
      });
    } catch (e) {
      if (e instanceof ConflictSignal) {
        return E.left(await conflict(logId as LogId, expectedSeq, e.head));
      }
      const f = classifySqlFailure(e);
      // 23505 unique_violation on the primary key: another writer took this seq.
      // 23503 foreign_key_violation on prev_seq: the log is shorter than this instance believed.
      if (f.code === '23505' || f.code === '23503')
        return E.left(await conflict(logId as LogId, expectedSeq));
      heads.delete(logId as LogId);
      return E.left(toStoreError(e, String(logId)));
    }
    if (E.isRight(r)) heads.set(r.right.head.log_id, r.right.head);
    return r;
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
    head: (logId) =>
      inTenant(ctx, logId, async (tx, id) => {
        const head = await readHead(tx, id);
        heads.set(id, head);
        return E.right(head);
      }),
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

interface Sealed {
  readonly events: ReadonlyArray<LogEvent>;
  readonly head: ChainHead;
}

// Thrown inside the append transaction to roll it back on a conflict.
class ConflictSignal {
  constructor(readonly head: ChainHead | undefined) {}
}

// inTenant, but driver failures propagate so append can tell a conflict from other failures.
const inTenantOrThrow = async <A>(
  ctx: PgContext,
  logId: unknown,
  fn: (tx: SqlSession, logId: LogId) => Promise<E.Either<StoreError, A>>,
): Promise<E.Either<StoreError, A>> => {
  let thrown: { e: unknown } | undefined;
  const r = await inTenant(ctx, logId, async (tx, id) => {
    try {
      return await fn(tx, id);
    } catch (e) {
      thrown = { e };
      throw e;
    }
  });
  if (thrown !== undefined) throw thrown.e;
  return r;
};

const insertEvents = async (
  tx: SqlSession,
  s: string,
  logId: LogId,
  events: ReadonlyArray<LogEvent>,
): Promise<number> => {
  const n = events.length;
  const seq = new Array<number>(n);
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
    seq[i] = e.seq;
    hash[i] = e.hash;
    prev[i] = e.prev_hash;
    type[i] = textColumn(e.type);
    subject[i] = JSON.stringify(e.subject);
    actor[i] = textColumn(e.actor.id);
    record[i] = text.right;
  }
  // ON CONFLICT DO NOTHING waits for a writer holding the same (log_id, seq) to finish, then
  // skips the row if that writer committed: the count tells a conflict without an error.
  const r = await tx.query<{ n: unknown }>(
    `WITH ins AS (
       INSERT INTO ${s}.events (log_id, seq, prev_seq, hash, prev_hash, type, subject, actor_id, record)
       SELECT $1, u.seq, NULLIF(u.seq - 1, -1), u.hash, u.prev_hash, u.type, u.subject, u.actor_id, u.record
       FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
         AS u(seq, hash, prev_hash, type, subject, actor_id, record)
       ON CONFLICT DO NOTHING RETURNING 1)
     SELECT count(*) AS n FROM ins`,
    [logId, seq, hash, prev, type, subject, actor, record],
  );
  return Number(r.rows[0]?.n ?? 0);
};

// Informational columns (the record is the truth): PostgreSQL text cannot hold U+0000 or lone
// surrogates, so those become U+FFFD here.
const textColumn = (v: string): string =>
  v.replaceAll('\u0000', '\ufffd').replace(LONE_SURROGATE, '\ufffd');
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const parseRecord = (text: string): LogEvent | undefined => {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as LogEvent) : undefined;
  } catch {
    return undefined;
  }
};
