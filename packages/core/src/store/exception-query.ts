/**
 * Exception queries through the storage port: which exceptions were active for a release (a set
 * of artifact digests) at an instant, filters (owner, reason code, status, type, breadth,
 * environment, expiry window), and exceptions expiring within N days. Adapters answer them with
 * the pure fold and predicates of `core/src/exception/` (see {@link evaluateExceptionQuery}), so
 * every adapter gives the same answer; a SQL adapter may pre-filter, then must apply this.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { Sha256Digest } from '../digest';
import { toDecodeIssues, unknownMembers } from '../event-log/decode-issues';
import {
  ExceptionFilter,
  isActiveForArtifacts,
  isExpiringWithin,
  matchesExceptionFilter,
} from '../exception/query';
import { exceptionStateAt, type ExceptionState } from '../exception/state';
import type { ExceptionRecord } from '../exception/status';
import { Timestamp } from '../time';
import { type StoreError, storeError } from './errors';

// --- model -----------------------------------------------------------------

/** A query over the exceptions of one log, evaluated at one instant. */
export const ExceptionQuery = t.intersection(
  [
    t.strict({
      /** The instant the states are taken at (an input: "at release time T"). */
      at: Timestamp,
    }),
    t.partial({
      /** Only exceptions active at `at` whose current version covers one of these artifacts. */
      active_for_artifacts: t.array(Sha256Digest),
      /** Only approved or active exceptions that expire in `(at, at + days]`. */
      expiring_within_days: t.number,
      /** Filters on the current version (exception-v1.md section 12.2). */
      filter: ExceptionFilter,
    }),
  ],
  'ExceptionQuery',
);
/** A query over the exceptions of one log, evaluated at one instant. */
export type ExceptionQuery = t.TypeOf<typeof ExceptionQuery>;

// --- operations ------------------------------------------------------------

/**
 * Checks a query given as untrusted input.
 * @param input - the candidate query (e.g. parsed JSON)
 * @returns the query, or `STORE_QUERY_INVALID` naming the first offending path
 * @example
 * decodeExceptionQuery({ at: '2026-05-01T00:00:00Z', expiring_within_days: 14 }) // right(…)
 */
export const decodeExceptionQuery = (input: unknown): E.Either<StoreError, ExceptionQuery> => {
  const decoded = ExceptionQuery.decode(input);
  if (E.isLeft(decoded)) {
    const issue = toDecodeIssues(decoded.left)[0];
    return E.left(
      storeError(
        'STORE_QUERY_INVALID',
        `expected ${issue?.expected ?? 'an ExceptionQuery'}, found ${issue?.found ?? '?'}`,
        { path: issue?.path ?? '$' },
      ),
    );
  }
  const extra = unknownMembers(input, MEMBERS, [])[0];
  if (extra !== undefined) {
    return E.left(storeError('STORE_QUERY_INVALID', 'unknown member', { path: extra.path }));
  }
  const days = decoded.right.expiring_within_days;
  if (days !== undefined && !(Number.isSafeInteger(days) && days >= 0)) {
    return E.left(
      storeError('STORE_QUERY_INVALID', 'expected a whole number of days >= 0', {
        path: '$.expiring_within_days',
      }),
    );
  }
  return E.right(decoded.right);
};

/**
 * Answers a query over folded exception records: takes every exception's state at `query.at`
 * and keeps those that pass every criterion given.
 * @param records - the folded records of one log (from `foldExceptionLog`)
 * @param query - a decoded query
 * @returns the matching states, sorted by exception id (UTF-16 code units)
 * @see docs/spec/exception-v1.md section 12
 * @example
 * evaluateExceptionQuery(records, { at: releaseTime, active_for_artifacts: releaseDigests })
 */
export const evaluateExceptionQuery = (
  records: ReadonlyArray<ExceptionRecord>,
  query: ExceptionQuery,
): ReadonlyArray<ExceptionState> => {
  const out: ExceptionState[] = [];
  for (const record of records) {
    const state = exceptionStateAt(record, query.at);
    if (state === undefined) continue;
    if (
      query.active_for_artifacts !== undefined &&
      !isActiveForArtifacts(state, query.active_for_artifacts)
    )
      continue;
    if (
      query.expiring_within_days !== undefined &&
      !isExpiringWithin(state, query.expiring_within_days)
    )
      continue;
    if (query.filter !== undefined && !matchesExceptionFilter(state, query.filter)) continue;
    out.push(state);
  }
  return out.sort((a, b) =>
    a.exception_id < b.exception_id ? -1 : a.exception_id > b.exception_id ? 1 : 0,
  );
};

// --- internal --------------------------------------------------------------

const MEMBERS: ReadonlySet<string> = new Set([
  'at',
  'active_for_artifacts',
  'expiring_within_days',
  'filter',
]);
