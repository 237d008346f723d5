/**
 * Legal holds and retention (seed 004, EvidenceLocker): a hold keeps a log's evidence blobs (all
 * of them, or the digests it names) from being pruned; pruning removes blobs stored before a
 * cut-off that no hold covers, and never touches events. The database enforces both: a trigger
 * refuses to delete a held blob, whoever asks, and events refuse every DELETE.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  Actor,
  Sha256Digest,
  storeError,
  Timestamp,
  type LogId,
  type StoreError,
  type StoreResult,
} from '@warrant/core';
import { compareStrings } from '../internal/checks';
import type { SqlSession } from './sql-client';
import { inTenant, type PgContext } from './tenant-scope';

// --- model -----------------------------------------------------------------

/** A legal hold on a log's evidence. */
export const LegalHold = t.intersection(
  [
    t.strict({
      /** The hold's id within the log (a case number): 1-200 characters. */
      id: t.string,
      /** Why the evidence must be kept. */
      reason: t.string,
      /** Who placed the hold. */
      actor: Actor,
      /** When it was placed (an input). */
      time: Timestamp,
    }),
    t.partial({
      /** The blobs held; absent means every blob of the log, present and future. */
      digests: t.array(Sha256Digest),
    }),
  ],
  'LegalHold',
);
/** A legal hold on a log's evidence. */
export type LegalHold = t.TypeOf<typeof LegalHold>;

/** What {@link HoldStore.prune} did. */
export interface PruneReport {
  /** The blobs deleted, sorted. */
  readonly removed: ReadonlyArray<Sha256Digest>;
  /** How many blobs older than the cut-off were kept because a hold covers them. */
  readonly held: number;
}

/** Holds and retention for one PostgreSQL store. */
export interface HoldStore {
  /** Places a hold (idempotent for the same hold; another hold with its id is a conflict). */
  place(logId: LogId, hold: LegalHold): StoreResult<LegalHold>;
  /** Releases a hold by id (`STORE_HOLD_INVALID` if there is none). */
  release(logId: LogId, holdId: string): StoreResult<void>;
  /** The log's holds, by id. */
  list(logId: LogId): StoreResult<ReadonlyArray<LegalHold>>;
  /** Deletes the log's blobs stored before `storedBefore` that no hold covers; events stay. */
  prune(logId: LogId, options: { readonly storedBefore: Timestamp }): StoreResult<PruneReport>;
}

// --- operations ------------------------------------------------------------

/**
 * Builds the hold store.
 * @internal
 */
export const createHoldStore = (ctx: PgContext): HoldStore => {
  const { s } = ctx;
  // Placing a hold and pruning serialise per log, so a prune cannot miss a hold placed meanwhile.
  const lock = (tx: SqlSession, id: LogId) =>
    tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`warrant.holds.${id}`]);
  const listHolds = async (tx: SqlSession, id: LogId, holdId?: string): Promise<LegalHold[]> => {
    const r = await tx.query<HoldRow>(
      `SELECT hold_id, reason, actor, time, digests FROM ${s}.holds WHERE log_id = $1${holdId === undefined ? '' : ' AND hold_id = $2'}`,
      holdId === undefined ? [id] : [id, holdId],
    );
    return r.rows.map(fromRow).sort((a, b) => compareStrings(a.id, b.id));
  };
  return {
    place: (logId, hold) =>
      inTenant(ctx, logId, async (tx, id) => {
        const checked = checkHold(hold);
        if (E.isLeft(checked)) return E.left({ ...checked.left, logId: id });
        const h = checked.right;
        await lock(tx, id);
        const inserted = await tx.query(
          `INSERT INTO ${s}.holds (log_id, hold_id, reason, actor_id, actor, time, digests)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING 1`,
          [id, h.id, h.reason, h.actor.id, JSON.stringify(h.actor), h.time, h.digests ?? null],
        );
        if (inserted.rows.length > 0) return E.right(h);
        const [prior] = await listHolds(tx, id, h.id);
        return prior !== undefined && JSON.stringify(prior) === JSON.stringify(h)
          ? E.right(prior)
          : E.left(
              storeError('STORE_HOLD_CONFLICT', `another hold ${h.id} exists in log ${id}`, {
                logId: id,
              }),
            );
      }),
    release: (logId, holdId) =>
      inTenant(ctx, logId, async (tx, id) => {
        await lock(tx, id);
        const r = await tx.query(
          `DELETE FROM ${s}.holds WHERE log_id = $1 AND hold_id = $2 RETURNING 1`,
          [id, String(holdId)],
        );
        return r.rows.length > 0
          ? E.right(undefined)
          : E.left(
              storeError('STORE_HOLD_INVALID', `no hold ${String(holdId)} in log ${id}`, {
                logId: id,
              }),
            );
      }),
    list: (logId) => inTenant(ctx, logId, async (tx, id) => E.right(await listHolds(tx, id))),
    prune: (logId, options) =>
      inTenant(ctx, logId, async (tx, id) => {
        if (!Timestamp.is(options?.storedBefore)) {
          return E.left(
            storeError('STORE_QUERY_INVALID', 'expected an RFC 3339 UTC timestamp', {
              logId: id,
              path: '$.storedBefore',
            }),
          );
        }
        await lock(tx, id);
        const covered = `EXISTS (SELECT 1 FROM ${s}.holds h WHERE h.log_id = b.log_id
                           AND (h.digests IS NULL OR b.digest = ANY (h.digests)))`;
        const removed = await tx.query<{ digest: Sha256Digest }>(
          `DELETE FROM ${s}.blobs b WHERE b.log_id = $1 AND b.stored_at < $2::timestamptz AND NOT ${covered}
           RETURNING b.digest`,
          [id, options.storedBefore],
        );
        const held = await tx.query<{ n: unknown }>(
          `SELECT count(*) AS n FROM ${s}.blobs b WHERE b.log_id = $1 AND b.stored_at < $2::timestamptz AND ${covered}`,
          [id, options.storedBefore],
        );
        return E.right({
          removed: removed.rows.map((r) => r.digest).sort(compareStrings),
          held: Number(held.rows[0]?.n ?? 0),
        });
      }),
  };
};

// --- internal --------------------------------------------------------------

interface HoldRow {
  readonly hold_id: string;
  readonly reason: string;
  readonly actor: string;
  readonly time: Timestamp;
  readonly digests: Sha256Digest[] | null;
}

const fromRow = (r: HoldRow): LegalHold => ({
  id: r.hold_id,
  reason: r.reason,
  actor: JSON.parse(r.actor) as Actor,
  time: r.time,
  ...(r.digests === null ? {} : { digests: [...r.digests].sort(compareStrings) }),
});

const checkHold = (hold: unknown): E.Either<StoreError, LegalHold> => {
  const d = LegalHold.decode(hold);
  if (E.isLeft(d))
    return E.left(
      storeError(
        'STORE_HOLD_INVALID',
        'expected a LegalHold { id, reason, actor, time, digests? }',
      ),
    );
  const h = d.right;
  if (h.id.length < 1 || h.id.length > 200 || (h.id + h.reason + h.actor.id).includes('\u0000')) {
    return E.left(
      storeError('STORE_HOLD_INVALID', 'expected an id of 1-200 characters and no U+0000', {
        path: '$.id',
      }),
    );
  }
  return E.right({
    id: h.id,
    reason: h.reason,
    actor: { id: h.actor.id, kind: h.actor.kind },
    time: h.time,
    ...(h.digests === undefined ? {} : { digests: [...new Set(h.digests)].sort(compareStrings) }),
  });
};
