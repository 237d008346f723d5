import { afterAll, beforeAll, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import {
  canonicalize,
  emptyHead,
  sealEvents,
  verifyStoredLog,
  type EventDraft,
  type LogEvent,
  type LogId,
  type Timestamp,
} from '@warrant/core';
import {
  createPgClient,
  migrate,
  migrationDigest,
  MIGRATIONS,
  openPostgresStore,
  type SqlClient,
} from '@warrant/storage-adapters/postgres';
import {
  describeServer,
  dropSchema,
  endPools,
  env,
  freshSchema,
  openAsApp,
  poolFor,
} from './server';

const LOG = 'tenant-g' as LogId;
const draft = (k: number): EventDraft => ({
  type: 'evidence.attached',
  time: '2026-03-01T00:00:00Z' as Timestamp,
  actor: { id: 'svc:writer', kind: 'service' },
  reason: '',
  subject: `s${k % 3}`,
  payload: { k },
});
const right = <A>(r: E.Either<{ code: string; message: string }, A>): A => {
  if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`);
  return r.right;
};
const sqlState = async (p: Promise<unknown>): Promise<string | undefined> => {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};
// Hand-written SQL in one transaction with the tenant set, always rolled back.
const asTenant = async <T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query(`SELECT set_config('warrant.tenant', $1, true)`, [LOG]);
    return await fn(c);
  } finally {
    await c.query('ROLLBACK').catch(() => undefined);
    c.release();
  }
};
const row = (e: LogEvent): unknown[] => [
  e.log_id,
  e.seq,
  e.seq === 0 ? null : e.seq - 1,
  e.hash,
  e.prev_hash,
  e.type,
  JSON.stringify(e.subject),
  e.actor.id,
  E.getOrElse(() => '')(canonicalize(e)),
];
const INSERT = (t: string, rows: number): string =>
  `INSERT INTO ${t}.events (log_id, seq, prev_seq, hash, prev_hash, type, subject, actor_id, record) VALUES ${Array.from(
    { length: rows },
    (_, r) => `(${Array.from({ length: 9 }, (_, c) => `$${r * 9 + c + 1}`).join(', ')})`,
  ).join(', ')}`;

describeServer('the append path: one statement, gaps refused per statement', () => {
  let schema: string;
  let t: string;
  let events: ReadonlyArray<LogEvent>;
  beforeAll(async () => {
    schema = await freshSchema('append');
    t = `"${schema}"`;
    const store = await openAsApp(schema);
    events = right(await store.events.append(LOG, 0, [0, 1, 2, 3].map(draft))).events;
    await store.close();
  });
  afterAll(async () => {
    await dropSchema(schema);
    await endPools();
  });

  it('refuses hand-written inserts that leave a gap, skip a seq or name an unknown log', async () => {
    const app = poolFor('app');
    const next = right(
      sealEvents(
        right(sealEvents(emptyHead(LOG), [0, 1, 2, 3].map(draft))).head,
        [4, 5, 6].map(draft),
      ),
    );
    const [e4, e5, e6] = next.events as [LogEvent, LogEvent, LogEvent];
    // Contiguous after the head: accepted (and rolled back).
    expect(
      await sqlState(asTenant(app, (c) => c.query(INSERT(t, 2), [...row(e4), ...row(e5)]))),
    ).toBe(undefined);
    // Seq 5 without seq 4; seqs 4 and 6 in one statement; a log never registered.
    expect(await sqlState(asTenant(app, (c) => c.query(INSERT(t, 1), row(e5))))).toBe('23503');
    expect(
      await sqlState(asTenant(app, (c) => c.query(INSERT(t, 2), [...row(e4), ...row(e6)]))),
    ).toBe('23503');
    const stranger = 'tenant-unknown';
    const orphan = [stranger, ...row(e4).slice(1)];
    const c = await app.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SELECT set_config('warrant.tenant', $1, true)`, [stranger]);
      expect(await sqlState(c.query(INSERT(t, 1), orphan))).toBe('23503');
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
  });

  it('keeps logs append-only for the application role and the owner', async () => {
    for (const who of ['app', 'owner'] as const) {
      for (const sql of [
        `DELETE FROM ${t}.logs`,
        `UPDATE ${t}.logs SET log_id = 'other'`,
        `TRUNCATE ${t}.logs CASCADE`,
      ]) {
        expect(await sqlState(asTenant(poolFor(who), (c) => c.query(sql))), `${who}: ${sql}`).toBe(
          '42501',
        );
      }
    }
  });

  it('append_events answers a stale seq with the actual head and refuses a batch that does not link', async () => {
    const app = poolFor('app');
    const call = `SELECT appended, size, hash FROM ${t}.append_events($1, $2, $3, $4, $5, $6, $7, $8)`;
    const e = events[3] as LogEvent;
    const args = (first: number, prev: string): unknown[] => [
      LOG,
      first,
      e.hash,
      prev,
      [e.type],
      '"s"',
      ['a'],
      '{}',
    ];
    const stale = await app.query(call, args(2, e.prev_hash));
    expect(stale.rows).toEqual([{ appended: false, size: '4', hash: e.hash }]);
    expect(await sqlState(app.query(call, args(4, e.prev_hash)))).toBe('23514');
    const head = await app.query(`SELECT size, hash FROM ${t}.log_head($1)`, [LOG]);
    expect(head.rows).toEqual([{ size: '4', hash: e.hash }]);
  });

  it('appends a large batch in chunks, all or nothing, with paths and conflicts as for one statement', async () => {
    const store = await openAsApp(schema);
    const other = await openAsApp(schema);
    const log = 'tenant-chunks' as LogId;
    const batch = Array.from({ length: 600 }, (_, k) => draft(k));
    // An invalid draft in the third chunk: nothing of the first two stays, the path is exact.
    const bad = [...batch.slice(0, 555), { ...batch[555], time: 'yesterday' }, ...batch.slice(556)];
    const refused = await store.events.append(log, 0, bad as EventDraft[]);
    expect(E.isLeft(refused) && [refused.left.code, refused.left.path]).toEqual([
      'STORE_DRAFT_INVALID',
      '$[555].time',
    ]);
    expect(right(await store.events.head(log)).size).toBe(0);
    expect(right(await store.events.append(log, 0, batch)).head.size).toBe(600);
    // Another instance appends; this one, still at 600, gets the conflict with the actual size.
    right(await other.events.append(log, 600, [draft(600)]));
    const stale = await store.events.append(log, 600, batch);
    expect(E.isLeft(stale) && [stale.left.code, stale.left.actual]).toEqual([
      'STORE_SEQUENCE_CONFLICT',
      601,
    ]);
    expect(right(await store.events.append(log, 601, batch)).head.size).toBe(1201);
    expect(right(await verifyStoredLog(store, log)).head.size).toBe(1201);
    await store.close();
    await other.close();
  });

  it('a backend terminated during an autocommit append writes nothing and gives STORE_UNAVAILABLE', async () => {
    const pool = new pg.Pool({ connectionString: env.appUrl, max: 1 });
    pool.on('error', () => undefined);
    const store = await openAsApp(schema);
    const size = right(await store.events.head(LOG)).size;
    // The owner blocks inserts into events; the append's statement waits; a superuser ends it.
    const blocker = await poolFor('owner').connect();
    await blocker.query('BEGIN');
    await blocker.query(`LOCK TABLE ${t}.events IN EXCLUSIVE MODE`);
    const victim = right(await openPostgresStore(createPgClient(pool), { schema }));
    const pending = victim.events.append(LOG, size, [draft(9)]);
    for (let i = 0; i < 200; i++) {
      const r = await poolFor('super').query(
        `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
         WHERE wait_event_type = 'Lock' AND query LIKE '%append_events%'`,
      );
      if (r.rows.length > 0) break;
      await new Promise((res) => setTimeout(res, 25));
    }
    const r = await pending;
    await blocker.query('ROLLBACK');
    blocker.release();
    expect(E.isLeft(r) && r.left.code).toBe('STORE_UNAVAILABLE');
    expect(right(await store.events.head(LOG)).size).toBe(size);
    // The retry, on a fresh connection, lands; the chain verifies.
    expect(right(await victim.events.append(LOG, size, [draft(9)])).head.size).toBe(size + 1);
    expect(E.isRight(await verifyStoredLog(store, LOG))).toBe(true);
    await store.close();
    await victim.close();
    await pool.end();
  });
});

