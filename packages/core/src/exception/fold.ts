/**
 * The fold (docs/spec/exception-v1.md section 10): applies exception events, in log order, to an
 * {@link ExceptionRecord}, refusing any event the lifecycle does not allow. The record is
 * time-independent; statuses come from status.ts at an explicit instant.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Sha256Digest } from '../digest';
import type { WarrantError } from '../errors';
import { formatJsonPath, type PathSegment } from '../json-path';
import { compareTimestamps, type Timestamp } from '../time';
import { decodeExceptionEvent, type ExceptionEvent, type ExceptionEventError } from './events';
import { applyAllowedEvent, LIVE } from './fold-apply';
import {
  after,
  latestApproved,
  versionStatusAt,
  type ExceptionRecord,
  type VersionRecord,
} from './status';
import type { ExceptionStatus } from './vocabulary';

// --- model -----------------------------------------------------------------

/** An event the lifecycle does not allow, out of time order, or about another exception. */
export type ExceptionTransitionError = WarrantError<
  | 'CORE_EXCEPTION_EVENT_UNEXPECTED'
  | 'CORE_EXCEPTION_EVENT_OUT_OF_ORDER'
  | 'CORE_EXCEPTION_SUBJECT_MISMATCH'
> & { readonly path: string };

/** Why the fold refused an event. */
export type ExceptionFoldError = ExceptionEventError | ExceptionTransitionError;

// --- operations ------------------------------------------------------------

/**
 * Applies one event to a record (or starts one from `exception.proposed`).
 * @param record - the record so far, or `undefined` before the first event
 * @param event - an event envelope (EventDraft or LogEvent)
 * @param index - the event's position in the input, for error paths (defaults to the count so far)
 * @returns the new record (the input is not modified), or why the event is refused
 * @see docs/spec/exception-v1.md section 10.2
 * @example
 * applyExceptionEvent(undefined, proposedDraft) // right({ exception_id, versions: [v1], … })
 */
export const applyExceptionEvent = (
  record: ExceptionRecord | undefined,
  event: unknown,
  index: number = record?.event_count ?? 0,
): E.Either<ExceptionFoldError, ExceptionRecord> => {
  return applyDecodedEvent(record, decodeExceptionEvent(event, [index]), index);
};

/**
 * {@link applyExceptionEvent} after decoding (tests fold through both decoding paths with it).
 * @param digest - the content digest of the event's proposal when the caller already knows it
 *   (it must equal `proposalDigest(e.payload.proposal)`); computed here otherwise
 * @param owned - the caller owns `record` and lets it be updated in place (see fold-apply.ts)
 * @internal
 */
export const applyDecodedEvent = (
  record: ExceptionRecord | undefined,
  decoded: E.Either<ExceptionEventError, ExceptionEvent>,
  index: number,
  digest?: Sha256Digest,
  owned = false,
): E.Either<ExceptionFoldError, ExceptionRecord> => {
  if (E.isLeft(decoded)) return decoded;
  const e = decoded.right;
  if (record !== undefined) {
    if (e.subject !== record.exception_id) {
      return fail('CORE_EXCEPTION_SUBJECT_MISMATCH', `expected subject ${record.exception_id}`, [
        index,
        'subject',
      ]);
    }
    if (compareTimestamps(e.time, record.last_time) < 0) {
      return fail(
        'CORE_EXCEPTION_EVENT_OUT_OF_ORDER',
        `expected a time no earlier than ${record.last_time}`,
        [index, 'time'],
      );
    }
  }
  const problem = transitionProblem(record, e);
  if (problem !== undefined)
    return fail('CORE_EXCEPTION_EVENT_UNEXPECTED', problem.message, [index, ...problem.path]);
  return E.right(applyAllowedEvent(record, e, digest, owned));
};

/**
 * Folds the events of one exception, in log order, into its record.
 * @param events - the exception's events (at least one; the first is `exception.proposed`)
 * @returns the record, or the first refused event with its path (`$[i]…`)
 * @see docs/spec/exception-v1.md section 10
 * @example
 * foldExceptionEvents([proposed, approved]) // right(record); exceptionStateAt(record, now) gives statuses
 */
export const foldExceptionEvents = (
  events: ReadonlyArray<unknown>,
): E.Either<ExceptionFoldError, ExceptionRecord> => {
  if (events.length === 0)
    return fail('CORE_EXCEPTION_EVENT_UNEXPECTED', 'expected at least one event', []);
  let record: ExceptionRecord | undefined;
  for (let i = 0; i < events.length; i++) {
    const r = applyExceptionEvent(record, events[i], i);
    if (E.isLeft(r)) return r;
    record = r.right;
  }
  return E.right(record as ExceptionRecord);
};

/**
 * Folds a whole log: events whose type starts with `exception.` are grouped by subject and folded;
 * other events are skipped. Errors name the position in the whole log.
 * @param events - a log's events, in log order
 * @returns one record per exception, sorted by exception id (UTF-16 code units)
 * @see docs/spec/exception-v1.md section 10.3
 * @example
 * foldExceptionLog(log.events) // right([recordA, recordB])
 */
export const foldExceptionLog = (
  events: ReadonlyArray<unknown>,
): E.Either<ExceptionFoldError, ReadonlyArray<ExceptionRecord>> => {
  const records = new Map<string, ExceptionRecord>();
  for (let i = 0; i < events.length; i++) {
    const ev = events[i] as { type?: unknown; subject?: unknown } | null;
    const type = typeof ev === 'object' && ev !== null ? ev.type : undefined;
    if (typeof type !== 'string' || !type.startsWith('exception.')) continue;
    const subject = typeof ev?.subject === 'string' ? ev.subject : '';
    const prev = records.get(subject);
    const r = applyExceptionEvent(prev, events[i], i);
    if (E.isLeft(r)) return r;
    records.set(subject, r.right);
  }
  const ids = [...records.keys()].sort();
  return E.right(ids.map((id) => records.get(id) as ExceptionRecord));
};

