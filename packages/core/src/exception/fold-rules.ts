/**
 * The lifecycle rules of the fold (docs/spec/exception-v1.md section 10.2): which event may follow
 * a record, and which version an amendment or renewal derives from. fold.ts applies them.
 * @module
 */
import type { PathSegment } from '../json-path';
import type { Timestamp } from '../time';
import type { ExceptionEvent } from './events';
import { LIVE } from './fold-apply';
import {
  after,
  latestApproved,
  versionStatusAt,
  type ExceptionRecord,
  type VersionRecord,
} from './status';
import type { ExceptionStatus } from './vocabulary';

// --- model -----------------------------------------------------------------

/**
 * Why the lifecycle refuses an event: a sentence, and the member at fault inside the event.
 * @internal
 */
export interface Problem {
  readonly message: string;
  readonly path: ReadonlyArray<PathSegment>;
}

// --- operations ------------------------------------------------------------

/**
 * Whether the lifecycle allows `e` after `record` (section 10.2), the subject and time order
 * being already checked; the problem when it does not.
 * @param record - the record so far, or `undefined` before the first event
 * @param e - the decoded event
 * @returns `undefined` when allowed, else the problem
 * @internal
 * @example
 * transitionProblem(undefined, approvedEvent) // { message: 'expected exception.proposed as the first event', path: ['type'] }
 */
export function transitionProblem(
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

/**
 * The version a new amendment or renewal must derive from (section 10.2), or why there is none.
 * @param record - the exception's record
 * @param type - amendment or renewal
 * @param t - the instant of the new event
 * @returns the base version, or a sentence saying why there is none
 * @see docs/spec/exception-v1.md section 10.2
 * @example
 * baseFor(record, 'exception.renewed', now) // the latest approved version, or 'no version was ever approved'
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

// --- internal --------------------------------------------------------------

const PENDING: ReadonlySet<ExceptionStatus> = new Set(['proposed', 'changes_requested']);

const statusOf = (r: ExceptionRecord, v: number, t: Timestamp): ExceptionStatus | undefined =>
  versionStatusAt(r, v, t)?.status;

const isRevoked = (r: ExceptionRecord): boolean =>
  r.versions.some((v) => v.revocation !== undefined);

const expiryProblem = (expiresAt: Timestamp, time: Timestamp): Problem | undefined =>
  after(expiresAt, time)
    ? undefined
    : {
        message: 'expires_at must be later than the event time',
        path: ['payload', 'proposal', 'expires_at'],
      };
