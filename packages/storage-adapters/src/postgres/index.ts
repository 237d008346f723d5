/**
 * @warrant/storage-adapters/postgres: the PostgreSQL store over an injected driver: `pg` against
 * a server (Node), or PGlite embedded (Node, and browsers with IndexedDB persistence). Neither
 * driver is imported here: the host passes its `pg.Pool` or `PGlite` instance, so a bundle only
 * carries the driver it uses. See docs/guides/postgres.md.
 * @module
 */
export { openPostgresStore, DEFAULT_MAX_BLOB_BYTES } from './postgres-store';
export type { PostgresStore, PostgresStoreOptions } from './postgres-store';
export { migrate, migrationDigest, SCHEMA_VERSION } from './migrate';
export type { MigrateOptions, MigrateReport } from './migrate';
export { MIGRATIONS, TENANT_SETTING } from './migrations';
export type { Migration } from './migrations';
export { createPgClient } from './pg-client';
export type { PgPoolLike, PgPoolClientLike } from './pg-client';
export { createPgliteClient } from './pglite-client';
export type { PgliteLike, PgliteTransactionLike } from './pglite-client';
export { classifySqlFailure } from './sql-client';
export type { SqlClient, SqlSession, SqlRows, SqlFailure } from './sql-client';
export { LegalHold } from './holds';
export type { HoldStore, PruneReport } from './holds';
