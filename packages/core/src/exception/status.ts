/**
 * Status at an instant (docs/spec/exception-v1.md section 10.4): a pure function of the facts an
 * exception's events recorded and the instant asked about. Expiry needs no sweeper: at any `at`
 * past `expires_at` a version is expired. Facts recorded after `at` are ignored, so asking about
 * an earlier instant gives the answer that was true then.
 * @module
 */
import type { Sha256Digest } from '../digest';
import { compareTimestamps, type Timestamp } from '../time';
import type { Approval, Decision } from './approval';
import type { ExceptionProposal } from './proposal';
import type { ExceptionStatus, VersionOrigin } from './vocabulary';

// --- model -----------------------------------------------------------------

/** Everything the events recorded about one version (time-independent). */
export interface VersionRecord {
  readonly version: number;
  readonly origin: VersionOrigin;
  readonly previous_version?: number;
  /** The actor who created the version. */
  readonly requester: string;
  readonly created_at: Timestamp;
  readonly content: ExceptionProposal;
  readonly content_digest: Sha256Digest;
  /** Approvals in the order they were recorded. */
  readonly approvals: ReadonlyArray<Approval>;
  /** Time of the approval event marked `final`. */
  readonly approved_at?: Timestamp;
  /** A reviewer's rejection or request for changes. */
  readonly review?: Decision;
  /** The revocation of the exception, recorded on every version it ended. */
  readonly revocation?: Decision;
  readonly expiry_recorded_at?: Timestamp;
}

/** Everything the events of one exception recorded, in version order (index = version - 1). */
export interface ExceptionRecord {
  readonly exception_id: string;
  readonly versions: ReadonlyArray<VersionRecord>;
  /** Time of the last event applied. */
  readonly last_time: Timestamp;
  /** Number of events applied. */
  readonly event_count: number;
}

/** A status and the instant it began. */
export interface StatusAt {
  readonly status: ExceptionStatus;
  readonly since: Timestamp;
}

// --- operations ------------------------------------------------------------

/**
 * The status of one version at an instant, or `undefined` if the version did not exist yet.
 * @param record - the exception's record
 * @param version - the version number
 * @param at - the instant
 * @returns the status and when it began
 * @see docs/spec/exception-v1.md section 10.4
 * @example
 * versionStatusAt(record, 1, '2026-05-01T00:00:00Z') // { status: 'expired', since: '2026-04-01T00:00:00Z' }
 */
export const versionStatusAt = (
  record: ExceptionRecord,
  version: number,
  at: Timestamp,
): StatusAt | undefined => {
  const v = record.versions[version - 1];
  if (v === undefined || after(v.created_at, at)) return undefined;
  const approvedAt = atOrBefore(v.approved_at, at);
  // The earliest terminal transition, ties broken by PRIORITY (no two share a priority).
  // (Written out rather than through a local closure: this runs for most events of a fold.)
  let since: Timestamp | undefined;
  let status: ExceptionStatus = 'expired';
  const review = v.review !== undefined && !after(v.review.at, at) ? v.review : undefined;
  if (review?.action === 'rejected') {
    since = review.at;
    status = 'rejected';
  }
  const revoked =
    v.revocation !== undefined && !after(v.revocation.at, at) ? v.revocation : undefined;
  if (revoked !== undefined && earlier(revoked.at, 'revoked', since, status)) {
    since = revoked.at;
    status = 'revoked';
  }
  const superseded = supersededAt(record, v, approvedAt, at);
  if (superseded !== undefined && earlier(superseded, 'superseded', since, status)) {
    since = superseded;
    status = 'superseded';
  }
  const expires = v.content.expires_at;
  if (!after(expires, at) && earlier(expires, 'expired', since, status)) {
    since = expires;
    status = 'expired';
  }
  if (since !== undefined) return { status, since };
  if (review?.action === 'changes_requested')
    return { status: 'changes_requested', since: review.at };
  if (approvedAt === undefined) return { status: 'proposed', since: v.created_at };
  const effective = effectiveStart(v, approvedAt);
  return after(effective, at)
    ? { status: 'approved', since: approvedAt }
    : { status: 'active', since: effective };
};

/**
 * When an approved version starts to apply: the later of its approval and its `valid_from`.
 * @param v - the version
 * @param approvedAt - its approval time
 * @returns the effective start
 * @internal
 * @example
 * effectiveStart(v, '2026-01-06T00:00:00Z') // v.content.valid_from if later, else the approval time
 */
export const effectiveStart = (v: VersionRecord, approvedAt: Timestamp): Timestamp => {
  const from = v.content.valid_from;
  return from !== undefined && after(from, approvedAt) ? from : approvedAt;
};

/**
 * The latest version (highest number) that had been approved by `at`, if any.
 * @param record - the exception's record
 * @param at - the instant
 * @returns that version's record
 * @internal
 * @example
 * latestApproved(record, at)?.version // e.g. 2
 */
export const latestApproved = (
  record: ExceptionRecord,
  at: Timestamp,
): VersionRecord | undefined => {
  for (let i = record.versions.length - 1; i >= 0; i--) {
    const v = record.versions[i] as VersionRecord;
    if (atOrBefore(v.approved_at, at) !== undefined && !after(v.created_at, at)) return v;
  }
  return undefined;
};

/**
 * Whether `a` is strictly later than `b`.
 * @internal
 * @example
 * after('2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z') // true
 */
export const after = (a: Timestamp, b: Timestamp): boolean => compareTimestamps(a, b) > 0;

// --- internal --------------------------------------------------------------

// Tie-break when two terminal transitions happen at the same instant (section 10.4, rule 2).
const PRIORITY: Record<ExceptionStatus, number> = {
  revoked: 0,
  rejected: 1,
  superseded: 2,
  expired: 3,
  changes_requested: 4,
  proposed: 4,
  approved: 4,
  active: 4,
};

/** Whether a transition to `s` at `t` precedes the one found so far (ties broken by PRIORITY). */
const earlier = (
  t: Timestamp,
  s: ExceptionStatus,
  since: Timestamp | undefined,
  status: ExceptionStatus,
): boolean => {
  const c = since === undefined ? -1 : compareTimestamps(t, since);
  return c < 0 || (c === 0 && PRIORITY[s] < PRIORITY[status]);
};

const atOrBefore = (t: Timestamp | undefined, at: Timestamp): Timestamp | undefined =>
  t !== undefined && !after(t, at) ? t : undefined;

// A pending version is superseded when an amendment based on it is created; an approved one when
// a later version that had been approved takes effect (the earliest such instant).
function supersededAt(
  record: ExceptionRecord,
  v: VersionRecord,
  approvedAt: Timestamp | undefined,
  at: Timestamp,
): Timestamp | undefined {
  let best: Timestamp | undefined;
  for (let i = v.version; i < record.versions.length; i++) {
    const w = record.versions[i] as VersionRecord;
    if (after(w.created_at, at)) break;
    let candidate: Timestamp | undefined;
    if (approvedAt === undefined) {
      if (w.previous_version === v.version) candidate = w.created_at;
    } else {
      const wApproved = atOrBefore(w.approved_at, at);
      if (wApproved !== undefined) candidate = effectiveStart(w, wApproved);
    }
    if (
      candidate !== undefined &&
      !after(candidate, at) &&
      (best === undefined || after(best, candidate))
    ) {
      best = candidate;
    }
  }
  return best;
}
