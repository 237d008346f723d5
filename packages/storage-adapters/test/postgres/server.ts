/**
 * Test helpers for the real-server suites: the URLs from the global setup, pools per role, a
 * fresh migrated schema per store, and `describeServer`, which reports clearly when the server
 * did not run (a skip, which fails the run under CI=true).
 */
import { describe, inject, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import {
  createPgClient,
  migrate,
  openPostgresStore,
  type PostgresStore,
} from '@warrant/storage-adapters/postgres';
import type { PgTestEnv } from './global-setup';

export const env: PgTestEnv = inject('warrantPg');

/** `describe` when the server runs; otherwise one skipped test that says why. */
export const describeServer = (name: string, fn: () => void): void => {
  if (env.status === 'running') describe(name, fn);
  else describe(name, () => it.skip(`real PostgreSQL server did not run: ${env.reason ?? '?'}`));
};

const pools = new Map<string, pg.Pool>();
/** A pool per URL, shared within a test file; `endPools` closes them. */
export const poolFor = (who: 'super' | 'owner' | 'app', max = 10): pg.Pool => {
  const url = who === 'super' ? env.superUrl : who === 'owner' ? env.ownerUrl : env.appUrl;
  if (url === undefined) throw new Error('no PostgreSQL server');
  const key = `${who}:${max}`;
  let p = pools.get(key);
  if (p === undefined) {
    p = new pg.Pool({ connectionString: url, max });
    // A backend terminated by a test must not crash the process.
    p.on('error', () => undefined);
    pools.set(key, p);
  }
  return p;
};

export const endPools = async (): Promise<void> => {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.end()));
};

let n = 0;
/** A fresh schema migrated by the owner role, granted to the application role. */
export const freshSchema = async (prefix: string): Promise<string> => {
  const schema = `${prefix}_${process.pid}_${++n}`;
  const m = await migrate(createPgClient(poolFor('owner')), {
    schema,
    grantTo: [env.appRole ?? ''],
  });
  if (E.isLeft(m)) throw new Error(m.left.message);
  return schema;
};

/** Opens a store on `schema` as the application role. */
export const openAsApp = async (schema: string, max = 10): Promise<PostgresStore> => {
  const opened = await openPostgresStore(createPgClient(poolFor('app', max)), { schema });
  if (E.isLeft(opened)) throw new Error(opened.left.message);
  return opened.right;
};

export const dropSchema = async (schema: string): Promise<void> => {
  await poolFor('owner').query(`DROP SCHEMA "${schema}" CASCADE`);
};
