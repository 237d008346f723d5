/**
 * The PostgreSQL store: the whole storage port over one SQL schema, through an injected driver
 * (`pg` against a server, or PGlite embedded). Every operation is one transaction that first
 * sets the tenant (the log id) for row-level security; appends are all-or-nothing and the
 * database refuses forks and gaps itself. Opening checks the schema version and never migrates.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { storeError, type StoreError, type WarrantStore } from '@warrant/core';
import { createHoldStore, type HoldStore } from './holds';
import { SCHEMA_VERSION } from './migrate';
import { quoteIdent } from './names';
import { createPgEvents } from './pg-events';
import { createPgExceptions } from './pg-exceptions';
import { createPgBlobs, createPgCheckpoints, createPgPacks } from './pg-records';
import type { SqlClient } from './sql-client';
import { toStoreError } from './store-errors';
import type { PgContext } from './tenant-scope';

// --- model -----------------------------------------------------------------

/** Options for {@link openPostgresStore}. */
export interface PostgresStoreOptions {
  /** The schema {@link migrate} created (default `warrant`). */
  readonly schema?: string;
  /** Largest blob accepted, in bytes (default 64 MiB); larger ones are `STORE_BLOB_TOO_LARGE`. */
  readonly maxBlobBytes?: number;
}

/** The PostgreSQL store: the port, plus legal holds and retention. */
export interface PostgresStore extends WarrantStore {
  /** The driver in use (`pg`, `pglite`). */
  readonly driver: string;
  /** The schema name. */
  readonly schema: string;
  /** Legal holds and blob pruning (seed 004). */
  readonly holds: HoldStore;
}

/** The default blob size limit: 64 MiB. */
export const DEFAULT_MAX_BLOB_BYTES = 64 * 1024 * 1024;

// --- operations ------------------------------------------------------------

/**
 * Opens the store over a migrated schema. It checks that the schema is at the version this
 * adapter expects and does nothing else: run {@link migrate} first, at deploy time.
 * @param client - a `SqlClient` ({@link createPgClient} or {@link createPgliteClient})
 * @param options - schema name and blob size limit
 * @returns the store, or `STORE_SCHEMA_MISMATCH` (not migrated, or migrated by a newer
 *   release), `STORE_UNAVAILABLE` (cannot connect; retry) or `STORE_IO`
 * @throws RangeError when the schema name is not a plain lowercase identifier or
 *   `maxBlobBytes` is not a positive integer
 * @see docs/guides/postgres.md
 * @example
 * const opened = await openPostgresStore(createPgClient(appPool), { schema: 'warrant' });
 * if (E.isRight(opened)) await opened.right.events.append(logId, 0, [draft]);
 */
export const openPostgresStore = async (
  client: SqlClient,
  options: PostgresStoreOptions = {},
): Promise<E.Either<StoreError, PostgresStore>> => {
  const schema = options.schema ?? 'warrant';
  const s = quoteIdent(schema, 'schema');
  const maxBlobBytes = options.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES;
  if (
    !Number.isSafeInteger(maxBlobBytes) ||
    maxBlobBytes < 1 ||
    maxBlobBytes > 1024 * 1024 * 1024 - 1
  ) {
    throw new RangeError(
      'maxBlobBytes: expected an integer from 1 to 2^30 - 1 (PostgreSQL caps a value at 1 GiB)',
    );
  }
  let version: number;
  try {
    const r = await client.transaction((tx) =>
      tx.query<{ v: unknown }>(`SELECT max(version) AS v FROM ${s}.schema_migrations`),
    );
    version = Number(r.rows[0]?.v ?? 0);
  } catch (e) {
    return E.left(toStoreError(e, undefined));
  }
  if (version !== SCHEMA_VERSION) {
    return E.left(
      storeError(
        'STORE_SCHEMA_MISMATCH',
        `schema ${schema} is at version ${version}, this adapter needs ${SCHEMA_VERSION}: ${version < SCHEMA_VERSION ? 'run migrate()' : 'upgrade Warrant'}`,
      ),
    );
  }
  let closed = false;
  const ctx: PgContext = { client, s, isClosed: () => closed };
  const events = createPgEvents(ctx);
  return E.right({
    driver: client.driver,
    schema,
    events,
    exceptions: createPgExceptions(ctx, events),
    blobs: createPgBlobs(ctx, maxBlobBytes),
    checkpoints: createPgCheckpoints(ctx),
    packs: createPgPacks(ctx),
    holds: createHoldStore(ctx),
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
    },
  });
};
