import { afterAll, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import {
  verifyStoredLog,
  type EventDraft,
  type LogEvent,
  type LogId,
  type Sha256Digest,
  type Timestamp,
} from '@warrant/core';
import {
  createPgClient,
  openPostgresStore,
  type PostgresStore,
  type SqlClient,
} from '@warrant/storage-adapters/postgres';
import { describeServer, dropSchema, endPools, env, freshSchema, poolFor } from './server';

const LOG = 'tenant-c' as LogId;
const WRITERS = 8;
const APPENDS = Number(process.env['WARRANT_CONC_APPENDS'] ?? 1_000);

const draft = (w: number, k: number): EventDraft => ({
  type: 'evidence.attached',
  time: '2026-03-01T00:00:00Z' as Timestamp,
  actor: { id: `svc:writer-${w}`, kind: 'service' },
  reason: '',
  subject: `w${w}`,
  payload: { w, k },
});

const openOn = async (client: SqlClient, schema: string): Promise<PostgresStore> => {
  const opened = await openPostgresStore(client, { schema });
  if (E.isLeft(opened)) throw new Error(opened.left.message);
  return opened.right;
};

afterAll(endPools);

describeServer('concurrent writers against a real server', () => {
  it(`${WRITERS} writers x ${APPENDS} one-event appends on one log: one unbroken chain, nothing lost`, async () => {
    const schema = await freshSchema('conc');
    // Each writer is its own "service instance": its own pool, connection and store.
    // synchronous_commit=off for these sessions only: commit order, visibility and locking are
    // unchanged, only the wait for the WAL flush goes, so the test measures the concurrency
    // control rather than the disk (8,000 serial commits take minutes on a loaded machine).
    const pools = Array.from(
      { length: WRITERS },
      () =>
        new pg.Pool({ connectionString: env.appUrl, max: 1, options: '-c synchronous_commit=off' }),
    );
    const stores = await Promise.all(pools.map((p) => openOn(createPgClient(p), schema)));
    const acked: Array<{ seq: number; hash: Sha256Digest; w: number; k: number }> = [];
    let conflicts = 0;
    const writer = async (w: number): Promise<void> => {
      const store = stores[w] as PostgresStore;
      let expected = 0;
      for (let k = 0; k < APPENDS; k++) {
        for (;;) {
          const r = await store.events.append(LOG, expected, [draft(w, k)]);
          if (E.isRight(r)) {
            const e = r.right.events[0] as LogEvent;
            acked.push({ seq: e.seq, hash: e.hash, w, k });
            expected = r.right.head.size;
            break;
          }
          // The typed conflict carries the actual size: retry there at once.
          expect(r.left.code).toBe('STORE_SEQUENCE_CONFLICT');
          conflicts++;
          expected = r.left.actual as number;
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));

    const store = stores[0] as PostgresStore;
    const report = await verifyStoredLog(store, LOG);
    expect(E.isRight(report) && report.right.head.size).toBe(WRITERS * APPENDS);
    const all = E.getOrElseW(() => [] as ReadonlyArray<LogEvent>)(
      await store.events.read(LOG, { from: 0 }),
    );
    // No gaps or forks: seq i at index i, one event per seq.
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i));
    // Every acknowledged event is there, at the seq and with the hash it was acknowledged with.
    expect(acked).toHaveLength(WRITERS * APPENDS);
    for (const a of acked) {
      const e = all[a.seq] as LogEvent;
      expect(e.hash === a.hash && e.payload.w === a.w && e.payload.k === a.k).toBe(true);
    }
    console.log(
      `[warrant] ${WRITERS}x${APPENDS}: ${all.length} events, 0 forks, 0 lost, ${conflicts} conflicts retried`,
    );
    await Promise.all(stores.map((s) => s.close()));
    await Promise.all(pools.map((p) => p.end()));
    await dropSchema(schema);
  }, 120_000);

  it('a connection dropped mid-transaction leaves no partial write and gives STORE_UNAVAILABLE', async () => {
    const schema = await freshSchema('fault');
    const pool = new pg.Pool({ connectionString: env.appUrl, max: 1 });
    pool.on('error', () => undefined);
    const base = createPgClient(pool);
    let armed = false;
    // Terminates this transaction's backend from a superuser connection right after the
    // append_events statement succeeded, before COMMIT. The client has no `autocommit`, so the
    // adapter runs its one-statement appends inside `transaction` (the fallback path).
    const faulty: SqlClient = {
      driver: 'pg (fault injection)',
      close: base.close,
      transaction: (fn, settings) =>
        base.transaction(async (tx) => {
          const pid = (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]
            ?.pid;
          return fn({
            script: (text) => tx.script(text),
            query: async (text, params) => {
              const r = await tx.query(text, params);
              if (armed && /append_events/.test(text)) {
                armed = false;
                await poolFor('super').query('SELECT pg_terminate_backend($1)', [pid]);
              }
              return r as never;
            },
          });
        }, settings),
    };
    const store = await openOn(faulty, schema);
    const batch = Array.from({ length: 500 }, (_, k) => draft(0, k));
    expect(E.isRight(await store.events.append(LOG, 0, batch.slice(0, 10)))).toBe(true);
    armed = true;
    const r = await store.events.append(LOG, 10, batch);
    expect(E.isLeft(r) && r.left.code).toBe('STORE_UNAVAILABLE');
    // Nothing of the batch landed.
    const head = await store.events.head(LOG);
    expect(E.isRight(head) && head.right.size).toBe(10);
    // The retry (on a new connection) lands the whole batch; the chain is intact.
    const again = await store.events.append(LOG, 10, batch);
    expect(E.isRight(again) && again.right.head.size).toBe(510);
    const report = await verifyStoredLog(store, LOG);
    expect(E.isRight(report) && report.right.head.size).toBe(510);
    await store.close();
    await pool.end();
    await dropSchema(schema);
  });
});
