/**
 * The transaction wrapper every operation goes through: it checks the store is open and the log
 * id valid, sets the tenant (the log id) for row-level security in the same transaction, and
 * turns driver failures into `STORE_*` values.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { storeError, type LogId, type StoreError, type StoreResult } from '@warrant/core';
import { checkLogId } from '../internal/checks';
import { TENANT_SETTING } from './migrations';
import type { SqlClient, SqlSession } from './sql-client';
import { toStoreError } from './store-errors';

/** What the parts of the PostgreSQL store share. @internal */
export interface PgContext {
  readonly client: SqlClient;
  /** The quoted schema name, ready to prefix table names. */
  readonly s: string;
  readonly isClosed: () => boolean;
}

/**
 * Runs `fn` in a transaction scoped to one tenant (`set_config('warrant.tenant', logId, true)`,
 * which lasts until the transaction ends). A log id is `[a-z0-9._-]`, so it is a valid setting.
 * @internal
 */
export const inTenant = async <A>(
  ctx: PgContext,
  logId: unknown,
  fn: (tx: SqlSession, logId: LogId) => Promise<E.Either<StoreError, A>>,
): StoreResult<A> => {
  if (ctx.isClosed()) return E.left(storeError('STORE_CLOSED', 'the store was closed'));
  const bad = checkLogId(logId);
  if (bad !== undefined) return E.left(bad);
  const id = logId as LogId;
  try {
    return await ctx.client.transaction((tx) => fn(tx, id), { [TENANT_SETTING]: id });
  } catch (e) {
    return E.left(toStoreError(e, id));
  }
};