// --- internal --------------------------------------------------------------

interface Problem {
  readonly message: string;
  readonly path: ReadonlyArray<PathSegment>;
}

const fail = (
  code: ExceptionTransitionError['code'],
  message: string,
  path: ReadonlyArray<PathSegment>,
): E.Either<ExceptionTransitionError, never> =>
  E.left({ code, message, path: formatJsonPath(path) });

const PENDING: ReadonlySet<ExceptionStatus> = new Set(['proposed', 'changes_requested']);

const statusOf = (r: ExceptionRecord, v: number, t: Timestamp): ExceptionStatus | undefined =>
  versionStatusAt(r, v, t)?.status;

const isRevoked = (r: ExceptionRecord): boolean =>
  r.versions.some((v) => v.revocation !== undefined);

function transitionProblem(
  record: ExceptionRecord | undefined,
  e: ExceptionEvent,
): Problem | undefined {
  if (e.type === 'exception.proposed') {
    if (record !== undefined) return { message: 'the exception already exists', path: ['type'] };
    return expiryProblem(e.payload.proposal.expires_at, e.time);
  }
  if (record === undefined)
    return { message: 'expected exception.proposed as the first event', path: ['type'] };
  const latest = record.versions[record.versions.length - 1] as VersionRecord;
  const version = e.payload.version;
  switch (e.type) {
    case 'exception.amended':
    case 'exception.renewed': {
      if (isRevoked(record)) return { message: 'the exception is revoked', path: ['type'] };
      if (version !== latest.version + 1) {
        return { message: `expected version ${latest.version + 1}`, path: ['payload', 'version'] };
      }
      const base = baseFor(record, e.type, e.time);
      if (typeof base === 'string') return { message: base, path: ['type'] };
      if (e.payload.previous_version !== base.version) {
        return {
          message: `expected previous_version ${base.version}`,
          path: ['payload', 'previous_version'],
        };
      }
      if (
        e.type === 'exception.renewed' &&
        !after(e.payload.proposal.expires_at, base.content.expires_at)
      ) {
        return {
          message: `a renewal must expire later than version ${base.version} (${base.content.expires_at})`,
          path: ['payload', 'proposal', 'expires_at'],
        };
      }
      return expiryProblem(e.payload.proposal.expires_at, e.time);
    }
    case 'exception.approved':
    case 'exception.rejected':
    case 'exception.changes_requested': {
      if (version !== latest.version)
        return { message: `expected version ${latest.version}`, path: ['payload', 'version'] };
      const status = statusOf(record, version, e.time);
      if (status !== 'proposed') {
        return {
          message: `version ${version} is ${status ?? 'unknown'}, not proposed`,
          path: ['payload', 'version'],
        };
      }
      if (e.type !== 'exception.approved') return undefined;
      if (latest.approvals.some((a) => a.id === e.actor.id)) {
        return {
          message: `${e.actor.id} already approved version ${version}`,
          path: ['actor', 'id'],
        };
      }
      if (e.payload.content_digest !== latest.content_digest) {
        return {
          message: `expected the content digest of version ${version}`,
          path: ['payload', 'content_digest'],
        };
      }
      return undefined;
    }
    case 'exception.revoked': {
      if (isRevoked(record)) return { message: 'the exception is already revoked', path: ['type'] };
      if (version !== latest.version)
        return { message: `expected version ${latest.version}`, path: ['payload', 'version'] };
      const live = record.versions.some((v) =>
        LIVE.has(statusOf(record, v.version, e.time) as ExceptionStatus),
      );
      return live ? undefined : { message: 'no version is pending or in force', path: ['type'] };
    }
    case 'exception.expired': {
      const v = record.versions[version - 1];
      if (v === undefined)
        return { message: `no version ${version}`, path: ['payload', 'version'] };
      if (v.expiry_recorded_at !== undefined) {
        return {
          message: `the expiry of version ${version} is already recorded`,
          path: ['payload', 'version'],
        };
      }
      const status = statusOf(record, version, e.time);
      return status === 'expired'
        ? undefined
        : {
            message: `version ${version} is ${status ?? 'unknown'}, not expired`,
            path: ['payload', 'version'],
          };
    }
  }
}

const expiryProblem = (expiresAt: Timestamp, time: Timestamp): Problem | undefined =>
  after(expiresAt, time)
    ? undefined
    : {
        message: 'expires_at must be later than the event time',
        path: ['payload', 'proposal', 'expires_at'],
      };

/**
 * The version a new amendment or renewal must derive from (section 10.2), or why there is none.
 * @internal
 */
export function baseFor(
  record: ExceptionRecord,
  type: 'exception.amended' | 'exception.renewed',
  t: Timestamp,
): VersionRecord | string {
  const latest = record.versions[record.versions.length - 1] as VersionRecord;
  const latestStatus = statusOf(record, latest.version, t) as ExceptionStatus;
  if (PENDING.has(latestStatus)) {
    return type === 'exception.amended'
      ? latest
      : `version ${latest.version} is ${latestStatus}: amend it instead of renewing`;
  }
  const approved = latestApproved(record, t);
  const status = approved === undefined ? undefined : statusOf(record, approved.version, t);
  if (approved === undefined || status === undefined) return 'no version was ever approved';
  const allowed =
    type === 'exception.amended' ? ['approved', 'active'] : ['approved', 'active', 'expired'];
  return allowed.includes(status)
    ? approved
    : `version ${approved.version} is ${status}: nothing to ${type === 'exception.amended' ? 'amend' : 'renew'}`;
}
