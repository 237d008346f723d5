/**
 * The `pg` (node-postgres) implementation of the driver seam. The host creates and owns the
 * `pg.Pool` (connection string, TLS, pool size) and passes it in; this module never imports `pg`,
 * so it costs nothing to a bundle that does not use it.
 * @module
 */
import { classifySqlFailure, settingsSql, type SqlClient, type SqlRows } from './sql-client';

// --- model -----------------------------------------------------------------

/** The part of a `pg.PoolClient` the adapter uses. */
export interface PgPoolClientLike {
  query(text: string, values?: unknown[]): Promise<unknown>;
  /** `release(true)` (or an error) destroys the connection instead of returning it to the pool. */
  release(destroy?: boolean | Error): void;
  /** pg emits `error` on a checked-out client whose server went away between statements. */
  on?(event: 'error', listener: (e: unknown) => void): unknown;
  removeListener?(event: 'error', listener: (e: unknown) => void): unknown;
}

/** The part of a `pg.Pool` the adapter uses. */
export interface PgPoolLike {
  connect(): Promise<PgPoolClientLike>;
}

// --- operations ------------------------------------------------------------

/**
 * Wraps a `pg.Pool` as a {@link SqlClient}: each transaction (or autocommit statement) takes a
 * connection from the pool, and a connection on which the connection itself failed is destroyed
 * rather than reused (it may be dead, or in an aborted transaction).
 * @param pool - a `pg.Pool` the host created (it stays the host's: `close` does not end it)
 * @returns the client
 * @see docs/guides/postgres.md "Drivers"
 * @example
 * import pg from 'pg';
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * const client = createPgClient(pool);
 */
export const createPgClient = (pool: PgPoolLike): SqlClient => ({
  driver: 'pg',
  transaction: async (fn, settings) => {
    const set = settingsSql(settings);
    const conn = await pool.connect();
    let broken: unknown;
    // Without a listener, an 'error' emitted between statements (server terminated the backend)
    // would crash the process; the next statement fails instead, and the connection is dropped.
    const onError = (e: unknown): void => {
      broken = e;
    };
    conn.on?.('error', onError);
    try {
      // One round trip: the simple query protocol runs both statements.
      await conn.query(set === undefined ? 'BEGIN' : `BEGIN; ${set}`);
      const session = {
        query: async <R>(text: string, params?: ReadonlyArray<unknown>): Promise<SqlRows<R>> =>
          (await conn.query(text, params === undefined ? undefined : [...params])) as SqlRows<R>,
        // Without parameters pg uses the simple query protocol, which runs several statements.
        script: async (text: string): Promise<void> => void (await conn.query(text)),
      };
      let result;
      try {
        result = await fn(session);
      } catch (e) {
        // A statement error (a conflict) leaves a healthy connection: roll back and reuse it.
        await conn.query('ROLLBACK').catch((re: unknown) => {
          broken = re;
        });
        throw e;
      }
      await conn.query('COMMIT').catch((e: unknown) => {
        broken = e;
        throw e;
      });
      return result;
    } finally {
      conn.removeListener?.('error', onError);
      conn.release(broken === undefined ? undefined : true);
    }
  },
  autocommit: async <R>(text: string, params?: ReadonlyArray<unknown>): Promise<SqlRows<R>> => {
    const conn = await pool.connect();
    let broken: unknown;
    const onError = (e: unknown): void => {
      broken = e;
    };
    conn.on?.('error', onError);
    try {
      // pg resolves a query at ReadyForQuery, which the server sends after the implicit COMMIT.
      return (await conn.query(text, params === undefined ? undefined : [...params])) as SqlRows<R>;
    } catch (e) {
      // A statement error (a conflict) leaves a healthy connection; anything else may not.
      if (classifySqlFailure(e).retryable) broken = e;
      throw e;
    } finally {
      conn.removeListener?.('error', onError);
      conn.release(broken === undefined ? undefined : true);
    }
  },
  close: async () => undefined,
});