describeServer('migration 3 upgrades a schema that already holds events', () => {
  it('keeps the events, then appends through the new path on the same chain', async () => {
    const owner = poolFor('owner');
    const schema = `upgrade_${process.pid}`;
    const t = `"${schema}"`;
    const client: SqlClient = createPgClient(owner);
    // Version 2 exactly as migrate() of the previous release left it.
    await client.transaction(async (tx) => {
      await tx.query(`CREATE SCHEMA ${t}`);
      await tx.query(
        `CREATE TABLE ${t}.schema_migrations (version int PRIMARY KEY, name text NOT NULL,
           sha256 text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      for (const m of MIGRATIONS.slice(0, 2)) {
        await tx.script(m.sql.replaceAll('@schema', t));
        await tx.query(
          `INSERT INTO ${t}.schema_migrations (version, name, sha256) VALUES ($1, $2, $3)`,
          [m.version, m.name, migrationDigest(m)],
        );
      }
      await tx.query(`GRANT USAGE ON SCHEMA ${t} TO ${env.appRole ?? ''}`);
    });
    const old = right(sealEvents(emptyHead(LOG), [0, 1, 2].map(draft)));
    await client.transaction(
      async (tx) => {
        await tx.query(`INSERT INTO ${t}.logs VALUES ($1)`, [LOG]);
        await tx.query(INSERT(t, 3), old.events.flatMap(row));
      },
      { 'warrant.tenant': LOG },
    );
    const m = right(await migrate(client, { schema, grantTo: [env.appRole ?? ''] }));
    expect(m.applied).toEqual([3]);
    const store = await openAsApp(schema);
    expect(right(await store.events.head(LOG))).toEqual(old.head);
    expect(right(await store.events.append(LOG, 3, [3, 4].map(draft))).head.size).toBe(5);
    const report = right(await verifyStoredLog(store, LOG));
    expect(report.head.size).toBe(5);
    await store.close();
    await dropSchema(schema);
  });
});
