/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temporary directory (as
 * the `postgres` OS user when running as root, since PostgreSQL refuses to run as root), a free
 * port on 127.0.0.1, fsync on (the default), an owner role that runs migrations and an
 * application role (NOSUPERUSER, NOBYPASSRLS); or an existing server given by a superuser URL.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A running server and the URLs of its roles, in a fresh database. */
export interface TestCluster {
  readonly superUrl: string;
  readonly ownerUrl: string;
  readonly appUrl: string;
  readonly appRole: string;
  /** Drops the database and, for a cluster started here, stops it and deletes its files. */
  readonly stop: () => Promise<void>;
}

export const OWNER_ROLE = 'warrant_test_owner';
export const APP_ROLE = 'warrant_test_app';

/** Where the server binaries are (`/usr/lib/postgresql/<newest>/bin`), if installed. */
export const findPgBin = (): string | undefined => {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
};

/**
 * Starts a cluster (or uses `superUrl`) and prepares the roles and a database.
 * @returns the cluster, or a reason why none could be started
 */
export const startCluster = async (
  superUrl?: string,
): Promise<TestCluster | { readonly reason: string }> => {
  if (superUrl !== undefined && superUrl !== '') return prepare(superUrl, async () => undefined);
  const bin = findPgBin();
  if (bin === undefined) {
    return {
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
  const stopServer = async (): Promise<void> => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // not started
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
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
    return await prepare(`postgres://postgres@127.0.0.1:${port}/postgres`, stopServer);
  } catch (e) {
    await stopServer();
    throw e;
  }
};

// Creates the roles and a fresh database; records how to undo it.
const prepare = async (superUrl: string, stopServer: () => Promise<void>): Promise<TestCluster> => {
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
  const at = (user: string | undefined): string => {
    const u = new URL(superUrl);
    if (user !== undefined) {
      u.username = user;
      u.password = 'test';
    }
    u.pathname = `/${db}`;
    return u.toString();
  };
  return {
    superUrl: at(undefined),
    ownerUrl: at(OWNER_ROLE),
    appUrl: at(APP_ROLE),
    appRole: APP_ROLE,
    stop: async () => {
      const c = new pg.Client({ connectionString: superUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => undefined);
      await c.end();
      await stopServer();
    },
  };
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
