import { afterAll, beforeAll, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import type pg from 'pg';
import {
  digestBytes,
  utf8Encode,
  verifyStoredLog,
  type EventDraft,
  type LogId,
  type Timestamp,
} from '@warrant/core';
import type { PostgresStore } from '@warrant/storage-adapters/postgres';
import { describeServer, dropSchema, endPools, freshSchema, openAsApp, poolFor } from './server';

const A = 'tenant-a' as LogId;
const B = 'tenant-b' as LogId;
const draft = (i: number): EventDraft => ({
  type: 'evidence.attached',
  time: '2026-03-01T00:00:00Z' as Timestamp,
  actor: { id: `user${i}@example.com`, kind: 'human' },
  reason: `reason ${i}`,
  subject: `exc-${i % 2}`,
  payload: { i },
});
const right = <A>(r: E.Either<{ code: string; message: string }, A>): A => {
  if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`);
  return r.right;
};

// Runs hand-written SQL as `role`'s pool in one transaction with the tenant set to `tenant`.
const asTenant = async <T>(
  pool: pg.Pool,
  tenant: string | undefined,
  fn: (c: pg.PoolClient) => Promise<T>,
): Promise<T> => {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    if (tenant !== undefined)
      await c.query(`SELECT set_config('warrant.tenant', $1, true)`, [tenant]);
    return await fn(c);
  } finally {
    await c.query('ROLLBACK').catch(() => undefined);
    c.release();
  }
};
const sqlState = async (p: Promise<unknown>): Promise<string | undefined> => {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describeServer('tenant isolation and append-only, enforced by the database', () => {
  let schema: string;
  let store: PostgresStore;
  let t: string; // quoted schema prefix for hand-written SQL
  beforeAll(async () => {
    schema = await freshSchema('rls');
    t = `"${schema}"`;
    store = await openAsApp(schema);
    right(await store.events.append(A, 0, [0, 1, 2, 3, 4].map(draft)));
    right(await store.events.append(B, 0, [0, 1, 2].map(draft)));
    right(await store.blobs.put(A, utf8Encode('evidence of A')));
    right(await store.blobs.put(B, utf8Encode('evidence of B')));
  });
  afterAll(async () => {
    await store.close();
    await dropSchema(schema);
    await endPools();
  });

  it('lets the application role see only the tenant set in its transaction', async () => {
    const app = poolFor('app');
    await asTenant(app, A, async (c) => {
      const all = await c.query(
        `SELECT log_id, count(*)::int AS n FROM ${t}.events GROUP BY log_id`,
      );
      expect(all.rows).toEqual([{ log_id: A, n: 5 }]);
      const other = await c.query(`SELECT * FROM ${t}.events WHERE log_id = $1`, [B]);
      expect(other.rows).toHaveLength(0);
      const blobs = await c.query(`SELECT log_id FROM ${t}.blobs`);
      expect(blobs.rows).toEqual([{ log_id: A }]);
    });
    // No tenant set: nothing at all.
    await asTenant(app, undefined, async (c) => {
      const r = await c.query(`SELECT count(*)::int AS n FROM ${t}.events`);
      expect(r.rows[0].n).toBe(0);
    });
  });

  it("refuses the application role's writes into another tenant", async () => {
    const app = poolFor('app');
    const h = `sha256:${'0'.repeat(64)}`;
    const insertB = asTenant(app, A, (c) =>
      c.query(
        `INSERT INTO ${t}.events (log_id, seq, prev_seq, hash, prev_hash, type, subject, actor_id, record)
         VALUES ($1, 3, 2, $2, $2, 'x', '"x"', 'mallory', '{}')`,
        [B, h],
      ),
    );
    expect(await sqlState(insertB)).toBe('42501'); // new row violates row-level security policy
    const blobB = asTenant(app, A, (c) =>
      c.query(`INSERT INTO ${t}.blobs (log_id, digest, size, bytes) VALUES ($1, $2, 0, '')`, [
        B,
        h,
      ]),
    );
    expect(await sqlState(blobB)).toBe('42501');
    // Deleting another tenant's blob finds no row to delete.
    const deleted = await asTenant(app, A, (c) =>
      c.query(`DELETE FROM ${t}.blobs WHERE log_id = $1`, [B]),
    );
    expect(deleted.rowCount).toBe(0);
    expect(right(await store.blobs.has(B, digestBytes(utf8Encode('evidence of B'))))).toBe(true);
    expect(right(await store.events.head(B)).size).toBe(3);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of events to the application role and to the owner', async () => {
    for (const [who, sql] of [
      ['app', `UPDATE ${t}.events SET record = '{}' WHERE seq = 0`],
      ['app', `DELETE FROM ${t}.events WHERE seq = 4`],
      ['app', `TRUNCATE ${t}.events`],
      ['owner', `UPDATE ${t}.events SET record = '{}' WHERE seq = 0`],
      ['owner', `DELETE FROM ${t}.events WHERE seq = 4`],
      ['owner', `TRUNCATE ${t}.events CASCADE`],
    ] as const) {
      expect(await sqlState(asTenant(poolFor(who), A, (c) => c.query(sql))), `${who}: ${sql}`).toBe(
        '42501',
      );
    }
    expect(right(await store.events.head(A)).size).toBe(5);
  });

  it('detects a superuser edit behind its back, naming the exact seq', async () => {
    expect(E.isRight(await verifyStoredLog(store, A))).toBe(true);
    // A superuser disables the triggers for the session and rewrites event 3's reason.
    const c = await poolFor('super').connect();
    try {
      await c.query('BEGIN');
      await c.query("SET LOCAL session_replication_role = 'replica'");
      const r = await c.query(
        `UPDATE ${t}.events SET record = replace(record, '"reason 3"', '"reason X"') WHERE log_id = $1 AND seq = 3`,
        [A],
      );
      expect(r.rowCount).toBe(1);
      await c.query('COMMIT');
    } finally {
      c.release();
    }
    const v = await verifyStoredLog(store, A);
    expect(E.isLeft(v)).toBe(true);
    if (E.isLeft(v)) {
      expect(v.left.code).toBe('STORE_RECORD_CORRUPT');
      expect(v.left.issues?.[0]).toMatchObject({ code: 'CORE_LOG_HASH_MISMATCH', index: 3 });
    }
    expect(E.isRight(await verifyStoredLog(store, B))).toBe(true);
  });

  it('lists every log through the owner-rights function, and nothing else across tenants', async () => {
    expect(right(await store.events.listLogs())).toEqual([A, B]);
  });
});

describeServer('legal holds and retention', () => {
  let schema: string;
  let store: PostgresStore;
  beforeAll(async () => {
    schema = await freshSchema('holds');
    store = await openAsApp(schema);
  });
  afterAll(async () => {
    await store.close();
    await dropSchema(schema);
    await endPools();
  });

  it('prunes blobs outside holds, keeps held ones and every event', async () => {
    const time = '2026-03-01T00:00:00Z' as Timestamp;
    const actor = { id: 'legal@example.com', kind: 'human' as const };
    const [d1, d2, d3] = await Promise.all(
      ['one', 'two', 'three'].map(async (s) => right(await store.blobs.put(A, utf8Encode(s)))),
    );
    right(await store.events.append(A, 0, [0, 1].map(draft)));
    const hold = { id: 'case-42', reason: 'litigation', actor, time, digests: [d1 as never] };
    expect(right(await store.holds.place(A, hold))).toEqual(hold);
    expect(right(await store.holds.place(A, hold))).toEqual(hold); // idempotent
    const clash = await store.holds.place(A, { ...hold, reason: 'other' });
    expect(E.isLeft(clash) && clash.left.code).toBe('STORE_HOLD_CONFLICT');

    // Hand-written SQL cannot delete a held blob either.
    const t = `"${schema}"`;
    const state = await sqlState(
      asTenant(poolFor('app'), A, (c) => c.query(`DELETE FROM ${t}.blobs WHERE digest = $1`, [d1])),
    );
    expect(state).toBe('42501');

    const future = '2999-01-01T00:00:00Z' as Timestamp;
    const past = '2000-01-01T00:00:00Z' as Timestamp;
    expect(right(await store.holds.prune(A, { storedBefore: past }))).toEqual({
      removed: [],
      held: 0,
    });
    const pruned = right(await store.holds.prune(A, { storedBefore: future }));
    expect(pruned).toEqual({ removed: [d2, d3].sort(), held: 1 });
    expect(right(await store.blobs.has(A, d1 as never))).toBe(true);
    expect(right(await store.blobs.has(A, d2 as never))).toBe(false);
    expect(right(await store.events.head(A)).size).toBe(2);

    // A whole-log hold covers blobs stored later too.
    right(await store.holds.place(A, { id: 'case-43', reason: 'audit', actor, time }));
    right(await store.holds.release(A, 'case-42'));
    const d4 = right(await store.blobs.put(A, utf8Encode('four')));
    expect(right(await store.holds.prune(A, { storedBefore: future }))).toEqual({
      removed: [],
      held: 2,
    });
    right(await store.holds.release(A, 'case-43'));
    const last = right(await store.holds.prune(A, { storedBefore: future }));
    expect(last.removed).toEqual([d1, d4].sort());
    expect(right(await store.events.head(A)).size).toBe(2);
    const missing = await store.holds.release(A, 'case-43');
    expect(E.isLeft(missing) && missing.left.code).toBe('STORE_HOLD_INVALID');
  });
});
