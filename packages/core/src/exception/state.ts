/**
 * Exception state at an instant (docs/spec/exception-v1.md section 10.5): every version that
 * existed at `at` as an Exception object, and the exception's current version and status.
 * @module
 */
import { compareTimestamps, type Timestamp } from '../time';
import type { Approval } from './approval';
import { sortApprovals } from './approval-order';
import { EXCEPTION_SCHEMA, type Exception } from './exception';
import { after, versionStatusAt, type ExceptionRecord, type VersionRecord } from './status';
import type { ExceptionStatus } from './vocabulary';

// --- model -----------------------------------------------------------------

/** An exception at an instant. */
export interface ExceptionState {
  readonly exception_id: string;
  /** The instant described. */
  readonly as_of: Timestamp;
  /** The status of {@link ExceptionState.current}. */
  readonly status: ExceptionStatus;
  /** The active version if there is one, else the latest version. */
  readonly current: Exception;
  /** Every version that existed at `as_of`, oldest first. */
  readonly versions: ReadonlyArray<Exception>;
}

// --- operations ------------------------------------------------------------

/**
 * The state of an exception at an instant; facts recorded after `at` are ignored.
 * @param record - the folded record
 * @param at - the instant
 * @returns the state, or `undefined` when the exception did not exist yet at `at`
 * @see docs/spec/exception-v1.md section 10.5
 * @example
 * exceptionStateAt(record, '2026-05-01T00:00:00Z')?.status // 'expired'
 */
export const exceptionStateAt = (
  record: ExceptionRecord,
  at: Timestamp,
): ExceptionState | undefined => {
  const versions: Exception[] = [];
  for (const v of record.versions) {
    if (after(v.created_at, at)) break;
    versions.push(snapshotVersion(record, v, at));
  }
  const latest = versions[versions.length - 1];
  if (latest === undefined) return undefined;
  const current = versions.find((v) => v.status === 'active') ?? latest;
  return {
    exception_id: record.exception_id,
    as_of: at,
    status: current.status,
    current,
    versions,
  };
};

/**
 * One version of a record as an Exception object at `at` (normalized: approvers sorted).
 * @param record - the folded record
 * @param v - one of its versions, created no later than `at`
 * @param at - the instant
 * @returns the Exception object
 * @throws RangeError if the version did not exist at `at` (a programming error)
 * @see docs/spec/exception-v1.md section 7
 * @example
 * snapshotVersion(record, record.versions[0], at).status // 'active'
 */
export const snapshotVersion = (
  record: ExceptionRecord,
  v: VersionRecord,
  at: Timestamp,
): Exception => {
  const status = versionStatusAt(record, v.version, at);
  if (status === undefined) throw new RangeError(`version ${v.version} did not exist at ${at}`);
  const approvals = sortApprovals(v.approvals.filter((a) => !after(a.at, at)));
  // The latest of the version's facts at `at` (the first of equal instants).
  let updated = v.created_at;
  for (let i = 0; i < approvals.length; i++)
    updated = later((approvals[i] as Approval).at, updated);
  updated = laterKnown(v.review?.at, updated, at);
  updated = laterKnown(v.revocation?.at, updated, at);
  updated = laterKnown(v.expiry_recorded_at, updated, at);
  const decision =
    status.status === 'revoked'
      ? v.revocation
      : status.status === 'rejected' || status.status === 'changes_requested'
        ? v.review
        : undefined;
  const out: Record<string, unknown> = {
    schema: EXCEPTION_SCHEMA,
    exception_id: record.exception_id,
    version: v.version,
    origin: v.origin,
    status: status.status,
    status_since: status.since,
    as_of: at,
    requester: v.requester,
    created_at: v.created_at,
    updated_at: updated,
    content_digest: v.content_digest,
    ...v.content,
  };
  if (v.previous_version !== undefined) out.previous_version = v.previous_version;
  if (approvals.length > 0) out.approvers = approvals;
  if (v.approved_at !== undefined && !after(v.approved_at, at)) out.approved_at = v.approved_at;
  if (decision !== undefined) out.decision = decision;
  if (v.expiry_recorded_at !== undefined && !after(v.expiry_recorded_at, at)) {
    out.expiry_recorded_at = v.expiry_recorded_at;
  }
  return out as Exception;
};

// --- internal --------------------------------------------------------------

const later = (t: Timestamp, m: Timestamp): Timestamp => (compareTimestamps(t, m) > 0 ? t : m);

// `t` when it is known at `at` and later than `m`, else `m`.
const laterKnown = (t: Timestamp | undefined, m: Timestamp, at: Timestamp): Timestamp =>
  t === undefined || after(t, at) ? m : later(t, m);
