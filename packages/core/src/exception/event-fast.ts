/**
 * The fast path of exception event decoding (see proposal-fast.ts for the contract): accepts an
 * event envelope that `decodeExceptionEvent`'s codecs would accept and builds the same typed
 * event, or answers `undefined` so that the codecs decide and explain.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { Timestamp } from '../time';
import { DsseEnvelopeJson } from './approval';
import { isSha256Digest } from './codec-kit';
import { ExceptionId, Name, Text, VersionNumber } from './fields';
import { readProposalFast, type ReadNote } from './proposal-fast';

// --- operations ------------------------------------------------------------

/**
 * Reads an exception event envelope on the fast path.
 * @param input - an event envelope (EventDraft or LogEvent)
 * @param schema - the exception event payload schema identifier
 * @param note - when given, `note.normalized` says whether a proposal in the payload was
 *   normalized (see readProposalFast); left `false` for events without one
 * @returns the typed event `decodeExceptionEvent` would return (an `ExceptionEvent`; typed
 *   loosely here because events.ts imports this module), or `undefined` (undecided)
 * @internal
 * @example
 * readExceptionEventFast(logEvent, EXCEPTION_EVENT_SCHEMA) ?? decodeWithCodecs(logEvent)
 */
export const readExceptionEventFast = (
  input: unknown,
  schema: string,
  note: ReadNote = UNASKED,
): Readonly<Record<string, unknown>> | undefined => {
  note.normalized = false;
  if (!isRecord(input)) return undefined;
  const { type, time, actor, reason, subject, payload } = input;
  if (
    typeof type !== 'string' ||
    !Timestamp.is(time) ||
    !isRecord(actor) ||
    typeof reason !== 'string' ||
    !ExceptionId.is(subject) ||
    !isRecord(payload)
  ) {
    return undefined;
  }
  const { id, kind } = actor;
  if (!Name.is(id) || (kind !== 'human' && kind !== 'service')) return undefined;
  const rule = RULES.get(type);
  if (rule === undefined) return undefined;
  // The reason is free text: required for decisions and revisions, else "" or text.
  if ((rule.reasonRequired || reason !== '') && !Text.is(reason)) return undefined;
  if (payload.schema !== schema) return undefined;
  const p = rule.read(payload, note);
  if (p === undefined) return undefined;
  return { type, time, actor: { id, kind }, reason, subject, payload: p };
};

// --- internal --------------------------------------------------------------

type Rec = Record<string, unknown>;

// Written to when the caller does not ask (no allocation per call).
const UNASKED: ReadNote = { normalized: false };

const isRecord = (u: unknown): u is Rec => typeof u === 'object' && u !== null && !Array.isArray(u);

/** Whether `u` has a defined member outside `keys` (closedObject's unknown-member rule). */
const hasOther = (u: Rec, keys: ReadonlySet<string>): boolean => {
  for (const k of Object.keys(u)) if (!keys.has(k) && u[k] !== undefined) return true;
  return false;
};

const PROPOSED_KEYS = new Set(['schema', 'version', 'proposal']);
const REVISED_KEYS = new Set(['schema', 'version', 'previous_version', 'proposal']);
const APPROVED_KEYS = new Set([
  'schema',
  'version',
  'role',
  'content_digest',
  'final',
  'governance_digest',
  'signature',
]);
const REVIEW_KEYS = new Set(['schema', 'version', 'role']);
const VERSION_KEYS = new Set(['schema', 'version']);

// Each reader returns the payload in the codec's member order (schema is checked by the caller).
const readProposed = (u: Rec, note: ReadNote): Rec | undefined => {
  if (hasOther(u, PROPOSED_KEYS) || u.version !== 1) return undefined;
  const proposal = readProposalFast(u.proposal, note);
  return proposal === undefined ? undefined : { schema: u.schema, version: 1, proposal };
};

const readRevised = (u: Rec, note: ReadNote): Rec | undefined => {
  const { version, previous_version } = u;
  if (
    hasOther(u, REVISED_KEYS) ||
    !VersionNumber.is(version) ||
    !VersionNumber.is(previous_version) ||
    !(previous_version < version)
  ) {
    return undefined;
  }
  const proposal = readProposalFast(u.proposal, note);
  return proposal === undefined
    ? undefined
    : { schema: u.schema, version, previous_version, proposal };
};

const readApproved = (u: Rec): Rec | undefined => {
  const { version, role, content_digest, final, governance_digest, signature } = u;
  if (
    hasOther(u, APPROVED_KEYS) ||
    !VersionNumber.is(version) ||
    !Name.is(role) ||
    !isSha256Digest(content_digest) ||
    typeof final !== 'boolean'
  ) {
    return undefined;
  }
  const out: Rec = { schema: u.schema, version, role, content_digest, final };
  if (governance_digest !== undefined) {
    if (!isSha256Digest(governance_digest)) return undefined;
    out.governance_digest = governance_digest;
  }
  if (signature !== undefined) {
    // Rare, and only its shape is checked here: the codec itself builds the member's value.
    const s = DsseEnvelopeJson.validate(signature, []);
    if (E.isLeft(s)) return undefined;
    out.signature = s.right;
  }
  return out;
};

const readReview = (u: Rec): Rec | undefined =>
  !hasOther(u, REVIEW_KEYS) && VersionNumber.is(u.version) && Name.is(u.role)
    ? { schema: u.schema, version: u.version, role: u.role }
    : undefined;

const readVersion = (u: Rec): Rec | undefined =>
  !hasOther(u, VERSION_KEYS) && VersionNumber.is(u.version)
    ? { schema: u.schema, version: u.version }
    : undefined;

interface Rule {
  readonly reasonRequired: boolean;
  readonly read: (payload: Rec, note: ReadNote) => Rec | undefined;
}

// Mirrors PAYLOAD_CODECS and REASON_REQUIRED in events.ts.
const RULES = new Map<string, Rule>([
  ['exception.proposed', { reasonRequired: false, read: readProposed }],
  ['exception.amended', { reasonRequired: true, read: readRevised }],
  ['exception.renewed', { reasonRequired: true, read: readRevised }],
  ['exception.approved', { reasonRequired: false, read: readApproved }],
  ['exception.rejected', { reasonRequired: true, read: readReview }],
  ['exception.changes_requested', { reasonRequired: true, read: readReview }],
  ['exception.revoked', { reasonRequired: true, read: readVersion }],
  ['exception.expired', { reasonRequired: false, read: readVersion }],
]);
