/**
 * Applying an event the lifecycle allows to an exception record (docs/spec/exception-v1.md
 * section 10.2): the facts each event type records. fold.ts decides whether an event is allowed;
 * this module only records it, either on a copy (the public fold never modifies its input) or in
 * place on a record the caller owns (the one-pass log fold, which allocates less that way).
 * @module
 */
import type { Sha256Digest } from '../digest';
import type { Approval, Decision } from './approval';
import type { ExceptionEvent } from './events';
import { proposalDigest } from './proposal';
import { versionStatusAt, type ExceptionRecord, type VersionRecord } from './status';
import type { ExceptionStatus } from './vocabulary';

// --- operations ------------------------------------------------------------

/**
 * The statuses in which a version is pending or in force (a revocation ends them).
 * @internal
 */
export const LIVE: ReadonlySet<ExceptionStatus> = new Set([
  'proposed',
  'changes_requested',
  'approved',
  'active',
]);

/**
 * Records an allowed event.
 * @param record - the record so far (`undefined` for `exception.proposed`)
 * @param e - the event, already allowed by the lifecycle rules
 * @param digest - the content digest of the event's proposal when the caller already knows it
 *   (it must equal `proposalDigest(e.payload.proposal)`); computed here otherwise
 * @param owned - `true` when the caller owns `record` (no one else holds it or its versions):
 *   it is updated in place and returned; `false` leaves it untouched and returns a new record
 *   sharing the unchanged versions. Both give records with the same members in the same order.
 * @returns the record after the event
 * @internal
 * @example
 * applyAllowedEvent(record, approvedEvent, undefined, false) // a new record; `record` unchanged
 */
export function applyAllowedEvent(
  record: ExceptionRecord | undefined,
  e: ExceptionEvent,
  digest: Sha256Digest | undefined,
  owned: boolean,
): ExceptionRecord {
  if (e.type === 'exception.proposed') {
    const v: VersionRecord = {
      version: 1,
      origin: 'propose',
      requester: e.actor.id,
      created_at: e.time,
      content: e.payload.proposal,
      content_digest: digest ?? proposalDigest(e.payload.proposal),
      approvals: [],
    };
    return {
      exception_id: e.subject,
      versions: [v],
      last_time: e.time,
      event_count: (record?.event_count ?? 0) + 1,
    };
  }
  const r = record as ExceptionRecord;
  const out: Writable<ExceptionRecord> = owned
    ? (r as Writable<ExceptionRecord>)
    : {
        exception_id: r.exception_id,
        versions: r.versions.slice(),
        last_time: r.last_time,
        event_count: r.event_count,
      };
  out.last_time = e.time;
  out.event_count = r.event_count + 1;
  const versions = out.versions as VersionRecord[];
  switch (e.type) {
    case 'exception.amended':
    case 'exception.renewed':
      // A new array of exactly the right length, also when owned: a push would leave spare
      // capacity in every record kept (assigning a member it has keeps its position).
      out.versions = [
        ...versions,
        {
          version: e.payload.version,
          origin: e.type === 'exception.amended' ? 'amend' : 'renew',
          previous_version: e.payload.previous_version,
          requester: e.actor.id,
          created_at: e.time,
          // Parts equal to the latest version's are that version's (a renewal usually keeps
          // the scope and the evidence: records kept for a whole log then hold them once).
          content: shareEqualMembers(
            (versions[versions.length - 1] as VersionRecord).content,
            e.payload.proposal,
          ),
          content_digest: digest ?? proposalDigest(e.payload.proposal),
          approvals: [],
        },
      ];
      break;
    case 'exception.approved': {
      const v = writable(versions, e.payload.version, owned);
      const a: Approval =
        e.payload.signature === undefined
          ? { id: e.actor.id, role: e.payload.role, at: e.time }
          : { id: e.actor.id, role: e.payload.role, at: e.time, signature: e.payload.signature };
      v.approvals = [...v.approvals, a]; // exactly sized, as the versions above
      if (e.payload.final) v.approved_at = e.time;
      break;
    }
    case 'exception.rejected':
    case 'exception.changes_requested':
      writable(versions, e.payload.version, owned).review = {
        action: e.type === 'exception.rejected' ? 'rejected' : 'changes_requested',
        actor: e.actor.id,
        at: e.time,
        reason: e.reason,
      };
      break;
    case 'exception.revoked': {
      // Every version pending or in force at that instant is revoked (section 10.2, revoked);
      // which ones is decided on the record as it was, before any of them is changed.
      const live = r.versions.filter((v) =>
        LIVE.has(versionStatusAt(r, v.version, e.time)?.status as ExceptionStatus),
      );
      for (const v of live) {
        const revocation: Decision = {
          action: 'revoked',
          actor: e.actor.id,
          at: e.time,
          reason: e.reason,
        };
        writable(versions, v.version, owned).revocation = revocation;
      }
      break;
    }
    case 'exception.expired':
      writable(versions, e.payload.version, owned).expiry_recorded_at = e.time;
      break;
  }
  return out;
}

// --- internal --------------------------------------------------------------

/**
 * `next` with each member that equals (as JSON) the same member of `prev` taken from `prev`: the
 * same value, members in `next`'s order, `next` itself when nothing is shared (never modified).
 */
function shareEqualMembers<A extends object>(prev: A, next: A): A {
  const p = prev as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const k of Object.keys(n)) {
    const pv = p[k];
    if (pv !== undefined && pv !== n[k] && jsonEqual(pv, n[k])) {
      out ??= { ...n };
      out[k] = pv;
    }
  }
  return (out ?? next) as A;
}

/** Whether two JSON values are equal (objects: the same members in the same order). */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true; // 0 and -0 differ: a shared member must be the same value
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string;
    if (k !== kb[i]) return false;
    if (!jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) {
      return false;
    }
  }
  return true;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Version `n` ready to be changed: itself when owned, else a shallow copy put in its place (a
 * copy keeps the member order, and assigning a member it has keeps its position, so both ways
 * end with the members in the order an object spread would give).
 */
function writable(versions: VersionRecord[], n: number, owned: boolean): Writable<VersionRecord> {
  const v = versions[n - 1] as VersionRecord;
  if (owned) return v as Writable<VersionRecord>;
  const copy = { ...v };
  versions[n - 1] = copy;
  return copy;
}
