/**
 * Applies the schema migrations: explicitly, never on import or open. One transaction, under an
 * advisory lock so that many instances starting at once migrate once; applied migrations are
 * checked against their recorded SHA-256 so an edited migration is refused, and a database that
 * is newer than this adapter is refused rather than written to.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { digestBytes, storeError, utf8Encode, type StoreError } from '@warrant/core';
import { MIGRATIONS, type Migration } from './migrations';
import { quoteIdent, schemaSql } from './names';
import type { SqlClient, SqlSession } from './sql-client';
import { toStoreError } from './store-errors';

// --- model -----------------------------------------------------------------

/** Options for {@link migrate}. */
export interface MigrateOptions {
  /** The schema to create or upgrade (default `warrant`): lowercase letters, digits, `_`. */
  readonly schema?: string;
  /**
   * Roles the application connects as: granted exactly what the adapter needs (no UPDATE on any
   * table, no DELETE on events, checkpoints or pack records). Grants are re-applied on every run.
   */
  readonly grantTo?: ReadonlyArray<string>;
}

/** What {@link migrate} did. */
export interface MigrateReport {
  readonly schema: string;
  /** The versions applied by this call, in order (empty when already up to date). */
  readonly applied: ReadonlyArray<number>;
  /** The schema version now. */
  readonly version: number;
}

/** The schema version this adapter reads and writes. */
export const SCHEMA_VERSION: number = MIGRATIONS.length;

// --- operations ------------------------------------------------------------

/**
 * Creates or upgrades the schema to {@link SCHEMA_VERSION}, all in one transaction.
 * Run it as the role that should own the tables (not the application role), at deploy time.
 * @param client - a `SqlClient` ({@link createPgClient} or {@link createPgliteClient})
 * @param options - schema name and application roles to grant
 * @returns what was applied, or `STORE_SCHEMA_MISMATCH` (the database is newer than this adapter,
 *   or an applied migration differs from the one shipped), `STORE_UNAVAILABLE` or `STORE_IO`
 * @throws RangeError when the schema or a role name is not a plain lowercase identifier
 * @see docs/guides/postgres.md "Migrations"
 * @example
 * await migrate(createPgClient(ownerPool), { schema: 'warrant', grantTo: ['warrant_app'] });
 * // right({ schema: 'warrant', applied: [1], version: 1 })
 */
export const migrate = async (
  client: SqlClient,
  options: MigrateOptions = {},
): Promise<E.Either<StoreError, MigrateReport>> => {
  const schema = options.schema ?? 'warrant';
  const s = quoteIdent(schema, 'schema');
  const roles = (options.grantTo ?? []).map((r) => quoteIdent(r, 'role'));
  try {
    return await client.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`warrant.migrate.${schema}`]);
      await tx.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
      await tx.query(
        `CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (
           version int PRIMARY KEY, name text NOT NULL, sha256 text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const applied = await tx.query<{ version: number; sha256: string }>(
        `SELECT version, sha256 FROM ${s}.schema_migrations ORDER BY version`,
      );
      const refused = checkApplied(schema, applied.rows);
      if (refused !== undefined) return E.left(refused);
      const done = new Set(applied.rows.map((r) => Number(r.version)));
      const now: number[] = [];
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        await tx.script(schemaSql(m.sql, s));
        await tx.query(
          `INSERT INTO ${s}.schema_migrations (version, name, sha256) VALUES ($1, $2, $3)`,
          [m.version, m.name, migrationDigest(m)],
        );
        now.push(m.version);
      }
      await tx.query(`REVOKE ALL ON FUNCTION ${s}.list_logs() FROM PUBLIC`);
      for (const role of roles) await grant(tx, s, role);
      return E.right({ schema, applied: now, version: SCHEMA_VERSION });
    });
  } catch (e) {
    return E.left(toStoreError(e, undefined));
  }
};

/**
 * The digest recorded for a migration: SHA-256 of its SQL text (before the schema is filled in).
 * @param m - a migration
 * @returns `sha256:<hex>`
 * @example
 * migrationDigest(MIGRATIONS[0]) // 'sha256:…'
 */
export const migrationDigest = (m: Migration): string => digestBytes(utf8Encode(m.sql));

// --- internal --------------------------------------------------------------

const checkApplied = (
  schema: string,
  rows: ReadonlyArray<{ version: number; sha256: string }>,
): StoreError | undefined => {
  for (const r of rows) {
    const known = MIGRATIONS.find((m) => m.version === Number(r.version));
    if (known === undefined) {
      return storeError(
        'STORE_SCHEMA_MISMATCH',
        `schema ${schema} has migration ${r.version}, newer than this adapter (${SCHEMA_VERSION}): upgrade Warrant`,
      );
    }
    if (migrationDigest(known) !== r.sha256) {
      return storeError(
        'STORE_SCHEMA_MISMATCH',
        `schema ${schema}: applied migration ${r.version} differs from the one shipped (${r.sha256})`,
      );
    }
  }
  return undefined;
};

// Least privilege for the application role: read and insert; DELETE only where pruning and
// releasing holds need it; UPDATE nowhere.
const grant = async (tx: SqlSession, s: string, role: string): Promise<void> => {
  await tx.query(`GRANT USAGE ON SCHEMA ${s} TO ${role}`);
  await tx.query(`GRANT SELECT ON ${s}.schema_migrations TO ${role}`);
  await tx.query(
    `GRANT SELECT, INSERT ON ${s}.logs, ${s}.events, ${s}.checkpoints, ${s}.packs TO ${role}`,
  );
  await tx.query(`GRANT SELECT, INSERT, DELETE ON ${s}.blobs, ${s}.holds TO ${role}`);
  await tx.query(`GRANT SELECT, INSERT ON ${s}.exception_scope TO ${role}`);
  await tx.query(`GRANT EXECUTE ON FUNCTION ${s}.list_logs() TO ${role}`);
  // SECURITY INVOKER: the caller's grants and RLS apply inside them.
  await tx.query(
    `GRANT EXECUTE ON FUNCTION ${s}.log_head(text), ${s}.append_events(text, bigint, text, text, text[], text, text[], text) TO ${role}`,
  );
};
