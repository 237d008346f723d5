/**
 * Pure query predicates over exception states (docs/spec/exception-v1.md section 12): active at
 * an instant for a set of artifacts, filters, expiring within N days, and stale exceptions.
 * Storage adapters use them to answer queries; hosts use them for notifications.
 * @module
 */
import type * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { Sha256Digest } from '../digest';
import { compareTimestamps, isLaterThanDaysAfter, Timestamp } from '../time';
import { analyzeBreadth, BREADTHS, type Breadth } from './breadth';
import { closedObject, literalUnion, setOf } from './codec-kit';
import { decodeWith, type DecodeError } from './decode';
import type { Exception } from './exception';
import { ExceptionId, Name } from './fields';
import type { Scope } from './scope';
import type { ExceptionState } from './state';
import { ExceptionStatus, ExceptionType, ReasonCode } from './vocabulary';

// --- model -----------------------------------------------------------------

/**
 * A query filter. Every member is optional; a state matches when it matches every member given,
 * and a set member matches when any of its elements does. Members are read from the current
 * version of the state.
 */
export const ExceptionFilter = closedObject(
  'ExceptionFilter',
  {},
  {
    exception_ids: setOf(ExceptionId, 'ExceptionIds'),
    owners: setOf(Name, 'Owners'),
    reason_codes: setOf(ReasonCode, 'ReasonCodes'),
    statuses: setOf(ExceptionStatus, 'Statuses'),
    types: setOf(ExceptionType, 'ExceptionTypes'),
    breadths: setOf(literalUnion('Breadth', BREADTHS), 'Breadths'),
    envs: setOf(Name, 'EnvNames'),
    artifacts: setOf(Sha256Digest, 'ArtifactDigests'),
    expires_from: Timestamp,
    expires_before: Timestamp,
  },
);
/** A query filter. */
export type ExceptionFilter = t.TypeOf<typeof ExceptionFilter>;

// --- operations ------------------------------------------------------------

/**
 * Decodes an untrusted filter (e.g. from query parameters turned into JSON).
 * @param input - parsed JSON
 * @returns the filter or `CORE_EXCEPTION_FILTER_INVALID` with every problem
 * @example
 * decodeExceptionFilter({ statuses: ['active'], envs: ['prod'] }) // right(filter)
 */
export const decodeExceptionFilter = (
  input: unknown,
): E.Either<DecodeError<'CORE_EXCEPTION_FILTER_INVALID'>, ExceptionFilter> =>
  decodeWith(ExceptionFilter, input, 'CORE_EXCEPTION_FILTER_INVALID', 'exception filter');

/**
 * Whether an environment value (where `*` matches any run of characters) matches a name.
 * @param pattern - an EnvValue
 * @param name - a concrete name
 * @returns true on a match (case-sensitive)
 * @example
 * envValueMatches('prod-*', 'prod-eu') // true
 */
export const envValueMatches = (pattern: string, name: string): boolean => {
  const parts = pattern.split('*');
  if (parts.length === 1) return pattern === name;
  const first = parts[0] as string;
  const last = parts[parts.length - 1] as string;
  if (!name.startsWith(first) || name.length < first.length + last.length) return false;
  let pos = first.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const found = name.indexOf(parts[i] as string, pos);
    if (found < 0) return false;
    pos = found + (parts[i] as string).length;
  }
  return name.length - last.length >= pos && name.endsWith(last);
};

/**
 * Whether a scope applies in a runtime environment: no `envs` means every environment.
 * @param scope - a scope
 * @param env - an environment name, e.g. `prod`
 * @returns true when some `envs` value matches (or there is none)
 * @example
 * appliesInEnvironment({ vulnerabilities: ['CVE-2024-1'] }, 'prod') // true
 */
export const appliesInEnvironment = (scope: Scope, env: string): boolean =>
  scope.environment?.envs === undefined ||
  scope.environment.envs.some((p) => envValueMatches(p, env));

/**
 * Whether a scope covers at least one of some artifacts: no `artifacts` means every artifact.
 * @param scope - a scope
 * @param digests - artifact digests (image, SBOM or provenance)
 * @returns true when the scope names one of them, or names none
 * @example
 * coversArtifacts({ artifacts: [{ digest: d }], … }, [d]) // true
 */
export const coversArtifacts = (scope: Scope, digests: ReadonlyArray<string>): boolean =>
  scope.artifacts === undefined || scope.artifacts.some((a) => digests.includes(a.digest));

/**
 * Whether an exception is active at its `as_of` and its current version covers some artifact.
 * @param state - an exception state
 * @param digests - artifact digests
 * @returns true when active and covering
 * @example
 * isActiveForArtifacts(exceptionStateAt(record, releaseTime), releaseDigests)
 */
export const isActiveForArtifacts = (
  state: ExceptionState,
  digests: ReadonlyArray<string>,
): boolean => state.status === 'active' && coversArtifacts(state.current.scope, digests);

/**
 * Whether a state matches a filter (section 12.2).
 * @param state - an exception state
 * @param filter - a decoded filter
 * @returns true when every given member matches
 * @example
 * matchesExceptionFilter(state, { owners: ['team-payments'], statuses: ['active'] })
 */
export const matchesExceptionFilter = (state: ExceptionState, filter: ExceptionFilter): boolean => {
  const c = state.current;
  const has = <T>(set: ReadonlyArray<T> | undefined, v: T): boolean =>
    set === undefined || set.includes(v);
  return (
    has(filter.exception_ids, state.exception_id) &&
    has(filter.owners, c.owner) &&
    has(filter.reason_codes, c.reason_code) &&
    has(filter.statuses, state.status) &&
    has(filter.types, c.type) &&
    has<Breadth>(filter.breadths, analyzeBreadth(c.type, c.scope).breadth) &&
    (filter.envs === undefined || filter.envs.some((env) => appliesInEnvironment(c.scope, env))) &&
    (filter.artifacts === undefined || coversArtifacts(c.scope, filter.artifacts)) &&
    (filter.expires_from === undefined ||
      compareTimestamps(c.expires_at, filter.expires_from) >= 0) &&
    (filter.expires_before === undefined ||
      compareTimestamps(c.expires_at, filter.expires_before) < 0)
  );
};

/**
 * Whether an approved or active exception expires within `days` after its `as_of`
 * (`as_of < expires_at <= as_of + days`): the notification query.
 * @param state - an exception state
 * @param days - the window, in days (>= 0)
 * @returns true when it expires within the window
 * @example
 * isExpiringWithin(exceptionStateAt(record, now), 14)
 */
export const isExpiringWithin = (state: ExceptionState, days: number): boolean => {
  if (state.status !== 'active' && state.status !== 'approved') return false;
  const x = state.current.expires_at;
  // Compared as instants (not by formatting as_of + days, which has no timestamp past 9999).
  return compareTimestamps(x, state.as_of) > 0 && !isLaterThanDaysAfter(x, state.as_of, days);
};

/**
 * Whether an active exception is stale: its current version matches no current finding.
 * @param state - an exception state
 * @param matchesSomeFinding - the host's predicate: does this version's scope match any finding now?
 * @returns true when active and matching nothing
 * @example
 * isStale(state, (e) => findings.some((f) => myMatcher(e.scope, f)))
 */
export const isStale = (
  state: ExceptionState,
  matchesSomeFinding: (e: Exception) => boolean,
): boolean => state.status === 'active' && !matchesSomeFinding(state.current);
