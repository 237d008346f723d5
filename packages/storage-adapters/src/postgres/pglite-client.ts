/**
 * The PGlite implementation of the driver seam: PostgreSQL compiled to WebAssembly, embedded in
 * the process (Node, or a browser with IndexedDB persistence via `new PGlite('idb://name')`). The
 * host creates and owns the PGlite instance; this module never imports PGlite.
 * @module
 */
import { settingsSql, type SqlClient, type SqlRows } from './sql-client';

// --- model -----------------------------------------------------------------

/** The part of a PGlite transaction the adapter uses. */
export interface PgliteTransactionLike {
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
  exec(text: string): Promise<unknown>;
}

/** The part of a `PGlite` instance the adapter uses. */
export interface PgliteLike {
  transaction<A>(fn: (tx: PgliteTransactionLike) => Promise<A>): Promise<A>;
  /** A statement outside any transaction: autocommit (PGlite has it; a stand-in may not). */
  query?<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

// --- operations ------------------------------------------------------------

/**
 * Wraps a PGlite instance as a {@link SqlClient}. PGlite has one connection and runs one
 * transaction at a time, so concurrent appends queue rather than conflict at the database.
 * @param db - a `PGlite` instance the host created (it stays the host's: `close` does not close it)
 * @returns the client
 * @see docs/guides/postgres.md "Drivers"
 * @example
 * import { PGlite } from '@electric-sql/pglite';
 * const db = new PGlite('idb://warrant'); // or new PGlite() in memory, or a directory in Node
 * const client = createPgliteClient(db);
 */
export const createPgliteClient = (db: PgliteLike): SqlClient => ({
  driver: 'pglite',
  ...(db.query === undefined
    ? {}
    : {
        autocommit: async <R>(text: string, params?: ReadonlyArray<unknown>): Promise<SqlRows<R>> =>
          (db.query as NonNullable<PgliteLike['query']>).call(
            db,
            text,
            params === undefined ? undefined : [...params],
          ) as Promise<SqlRows<R>>,
      }),
  transaction: (fn, settings) =>
    db.transaction(async (tx) => {
      const set = settingsSql(settings);
      if (set !== undefined) await tx.query(set);
      return fn({
        query: async <R>(text: string, params?: ReadonlyArray<unknown>): Promise<SqlRows<R>> =>
          tx.query<R>(text, params === undefined ? undefined : [...params]),
        script: async (text: string): Promise<void> => void (await tx.exec(text)),
      });
    }),
  close: async () => undefined,
});
