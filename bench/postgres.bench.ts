/**
 * PostgreSQL adapter benchmarks (issue #6): append throughput against a real server (one writer
 * with batches of 1,000; 8 writers with one event per transaction, on 8 logs and on one shared
 * log), the same on PGlite for comparison, the baselines measured in the same run (plain batched
 * inserts of small rows, one-row transactions), and "active exceptions for a release at T" with
 * 100,000 exceptions stored. Starts a throwaway cluster (or uses WARRANT_TEST_PG_URL).
 *
 *   npm run bench -- postgres
 *   WARRANT_BENCH_PG_EXCEPTIONS=0 npm run bench -- postgres   # appends only
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import {
  decodeProposal,
  encodeExceptionEvent,
  EXCEPTION_EVENT_SCHEMA,
  proposalDigest,
  type EventDraft,
  type ExceptionProposal,
  type LogId,
  type Sha256Digest,
  type Timestamp,
} from '@warrant/core';
import {
  createPgClient,
  createPgliteClient,
  migrate,
  openPostgresStore,
  type PostgresStore,
  type SqlClient,
} from '@warrant/storage-adapters/postgres';
import { startCluster } from '../packages/storage-adapters/test/postgres/cluster';

// WARRANT_BENCH_PG_EXCEPTIONS=0 skips the 100,000-exception query part (a few minutes).
const EXCEPTIONS = Number(process.env['WARRANT_BENCH_PG_EXCEPTIONS'] ?? 100_000);

// Rounds of the alternating baseline / candidate measurements (best of each reported).
const ROUNDS = Number(process.env['WARRANT_BENCH_PG_ROUNDS'] ?? 3);

const now = (): number => performance.now();
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const rate = (n: number, ms: number): string => Math.round((n / ms) * 1000).toLocaleString('en');
const rows: string[] = [];
const report = (what: string, n: number, ms: number, target = '', note = ''): void => {
  const line = `| ${what} | ${n.toLocaleString('en')} | ${(ms / 1000).toFixed(2)} s | ${rate(n, ms)}/s | ${target} | ${note} |`;
  rows.push(line);
  console.log(line);
};

const draft = (w: number, k: number): EventDraft => ({
  type: 'evidence.attached',
  time: '2026-03-01T00:00:00Z' as Timestamp,
  actor: { id: `svc:writer-${w}`, kind: 'service' },
  reason: '',
  subject: `w${w}-${k % 50}`,
  payload: { w, k, note: 'scanner report attached' },
});

const right = <A>(r: E.Either<{ code: string; message: string }, A>): A => {
  if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`);
  return r.right;
};

const openStore = async (client: SqlClient, schema: string): Promise<PostgresStore> =>
  right(await openPostgresStore(client, { schema }));

// --- appends ------------------------------------------------------------------

const oneWriterBatches = async (store: PostgresStore, log: string, batches: number) => {
  const logId = log as LogId;
  let size = right(await store.events.head(logId)).size;
  const t0 = now();
  for (let b = 0; b < batches; b++) {
    const drafts = Array.from({ length: 1000 }, (_, k) => draft(0, b * 1000 + k));
    size = right(await store.events.append(logId, size, drafts)).head.size;
  }
  return now() - t0;
};

const writersOneEvent = async (
  stores: ReadonlyArray<PostgresStore>,
  logFor: (w: number) => string,
  appends: number,
): Promise<{ ms: number; conflicts: number }> => {
  let conflicts = 0;
  const t0 = now();
  await Promise.all(
    stores.map(async (store, w) => {
      const logId = logFor(w) as LogId;
      let expected = right(await store.events.head(logId)).size;
      for (let k = 0; k < appends; k++) {
        for (;;) {
          const r = await store.events.append(logId, expected, [draft(w, k)]);
          if (E.isRight(r)) {
            expected = r.right.head.size;
            break;
          }
          if (r.left.code !== 'STORE_SEQUENCE_CONFLICT') throw new Error(r.left.message);
          conflicts++;
          expected = r.left.actual as number;
        }
      }
    }),
  );
  return { ms: now() - t0, conflicts };
};

// --- baselines ----------------------------------------------------------------

const plainBatched = async (pool: pg.Pool, batches: number): Promise<number> => {
  await pool.query(
    'CREATE TABLE IF NOT EXISTS bench_plain (id bigint PRIMARY KEY, v text NOT NULL)',
  );
  await pool.query('TRUNCATE bench_plain');
  const t0 = now();
  for (let b = 0; b < batches; b++) {
    const ids = Array.from({ length: 1000 }, (_, k) => b * 1000 + k);
    const c = await pool.connect();
    await c.query('BEGIN');
    await c.query('INSERT INTO bench_plain SELECT id, $2 FROM unnest($1::bigint[]) AS id', [
      ids,
      'x'.repeat(64),
    ]);
    await c.query('COMMIT');
    c.release();
  }
  return now() - t0;
};

const oneRowTransactions = async (pool: pg.Pool, n: number, offset: number): Promise<number> => {
  const c = await pool.connect();
  const t0 = now();
  for (let i = 0; i < n; i++) {
    await c.query('BEGIN');
    await c.query('INSERT INTO bench_plain VALUES ($1, $2)', [offset + i, 'x'.repeat(64)]);
    await c.query('COMMIT');
  }
  const ms = now() - t0;
  c.release();
  return ms;
};

// --- exceptions ----------------------------------------------------------------

const digestOf = (i: number): Sha256Digest =>
  `sha256:${i.toString(16).padStart(8, '0').repeat(8)}` as Sha256Digest;

const exceptionDrafts = (i: number): EventDraft[] => {
  const decoded = decodeProposal({
    type: 'vulnerability',
    owner: `team-${i % 40}`,
    scope: {
      artifacts: [{ digest: digestOf(i) }],
      components: [{ purl: `pkg:npm/lib-${i % 500}@1.${i % 7}.0` }],
      vulnerabilities: [`CVE-2026-${10000 + (i % 5000)}`],
      environment: { envs: ['prod'] },
    },
    reason_code: 'NOT_AFFECTED',
    rationale: 'The vulnerable function is never called with user input.',
    risk_acceptance: { accepted: false },
    risk_score: 20,
    expires_at: `2027-0${1 + (i % 9)}-01T00:00:00Z`,
  });
  if (E.isLeft(decoded)) throw new Error(decoded.left.message);
  const p: ExceptionProposal = decoded.right;
  const subject = `exc-${String(i).padStart(6, '0')}`;
  return [
    encodeExceptionEvent({
      type: 'exception.proposed',
      time: '2026-01-01T00:00:00Z' as Timestamp,
      actor: { id: 'alice', kind: 'human' },
      reason: 'scanner finding not exploitable here',
      subject,
      payload: { schema: EXCEPTION_EVENT_SCHEMA, version: 1, proposal: p },
    }),
    encodeExceptionEvent({
      type: 'exception.approved',
      time: '2026-01-02T00:00:00Z' as Timestamp,
      actor: { id: 'bob', kind: 'human' },
      reason: '',
      subject,
      payload: {
        schema: EXCEPTION_EVENT_SCHEMA,
        version: 1,
        role: 'security-reviewer',
        content_digest: proposalDigest(p),
        final: true,
      },
    }),
  ];
};

const activeForRelease = async (store: PostgresStore, count: number): Promise<void> => {
  const logId = 'bench-exceptions' as LogId;
  let size = 0;
  const t0 = now();
  for (let i = 0; i < count; i += 1000) {
    const drafts = Array.from({ length: 1000 }, (_, k) => exceptionDrafts(i + k)).flat();
    size = right(await store.events.append(logId, size, drafts)).head.size;
  }
  report(
    `store ${count.toLocaleString('en')} exceptions (proposed + approved, batches of 2,000 events)`,
    size,
    now() - t0,
  );
  const release = Array.from({ length: 20 }, (_, k) => digestOf(k * 4999));
  const query = { at: '2026-06-01T00:00:00Z' as Timestamp, active_for_artifacts: release };
  const t1 = now();
  const first = right(await store.exceptions.query(logId, query));
  const coldMs = now() - t1;
  const times: number[] = [];
  for (let r = 0; r < 21; r++) {
    const t = now();
    const got = right(await store.exceptions.query(logId, query));
    times.push(now() - t);
    if (got.length !== first.length) throw new Error('unstable answer');
  }
  times.sort((a, b) => a - b);
  const median = times[10] as number;
  const line = `| active exceptions for a release (20 artifacts) at T, ${count.toLocaleString('en')} stored | ${first.length} found | median ${median.toFixed(1)} ms (p90 ${(times[18] as number).toFixed(1)} ms; first query ${coldMs.toFixed(0)} ms) | | < 50 ms median | ${median < 50 ? 'met' : 'MISSED'} |`;
  rows.push(line);
  console.log(line);
};

// --- main -----------------------------------------------------------------------

const main = async (): Promise<void> => {
  const cluster = await startCluster(process.env['WARRANT_TEST_PG_URL']);
  if ('reason' in cluster) throw new Error(cluster.reason);
  const owner = new pg.Pool({ connectionString: cluster.ownerUrl, max: 10 });
  const app = new pg.Pool({ connectionString: cluster.appUrl, max: 10 });
  try {
    console.log('| what | events | time | throughput | target | note |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    right(await migrate(createPgClient(owner), { schema: 'bench', grantTo: [cluster.appRole] }));
    const store = await openStore(createPgClient(app), 'bench');
    const pools = Array.from(
      { length: 8 },
      () => new pg.Pool({ connectionString: cluster.appUrl, max: 1 }),
    );
    const stores = await Promise.all(pools.map((p) => openStore(createPgClient(p), 'bench')));

    // Baselines and candidates alternate, ROUNDS times, so load drift affects both; each row
    // reports its best round, and the ratios compare best with best.
    const best = { batched: Infinity, oneRow: Infinity, one: Infinity, eight: Infinity };
    for (let r = 0; r < ROUNDS; r++) {
      best.batched = Math.min(best.batched, await plainBatched(owner, 20));
      best.one = Math.min(best.one, await oneWriterBatches(store, 'bench-one', 20));
      best.oneRow = Math.min(best.oneRow, await oneRowTransactions(owner, 1_000, 1e9));
      best.eight = Math.min(
        best.eight,
        (await writersOneEvent(stores, (w) => `bench-w${w}`, 250)).ms,
      );
    }
    const perS = (n: number, ms: number): number => (n / ms) * 1000;
    report(
      'baseline: plain batched INSERT of 1,000 small rows per transaction',
      20_000,
      best.batched,
      '',
      `issue's idle figure: about 175,000/s`,
    );
    report(
      'baseline: one-row transactions (one connection)',
      1_000,
      best.oneRow,
      '',
      `issue's idle figure: about 2,600/s`,
    );
    const oneRatio = perS(20_000, best.one) / perS(20_000, best.batched);
    report(
      'warrant pg: one writer, batches of 1,000 (hash chain, RLS)',
      20_000,
      best.one,
      '>= 20,000/s',
      `${perS(20_000, best.one) >= 20_000 ? 'met' : 'MISSED'}; ${pct(oneRatio)} of the batched baseline (the target is 11.4% of the idle one)`,
    );
    const eightRatio = perS(2_000, best.eight) / perS(1_000, best.oneRow);
    report(
      'warrant pg: 8 writers, one event per transaction, 8 logs',
      2_000,
      best.eight,
      '>= 2,000/s total',
      `${perS(2_000, best.eight) >= 2_000 ? 'met' : 'MISSED'}; ${eightRatio.toFixed(2)}x the one-row baseline (the target is 0.77x of the idle one)`,
    );
    const shared = await writersOneEvent(stores, () => 'bench-shared', 100);
    report(
      'warrant pg: 8 writers, one event per transaction, one shared log',
      800,
      shared.ms,
      '',
      `${shared.conflicts} conflicts retried`,
    );
    await Promise.all(stores.map((s) => s.close()));
    await Promise.all(pools.map((p) => p.end()));

    if (EXCEPTIONS > 0) await activeForRelease(store, EXCEPTIONS);

    const lite = new PGlite();
    right(await migrate(createPgliteClient(lite), { schema: 'bench' }));
    const liteStore = await openStore(createPgliteClient(lite), 'bench');
    report(
      'warrant PGlite (in memory): one writer, batches of 1,000',
      10_000,
      await oneWriterBatches(liteStore, 'lite-one', 10),
    );
    const liteOne = await writersOneEvent([liteStore], () => 'lite-single', 1_000);
    report('warrant PGlite (in memory): one event per transaction', 1_000, liteOne.ms);
    await lite.close();
    await store.close();
  } finally {
    await owner.end();
    await app.end();
    await cluster.stop();
  }
  console.log(
    `\nmachine: ${process.platform} ${process.arch}, node ${process.version}, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
};

await main();
