/**
 * vitest globalSetup: a throwaway PostgreSQL cluster for the real-server storage tests.
 *
 * 1. `WARRANT_TEST_PG_URL` (a superuser URL) if set: a fresh database on that server.
 * 2. Else initdb in a temporary directory (as the `postgres` OS user when running as root, since
 *    PostgreSQL refuses to run as root), on a free port on 127.0.0.1, fsync on (the default);
 *    stopped and deleted in teardown.
 * 3. Else, under CI=true, the run fails here; on a developer machine the real-server tests
 *    report that they did not run.
 *
 * It creates an owner role (runs migrations) and an application role (NOSUPERUSER, NOBYPASSRLS)
 * and hands the tests their URLs through `provide`.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

/** What the tests receive through `inject('warrantPg')`. */
export interface PgTestEnv {
  readonly status: 'running' | 'not-run';
  /** Why the server is not running (when `status` is `not-run`). */
  readonly reason?: string;
  readonly superUrl?: string;
  readonly ownerUrl?: string;
  readonly appUrl?: string;
  readonly appRole?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    warrantPg: PgTestEnv;
  }
}

export const OWNER_ROLE = 'warrant_test_owner';
export const APP_ROLE = 'warrant_test_app';

const NOT_SELECTED = 'no real-server test file was selected in this run';

let teardown: (() => Promise<void>) | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = await start();
  project.provide('warrantPg', env);
  if (env.status === 'not-run' && env.reason !== NOT_SELECTED) {
    const msg = `real PostgreSQL server tests did NOT run: ${env.reason}`;
    if (process.env['CI'] === 'true') throw new Error(`CI=true: ${msg}`);
    console.warn(`\n[warrant] ${msg}\n`);
  }
  return async () => {
    await teardown?.();
  };
}

const start = async (): Promise<PgTestEnv> => {
  if (!selected()) return { status: 'not-run', reason: NOT_SELECTED };
  const given = process.env['WARRANT_TEST_PG_URL'];
  if (given !== undefined && given !== '') return prepare(given, async () => undefined);
  const bin = findBin();
  if (bin === undefined) {
    return {
      status: 'not-run',
      reason:
        'no PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb); install postgresql or set WARRANT_TEST_PG_URL',
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'warrant-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]): void => {
    const full = asRoot ? ['-u', 'postgres', '--', join(bin, cmd), ...args] : args;
    execFileSync(asRoot ? 'runuser' : join(bin, cmd), full, { stdio: 'pipe' });
  };
  if (asRoot) {
    chmodSync(dir, 0o700);
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '--no-sync',
    '-E',
    'UTF8',
    '--locale=C',
  ]);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=on -c max_connections=60`,
    'start',
  ]);
  const stop = async (): Promise<void> => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    return await prepare(`postgres://postgres@127.0.0.1:${port}/postgres`, stop);
  } catch (e) {
    await stop();
    throw e;
  }
};

// Creates the roles and a fresh database; records how to undo it all.
const prepare = async (superUrl: string, stopServer: () => Promise<void>): Promise<PgTestEnv> => {
  const db = `warrant_test_${process.pid}`;
  const admin = new pg.Client({ connectionString: superUrl });
  await admin.connect();
  try {
    for (const role of [OWNER_ROLE, APP_ROLE]) {
      await admin.query(
        `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
           CREATE ROLE ${role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE PASSWORD 'test'; END IF; END $$`,
      );
    }
    await admin.query(`DROP DATABASE IF EXISTS ${db}`);
    await admin.query(`CREATE DATABASE ${db} OWNER ${OWNER_ROLE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(superUrl);
  const as = (user: string): string => {
    const u = new URL(url.toString());
    u.username = user;
    u.password = 'test';
    u.pathname = `/${db}`;
    return u.toString();
  };
  const superDb = new URL(url.toString());
  superDb.pathname = `/${db}`;
  teardown = async () => {
    const c = new pg.Client({ connectionString: superUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => undefined);
    await c.end();
    await stopServer();
  };
  return {
    status: 'running',
    superUrl: superDb.toString(),
    ownerUrl: as(OWNER_ROLE),
    appUrl: as(APP_ROLE),
    appRole: APP_ROLE,
  };
};

const findBin = (): string | undefined => {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });

// Focused runs (`vitest run packages/core`) do not pay for a cluster they do not use.
const selected = (): boolean => {
  const i = process.argv.findIndex((a) => a === 'run' || a.endsWith('vitest.mjs'));
  const filters = process.argv.slice(i + 1).filter((a) => !a.startsWith('-') && a !== 'run');
  if (filters.length === 0) return true;
  const here = 'packages/storage-adapters/test/postgres/';
  return filters.some((f) => here.includes(f) || f.includes('test/postgres') || f.includes(here));
};
