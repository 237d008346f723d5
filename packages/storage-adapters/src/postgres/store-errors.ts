/**
 * Turns what a driver throws into `STORE_*` values: a dropped connection or a server shutting
 * down is `STORE_UNAVAILABLE` (retryable; the transaction was rolled back unless the failure hit
 * the `COMMIT` itself), a missing schema is `STORE_SCHEMA_MISMATCH`, anything else `STORE_IO`.
 * @module
 */
import { storeError, type StoreError } from '@warrant/core';
import { classifySqlFailure } from './sql-client';

/**
 * Maps a thrown driver error to a store error.
 * @param thrown - what the driver threw
 * @param logId - the log concerned, if any
 * @returns the store error, with the SQLSTATE or socket code as `cause.code`
 * @internal
 */
export const toStoreError = (thrown: unknown, logId: string | undefined): StoreError => {
  const f = classifySqlFailure(thrown);
  const extra = {
    ...(logId === undefined ? {} : { logId }),
    cause: { ...(f.code === undefined ? {} : { code: f.code }), message: f.message },
  };
  if (f.retryable) {
    return storeError(
      'STORE_UNAVAILABLE',
      `the database connection failed (${f.code ?? 'no code'}: ${f.message}); the transaction did not complete, retry (after a failed COMMIT, re-read the head first)`,
      extra,
    );
  }
  // 42P01 undefined_table, 3F000 invalid_schema_name, 42883 undefined_function.
  if (f.code === '42P01' || f.code === '3F000' || f.code === '42883') {
    return storeError(
      'STORE_SCHEMA_MISMATCH',
      `the Warrant schema is missing or incomplete (${f.message}): run migrate()`,
      extra,
    );
  }
  return storeError(
    'STORE_IO',
    `the database refused the operation (${f.code ?? 'no code'}: ${f.message})`,
    extra,
  );
};
